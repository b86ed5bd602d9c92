/// <reference types="node" />
/**
 * An Excel workbook (.xlsx) read as rows of text, for `catalogue from-csv`: the first worksheet shown (or the one
 * chosen by name or number, `--sheet`), with what saving it as CSV would lose or hide said in notes. Built on node:zlib (no dependency): the zip's central directory, the
 * worksheet's XML, the shared strings, the styles (to tell dates from numbers) and the workbook's date system.
 *
 * - A date cell (a number with a date format) is written YYYY-MM-DD (with its time when it has one), as Excel's own
 *   CSV would show it, so the converter reads it as a date and not as a day number. A time of day is written H:MM
 *   (H:MM:SS when its format shows seconds) on the 24-hour clock; a duration ([h]:mm) as its hours, 36:00.
 * - A number with a format of decimals, a percent or thousands (0.00, 0.0%, #,##0) is written as Excel shows it: 12.50,
 *   12.5%, 1,234, through the format's section for its value: a negative number the second ((1,234), without its
 *   minus sign), a 0 the third ("-" in #,##0;-#,##0;"-" and the accounting formats; nothing in 0;-0;;@; 0 in
 *   0.00;-0.00;0). Each comma after the last digit divides by a thousand (#,##0, shows 1234567 as 1,235). A ; in quotes
 *   or after \ does not end a section. Text is written as typed (a fourth section, @, is
 *   not applied). AM/PM, 上午/下午 and 年 月 日 时 分 秒 in a date or time format change nothing written (see above).
 * - A format with conditions ([>=100]0.0;[<0]0.00;0, [=1]"是";[=0]"否";0) shows a number through the section its value
 *   chooses, by Microsoft's rules: the first section whose condition holds (the first for > 0 and the second for < 0
 *   when they have none), else the third; of two sections, the second when it has no condition. A negative number
 *   loses its minus sign as Excel shows it (see numberFormat). A number that such a
 *   format shows through a section not read here (a 万 format that inserts a dot with !.: 0!.0,"万"), or
 *   that no section takes, and one in Chinese numerals ([DBNum1], [DBNum2]), is written plain, with a note naming the
 *   cells: a wrong figure in a feed is worse than the plain one.
 * - WPS's pictures in cells (=DISPIMG("ID_…",1)) are empty, with a note naming the cells.
 * - A formula cell is its last computed value, as saved in the file; a formula without one (a file written by a
 *   program that does not compute) is empty, with a note naming the cells.
 * - Merged cells: the value of the top-left cell stands on each row of the range, in its first column (a 发布机构
 *   merged down over the rows it applies to stands on each; a title merged across the columns stands once).
 * - Hidden columns and rows (internal notes, rows filtered out) are left out, unless `includeHidden`: their cells
 *   read as empty, and the rows are not there. `hiddenColumns` and `hiddenRows` say which held anything.
 * - A number is written as Excel shows it: 15 significant digits (0.1+0.2, stored as 0.30000000000000004, is 0.3),
 *   without an exponent. A whole number of more than 15 digits (an 索引号 typed as a number) lost its digits after
 *   the 15th when it was typed: a warning names the cell.
 * - A number with a format of zeros (000000, "JS-"0000: an id typed as a number) is written with them, as Excel shows it.
 * - A link inserted on a cell (Insert → Link) is kept beside its text, for the url column.
 * - The parts are found through the relationships (_rels/*.rels), names compared without case and percent-encoding,
 *   with / or \ between folders; zip64 archives are read.
 */
import { inflateRawSync } from 'node:zlib';
import { usageError } from './io.js';
import type { CsvRecord } from './csv.js';

/**
 * A row of the sheet: `line` is its row number in Excel; `links` the targets of links inserted on its cells;
 * `fromAbove` marks the cells whose value comes from a cell merged down over them (the row above).
 */
export interface SheetRecord extends CsvRecord { links?: (string | undefined)[]; fromAbove?: boolean[] }

export interface Workbook {
  sheet: string;
  /** The names of the workbook's sheets, in order. */
  sheets: string[];
  records: SheetRecord[];
  /**
   * The sheet's column (index from 0) of each place in a record's cells: 0, 1, 2 … as the sheet has them, but where a
   * run of more than 256 columns with nothing in them was left out (a value in XFD is then the next place).
   */
  columns: number[];
  notes: string[];
  /** What a row's cells lost before the file was saved (a long id typed as a number). */
  warnings: { line: number; message: string }[];
  /** The hidden columns that hold anything (index from 0), with their cells by row number, to name them by their header. */
  hiddenColumns: { index: number; cells: Map<number, string> }[];
  /** The hidden rows that hold anything. */
  hiddenRows: number[];
}

/** A number as Excel shows it: 15 significant digits, trailing zeros dropped, written out without an exponent. */
export function excelNumber(n: number): string {
  const [m, e] = n.toExponential(14).split('e') as [string, string];
  const digits = m.replace(/^-|\./g, '').replace(/0+$/, '');
  const exp = +e;
  const sign = n < 0 ? '-' : '';
  if (!digits) return '0';
  // (Far out of the range of ids and amounts: as JavaScript writes it, with its exponent.)
  if (exp > 20 || exp < -9) return String(Number(n.toPrecision(15)));
  if (exp >= digits.length - 1) return sign + digits + '0'.repeat(exp - digits.length + 1);
  return sign + (exp >= 0 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : `0.${'0'.repeat(-exp - 1)}${digits}`);
}


