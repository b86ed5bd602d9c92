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

/** A date at the start of a text, and the text after it (`rest`, not trimmed). */
interface DatePrefix {
  /** YYYY-MM-DD; null when the numbers are not a real day (2013-02-30). */
  date: string | null;
  rest: string;
  /** An Excel day number (41338), as a date column formatted 常规 (General) is saved in CSV. */
  serial?: boolean;
  /** An Excel day number with a fraction (41338.5): a day and a time of day. */
  serialTime?: boolean;
  /** With `date` null: the year, month and day as written, to say what is wrong with them (whyNotADay). */
  parts?: [number, number, number];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why year, month and day are not a day of the calendar (there is no month 13; February 2013 has 28 days), or ''. */
export function whyNotADay(y: number, m: number, d: number): string {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1) return 'there is no day 0';
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return `${MONTH_NAMES[m - 1]} ${y} has ${days} days`;
  if (y < 1900 || y > 2200) return `the year ${y} is not between 1900 and 2200`;
  return '';
}

/** { date, rest } for year, month and day, with `parts` when they are not a day. */
const dayOf = (y: number, m: number, d: number, rest: string): DatePrefix => {
  const date = ymd(y, m, d);
  return date ? { date, rest } : { date, rest, parts: [y, m, d] };
};

/** A year-first date (all forms of parseChineseDate) at the start of `s` (already through `dashes`). */
function ymdPrefix(s: string): DatePrefix | null {
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
  // A dot after dotted numbers belongs to the date (2013.03.05., 2013. 3. 5.: how Korean and Hungarian write dates).
  const m = /^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(月|[-/.])\s*(\d{1,2})(?!\d)(\s*[日号]|\s*\.(?!\d))?/.exec(s);
  if (m) {
    const end = m[5] && m[5].endsWith('.') && m[3] !== '.' ? m[0].length - m[5].length : m[0].length;
    return dayOf(+m[1]!, +m[2]!, +m[4]!, s.slice(end));
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s);
  if (compact) return dayOf(+compact[1]!, +compact[2]!, +compact[3]!, s.slice(compact[0].length));
  const serial = /^(\d{5})(?:\.(\d+))?$/.exec(s);
  if (serial) {
    // Excel serial date (1900 system): day 25569 is 1970-01-01; a fraction is the time of day.
    const t = new Date((+serial[1]! - 25569) * 86400000);
    return { date: ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()), rest: '', serial: true, serialTime: /[1-9]/.test(serial[2] ?? '') };
  }
  return null;
}

/**
 * A date in the usual Chinese spreadsheet forms as YYYY-MM-DD: 2013年3月5日 (or 号), 二〇一三年三月五日 (〇 or ○, as
 * official documents write their 成文日期), 2013-3-5 (or with full-width hyphens, en or em dashes), 2013/03/05,
 * 2013.3.5, 20130305, Excel serial day numbers (41338), and 民国 years (民国102年3月5日, 民国三十七年五月一日). Whatever
 * follows the date (a time, a weekday) is passed over; null when the text does not start with a real date.
 */
export function parseChineseDate(raw: string): string | null {
  return ymdPrefix(dashes(raw))?.date ?? null;
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?`;
const ORDINAL = '(?:st|nd|rd|th)?';
/** A year as written after a month name: four digits, or two not followed by a time's colon (Mar 5 13:00 is no year). */
const YEAR = String.raw`(\d{4}|\d{2}(?![:\d]))(?!\d)`;
/** Month name first (Mar 5, 2013; March 5th, 2013) or second (5 March 2013; 5-Mar-2013, Excel's d-mmm-yyyy). */
const MONTH_NAME_DATE = [
  new RegExp(String.raw`^${WEEKDAY}${MONTH}\s*[-/ ]?\s*(\d{1,2})${ORDINAL}\s*[-/, ]\s*${YEAR}`, 'i'),
  new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}\s*[-/ ]?\s*${MONTH},?\s*[-/ ]?\s*${YEAR}`, 'i'),
];

/**
 * A date at the start of a cell in any form read here, and the text after it:
 * - `ymd`: year first (2013-03-05, 2013年3月5日 …, see parseChineseDate) or with the month's name and a four-digit
 *   year (Mar 5, 2013 · 5 March 2013 · 5-Mar-2013);
 * - `yearLast`: 3/5/2013, 3-5-2013 or 3.5.2013 (Excel's short date on an English or European system; after dots a dot
 *   too, 5. 3. 2013., as Croatian and Serbian write it): the two numbers before the year, whose order (month/day in
 *   the US, day/month elsewhere) the caller decides, and the separator;
 * - `twoDigitYear`: 3/5/13, 13-5-3, 13.3.5, 13年3月5日, 5-Mar-13: which century, and in 13-5-3 which number is the
 *   year, cannot be told, so the caller refuses it rather than guess.
 * Null when the cell does not start with a date.
 */
export type LeadingDate =
  | ({ form: 'ymd' } & DatePrefix)
  | { form: 'yearLast'; a: number; b: number; year: number; sep: string; rest: string }
  | { form: 'twoDigitYear'; rest: string };

