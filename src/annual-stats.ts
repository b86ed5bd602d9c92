/** Registers <annual-stats> (and <disclosure-provider>, which it works with). Chart code loads only when drawn. */
import { defineElement } from './define.js';
import { AnnualStats } from './elements/annual-stats/annual-stats.js';
import './provider.js';

defineElement('annual-stats', AnnualStats);
export { AnnualStats };
export type { AnnualReport } from './elements/annual-stats/model.js';
declare global {
  interface HTMLElementTagNameMap { 'annual-stats': AnnualStats }
}
