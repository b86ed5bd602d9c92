import { Strings } from '../core/locale.js';
import type { RequestMessages } from './zh-CN/request.js';

export type { RequestMessages };

/** The request strings, one chunk per locale, loaded when an element first needs that locale. */
export const requestStrings = new Strings<RequestMessages>({
  'zh-CN': () => import('./zh-CN/request.js'),
  en: () => import('./en/request.js'),
});
