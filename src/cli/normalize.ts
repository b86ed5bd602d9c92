/** Normalizers for text found in spreadsheets and report pages: dates, numbers, full-width characters. */

/** Full-width ASCII (！…～) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function ymd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Half-width, trimmed, with hyphens and dashes (‐ – — − ﹘ ﹣) as '-'. */
const dashes = (s: string) => toHalfWidth(s).trim().replace(/[\u2010-\u2015\u2212\ufe58\ufe63]+/g, '-');

const CN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 五 → 5, 十二 → 12, 三十一 → 31 (month and day numbers); NaN for anything else. */
function cnSmallNumber(s: string): number {
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || !s || (!m[2] && m[1])) return CN_DIGITS[s] ?? NaN;
  return (m[2] ? (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 : 0) + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/**
 * A date in the usual Chinese spreadsheet forms as YYYY-MM-DD: 2013年3月5日 (or 号), 二〇一三年三月五日 (〇 or ○, as
 * official documents write their 成文日期), 2013-3-5 (or with full-width hyphens, en or em dashes), 2013/03/05,
 * 2013.3.5, 20130305 (a time after the date is ignored), Excel serial day numbers (41338), and 民国 years
 * (民国102年3月5日, 民国三十七年五月一日). Null when it is not a real date.
 */
export function parseChineseDate(raw: string): string | null {
  let s = dashes(raw);
  if (!s) return null;
  // 民国 (Republic of China) years, as archives and older 成文日期 write them: 民国 1 is 1912.
  const roc = /^(?:中华)?民[国國]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*年/.exec(s);
  if (roc) {
    const n = /^\d/.test(roc[1]!) ? +roc[1]! : cnSmallNumber(roc[1]!);
    if (!(n >= 1)) return null;
    const cnDay = /^\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*([日号])/;
    s = `${1911 + n}年${s.slice(roc[0].length).replace(cnDay, (_, mo: string, d: string, e: string) => `${cnSmallNumber(mo)}月${cnSmallNumber(d)}${e}`)}`;
  }
  const cn = /^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三十]{1,2}|[一二三四五六七八九])\s*月\s*([一二三十]{0,2}[一二三四五六七八九]?)\s*[日号]/.exec(s);
  if (cn) {
    const y = [...cn[1]!].map((c) => CN_DIGITS[c]).join('');
    const mo = cnSmallNumber(cn[2]!);
    const d = cnSmallNumber(cn[3]!);
    if (!Number.isFinite(mo) || !Number.isFinite(d)) return null;
    s = `${y}年${mo}月${d}日${s.slice(cn[0].length)}`;
  }
  // After 日 or 号 anything may follow (2013年3月5日星期二, …日（星期二）); after a number, a time or nothing, and after
  // dotted numbers a dot too (2013.03.05., 2013. 3. 5.: how Korean and Hungarian write dates).
  let m = /^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(月|[-/.])\s*(\d{1,2})\s*(?:[日号]|(\.?)\s*(?:$|[\sT]))/.exec(s);
  if (m && !(m[5] && m[3] !== '.')) return ymd(+m[1]!, +m[2]!, +m[4]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:$|[\sT])/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m) {
    // Excel serial date (1900 system): day 25569 is 1970-01-01.
    const t = new Date((+m[1]! - 25569) * 86400000);
    return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  return null;
}

/**
 * 3/5/2013, 3-5-2013 or 3.5.2013 (Excel's short date on an English or European system, a time after it ignored; after
 * dots a dot too, 5. 3. 2013., as Croatian and Serbian write it): the two numbers before the year, whose order
 * (month/day in the US, day/month elsewhere) the caller decides, and the separator. Null for any other form.
 */
export function slashDateYearLast(raw: string): { a: number; b: number; year: number; sep: string } | null {
  const m = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})(\.?)(?:$|\s)/.exec(dashes(raw));
  return m && !(m[5] && m[2] !== '.') ? { a: +m[1]!, b: +m[3]!, year: +m[4]!, sep: m[2]! } : null;
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?`;
const ORDINAL = '(?:st|nd|rd|th)?';
/** Month name first (Mar 5, 2013; March 5th, 2013) or second (5 March 2013; 5-Mar-2013, Excel's d-mmm-yyyy). */
const MONTH_NAME_DATE = [
  new RegExp(String.raw`^${WEEKDAY}${MONTH}\s*[-/ ]?\s*(\d{1,2})${ORDINAL}\s*[-/, ]\s*(\d{4}|\d{2})(?:$|[\sT])`, 'i'),
  new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}\s*[-/ ]?\s*${MONTH},?\s*[-/ ]?\s*(\d{4}|\d{2})(?:$|[\sT])`, 'i'),
];

