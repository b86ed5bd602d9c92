import { Strings, type LocaleId } from '../core/locale.js';
import { isFoia } from '../rules/working-days.js';
import type { RequestMessages } from './zh-CN/request.js';

export type { RequestMessages };

/** The English strings of US and UK FOIA forms (en/foia.ts, a chunk of its own), by jurisdiction, once loaded. */
let foia: Record<string, RequestMessages> | undefined;

/** The request strings, one chunk per locale, loaded when an element first needs that locale. */
export class RequestStrings extends Strings<RequestMessages> {
  /** The strings of a form of jurisdiction `j` in `locale`: on a US or UK FOIA form in English, FOIA's words. */
  form(locale: LocaleId, j?: string): RequestMessages;
  /**
   * Runs an element's update, `go`, once the strings form() gives a FOIA form in English are there: their chunk is
   * loaded first. If that fails (a lost connection), FOIA forms speak the plain English strings until the page is
   * reloaded: never a mixture of both on one page. Other forms and languages go on at once.
   */
  form(locale: LocaleId, j: string | undefined, go: () => void | Promise<unknown>): void | Promise<unknown>;
  form(locale: LocaleId, j?: string, go?: () => void | Promise<unknown>) {
    const f = locale == 'en' && isFoia(j!);
    return !go ? (f && foia?.[j!]) || this.get(locale) : f && !foia ? import('./en/foia.js').then((m) => m.default, () => ({})).then((w) => (foia = w)).then(go) : go();
  }
}

export const requestStrings = new RequestStrings({
  'zh-CN': () => import('./zh-CN/request.js'),
  en: () => import('./en/request.js'),
});
