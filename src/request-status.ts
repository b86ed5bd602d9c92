/** Registers <request-status>. */
import { defineElement } from './define.js';
import { RequestStatus } from './elements/request-status/request-status.js';

defineElement('request-status', RequestStatus);
export { RequestStatus };
export type { StatusAnswer } from './schema/request-form.js';
declare global {
  interface HTMLElementTagNameMap { 'request-status': RequestStatus }
}