/** An English date with the month's name (Mar 5, 2013 · 5 March 2013 · 5-Mar-2013): year (as written), month, day. */
function monthNameParts(raw: string): { year: string; month: number; day: number } | null {
  const s = dashes(raw);
  for (const [i, re] of MONTH_NAME_DATE.entries()) {
    const m = re.exec(s);
    if (!m) continue;
    const [name, day] = i ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    return { year: m[3]!, month: 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1, day: +day };
  }
  return null;
}

/** Mar 5, 2013 · March 5th, 2013 · Tuesday, 5 March 2013 · 5-Mar-2013 → 2013-03-05 (a time after it ignored); null otherwise. */
export function parseMonthNameDate(raw: string): string | null {
  const p = monthNameParts(raw);
  return p && p.year.length === 4 ? ymd(+p.year, p.month, p.day) : null;
}

/**
 * True for a date written with a two-digit year (3/5/13, 13-5-3, 13.3.5, 13年3月5日, 5-Mar-13): which century, and
 * in 13-5-3 which number is the year, cannot be told, so the caller refuses it rather than guess.
 */
export const hasTwoDigitYear = (raw: string) =>
  /^(?:\d{1,2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{1,2}\.?|\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)(?:$|\s)/.test(dashes(raw)) ||
  monthNameParts(raw)?.year.length === 2;

/**
 * A range of dates in one cell (2013-3-5至2013-4-5, 2013-03-05 ~ 2013-04-05, 2013年3月5日至今, 3/5/2013-4/5/2013):
 * the first date as written and the rest; null when the cell is not one. After 至, 到 or ~ the rest only has to start
 * with a number (also in Chinese numerals) or 今 (至4月5日, 至今; 2013年3月5日到期 is one date); around a dash both sides
 * must be dates.
 */
export function splitDateRange(raw: string): [string, string] | null {
  const s = dashes(raw);
  // Quick way out for the usual one date (a range needs 至, 到 or ~, or two years) and for long text (each dash would
  // be tried, and a range of two dates is never that long).
  if (s.length > 80 || !/[至到~〜]|\d{4}.*\D\d{4}/.test(s)) return null;
  for (const m of s.matchAll(/\s*(?:(至|到|~|〜)|-+)\s*/g)) {
    const first = s.slice(0, m.index);
    const rest = s.slice(m.index + m[0].length);
    if (first && (m[1] ? /^[\d今〇○零一二三四五六七八九十]/.test(rest) : isDateLike(rest)) && isDateLike(first)) return [first, rest];
  }
  return null;
}

const isDateLike = (s: string) => !!(parseChineseDate(s) || slashDateYearLast(s) || monthNameParts(s) || hasTwoDigitYear(s));

export interface ParsedNumber {
  value: number;
  /** Unit written in the cell, normalised: 'CNY' (元), '10kCNY' (万元), or the counting word (件, 条 …). */
  unit?: string;
}

/**
 * A figure as written in a report cell: "1,520", "１５２０", "251000元", "12.5万元", "3件", "约35000".
 * Returns null for anything else. "万" without 元 multiplies by 10,000 (3.5万 → 35000).
 */
export function parseFigure(raw: string): ParsedNumber | null {
  let s = toHalfWidth(raw).replace(/\s+/g, '').replace(/[,，]/g, '');
  s = s.replace(/^(约|共计?|合计)/, '');
  const m = /^([+-]?\d+(?:\.\d+)?)(万元|亿元|元|万|件|条|个|项|次|人次|篇|份|宗|起|户)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  const unit = m[2];
  if (unit === '元') return { value: n, unit: 'CNY' };
  if (unit === '万元') return { value: n, unit: '10kCNY' };
  if (unit === '亿元') return { value: Math.round(n * 10000 * 1e6) / 1e6, unit: '10kCNY' };
  if (unit === '万') return { value: Math.round(n * 10000) };
  return unit ? { value: n, unit } : { value: n };
}

/** FNV-1a 32-bit hash as 8 hex digits: short stable ids from labels. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** An id for a vocabulary label: an ASCII slug when the label is ASCII, else prefix + hash of the label path. */
export function termId(prefix: string, path: string): string {
  const last = path.split('\u0000').pop()!;
  if (/^[\x20-\x7e]+$/.test(last)) {
    const slug = path.split('\u0000').join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug) return slug;
  }
  return `${prefix}-${hash(path).slice(0, 6)}`;
}

/**
 * The scheme (e.g. "https:") a browser uses for a link, relative links counting as http: the URL parser drops tabs
 * and newlines and trims blanks, so java<TAB>script: is javascript:. Written-out scheme when the link does not parse.
 */
export function linkScheme(link: string): string {
  try {
    return new URL(link, 'http://x/').protocol;
  } catch {
    return /^\s*([a-z][a-z0-9+.-]*:)/i.exec(link)?.[1]!.toLowerCase() ?? 'http:';
  }
}
