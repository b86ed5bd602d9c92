import type { LocaleId } from './locale.js';
import { bare } from './json.js';

/** Locale-aware formatting of numbers, dates and sizes, all through Intl. */

/** Intl formatters, made once per kind, locale and options: a new one costs far more than its use. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const cached = <F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  Format: new (locale: LocaleId, options: object) => F, locale: LocaleId, options: object,
): F => {
  const key = Format.name + locale + JSON.stringify(options);
  // (bare: Intl reads the options it is not given, `unit`, `year`, `timeZone` …, from a host page's polluted prototype.)
  return (cache.get(key) ?? cache.set(key, new Format(locale, bare(options))).get(key)) as F;
};
const numberFormat = (locale: LocaleId, options: Intl.NumberFormatOptions = {}) => cached(Intl.NumberFormat, locale, options);
/** A cached Intl.DateTimeFormat (also used by the request elements' formatDateTime, src/elements/request-form/net.ts). */
export const dateFormat = (locale: LocaleId, options: Intl.DateTimeFormatOptions) => cached(Intl.DateTimeFormat, locale, options);

export function formatNumber(value: number, locale: LocaleId, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A `YYYY-MM-DD` date as the reader expects it (2013年3月5日 / Mar 5, 2013; 5 Mar 2013 for `en-GB`, which the request
 * elements pass for a UK form in English); other text is returned as it is. A short month is written 3月 in Chinese too.
 */
export function formatDate(value: string | null | undefined, locale: LocaleId): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** A byte count as KB/MB (1 KB = 1024 bytes). */
export function formatBytes(bytes: number, locale: LocaleId): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (bytes >= 1024 && i < 3) {
    bytes /= 1024;
    i++;
  }
  return `${formatNumber(bytes, locale, { maximumFractionDigits: i && 1 })} ${units[i]}`;
}

/**
 * Creates the formatters of a locale ahead of need: the first Intl.NumberFormat of a page costs 10–20 ms (locale data),
 * which is better spent while a feed is still downloading than after it arrived.
 */
export function warmFormats(locale: LocaleId): void {
  try {
    numberFormat(locale);
    formatDate('2000-01-01', locale);
  } catch {
    // A page whose Intl is broken (its polyfill): said by the feed's load (kind script), not as an error of the page.
  }
}

/**
 * Feed text in an attribute among the UI's words (an aria-label), which dir="auto" cannot reach:
 * wrapped in U+2068 FSI … U+2069 PDI when it holds right-to-left letters (Hebrew, Arabic script and their neighbours;
 * beyond the BMP, U+10800–U+10FFF and U+1E800–U+1EFFF, where Unicode keeps right-to-left scripts such as Adlam and
 * Hanifi Rohingya: their high surrogates, D802–D803 and D83A–D83B, as the pattern has no u flag),
 * so that it reads right to left within itself and the UI's words and numbers around it keep their side. Other text
 * is returned as it is: the names of Chinese or English labels do not change.
 */
export const isolate = (s: string) => (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\ud802\ud803\ud83a\ud83b]/.test(s) ? `\u2068${s}\u2069` : s);
