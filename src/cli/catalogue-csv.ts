/**
 * `catalogue from-csv`: a spreadsheet export of a 政府信息公开目录 → a catalogue feed (feeds.md §1).
 *
 * Row policy: a row without a title, or with more cells than the header, is SKIPPED and reported with its line number
 * (a short row is padded: Excel leaves out trailing empty cells); a row with an unreadable date, validity or link is
 * KEPT without that field, with a warning naming the line.
 */
import { VALIDITIES } from '../schema/shapes.js';
import { detectSeparator, isBlankRecord, readCsv } from './csv.js';
import type { CsvRecord } from './csv.js';
import type { SheetRecord } from './xlsx.js';
import { fmt, plural } from './io.js';
import { linkScheme, readDateCell, termId, toHalfWidth, hash, whyNotADay, ymd } from './normalize.js';
import type { LeadingDate } from './normalize.js';
import { resolveUrl } from '../core/url.js';

export type Column =
  | 'id' | 'indexNo' | 'title' | 'publisher' | 'dateCreated' | 'datePublished' | 'docNo' | 'topic' | 'genre'
  | 'keywords' | 'validity' | 'url' | 'summary' | 'category';

/**
 * Header names (Chinese and English) → column, with the variants that catalogue systems and hand-made sheets use.
 * Matching ignores case, spaces, a ":" or "：" after the name, a "*" before or after it, and a note in brackets after
 * it ("（必填）", "(YYYY-MM-DD)", "（格式：2013-01-01）").
 */
const HEADERS: Record<Column, string[]> = {
  id: ['id', '编号', '序号id'],
  indexNo: ['索引号', 'indexno', 'index', '索引', '信息索引号', '索引编号', 'index number'],
  title: ['名称', '标题', '信息名称', '文件名称', 'title', 'name', '信息标题', '文件标题', '标题名称', '文件名', '题名'],
  publisher: ['发布机构', '发文机关', '发布单位', '信息来源', 'publisher', '发文单位', '发文机构', '发布部门', '公开机构', '公开单位', '来源'],
  dateCreated: ['生成日期', '成文日期', '发文日期', '产生日期', 'datecreated', '生成时间', '成文时间', '发文时间', '印发日期', '形成日期'],
  datePublished: ['发布日期', '发布时间', '公开日期', 'datepublished', '公开时间', '上网日期', '上网时间'],
  docNo: ['文号', '发文字号', '发布文号', 'docno', '发文文号', '文件文号', '文件字号', 'document number'],
  topic: ['主题分类', '主题', 'topic', 'topics', '主题类别'],
  genre: ['体裁分类', '体裁', 'genre', '体裁类别', '文种'],
  keywords: ['主题词', '关键词', '关键字', 'keywords', 'keyword'],
  validity: ['有效性', '时效', '效力状态', 'validity', '时效性', '效力', '是否有效', '有效状态'],
  url: ['链接', '网址', '链接地址', 'url', 'link', '访问地址', '原文链接', '详情链接', '页面地址'],
  summary: ['内容概述', '摘要', '内容摘要', 'summary', 'description', '内容描述', '信息概述', '简介'],
  category: ['栏目', '分类', '所属栏目', '目录', 'category', 'categories', '所属分类', '栏目名称', '信息类别', '公开类别'],
};

/** How many lines (a sheet title, notes) may come before the header. */
const MAX_LINES_ABOVE_HEADER = 10;

const normHeader = (h: string) =>
  toHalfWidth(h).replace(/^\ufeff/, '').replace(/\s+/g, '').replace(/^\*+/, '').replace(/[*:]+$/, '').toLowerCase();

/** The column a header names: as written, else without a bracketed note after the name. */
function columnOf(header: string): Column | null {
  const h = normHeader(header);
  return HEADER_INDEX.get(h) ?? HEADER_INDEX.get(normHeader(h.replace(/(\([^()]*\)|\[[^\]]*\]|【[^】]*】)$/, ''))) ?? null;
}

const HEADER_INDEX = new Map<string, Column>();
for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][]) for (const n of names) HEADER_INDEX.set(normHeader(n), col);

