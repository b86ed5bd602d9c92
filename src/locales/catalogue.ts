import { Strings } from '../core/locale.js';
import type { CatalogueMessages } from './zh-CN/catalogue.js';

export type { CatalogueMessages };

/** The catalogue strings, one chunk per locale, loaded when an element first needs that locale. */
export const catalogueStrings = new Strings<CatalogueMessages>({
  'zh-CN': () => import('./zh-CN/catalogue.js'),
  en: () => import('./en/catalogue.js'),
});
