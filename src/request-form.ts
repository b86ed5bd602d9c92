/** Registers <request-form>. */
import { defineElement } from './define.js';
import { RequestForm } from './elements/request-form/request-form.js';

defineElement('request-form', RequestForm);
export { RequestForm };
export type { RequestFormFeed, Receipt } from './schema/request-form.js';
declare global {
  interface HTMLElementTagNameMap { 'request-form': RequestForm }
}