const VALIDITY_WORDS: Record<string, (typeof VALIDITIES)[number]> = {
  有效: 'valid', 现行有效: 'valid', 是: 'valid', valid: 'valid',
  失效: 'expired', 已失效: 'expired', 过期: 'expired', expired: 'expired',
  废止: 'repealed', 已废止: 'repealed', repealed: 'repealed',
  已修改: 'amended', 修改: 'amended', 已修订: 'amended', 部分修改: 'amended', amended: 'amended',
  未知: 'unknown', unknown: 'unknown',
  // The words of the catalogue element's own CSV export (its zh-CN and en locales), so that export converts back.
  未标注: 'unknown', inforce: 'valid', notstated: 'unknown',
};

export interface ConvertOptions {
  publisher?: string;
  /** The feed's `lang` (a BCP 47 tag). Default: zh-CN when a title has Chinese characters, else none (not known). */
  lang?: string;
  baseUrl?: string;
  onRow?: (n: number) => void;
  /** What the messages call a record: 'line' (of a CSV file, the default) or 'row' (of a workbook's sheet). */
  lineWord?: 'line' | 'row';
  /** A workbook's column name (A, B, … XFD) of a place in a row's cells, for messages: see Workbook.columns. */
  columnName?: (i: number) => string;
}

/** A note on a row; `hint`, what to do about it, is said where the row is reported, not in the summary. */
export interface RowNote { line: number; message: string; hint?: string }

export interface ConvertResult {
  feed: Record<string, unknown>;
  entries: number;
  skipped: RowNote[];
  /** Cells that could not be read as they stand and need correcting (text after a date); the entry is kept without them. */
  errors: RowNote[];
  warnings: RowNote[];
  columns: Column[];
  ignoredHeaders: string[];
  /** The header's line (two, for a header over two rows of a workbook). */
  headerLines: number[];
  /** Notes on the header: the lines above it that were passed over, headers that name the same field. */
  notes: string[];
}

interface Vocab {
  prefix: string;
  terms: Map<string, { id: string; label: string; parentId: string | null; order: number }>;
  ids: Set<string>;
  /** Number of terms under each parent id (null: top level), for the next term's `order`. */
  children: Map<string | null, number>;
}
const vocab = (prefix: string): Vocab => ({ prefix, terms: new Map(), ids: new Set(), children: new Map() });

/** The id of a (possibly hierarchical: 综合政务\政务公开, 政务信息/各部门) label, adding every level. */
function termOf(v: Vocab, raw: string, hierarchical: boolean): string {
  const parts = (hierarchical ? raw.split(/\s*[\\/>＞／]\s*/) : [raw]).map((p) => p.trim()).filter(Boolean);
  let parentId: string | null = null;
  let path = '';
  for (const part of parts) {
    path = path ? `${path}\u0000${part}` : part;
    let t = v.terms.get(path);
    if (!t) {
      let id = termId(v.prefix, path);
      for (let k = 2; v.ids.has(id); k++) id = `${termId(v.prefix, path)}-${k}`;
      v.ids.add(id);
      const order: number = (v.children.get(parentId) ?? 0) + 1;
      v.children.set(parentId, order);
      t = { id, label: part, parentId, order };
      v.terms.set(path, t);
    }
    parentId = t.id;
  }
  return parentId!;
}