export function leadingDate(raw: string): LeadingDate | null {
  const s = dashes(raw);
  if (!s) return null;
  const p = ymdPrefix(s);
  if (p) return { form: 'ymd', ...p };
  const y = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)(\.(?!\d))?/.exec(s);
  if (y) {
    const end = y[5] && y[2] !== '.' ? y[0].length - 1 : y[0].length;
    return { form: 'yearLast', a: +y[1]!, b: +y[3]!, year: +y[4]!, sep: y[2]!, rest: s.slice(end) };
  }
  for (const [i, re] of MONTH_NAME_DATE.entries()) {
    const m = re.exec(s);
    if (!m) continue;
    const [name, day] = i ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const rest = s.slice(m[0].length);
    if (m[3]!.length === 2) return { form: 'twoDigitYear', rest };
    const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1;
    return { form: 'ymd', ...dayOf(+m[3]!, month, +day, rest) };
  }
  const yy = /^(?:\d{1,2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{1,2}(?![\d:])(?:\.(?!\d))?|\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}(?!\d)\s*[日号]?)/.exec(s);
  return yy ? { form: 'twoDigitYear', rest: s.slice(yy[0].length) } : null;
}

/** Mar 5, 2013 · March 5th, 2013 · Tuesday, 5 March 2013 · 5-Mar-2013 → 2013-03-05 (what follows passed over); null otherwise. */
export function parseMonthNameDate(raw: string): string | null {
  const d = leadingDate(raw);
  return d?.form === 'ymd' && !/^\d/.test(dashes(raw)) ? d.date : null;
}

const PART_OF_DAY = '(?:上午|下午|中午|晚上|早上|凌晨|傍晚|夜间|[ap]\\.?m\\.?(?![a-z]))';
/**
 * A time of day: 14:30, 14:30:00.000, 9:05 AM, 上午9点, 下午3时30分, 15点半, 下午 alone, T10:00:00+08:00 (an offset only
 * after seconds: 09:00-11:00 is a time range).
 */
const TIME = String.raw`(?:T\s*)?(?:${PART_OF_DAY}\s*)?(?:(?:[01]?\d|2[0-4])(?:\s*:\s*[0-5]\d(?:\s*:\s*[0-5]\d(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?(?![\d:]))?)?|\s*[点时](?:\s*(?:半|[0-5]?\d\s*分?(?:\s*[0-5]?\d\s*秒)?))?)(?:\s*${PART_OF_DAY})?|${PART_OF_DAY})`;
const WEEKDAY_AFTER = String.raw`(?:[(（]\s*)?(?:(?:星期|周|礼拜)[一二三四五六日天]|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?(?![a-z])\.?)(?:\s*[)）])?`;
const TAIL = new RegExp(String.raw`^[\s,，]*(${WEEKDAY_AFTER})?[\s,，]*(${TIME})?\s*`, 'i');
const TIME_ONLY = new RegExp(String.raw`^${TIME}\s*$`, 'i');

/**
 * What a date cell holds, read as a date and the text after it:
 * - `date`: the date alone, or with a weekday (2013年3月5日星期二), nothing else; `time` is set when a time of day
 *   follows it (2013-03-05 14:30, 2013年3月5日 下午, 41338.5): the day is meant;
 * - `timeRange`: times on that one day (2013-03-05 09:00-11:00, 2013年3月5日 9:00至11:00, or the day written twice);
 * - `range`: a range of dates (2013-3-5至2013-4-5, 2013年3月5日至今, 3/5/2013-4/5/2013): after 至, 到 or ~ the end
 *   only has to start with a number (also in Chinese numerals) or 今 (至4月5日); after a dash it must be a date;
 * - `other`: the date followed by other text (2013-03-05 hello, 2013-03-05abc, 2013年3月5日到期), quoted in `text`.
 * Null when the cell does not start with a date (nor a two-digit-year date).
 */
export type DateCell =
  | { kind: 'date'; first: LeadingDate; time?: string }
  | { kind: 'timeRange'; first: LeadingDate; end?: LeadingDate }
  | { kind: 'range'; first: LeadingDate; end?: LeadingDate }
  | { kind: 'other'; first: LeadingDate; text: string };

export function readDateCell(raw: string): DateCell | null {
  const first = leadingDate(raw);
  if (!first) return null;
  if (first.form === 'ymd' && first.serialTime) return { kind: 'date', first, time: 'the fraction of the day number' };
  const tail = TAIL.exec(first.rest)!;
  const time = tail[2]?.trim();
  const rest = first.rest.slice(tail[0].length);
  if (!rest) return time ? { kind: 'date', first, time } : { kind: 'date', first };
  // A range: 至, 到 or ~ (then a number or 今), or a dash (then a date or a time).
  const sep = /^(?:(至|到|~|〜)|-+)\s*/.exec(rest);
  if (sep) {
    const end = rest.slice(sep[0].length);
    if (time && TIME_ONLY.test(end)) return { kind: 'timeRange', first };
    const endDate = leadingDate(end);
    const endTail = endDate && TAIL.exec(endDate.rest)!;
    if (endDate && endTail && endTail[0].length === endDate.rest.length) {
      return { kind: time && endTail[2] ? 'timeRange' : 'range', first, end: endDate };
    }
    if (sep[1] && /^[\d今〇○零一二三四五六七八九十]/.test(end) && !(time && /^\d/.test(end))) return { kind: 'range', first };
  }
  return { kind: 'other', first, text: (time ? rest : first.rest).trim() };
}

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