/** The most one part of a workbook may unpack to (a JavaScript string holds at most about 512 MB). */
const MAX_PART = 400 * 2 ** 20;

/** What a zip archive is, for the words of its errors: its name, how to mend it, what to do with a part too large. */
export interface ZipKind { name: string; resave: string; max: number; tooBig: string }
const WORKBOOK: ZipKind = {
  name: 'the workbook', resave: 'open it in Excel and save it again', max: MAX_PART,
  tooBig: 'save the sheet as "CSV UTF-8" and convert that, or split the workbook',
};

/**
 * The files of a zip archive, by name (in lower case: part names ignore case), inflated when asked for. Zip64 (which
 * some writers use for every archive, however small) is read: the zip64 end of central directory record, and sizes
 * and offsets in zip64 extra fields. `kind` words the errors for the file it is (a workbook, a Word document) and sets
 * the most a part may unpack to.
 */
export function unzip(bytes: Uint8Array, kind: ZipKind = WORKBOOK): Map<string, () => Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = new Error(`the zip archive is damaged (no central directory): ${kind.resave}`);
  // (Offsets past 2^53 are past any file this reads, and fail the bounds checks below.)
  const u64 = (at: number) => (at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : Infinity);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw damaged;
  let count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  // The zip64 locator, just before the end record, gives where the zip64 end record is, which has the count and offset.
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const end64 = u64(eocd - 12);
    if (!(end64 + 56 <= bytes.length) || view.getUint32(end64, true) !== 0x06064b50) throw damaged;
    count = u64(end64 + 32);
    p = u64(end64 + 48);
  }
  const files = new Map<string, () => Uint8Array>();
  const utf8 = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= bytes.length && view.getUint32(p, true) === 0x02014b50; n++) {
    const method = view.getUint16(p + 10, true);
    let size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let local = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // The zip64 extra field (id 1): the original size, the packed size and the offset, each only where its place in
    // the record holds 0xFFFFFFFF, in that order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; x += 4 + view.getUint16(x + 2, true)) {
      if (view.getUint16(x, true) !== 1) continue;
      let at = x + 4;
      if (view.getUint32(p + 24, true) === 0xffffffff) at += 8;
      if (size === 0xffffffff) { size = u64(at); at += 8; }
      if (local === 0xffffffff) local = u64(at);
      break;
    }
    // Some Windows tools write xl\worksheets\sheet1.xml; a name may be percent-encoded as in the relationships.
    files.set(unescapePart(name.replace(/\\/g, '/').replace(/^\/+/, '')).toLowerCase(), () => {
      if (!(local + 30 <= bytes.length) || view.getUint32(local, true) !== 0x04034b50) {
        throw new Error(`${name} is damaged in ${kind.name} (its data is not where the zip's directory says): ${kind.resave}`);
      }
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + size);
      if (method === 0) return data;
      // A part that unpacks to more than a string can hold (a damaged file, or a "zip bomb") is refused in words.
      if (method === 8) {
        try {
          return new Uint8Array(inflateRawSync(data, { maxOutputLength: kind.max }));
        } catch (error) {
          if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw new Error(`${name} is damaged in ${kind.name} (${(error as Error).message}): ${kind.resave}`);
          throw new Error(`${name} unpacks to more than ${kind.max / 2 ** 20} MB, more than this tool reads: ${kind.tooBig}`);
        }
      }
      throw new Error(`${name} is compressed in a way this tool does not read (method ${method}): ${kind.resave}`);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/**
 * XML character data → text: the five entities and character references, decoded once; a reference past U+10FFFF
 * (no character: a damaged or hostile file) is U+FFFD. Shared with the Word reader (docx.ts).
 */
export const xmlChars = (s: string) =>
  s.replace(/&(?:#x([\da-f]+)|#(\d+)|(\w+));/gi, (m, hex: string, dec: string, name: string) => {
    const code = hex ? parseInt(hex, 16) : dec ? +dec : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return ENTITIES[name] ?? m;
  });
/** A workbook's text: XML's, then the _xHHHH_ escapes Office writes for control characters (_x000D_ for \r). */
const xmlText = (s: string) => xmlChars(s).replace(/_x([\da-f]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * The attributes of a start tag's text, without their prefixes, but for a relationship's id (r:id, whatever its
 * prefix: some writers call that namespace ns1 or x).
 */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.replace(/^\w+:(?=\w)/, '');
    out[name === 'id' && name !== m[1] ? 'r:id' : name] = xmlText(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** A part name without its percent-encoding (worksheets/sheet%201.xml is worksheets/sheet 1.xml). */
function unescapePart(name: string): string {
  try { return decodeURIComponent(name); } catch { return name; }
}

/** The part a relationship's target names, from the part whose relationship it is ("xl/workbook.xml" + "worksheets/sheet1.xml"). */
export function partPath(from: string, target: string): string {
  const out: string[] = [];
  target = unescapePart(target);
  for (const p of (target.startsWith('/') ? target : from.replace(/[^/]*$/, '') + target).split('/')) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** The text of the <t> elements in an XML fragment (a shared string, an inline string: rich text has several runs). */
const textOf = (xml: string) => {
  let s = '';
  // Phonetic runs (<rPh>, the furigana of Japanese files) are not part of the text; an empty run (<t xml:space=
  // "preserve"/>) has none.
  for (const m of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*[^/>])?>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += m[1];
  return xmlText(s);
};

/** "B12" → [column index from 0, row number]. */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col - 1, +m[2]!];
}

/** Cells a note names: the first five (B2, D2, D3, …). */
const cellList = (cells: string[]) => `${cells.slice(0, 5).join(', ')}${cells.length > 5 ? ', …' : ''}`;

/** Column index from 0 → "A", "B", … "AA". */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Built-in number formats that are dates (14–22 in every locale, 27–36 and 50–58 in Chinese, Japanese, Korean ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/**
 * The built-in formats that show times (18–21; 32, 33, 55, 56 in Chinese, Japanese, Korean locales: h"时"mm"分"),
 * durations (46) and numbers with decimals, a percent or thousands separators, as codes (what a time shows, not its words).
 */
const BUILTIN_CODES: Record<number, string> = {
  2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 18: 'h:mm', 19: 'h:mm:ss', 20: 'h:mm', 21: 'h:mm:ss', 32: 'h:mm', 33: 'h:mm:ss',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;(#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;(#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss',
  55: 'h:mm', 56: 'h:mm:ss',
};

/** True for a number format that shows a date: a y, m or d outside quotes, brackets ([Red], [$-804]) and escapes. */
const isDateFormat = (code: string) => /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '')) && !/^general$/i.test(code);

/**
 * The sections of a format (for positive numbers, negative ones, 0, text), split at each ; that is not text: not in
 * quotes ("元;含税"), not after \ (\;), _ or *.
 */
function sectionsOf(code: string): string[] {
  const out = [''];
  for (const m of code.matchAll(/"[^"]*"?|[\\_*][^]?|[^]/g)) {
    if (m[0] === ';') out.push('');
    else out[out.length - 1] += m[0];
  }
  return out;
}

/**
 * A section that shows a whole number with leading zeros and text around it (000000, "JS-"0000: an id typed as a
 * number): [the text before, how many digits, the text after]; else null.
 */
function zerosFormat(section: string): [string, number, string] | null {
  // Text in quotes or after \, [Red] and [$-804], _x (a space as wide as x), and what Excel shows without quotes.
  const literals = /"[^"]*"|\\.|\[[^\]]*\]|_.|[-+$/():!^&'~{}<>= ]/g;
  const m = /^(.*?)(0+)([^0]*)$/.exec(section);
  if (!m || (m[1]! + m[3]!).replace(literals, '')) return null;
  return [formatText(m[1]!), m[2]!.length, formatText(m[3]!)];
}

/** What the text of a format shows: quoted text and \x as written, [$¥-804] as its currency sign, no [Red], _x or *x. */
const formatText = (s: string) => s.replace(/\[\$([^-\]]*)[^\]]*\]/g, '$1').replace(/\[[^\]]*\]|[_*]./g, '').replace(/"([^"]*)"|\\(.)/g, '$1$2');