/** A link that starts with a host name (www.…, or a name under .gov.cn, .cn, .com, .net, .org) and no scheme. */
const HOST_WITHOUT_SCHEME = /^(?:www\d*\.[a-z0-9-]+(?:\.[a-z0-9-]+)*|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.cn|cn|com|net|org))(?::\d+)?(?:[/?#]|$)/i;

const splitList = (s: string) => s.split(/[;；|\n]+/).map((x) => x.trim()).filter(Boolean);
const splitKeywords = (s: string) => s.split(/[,，;；、|\s]+/).map((x) => x.trim()).filter(Boolean);

/** Converts CSV text (already decoded) to a catalogue feed. Throws Error when the header is not a catalogue's. */
export function catalogueFromCsv(text: string, options: ConvertOptions = {}): ConvertResult {
  const separator = detectSeparator(text);
  // The text is read twice (header and date order, then the entries) rather than all its rows kept at once.
  return catalogueFromRecords((problems) => readCsv(text, separator, problems), options);
}

/**
 * Converts the records of a sheet (a CSV file's, or a workbook's) to a catalogue feed. `rows` gives them from the
 * first each time it is called, putting what it could not read into `problems` ("line N: …").
 */
export function catalogueFromRecords(rows: (problems: string[]) => Iterable<SheetRecord>, options: ConvertOptions = {}): ConvertResult {
  const csvProblems: string[] = [];
  const lw = options.lineWord ?? 'line';
  const records = rows([])[Symbol.iterator]();
  // Manual next(): breaking out of a for…of would close the generator.
  // The header: the first line with a title column among the first few. A sheet often has its own title above it
  // (君山区政府信息公开目录, merged across the columns) or a line of notes; those lines are passed over.
  const above: CsvRecord[] = [];
  let header: CsvRecord | undefined;
  for (let r = records.next(); !r.done; r = records.next()) {
    if (isBlankRecord(r.value)) continue;
    if (r.value.cells.some((h) => columnOf(h) === 'title')) { header = r.value; break; }
    above.push(r.value);
    if (above.length >= MAX_LINES_ABOVE_HEADER) break;
  }
  if (!header && !above.length) throw new Error('the file is empty');
  const notes: string[] = [];
  // A header over two rows of a workbook (名称 merged down over both, 日期 across 成文日期 | 发布日期 below it): the
  // lower row's own names, else the upper's. Otherwise the row after the header is the first entry.
  let headerEnd = header?.line ?? 0;
  let pending: IteratorResult<SheetRecord> | undefined;
  if (header) {
    pending = records.next();
    const sub = pending.done ? undefined : pending.value;
    if (sub?.fromAbove?.some(Boolean)) {
      const top = header.cells;
      const cells = Array.from({ length: Math.max(top.length, sub.cells.length) }, (_, i) =>
        (sub.cells[i]?.trim() && !sub.fromAbove![i] ? sub.cells[i]! : top[i] ?? ''));
      notes.push(`the header is ${lw}s ${header.line}–${sub.line} (cells merged over both); each column takes its name from ${lw} ${sub.line}, else ${lw} ${header.line}`);
      header = { line: header.line, cells };
      headerEnd = sub.line;
      pending = undefined;
    }
  }
  header ??= above[0]!;
  if (above.length && header !== above[0]) {
    const shown = above.map((r) => JSON.stringify(r.cells.filter((c) => c.trim()).join(' ').slice(0, 40))).join(', ');
    notes.push(`the header is ${lw} ${header.line}; ${above.length === 1 ? `${lw} ${above[0]!.line}` : `${lw}s ${above[0]!.line}–${above[above.length - 1]!.line}`} above it (${shown}) ${above.length === 1 ? 'is' : 'are'} not read`);
  }
  const columns: (Column | null)[] = header.cells.map(columnOf);
  // Several headers for one field (名称 and 标题, 发布日期 and 公开日期): each row takes the first that is not empty.
  const at = new Map<Column, number[]>();
  columns.forEach((c, i) => { if (c) at.set(c, [...(at.get(c) ?? []), i]); });
  for (const n of [...at.entries()].filter(([, idx]) => idx.length > 1)
    .map(([c, idx]) => `${idx.map((i) => JSON.stringify(header.cells[i]!.trim())).join(' and ')} are ${idx.length > 2 ? 'all' : 'both'} read as ${c}; a row takes the first that is not empty`)) notes.push(n);
  const ignoredHeaders = header.cells.filter((h, i) => !columns[i] && h.trim());
  if (!columns.includes('title')) {
    const known = columns.filter(Boolean).length;
    throw new Error(
      known
        ? `no title column: the header needs 名称, 标题 or title (found ${header.cells.map((h) => JSON.stringify(h.trim())).join(', ')})`
        : `this does not look like a catalogue ${lw === 'row' ? 'sheet' : 'CSV'}: no known column in the first ${lw} and no title column in the first ${plural(above.length, lw)} (expected headers such as 索引号, 名称, 发布日期; the first ${lw} has ${header.cells.slice(0, 6).map((h) => JSON.stringify(h.trim())).join(', ')})`,
    );
  }
  const width = header.cells.length;
  const categories = vocab('c');
  const topics = vocab('t');
  const genres = vocab('g');
  const publishers = vocab('p');
  const items: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  const skipped: RowNote[] = [];
  const errors: RowNote[] = [];
  const warnings: RowNote[] = [];
  // 3/5/2013 is Excel's short date on an English system: month/day in the US, day/month elsewhere. One sheet uses one
  // order, so a date with a number above 12 in either place decides: for the dates written with the same separator,
  // and for the whole file where those do not tell. Dotted dates (3.5.2013) that nothing decides are day/month, as
  // Europe and Russia write them (month.day.year is hardly ever written); slashes and hyphens are month/day, as Excel
  // on an English (US) system writes them.
  const dateCells = [...(at.get('dateCreated') ?? []), ...(at.get('datePublished') ?? [])];
  interface Evidence { dayFirst?: { line: number; raw: string }; monthFirst?: { line: number; raw: string }; ambiguous: number }
  const evidence = new Map<string, Evidence>(['', '/', '-', '.'].map((k) => [k, { ambiguous: 0 }]));
  for (let r = dateCells.length ? pending ?? records.next() : { done: true as const, value: undefined }; !r.done; r = records.next()) {
    const rec = r.value;
    for (const i of dateCells) {
      const raw = rec.cells[i]?.trim() ?? '';
      const s = raw ? readDateCell(raw)?.first : undefined;
      if (s?.form !== 'yearLast') continue;
      for (const e of [evidence.get(s.sep)!, evidence.get('')!]) {
        if (s.a > 12 && s.b <= 12) e.dayFirst ??= { line: rec.line, raw };
        else if (s.b > 12 && s.a <= 12) e.monthFirst ??= { line: rec.line, raw };
        else if (s.a <= 12 && s.b <= 12) e.ambiguous++;
      }
    }
  }
  const SEP_NAMES: Record<string, string> = { '/': 'slashes', '-': 'hyphens', '.': 'dots' };
  /** The order of the dates written with `sep`, and why; undefined when the file has both (the dates quoted in `both`). */
  const decide = (sep: string): { order?: 'day/month' | 'month/day'; why: string; both?: Evidence } => {
    const own = evidence.get(sep)!;
    const all = evidence.get('')!;
    if (own.dayFirst && own.monthFirst) return { why: '', both: own };
    for (const e of [own, all]) {
      if (e.dayFirst && e.monthFirst) break;
      if (e.dayFirst) return { order: 'day/month', why: `as ${lw} ${e.dayFirst.line}'s "${e.dayFirst.raw}" is` };
      if (e.monthFirst) return { order: 'month/day', why: `as ${lw} ${e.monthFirst.line}'s "${e.monthFirst.raw}" is` };
    }
    if (sep === '.') {
      const tell = all.dayFirst ? 'the other dates in the file have both orders' : 'no date in the file has a day above 12 to tell';
      return { order: 'day/month', why: `dates with dots are day.month.year in Europe and Russia; ${tell}` };
    }
    if (all.dayFirst && all.monthFirst) return { why: '', both: all };
    return { order: 'month/day', why: 'the order of Excel on an English (US) system; no date in the file has a day above 12 to tell' };
  };
  const decisions = new Map(['/', '-', '.'].map((sep) => [sep, decide(sep)]));
  const said = new Set<string>();
  /** The day a date at the start of a cell stands for; null when it is none, '' when a warning has said why not. */
  const readOne = (k: string, d: LeadingDate, raw: string, line: number, quiet = false): string | null => {
    if (d.form === 'ymd') {
      if (d.parts) notADay = whyNotADay(...d.parts);
      return d.date;
    }
    if (d.form === 'twoDigitYear') return null;
    const s = d;
    if (s.a > 12 || s.b > 12) {
      const [m, day] = s.a > 12 ? [s.b, s.a] : [s.a, s.b];
      notADay = whyNotADay(s.year, m, day);
      return ymd(s.year, m, day);
    }
    const { order, why, both } = decisions.get(s.sep)!;
    if (!order) {
      if (quiet) return null;
      warnings.push({ line, message: `${k}: "${raw}" is not a date; left out (day/month or month/day? ${lw} ${both!.dayFirst!.line} has ` +
        `"${both!.dayFirst!.raw}", ${lw} ${both!.monthFirst!.line} has "${both!.monthFirst!.raw}"; write dates as YYYY-MM-DD)` });
      return '';
    }
    const out = order === 'day/month' ? ymd(s.year, s.b, s.a) : ymd(s.year, s.a, s.b);
    if (out && !quiet && !said.has(order + why)) {
      said.add(order + why);
      // The dates this decision covers: those of every separator decided the same way.
      const seps = [...decisions].filter(([sep, d]) => d.order === order && d.why === why && evidence.get(sep)!.ambiguous).map(([sep]) => sep);
      const count = seps.reduce((sum, sep) => sum + evidence.get(sep)!.ambiguous, 0);
      const which = count === evidence.get('')!.ambiguous ? '' : ` written with ${seps.map((sep) => SEP_NAMES[sep]).join(' or ')}`;
      warnings.push({ line, message: `${k}: "${raw}" read as ${order}/year, ${out} (${why}); ` +
        `${plural(count, 'date')}${which} in this file could be read either way, all read as ${order}` });
    }
    return out;
  };
  /** Why the last date read was not a day of the calendar, when it was not. */
  let notADay = '';
  // A time of day after the date (a CMS's 发布时间: 2013-03-05 14:30:00) is dropped: one warning, at the first, with the count.
  let timeNote: RowNote | undefined;
  let times = 0;
  // Excel day numbers (41338: a date column formatted General, saved as CSV): read, with one warning and the count.
  let serialNote: RowNote | undefined;
  let serials = 0;
  const WRITE_YEARS = '(write years in full, e.g. 2013-03-05: in Excel, format the date column as yyyy-mm-dd before saving)';
  /** A date cell: its day, or null (not a date), or '' (left out, a warning or error saying why). */
  const readDate = (k: string, raw: string, line: number): string | null => {
    const cell = readDateCell(raw);
    if (!cell) return null;
    const { first } = cell;
    if (first.form === 'twoDigitYear') {
      const range = cell.kind === 'range' || cell.kind === 'timeRange';
      warnings.push({ line, message: `${k}: "${raw}" ${range ? 'is a range of dates with a two-digit year' : 'has a two-digit year'}, ` +
        `whose century is not known; left out ${WRITE_YEARS}` });
      return '';
    }
    const d = readOne(k, first, raw, line);
    if (!d) return d;
    if (cell.kind === 'other') {
      errors.push({ line, message: `${k}: "${raw}" has ${JSON.stringify(cell.text)} after the date, which is not a time of day; left out ` +
        '(write the date alone in this column, e.g. 2013-03-05, and any note in another)' });
      return '';
    }
    if (cell.kind === 'date') {
      if (first.form === 'ymd' && first.serial) {
        serials++;
        serialNote ??= warnings[warnings.push({ line, message: `${k}: "${raw}" is an Excel day number; read as ${d} (check it against the ` +
          'sheet: in Excel, format the date column as yyyy-mm-dd before saving, and the file has the dates themselves)' }) - 1];
      }
      if (cell.time) {
        times++;
        timeNote ??= warnings[warnings.push({ line, message: `${k}: "${raw}" has a time of day; read as the day, ${d} (a feed's dates are days)` }) - 1];
      }
      return d;
    }
    // Times on one day (2013-03-05 09:00-11:00), or the same day written twice with them: the day.
    if (cell.kind === 'timeRange' && (!cell.end || readOne(k, cell.end, raw, line, true) === d)) {
      warnings.push({ line, message: `${k}: "${raw}" is a time range on one day; read as the day, ${d} (the times are dropped: a feed's dates are days)` });
      return d;
    }
    // A range (2013-3-5至2013-4-5, a 公示期 in the date column): its first date, when the document appeared.
    warnings.push({ line, message: `${k}: "${raw}" is a range of dates; read as its first date, ${d} (an entry has one date ` +
      `of each kind: write the first in this column, and the period in the summary if it matters)` });
    return d;
  };
  let n = 0;
  let titleLinks = 0;
  for (const rec of rows(csvProblems)) {
    // A row holding only what cells merged down from above give it is part of the row above (one entry, two rows high).
    if (rec.line <= headerEnd || isBlankRecord(rec) || rec.fromAbove?.every((f, i) => f || !rec.cells[i]!.trim())) continue;
    n++;
    options.onRow?.(n);
    let cells = rec.cells;
    // Trailing empty cells beyond the header are harmless (spreadsheets pad rows); more cells is a broken row.
    if (cells.length > width && cells.slice(width).every((c) => c.trim() === '')) cells = cells.slice(0, width);
    // Fewer cells: Excel leaves out trailing empty cells, and the cells there stay in their columns.
    if (cells.length < width) cells = [...cells, ...Array<string>(width - cells.length).fill('')];
    if (cells.length !== width) {
      // In a workbook, the first cell right of the header, by its column (the sheet's letters: a value in XFD is not
      // "the third cell"); a CSV line's cells have no names.
      const far = options.columnName ? cells.findIndex((c, i) => i >= width && c.trim()) : -1;
      const message = far >= 0 ? `has ${JSON.stringify(cells[far]!.trim().slice(0, 20))} in column ${options.columnName!(far)}, right of the ` +
        `header's last column, ${options.columnName!(width - 1)}` : `has ${cells.length} cells, the header has ${width}`;
      skipped.push({ line: rec.line, message, hint: lw === 'row'
        ? 'cells right of the header\'s last column: give that column a header, or clear them'
        : 'a comma in a cell that is not in double quotes? Save the file again from Excel or WPS, or put that cell in quotes' });
      continue;
    }
    const raw = (c: Column): string | undefined => {
      for (const i of at.get(c) ?? []) if (cells[i]!.trim()) return cells[i]!;
      return undefined;
    };
    const get = (c: Column): string => raw(c)?.trim() ?? '';
    const title = get('title');
    if (!title) {
      skipped.push({ line: rec.line, message: 'no title' });
      continue;
    }
    const item: Record<string, unknown> = {};
    const indexNo = get('indexNo');
    const docNo = get('docNo');
    let id = get('id') || indexNo;
    const dates: Partial<Record<'dateCreated' | 'datePublished', string>> = {};
    for (const k of ['dateCreated', 'datePublished'] as const) {
      const raw = get(k);
      if (!raw) continue;
      notADay = '';
      // A day number shown with thousands separators (41,338: a date column formatted #,##0) is that day number.
      const d = readDate(k, /^\d{1,3}(?:,\d{3})+$/.test(raw) ? raw.replace(/,/g, '') : raw, rec.line);
      if (d) dates[k] = d;
      else if (d === null) {
        warnings.push({ line: rec.line, message: `${k}: "${raw}" is not a date${notADay ? ` (${notADay})` : ''}; left out (write dates as YYYY-MM-DD, e.g. 2013-03-05)` });
      }
    }
    if (!id) id = `h-${hash(`${title}\u0000${docNo}\u0000${dates.datePublished ?? dates.dateCreated ?? ''}`)}`;
    if (ids.has(id)) {
      let k = 2;
      while (ids.has(`${id}-${k}`)) k++;
      warnings.push({ line: rec.line, message: `id "${id}" appears again; this entry gets "${id}-${k}"` });
      id = `${id}-${k}`;
    }
    ids.add(id);
    item.id = id;
    item.title = title;
    if (indexNo) item.indexNo = indexNo;
    const summary = raw('summary')?.replace(/\r\n?/g, '\n').trim();
    if (summary) item.summary = summary;
    if (docNo) item.docNo = docNo;
    const pub = get('publisher');
    if (pub) item.publisher = termOf(publishers, pub, false);
    if (dates.dateCreated) item.dateCreated = dates.dateCreated;
    if (dates.datePublished) item.datePublished = dates.datePublished;
    const cat = get('category');
    if (cat) item.categoryIds = splitList(cat).map((c) => termOf(categories, c, true));
    const topic = get('topic');
    if (topic) item.topicIds = splitList(topic).map((t) => termOf(topics, t, true));
    const genre = get('genre');
    if (genre) item.genreId = termOf(genres, genre, false);
    const kw = get('keywords');
    if (kw) item.keywords = splitKeywords(kw);
    const validity = get('validity');
    if (validity) {
      const v = VALIDITY_WORDS[toHalfWidth(validity).replace(/\s+/g, '').toLowerCase()];
      if (v) item.validity = v;
      else warnings.push({ line: rec.line, message: `validity: "${validity}" is not one of 有效, 失效, 废止, 已修改; left out` });
    }
    // A link inserted on the url cell (its text, 查看 or 原文, is not the address), else on the title's cell.
    const inserted = (c: Column) => (at.get(c) ?? []).map((i) => rec.links?.[i]).find(Boolean);
    const typed = get('url');
    const link = inserted('url') ?? (typed || inserted('title') || '');
    if (link && !inserted('url') && !typed) titleLinks++;
    if (link && /\p{Script=Han}/u.test(link) && !/[./]/.test(link)) {
      // 查看, 点击查看: the text of a link whose address was lost (Excel's CSV keeps =HYPERLINK(…)'s text, not its address).
      warnings.push({ line: rec.line, message: `url: ${JSON.stringify(link)} is a link's text, not its address; left out (write the address, ` +
        'e.g. https://www.example.gov.cn/xxgk/1.html; Excel\'s CSV keeps only the text of a link made with =HYPERLINK or Insert → Link: convert the .xlsx itself)' });
    } else if (link) {
      let href = link;
      // www.junshan.gov.cn/a.html (the scheme left out, as people type addresses) is a host, not a relative path: read
      // relative, it would point below the feed's own folder.
      if (HOST_WITHOUT_SCHEME.test(link)) {
        href = `http://${link}`;
        warnings.push({ line: rec.line, message: `url: ${JSON.stringify(link)} has no http:// or https://; written as ${href}` });
      }
      if (options.baseUrl) {
        try { href = new URL(href, options.baseUrl).href; } catch { /* keep as written */ }
      }
      // The scheme as a browser reads it (java<TAB>script: is javascript:).
      if (!/^https?:$/.test(linkScheme(href))) {
        warnings.push({ line: rec.line, message: `url: ${JSON.stringify(link)} is not an http(s) or relative URL; left out` });
      } else if (resolveUrl(href, 'http://x/') === null) {
        // `http://www.x .gov.cn/`, `http://[`: the elements would show the entry without its link, and validate refuses it.
        warnings.push({ line: rec.line, message: `url: ${JSON.stringify(link)} is not a URL a browser can read; left out` });
      } else item.url = href;
    }
    items.push(item);
  }
  if (titleLinks) {
    notes.push(`${plural(titleLinks, 'entry', 'entries')} take${titleLinks === 1 ? 's' : ''} the link on ${titleLinks === 1 ? 'its' : 'their'} title's cell as url (${at.has('url') ? 'its url cell is empty' : 'the sheet has no url column'})`);
  }
  if (serialNote && serials > 1) serialNote.message += `; ${fmt(serials)} dates in this file are day numbers, each read so`;
  if (timeNote && times > 1) timeNote.message += `; ${fmt(times)} dates in this file have a time of day, each read as its day`;
  for (const p of csvProblems) {
    const m = /^line (\d+): (.*)$/.exec(p);
    warnings.push({ line: m ? Number(m[1]) : 0, message: m ? m[2]! : p });
  }
  const terms = (v: Vocab, tree: boolean) =>
    [...v.terms.values()].map((t) => (tree ? { id: t.id, label: t.label, parentId: t.parentId, order: t.order } : t.parentId
      ? { id: t.id, label: t.label, parentId: t.parentId } : { id: t.id, label: t.label }));
  const feed: Record<string, unknown> = { schemaVersion: 1 };
  const lang = options.lang ?? (items.some((i) => /\p{Script=Han}/u.test(String(i.title))) ? 'zh-CN' : undefined);
  if (lang) feed.lang = lang;
  if (options.publisher) feed.publisher = { name: options.publisher };
  feed.categories = terms(categories, true);
  const facets: Record<string, unknown> = {};
  if (topics.terms.size) facets.topic = terms(topics, false);
  if (genres.terms.size) facets.genre = terms(genres, false);
  if (publishers.terms.size) facets.publisher = terms(publishers, false);
  feed.facets = facets;
  feed.items = items;
  return {
    feed,
    entries: items.length,
    skipped,
    errors,
    warnings: warnings.sort((a, b) => a.line - b.line),
    columns: [...at.keys()],
    ignoredHeaders,
    headerLines: headerEnd > header.line ? [header.line, headerEnd] : [header.line],
    notes,
  };
}
