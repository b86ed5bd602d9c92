/** Registers <disclosure-provider>. */
import { defineElement } from './define.js';
import { DisclosureProvider } from './elements/disclosure-provider/disclosure-provider.js';

defineElement('disclosure-provider', DisclosureProvider);
export { DisclosureProvider };
declare global {
  interface HTMLElementTagNameMap { 'disclosure-provider': DisclosureProvider }
}
