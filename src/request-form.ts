/** Registers <request-form> (and <disclosure-provider>, which it works with). */
import { defineElement } from './define.js';
import { RequestForm } from './elements/request-form/request-form.js';
import './provider.js';

defineElement('request-form', RequestForm);
export { RequestForm };
export type { RequestFormFeed, Receipt } from './schema/request-form.js';
declare global {
  interface HTMLElementTagNameMap { 'request-form': RequestForm }
}
