/** Registers <disclosure-catalogue> (and <disclosure-provider>, which it works with). */
import { defineElement } from './define.js';
import { DisclosureCatalogue } from './elements/disclosure-catalogue/disclosure-catalogue.js';
import './provider.js';

defineElement('disclosure-catalogue', DisclosureCatalogue);
export { DisclosureCatalogue };
export type { CatalogueFeed, CatalogueItem } from './schema/catalogue.js';
declare global {
  interface HTMLElementTagNameMap { 'disclosure-catalogue': DisclosureCatalogue }
}
