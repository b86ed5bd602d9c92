import { Strings } from '../core/locale.js';
import type { CoreMessages } from './zh-CN/core.js';

export type { CoreMessages };

/** The core strings, one chunk per locale, loaded when an element first needs that locale. */
export const coreStrings = new Strings<CoreMessages>({
  'zh-CN': () => import('./zh-CN/core.js'),
  en: () => import('./en/core.js'),
});
