/** Registers <annual-stats>. Chart code loads only when drawn. */
import { defineElement } from './define.js';
import { AnnualStats } from './elements/annual-stats/annual-stats.js';

defineElement('annual-stats', AnnualStats);
export { AnnualStats };
export type { AnnualReport } from './elements/annual-stats/model.js';
declare global {
  interface HTMLElementTagNameMap { 'annual-stats': AnnualStats }
}
