/** Registers <disclosure-catalogue>. */
import { defineElement } from './define.js';
import { DisclosureCatalogue } from './elements/disclosure-catalogue/disclosure-catalogue.js';

defineElement('disclosure-catalogue', DisclosureCatalogue);
export { DisclosureCatalogue };
export type { CatalogueFeed, CatalogueItem } from './schema/catalogue.js';
declare global {
  interface HTMLElementTagNameMap { 'disclosure-catalogue': DisclosureCatalogue }
}