/**
 * A time of day (h:mm, hh:mm:ss, h:mm AM/PM) or a duration ([h]:mm, [mm]:ss) format: its first unit (h, m or s),
 * whether it counts past a day (a duration), whether that unit has two digits (hh), whether it shows seconds.
 */
interface Clock { unit: string; duration: boolean; pad: boolean; seconds: boolean }
function clockFormat(code: string): Clock | null {
  const c = sectionsOf(code)[0]!.replace(/"[^"]*"|\\.|[_*]./g, '').replace(/am\/pm|a\/p/gi, '');
  const elapsed = /\[(h+|m+|s+)\]/i.exec(c)?.[1]?.toLowerCase();
  const bare = c.replace(/\[[^\]]*\]/g, '').toLowerCase();
  if (!elapsed && (/[yd]/.test(bare) || !/[hs]/.test(bare))) return null;
  const unit = elapsed?.[0] ?? (bare.includes('h') ? 'h' : 'm');
  return { unit, duration: !!elapsed, pad: (elapsed ?? bare).includes(unit + unit), seconds: /s/.test(bare) };
}

/** A day fraction as its format shows it: 0.5 is 12:00 (24-hour clock: AM/PM and 时 分 are not written), 1.5 as [h]:mm 36:00. */
function clock(n: number, f: Clock): string {
  const secs = Math.round(Math.abs(n) * 86400) % (f.duration ? Infinity : 86400);
  const first = 'hms'.indexOf(f.unit);
  const parts: string[] = [];
  for (let i = first; i <= Math.max(first, f.seconds ? 2 : 1); i++) {
    let v = Math.floor(secs / [3600, 60, 1][i]!);
    if (i > first || !f.duration) v %= i ? 60 : 24;
    parts.push(i === first && !f.pad ? String(v) : String(v).padStart(2, '0'));
  }
  return (n < 0 ? '-' : '') + parts.join(':');
}

