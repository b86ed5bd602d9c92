import { Strings } from '../core/locale.js';
import type { AnnualMessages } from './zh-CN/annual.js';

export type { AnnualMessages };

/** The annual strings, one chunk per locale, loaded when an element first needs that locale. */
export const annualStrings = new Strings<AnnualMessages>({
  'zh-CN': () => import('./zh-CN/annual.js'),
  en: () => import('./en/annual.js'),
});