/**
 * A format with decimals (0.00), a percent (0%), thousands separators (#,##0) or scaling commas (#,##0, in thousands):
 * [text before, decimals, grouped, percent, text after, how many times a thousand it divides by].
 */
type Figure = [string, number, boolean, boolean, string, number];
const LITERALS = String.raw`(?:"[^"]*"|\\.|\[[^\]]*\]|[_*].|[-+$/():!^&'~{}<>= ])*`;
const FIGURE = new RegExp(`^(${LITERALS})([#0,]*0)(?:\\.(0+))?(,*)(%?)(${LITERALS})$`);
/**
 * The figure format of a section: decimals (0.00), a percent (0%), thousands separators (#,##0) or commas after the last
 * digit, each of which divides by a thousand (#,##0, shows 1234567 as 1,235; 0.0,"万" shows 123456 as 123.5万, as the
 * sheet does); else null.
 */
function figureFormat(section: string): Figure | null {
  const m = FIGURE.exec(section);
  const grouped = !!m?.[2]!.includes(',');
  return m && (grouped || m[5] || m[3] || m[4]) ? [formatText(m[1]!), m[3]?.length ?? 0, grouped, !!m[5], formatText(m[6]!), m[4]!.length] : null;
}

/** A number (not negative) as a figure format shows it: 0.125 as 0.0% is 12.5%, 1234.5 as #,##0 is 1,235 (halves rounded up, as Excel does). */
function figure(n: number, [before, places, grouped, percent, after, thousands]: Figure): string | null {
  const x = excelNumber((n * (percent ? 100 : 1)) / 1000 ** thousands);
  if (x.includes('e')) return null;
  const [int, frac = ''] = x.split('.') as [string, string?];
  const digits = String(BigInt(int + frac.slice(0, places).padEnd(places, '0')) + ((frac[places] ?? '0') >= '5' ? 1n : 0n)).padStart(places + 1, '0');
  let whole = digits.slice(0, digits.length - places);
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${before}${whole}${places ? `.${digits.slice(-places)}` : ''}${percent ? '%' : ''}${after}`;
}

/**
 * How a section shows a number (not negative): text alone ("-", nothing: the accounting formats' 0), General (as WPS
 * writes it too, G/通用格式) with text around it, zeros (000000) or a figure (#,##0.00); else null, not read here
 * (Chinese numerals, [DBNum1]; a section that inserts characters, 0!.0,"万"; fractions, exponents). `zero`: the section is for 0 only.
 */
function sectionFormat(section: string, zero = false): ((n: number) => string | null) | null {
  if (/\[dbnum/i.test(section)) return null;
  const general = new RegExp(`^(${LITERALS})(?:general|g/通用格式)(${LITERALS})$`, 'i').exec(section);
  if (general) return (n) => formatText(general[1]!) + excelNumber(n) + formatText(general[2]!);
  // (Letters or @ outside quotes are codes: a weekday, aaaa; text, @. A ? is a digit, but for 0 a space: "-"?? is -.)
  if (!(zero ? /[0#a-z@]/i : /[0#?a-z@]/i).test(section.replace(/"[^"]*"|\\.|\[[^\]]*\]|[_*]./g, ''))) {
    const text = formatText(section).replace(/\?/g, '');
    return () => text;
  }
  const z = zerosFormat(section);
  if (z) return (n) => `${z[0]}${String(Math.round(n)).padStart(z[1], '0')}${z[2]}`;
  const f = figureFormat(section);
  return f && ((n) => figure(n, f));
}

/**
 * How a number format shows numbers, when it says more than the plain number: the section for the value (positive,
 * negative, 0; or as its conditions choose) shows it, a negative number without its minus sign in the section for
 * negatives. Gives null for a number it does not read (a section not read here, or none for the value). `noted`:
 * such numbers are said in a note (conditions or Chinese numerals, where the plain number is not what the sheet
 * shows; an exponent or a fraction format gives the number, as it has always been written).
 */
interface NumberFormat { code: string; show: (n: number) => string | null; noted: boolean }
function numberFormat(code: string): NumberFormat | null {
  let sections = sectionsOf(code);
  // The fourth section, or a last one with @, is for text: written as typed.
  if (sections.length > 3 || (sections.length > 1 && /@/.test(sections.at(-1)!.replace(/"[^"]*"|\\./g, '')))) sections = sections.slice(0, Math.min(3, sections.length - 1));
  // Conditions ([>=10000], [<>0]) may stand in the first two sections; else the first is for > 0, the second for < 0.
  const conditions = sections.slice(0, 2).map((s) => /\[(<>|[<>]=?|=)\s*(-?[\d.]+)\]/.exec(s.replace(/"[^"]*"|\\./g, '')));
  const conditional = conditions.some(Boolean);
  const formats = sections.map((s, i) => sectionFormat(s, i === 2 && !conditional));
  const noted = conditional || /\[dbnum/i.test(code);
  if (!noted && !formats.some(Boolean)) return null;
  const holds = (n: number, c: RegExpExecArray | null | undefined, op: string) => {
    const [o, x] = c ? [c[1]!, +c[2]!] : [op, 0];
    return o === '<>' ? n !== x : (o.includes('=') && n === x) || (o[0] === '<' && n < x) || (o[0] === '>' && n > x);
  };
  const count = sections.length;
  return {
    code,
    noted,
    show: (n) => {
      // Without conditions: 0 takes the first section when there is no third; a negative number the first when there
      // is no second. With conditions (Microsoft's rules): the first section whose condition holds, else the third;
      // with two sections, the second when it has no condition of its own.
      const i = !conditional ? (n > 0 || (n === 0 && count < 3) || (n < 0 && count < 2) ? 0 : n < 0 ? 1 : 2)
        : holds(n, conditions[0], '>') ? 0 : count > 1 && holds(n, conditions[1], '<') ? 1 : count > 2 ? 2 : count > 1 && !conditions[1] ? 1 : -1;
      // The section for negatives (the second, without conditions) shows them without a minus sign: (1,234). With
      // conditions, as Excel shows them: a section whose own condition takes negative numbers only ([<0], [<-0.5],
      // [<=-1], [=-5]) shows them without it, any other with it; but the second of two, without a condition, shows
      // them without it unless the first's is = or > (>=) a number not below 0 ([>=10000]0.0,"万";0 shows -5 as -5).
      const own = conditions[i];
      const first = conditions[0];
      const signless = !conditional ? i === 1
        : own ? (+own[2]! < 0 && /^(?:<=?|=)$/.test(own[1]!)) || (+own[2]! === 0 && own[1] === '<')
        : i === 1 && count === 2 && !(first && (first[1] === '=' || (first[1]![0] === '>' && +first[2]! >= 0)));
      const shown = formats[i]?.(Math.abs(n));
      return shown == null ? null : (n < 0 && !signless ? '-' : '') + shown;
    },
  };
}

/** A day number (with its fraction of a day) → YYYY-MM-DD, and HH:MM when it has a time. */
function serialDate(n: number, date1904: boolean): string | null {
  // (Day 0 of the 1904 system is 1904-01-01; day 0 of the 1900 system, "1900-01-00", is none.)
  if (!Number.isFinite(n) || n < (date1904 ? 0 : 1)) return null;
  // The 1900 system counts 1900-02-29, which never was (Lotus's error, kept by Excel): day 60; from day 61 on, day
  // 25569 is 1970-01-01. The 1904 system (old Mac workbooks) counts from 1904-01-01.
  const days = date1904 ? n - 24107 : n < 61 ? n - 25568 : n - 25569;
  const ms = Math.round(days * 86400000 / 60000) * 60000;
  const t = new Date(ms);
  if (Number.isNaN(t.getTime())) return null;
  const iso = t.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** A range list of rows or columns for a note: 3, 5–7, 9. */
export function ranges(ns: number[], name: (n: number) => string = String): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; i++) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(i === j ? name(ns[i]!) : `${name(ns[i]!)}–${name(ns[j]!)}`);
    i = j;
  }
  return out.join(', ');
}

/**
 * Reads a worksheet of an .xlsx workbook: `choice` names it, or gives its number (1 for the first tab, hidden sheets
 * counted); without it, the first sheet shown. Hidden columns and rows are left out unless `includeHidden`.
 * Throws Error (plain words) when it cannot.
 */
export function readXlsx(bytes: Uint8Array, choice?: string, includeHidden = false): Workbook {
  const files = unzip(bytes);
  const utf8 = new TextDecoder();
  const read = (name: string) => {
    const f = files.get(name.toLowerCase());
    return f ? utf8.decode(f()) : undefined;
  };
  /** A part's relationships (in _rels/NAME.rels): Id, Type, Target, and `path`, the part the target names. */
  const relsOf = (part: string) => [...(read(part.replace(/[^/]*$/, (f) => `_rels/${f}.rels`)) ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)]
    .map((m): Record<string, string> & { path: string } => {
      const a = attrs(m[1]!);
      return { ...a, path: partPath(part, a.Target ?? '') };
    });
  // The parts are where the relationships say (the package's for the workbook, the workbook's for its sheets,
  // shared strings and styles), else where Excel puts them.
  const related = (rels: ReturnType<typeof relsOf>, type: string, fallback: string) =>
    rels.find((r) => r.Type?.endsWith(`/${type}`) && files.has(r.path.toLowerCase()))?.path ?? fallback;
  const workbookPath = related(relsOf(''), 'officeDocument', 'xl/workbook.xml');
  if (/\.bin$/i.test(workbookPath) || files.has('xl/workbook.bin')) {
    throw new Error('this is an Excel binary workbook (.xlsb), which is not read here: open it in Excel or WPS and save it as "Excel 工作簿 (*.xlsx)" or "CSV UTF-8"');
  }
  const workbook = read(workbookPath);
  if (workbook === undefined) {
    throw new Error(files.has('content.xml') ? 'this is an OpenDocument spreadsheet (.ods), not an Excel workbook: save it as .xlsx or as "CSV UTF-8"'
      : 'this is a zip archive, not an Excel workbook (.xlsx)');
  }
  const notes: string[] = [];
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbook);
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => attrs(m[1]!));
  if (!sheets.length) throw new Error('the workbook has no worksheet');
  const visible = sheets.filter((s) => !s.state || s.state === 'visible');
  let first = visible[0] ?? sheets[0]!;
  if (choice !== undefined) {
    // A name first (a sheet may be called "2013"), then a number.
    const chosen = sheets.find((s) => s.name === choice) ?? sheets.find((s) => s.name?.trim() === choice.trim()) ??
      (/^\s*\d+\s*$/.test(choice) ? sheets[+choice - 1] : undefined);
    // (A usage error, exit 2, as --sheet with a CSV file: the command is to change, not the workbook.)
    if (!chosen) {
      throw usageError(`the workbook has no sheet ${JSON.stringify(choice)}; its sheets are ${sheets.map((s, i) => `${i + 1} "${s.name}"`).join(', ')} (--sheet takes a name or a number)`);
    }
    first = chosen;
  } else if (sheets.length > 1) {
    notes.push(`the workbook has ${sheets.length} sheets (${sheets.map((s) => `"${s.name}"`).join(', ')}); only the first${first !== sheets[0] ? ' shown' : ''}, "${first.name}", is read (--sheet chooses another)`);
  }
  const rels = relsOf(workbookPath);
  const sheetPath = rels.find((r) => r.Id === first['r:id'])?.path ?? partPath(workbookPath, `worksheets/sheet${sheets.indexOf(first) + 1}.xml`);
  const sheet = read(sheetPath);
  if (sheet === undefined) throw new Error(`the worksheet "${first.name}" is missing from the workbook (${sheetPath}): open it in Excel and save it again`);

  const shared: string[] = [];
  const sst = read(related(rels, 'sharedStrings', partPath(workbookPath, 'sharedStrings.xml')));
  if (sst) for (const m of sst.matchAll(/<(?:\w+:)?si(?:\s[^>]*[^/>])?>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)) shared.push(m[1] ? textOf(m[1]) : '');

  // Styles: which cell formats (the s="…" of a cell) show dates, times or durations, and which numbers with leading
  // zeros, a percent or thousands separators.
  const dateStyles = new Set<number>();
  const clockStyles = new Map<number, Clock>();
  const numberStyles = new Map<number, NumberFormat>();
  const styles = read(related(rels, 'styles', partPath(workbookPath, 'styles.xml')));
  if (styles) {
    const custom = new Map<number, string>();
    // (A > in a format code, [>=10000], is not always written &gt;.)
    for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)) {
      const a = attrs(m[1]!);
      custom.set(+a.numFmtId!, a.formatCode ?? '');
    }
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
    let i = 0;
    for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
      const id = +(attrs(m[1]!).numFmtId ?? 0);
      const code = custom.get(id) ?? BUILTIN_CODES[id];
      const time = code && clockFormat(code);
      const number = code && numberFormat(code);
      if (time) clockStyles.set(i, time);
      else if (custom.has(id) ? isDateFormat(code!) : BUILTIN_DATES.has(id)) dateStyles.add(i);
      else if (number) numberStyles.set(i, number);
      i++;
    }
  }

  // Links of =HYPERLINK formulas by cell; the links inserted on cells are added after the rows are read (below).
  const links = new Map<string, string>();

  // Hidden columns (<cols> comes before the rows), so that what is left out is not reported on.
  const hiddenCols = new Set<number>();
  for (const m of sheet.matchAll(/<(?:\w+:)?col\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]!);
    if (a.hidden === '1' || a.hidden === 'true') for (let c = +a.min! - 1; c <= +a.max! - 1 && c < 16384; c++) hiddenCols.add(c);
  }
  // A row's cells by column (from 0), as the sheet has them: a value in XFD makes one entry, not 16,384.
  const rows = new Map<number, Map<number, string>>();
  const hiddenRows = new Set<number>();
  const noValue: string[] = [];
  const errorCells: string[] = [];
  const pictures: string[] = [];
  const unread: string[] = [];
  let unreadCode = '';
  // A row is hidden when it says so (hidden="1": hidden by hand or by a filter), or has no height (ht="0"). Rows hidden
  // by default (sheetFormatPr zeroHeight, as Excel writes a sheet whose unused rows are hidden) are the rows the file
  // does not write: ECMA-376 Part 1 §18.3.1.81 has such a file "only write out the rows that are not hidden", and
  // [MS-XLS] 2.4.87 gives that default (zero) height to empty rows only. A written row without ht is not hidden.
  const yes = (s?: string) => s === '1' || s === 'true';
  const warnings: Workbook['warnings'] = [];
  let rowNo = 0;
  for (const rm of sheet.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const ra = attrs(rm[1]!);
    rowNo = ra.r ? +ra.r : rowNo + 1;
    const rowHidden = ra.hidden ? yes(ra.hidden) : ra.ht !== undefined && +ra.ht === 0;
    if (rowHidden) hiddenRows.add(rowNo);
    const cells = new Map<number, string>();
    let col = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a = attrs(cm[1]!);
      col = a.r ? cellRef(a.r)?.[0] ?? col + 1 : col + 1;
      // What is left out is not reported on either.
      const said = includeHidden || !(rowHidden || hiddenCols.has(col));
      const inner = cm[2] ?? '';
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
      const hasFormula = /<(?:\w+:)?f\b/.test(inner);
      // =HYPERLINK("https://…", "查看"): its value is the text; the address is kept as the cell's link.
      const formula = hasFormula ? /<(?:\w+:)?f\b[^>]*>([\s\S]*?)<\/(?:\w+:)?f>/.exec(inner)?.[1] : undefined;
      const hyperlink = formula && /^\s*(?:_xlfn\.)?HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(xmlText(formula));
      if (hyperlink) links.set(`${col},${rowNo}`, hyperlink[1]!.replace(/""/g, '"'));
      // WPS's pictures in cells, =DISPIMG("ID_…",1), whose saved value is the formula's text: no feed data.
      if (/^\s*=?\s*(?:_xlfn\.)?DISPIMG\(/i.test(formula ? xmlText(formula) : a.t === 'str' ? xmlText(v ?? '') : '')) {
        if (said) pictures.push(`${columnName(col)}${rowNo}`);
        cells.set(col, '');
        continue;
      }
      let value = '';
      if (a.t === 'inlineStr') value = textOf(inner);
      else if (v === undefined) {
        if (hasFormula && said) noValue.push(`${columnName(col)}${rowNo}`);
      } else if (a.t === 's') value = shared[+v] ?? '';
      else if (a.t === 'str') value = xmlText(v);
      else if (a.t === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (a.t === 'e') { if (said) errorCells.push(`${columnName(col)}${rowNo} (${xmlText(v)})`); }
      else if (a.t === 'd') value = xmlText(v).replace(/T00:00(?::00(?:\.0+)?)?Z?$/, '').replace('T', ' '); // an ISO date (Strict files)
      else {
        const n = Number(v);
        const style = +(a.s ?? 0);
        // A time of day (a fraction of a day) or a duration as its format shows it. A time format over a day number
        // of 1 or more holds a day too (a date-time shown as its time): written as a date-time, so a date column
        // keeps its day.
        const time = clockStyles.get(style);
        const when = time && (time.duration || (n >= 0 && n < 1)) ? clock(n, time) : (time || dateStyles.has(style)) && serialDate(n, date1904);
        // A number as its format shows it (000123, 12.50, 1,234, "-" for 0, a section chosen by its conditions); one it
        // does not read is written plain, with a note when that is not what the sheet shows.
        const format = !when && Number.isFinite(n) ? numberStyles.get(style) : undefined;
        const shown = format?.show(n);
        if (format?.noted && shown == null && said) { unread.push(`${columnName(col)}${rowNo}`); unreadCode ||= format.code; }
        value = !Number.isFinite(n) ? xmlText(v) : when || (shown ?? excelNumber(n));
        // Excel keeps 15 digits of what is typed as a number: a longer id came out with 0s for its last digits.
        if (!when && said && Number.isInteger(n) && Math.abs(n) >= 1e15) {
          const digits = excelNumber(n);
          warnings.push({ line: rowNo, message: `${columnName(col)}${rowNo}: the number ${digits} has ${digits.replace('-', '').length} digits; Excel keeps 15, ` +
            'so the digits after the 15th were lost (they read as 0). Type such an id as text (format the column as Text, or begin it with \') and enter it again' });
        }
      }
      cells.set(col, value);
    }
    rows.set(rowNo, cells);
  }

  // Merged cells: the top-left value down the range's first column, as far as the sheet has rows (a range merged
  // down to row 1048576 makes no million empty entries).
  const fromAbove = new Map<number, Set<number>>();
  let lastRow = 0;
  for (const r of rows.keys()) lastRow = Math.max(lastRow, r);
  for (const m of sheet.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)\/?>/g)) {
    const [from, to] = (attrs(m[1]!).ref ?? '').split(':');
    const f = from && cellRef(from);
    const l = to && cellRef(to);
    if (!f || !l) continue;
    const value = rows.get(f[1])?.get(f[0]) ?? '';
    if (!value) continue;
    for (let r = f[1] + 1; r <= Math.min(l[1], lastRow); r++) {
      const cells = rows.get(r) ?? new Map<number, string>();
      cells.set(f[0], value);
      rows.set(r, cells);
      const marks = fromAbove.get(r) ?? new Set<number>();
      marks.add(f[0]);
      fromAbove.set(r, marks);
    }
  }

  // The columns of the records: each column up to the last that a row has, as the sheet has them (a blank column
  // between two stays), but for a run of more than 256 columns without a cell in any row, which is left out: a value
  // in XFD, the 16,384th column, made 16,384 cells of every row (3,000 rows took 23 s and 956 MB), and a
  // link inserted on whole rows visited them all. Only the columns that hold anything matter to the tables.
  const used = new Set<number>();
  for (const cells of rows.values()) for (const c of cells.keys()) used.add(c);
  const columns: number[] = [];
  let next = 0;
  for (const c of [...used].sort((x, y) => x - y)) {
    if (c - next > 256) next = c;
    while (next <= c) columns.push(next++);
  }
  const place = new Map(columns.map((c, i) => [c, i]));
  /** The columns of a row's cells, as far as its last. */
  const rowCells = (cells: Map<number, string>) => {
    let last = -1;
    for (const c of cells.keys()) last = Math.max(last, place.get(c)!);
    return columns.slice(0, last + 1);
  };

  // Links inserted on cells: <hyperlink ref="K5" r:id="rId3"/>, the target in the sheet's relationships. Set on the
  // cells the sheet has: a link inserted on whole columns (A1:J1048576) was 10 million entries. The last one on a cell
  // wins (read last to first, each cell set once), and a =HYPERLINK formula's own link over both.
  // (A workbook of 20,000 rows has as many links and relationships: each looked up by its id in a Map, and a link's
  // rows walked from its range when that is shorter than the sheet's rows: no step goes over all of them for each.)
  const sheetRels = new Map(relsOf(sheetPath).map((r) => [r.Id, r]));
  const lineNumbers = [...rows.keys()];
  for (const m of [...sheet.matchAll(/<(?:\w+:)?hyperlink\b([^>]*)\/?>/g)].reverse()) {
    const a = attrs(m[1]!);
    const t = sheetRels.get(a['r:id']);
    const href = t?.Target ? t.Target + (a.location ? `#${a.location}` : '') : undefined;
    const [from, to = from] = (a.ref ?? '').split(':');
    const f = href && cellRef(from!);
    const l = f && cellRef(to!);
    if (!l) continue;
    const range = l[1] - f[1] < lineNumbers.length ? Array.from({ length: l[1] - f[1] + 1 }, (_, i) => f[1] + i) : lineNumbers;
    for (const r of range) {
      const cells = rows.get(r);
      if (!cells || r < f[1] || r > l[1]) continue;
      for (const c of rowCells(cells)) if (c >= f[0] && c <= l[0] && !links.has(`${c},${r}`)) links.set(`${c},${r}`, href);
    }
  }

  const lines = [...rows.keys()].sort((a, b) => a - b);
  // (The rows' cells are looked at, not each hidden column down all rows: C:XFD hidden is 16,382 columns.)
  const usedHidden = new Set<number>();
  for (const cells of rows.values()) cells.forEach((v, c) => { if (v.trim() && hiddenCols.has(c)) usedHidden.add(c); });
  const hiddenColumns = [...usedHidden].sort((x, y) => x - y)
    .map((index) => ({ index, cells: new Map(lines.map((l) => [l, rows.get(l)!.get(index) ?? ''])) }));
  const shown = (c: number) => includeHidden || !hiddenCols.has(c);
  const records: SheetRecord[] = [];
  for (const line of lines) {
    if (hiddenRows.has(line) && !includeHidden) continue;
    const row = rows.get(line)!;
    const at = rowCells(row);
    const cells = at.map((c) => (shown(c) ? row.get(c) ?? '' : ''));
    const rowLinks = at.map((c) => (shown(c) ? links.get(`${c},${line}`) : undefined));
    const record: SheetRecord = { line, cells };
    if (rowLinks.some(Boolean)) record.links = rowLinks;
    const marks = fromAbove.get(line);
    if (marks) record.fromAbove = at.map((c) => marks.has(c));
    records.push(record);
  }
  if (noValue.length) {
    notes.push(`${noValue.length === 1 ? 'the formula in' : `${noValue.length} formulas, in`} ${cellList(noValue)} ` +
      `${noValue.length === 1 ? 'has' : 'have'} no computed value saved in the file and ${noValue.length === 1 ? 'is' : 'are'} read as empty: open the workbook in Excel or WPS and save it again`);
  }
  if (pictures.length) {
    notes.push(`${pictures.length === 1 ? 'a cell holds a picture' : `${pictures.length} cells hold pictures`} (WPS's =DISPIMG), read as empty: ` +
      `${cellList(pictures)} (pictures are not feed data)`);
  }
  if (unread.length) {
    notes.push(`${unread.length === 1 ? 'a number has a format' : `${unread.length} numbers have a format`} that is not read here (${unreadCode}), ` +
      `written as ${unread.length === 1 ? 'a plain number' : 'plain numbers'}: ${cellList(unread)} (check ${unread.length === 1 ? 'it' : 'them'} against the sheet)`);
  }
  if (errorCells.length) {
    notes.push(`${errorCells.length === 1 ? 'a formula shows an error' : `${errorCells.length} formulas show errors`}, read as empty: ` +
      `${cellList(errorCells)} (correct the formula in Excel or WPS)`);
  }
  return {
    sheet: first.name ?? 'Sheet1', sheets: sheets.map((s) => s.name ?? ''), records, columns, notes, warnings, hiddenColumns,
    hiddenRows: lines.filter((l) => hiddenRows.has(l) && [...rows.get(l)!.values()].some((c) => c.trim())),
  };
}
