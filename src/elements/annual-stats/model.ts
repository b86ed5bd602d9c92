/**
 * The annual-report feed (feeds.md §3): types, a tolerant validator, and the index feed of several years.
 *
 * Root strict: an object, `schemaVersion` 1, an integer `year`, a known `template`. Everything else tolerant: a bad
 * figure becomes `null` (not reported) with a warning, a bad text field or item is dropped with a warning, unknown keys
 * are ignored. `null` in the feed stays `null`: not reported is not 0.
 *
 * Optional fields this library adds to feeds.md §3 (all optional, all tolerated when absent):
 * - root: `title` (string, the report's own title), `sample` (boolean, true for demonstration data);
 * - `text`: besides overview/problems/improvements/other, `intro` (text before section 一), `proactive`,
 *   `applications`, `fees`, `reviewLitigation` (prose a report writes in those sections; pre-2019 reports are
 *   mostly prose);
 * - `proactive`: the CN-2019 Table 二 keys (see templates.ts): `regulations`/`normativeDocs`
 *   `{made, published, totalPublished}`, `licensing`/`otherServices`/`penalty`/`enforcement`
 *   `{lastYear, change, decisions}`, `fees {lastYear, change}`, `procurement {items, amount, unit}`;
 *   `change` (本年增/减) may be negative;
 * - `custom[]`: `note` (string, e.g. the original wording of a figure) and `approximate` (boolean, for 余/约 figures);
 * - `applications.results.other` may be one array (CN-2019, a single （六）其他处理 row) or an object
 *   `{noCorrection, unpaidFee, other}` (CN-2021).
 * Money units: `proactive.fees.unit` defaults to "10kCNY" (万元, as the CN-2021 column says), `feesCollected.unit` and
 * `proactive.procurement.unit` to "CNY".
 */
import { checkSchemaVersion } from '../../core/feed.js';
import type { FeedIssue } from '../../core/feed.js';
import { safeHref } from '../../core/url.js';
import {
  ANNUAL_TEMPLATE_IDS as SHAPE_TEMPLATE_IDS, ANNUAL_TEXT_KEYS, APPLICANT_COLUMNS, NOT_PROCESSED_KEYS as SHAPE_NOT_PROCESSED_KEYS,
  TABLE4_GROUPS, TABLE4_OUTCOMES,
  OTHER_KEYS as SHAPE_OTHER_KEYS, UNABLE_KEYS as SHAPE_UNABLE_KEYS, WITHHELD_KEYS as SHAPE_WITHHELD_KEYS,
} from '../../schema/constants/annual.js';
import { kindOf, type ApplicantColumn, type Table4GroupKey, type Table4OutcomeKey, type ValueKind } from './layout.js';

export type { FeedIssue } from '../../core/feed.js';
export type { ApplicantColumn } from './layout.js';

/** One figure: a number, or null for "not reported". */
export type Cell = number | null;
/** One Table 三 row: a Cell per applicant column, in `APPLICANT_COLUMNS` order (always 7 after parsing). */
export type Row = Cell[];

export type AnnualTemplateId = (typeof SHAPE_TEMPLATE_IDS)[number];
export const ANNUAL_TEMPLATE_IDS: readonly AnnualTemplateId[] = SHAPE_TEMPLATE_IDS;

export interface Publisher { name: string; id?: string }

export interface AnnualText {
  overview?: string;
  problems?: string;
  improvements?: string;
  other?: string;
  /** Added: text before section 一. */
  intro?: string;
  /** Added: prose of the Table 二/三/四 sections and of the fees section of pre-2019 reports. */
  proactive?: string;
  applications?: string;
  fees?: string;
  reviewLitigation?: string;
}
export type AnnualTextKey = keyof AnnualText;

/** 规章 / (行政)规范性文件. CN-2021: issued, repealed, inForce. CN-2019: made, published, totalPublished. */
export interface DocumentCounts {
  issued?: Cell; repealed?: Cell; inForce?: Cell;
  made?: Cell; published?: Cell; totalPublished?: Cell;
}
/** 行政许可 / 行政处罚 / 行政强制 / 其他对外管理服务事项. CN-2021: decisions. CN-2019: lastYear, change, decisions. */
export interface DecisionCounts { decisions?: Cell; lastYear?: Cell; change?: Cell }
/** 行政事业性收费. CN-2021: amount (+unit). CN-2019: lastYear, change. */
export interface FeeFigures { amount?: Cell; unit?: string; lastYear?: Cell; change?: Cell }
/** 政府集中采购 (CN-2019 only). */
export interface ProcurementFigures { items?: Cell; amount?: Cell; unit?: string }

export interface Proactive {
  regulations?: DocumentCounts;
  normativeDocs?: DocumentCounts;
  licensing?: DecisionCounts;
  otherServices?: DecisionCounts;
  penalty?: DecisionCounts;
  enforcement?: DecisionCounts;
  fees?: FeeFigures;
  procurement?: ProcurementFigures;
}

export type WithheldKey = (typeof SHAPE_WITHHELD_KEYS)[number];
export type UnableKey = (typeof SHAPE_UNABLE_KEYS)[number];
export type NotProcessedKey = (typeof SHAPE_NOT_PROCESSED_KEYS)[number];
export type OtherKey = (typeof SHAPE_OTHER_KEYS)[number];

export const WITHHELD_KEYS: readonly WithheldKey[] = SHAPE_WITHHELD_KEYS;
export const UNABLE_KEYS: readonly UnableKey[] = SHAPE_UNABLE_KEYS;
export const NOT_PROCESSED_KEYS: readonly NotProcessedKey[] = SHAPE_NOT_PROCESSED_KEYS;
export const OTHER_KEYS: readonly OtherKey[] = SHAPE_OTHER_KEYS;

export interface Results {
  granted?: Row;
  partiallyGranted?: Row;
  withheld?: Partial<Record<WithheldKey, Row>>;
  unable?: Partial<Record<UnableKey, Row>>;
  notProcessed?: Partial<Record<NotProcessedKey, Row>>;
  /** CN-2021: split into three rows; CN-2019: one row. */
  other?: Row | Partial<Record<OtherKey, Row>>;
  total?: Row;
}

export interface Applications {
  /** Always the seven columns in canonical order after parsing (a feed's own order is mapped onto it). */
  columns: ApplicantColumn[];
  newReceived?: Row;
  carriedOver?: Row;
  results: Results;
  carriedForward?: Row;
}

export type ReviewLitigationGroup = Partial<Record<Table4OutcomeKey, Cell>>;
export type ReviewLitigation = Partial<Record<Table4GroupKey, ReviewLitigationGroup>>;

export interface Money { amount: Cell; unit: string }

export interface CustomFigure {
  key: string;
  label: string;
  value: Cell;
  unit?: string;
  group?: string;
  /** Added: plain-text note, e.g. the figure's original wording. */
  note?: string;
  /** Added: the source gives the figure as "more than" / "about" (余, 约). */
  approximate?: boolean;
}

export interface FigureGroup { id: string; label: string }

export interface AnnualReport {
  schemaVersion: number;
  year: number;
  template: AnnualTemplateId;
  publisher?: Publisher;
  title?: string;
  sample?: boolean;
  publishedAt?: string;
  /** Absolute http(s) URL (resolved against the feed URL); absent when the feed's value was unsafe. */
  sourceUrl?: string;
  text: AnnualText;
  proactive?: Proactive;
  applications?: Applications;
  reviewLitigation?: ReviewLitigation;
  feesCollected?: Money;
  custom: CustomFigure[];
  groups: FigureGroup[];
}

export type AnnualParseResult =
  | { ok: true; report: AnnualReport; warnings: FeedIssue[] }
  | { ok: false; error: 'schemaVersion' | 'invalidRoot'; message: string; detail?: string };

export interface AnnualIndexEntry { year: number; url: string }
export type AnnualIndexResult =
  | { ok: true; reports: AnnualIndexEntry[]; publisher?: Publisher; warnings: FeedIssue[] }
  | { ok: false; error: 'schemaVersion' | 'invalidRoot'; message: string; detail?: string };

// ---------------------------------------------------------------------------------------------------------------
// helpers

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const set = (o: object, k: string, v: unknown): void => {
  if (v !== undefined) (o as Obj)[k] = v;
};
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'text' : typeof v);
const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 9999;

const KIND_RULE: Record<ValueKind, string> = {
  count: 'a whole number ≥ 0',
  amount: 'a number ≥ 0',
  delta: 'a whole number',
};

/** The feed URL made absolute (a relative feed URL is resolved against the document, or localhost outside one). */
function feedBase(feedUrl: string): string {
  const doc = globalThis.document?.baseURI || globalThis.location?.href || 'http://localhost/';
  try {
    return new URL(feedUrl, doc).href;
  } catch {
    return doc;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables 二, 三 and 四 (and the text fields): read by a spec of their keys

/** The keys of a section: a list of figures, or named sub-sections (0 for a figure). */
type Spec = readonly string[] | { readonly [k: string]: 0 | Spec };

const keys = (s: string) => s.split(' ');
const DOCS = keys('issued repealed inForce made published totalPublished');
const DECISIONS = keys('decisions lastYear change');
/** `proactive`: the CN-2021 and CN-2019 keys of Table 二 (see templates.ts); `unit` of fees and procurement. */
const PROACTIVE: Spec = {
  regulations: DOCS, normativeDocs: DOCS, licensing: DECISIONS, otherServices: DECISIONS, penalty: DECISIONS, enforcement: DECISIONS,
  fees: keys('amount lastYear change unit'), procurement: keys('items amount unit'),
};
const APPLICATIONS: Spec = {
  newReceived: 0,
  carriedOver: 0,
  results: {
    granted: 0, partiallyGranted: 0, withheld: SHAPE_WITHHELD_KEYS, unable: SHAPE_UNABLE_KEYS, notProcessed: SHAPE_NOT_PROCESSED_KEYS,
    other: SHAPE_OTHER_KEYS, total: 0,
  },
  carriedForward: 0,
};
const ROOT: Spec = {
  text: ANNUAL_TEXT_KEYS,
  proactive: PROACTIVE,
  applications: APPLICATIONS,
  reviewLitigation: Object.fromEntries(TABLE4_GROUPS.map((g) => [g, TABLE4_OUTCOMES])),
  feesCollected: keys('amount unit'),
};

// ---------------------------------------------------------------------------------------------------------------
// public API

/**
 * Reads one feed: one year's report, or (`index`) an index of several years (parseAnnualFeed, parseAnnualIndex). What
 * a parse keeps as it goes (its warnings; for a report its template and the feed's column order) lives in this call:
 * the readers are its closures.
 */
export function readAnnual(json: unknown, feedUrl: string, index: boolean): AnnualParseResult | AnnualIndexResult {
  const failed = checkSchemaVersion(json);
  if (failed) return failed;
  const o = json as Obj;
  const v = o.schemaVersion as number;
  if (Math.floor(v) < 1) return { ok: false, error: 'schemaVersion', message: `schemaVersion ${v} is not supported; this library reads 1.`, detail: String(v) };
  /** The root refused: "<field> must be <what>." */
  const invalid = (detail: string, what: string) => ({ ok: false, error: 'invalidRoot', message: `${detail} must be ${what}.`, detail } as const);
  const warnings: FeedIssue[] = [];
  const warn = (path: string, message: string): undefined => void warnings.push({ path, message });
  /** "must be <what> (found <v>); <then>" */
  const bad = (path: string, what: string, v: unknown, then = 'left out'): undefined => warn(path, `must be ${what} (found ${describe(v)}); ${then}`);

  /** A figure: undefined stays undefined (absent), null stays null, anything invalid becomes null with a warning. */
  const cell = (v: unknown, kind: ValueKind, path: string): Cell | undefined => {
    if (v == null) return v as null | undefined;
    // (Number.isFinite is false for anything but a finite number: no coercion.)
    if (Number.isFinite(v) && (kind === 'amount' ? (v as number) >= 0 : Number.isInteger(v) && (kind === 'delta' || (v as number) >= 0))) return v as number;
    warn(path, `must be ${KIND_RULE[kind]} (found ${typeof v === 'number' ? v : describe(v)}); shown as not reported`);
    return null;
  };

  const text = (v: unknown, path: string): string | undefined =>
    v == null ? undefined : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : bad(path, 'text', v);

  const bool = (v: unknown, path: string): boolean | undefined =>
    v == null ? undefined : typeof v === 'boolean' ? v : bad(path, 'true or false', v);

  /** An object-valued section; anything else is dropped with a warning. */
  const section = (v: unknown, path: string): Obj | undefined => (v == null ? undefined : isObj(v) ? v : bad(path, 'an object', v));

  const publisher = (): Publisher | undefined => {
    const p = section(own(o, 'publisher'), 'publisher');
    if (!p) return undefined;
    const raw = own(p, 'name');
    const name = text(raw, 'publisher.name');
    if (name === undefined) return raw === undefined ? warn('publisher.name', 'is missing; publisher left out') : undefined;
    const out: Publisher = { name };
    const id = own(p, 'id');
    if (typeof id === 'string' || Number.isFinite(id)) out.id = String(id);
    else if (id != null) bad('publisher.id', 'text', id);
    return out;
  };

  /** Each object of a list, with its path; anything else in the list is skipped with a warning. */
  const list = (v: unknown, path: string, each: (item: Obj, path: string) => void): void => {
    if (v == null) return;
    if (!Array.isArray(v)) return bad(path, 'a list', v);
    v.forEach((item, i) => {
      const p = `${path}[${i}]`;
      if (isObj(item)) each(item, p);
      else bad(p, 'an object', item, 'skipped');
    });
  };

  if (index) {
    const reports = own(o, 'reports');
    if (!Array.isArray(reports)) {
      return invalid('reports', 'a list of { year, url }');
    }
    const base = feedBase(feedUrl);
    const byYear = new Map<number, AnnualIndexEntry>();
    list(reports, 'reports', (item, p) => {
      const year = own(item, 'year');
      if (!isYear(year)) return warn(`${p}.year`, 'must be a whole number; entry skipped');
      const url = safeHref(own(item, 'url'), base);
      if (!url) warn(`${p}.url`, 'must be an http(s) or relative URL; entry skipped');
      else if (byYear.has(year)) warn(`${p}.year`, `repeats ${year}; entry skipped`);
      else byYear.set(year, { year, url });
    });
    const result: AnnualIndexResult = { ok: true, reports: [...byYear.values()].sort((a, b) => a.year - b.year), warnings };
    set(result, 'publisher', publisher());
    return result;
  }

  const year = own(o, 'year');
  if (!isYear(year)) {
    const hint = Array.isArray(own(o, 'reports')) ? ' (this looks like an index of several years)' : '';
    return invalid('year', `a whole number${hint}`);
  }
  const template = own(o, 'template') as AnnualTemplateId;
  if (!SHAPE_TEMPLATE_IDS.includes(template)) {
    return invalid('template', `one of ${SHAPE_TEMPLATE_IDS.join(', ')}`);
  }

  /** Where each applicant column is in the feed's rows (-1: missing), and how long the feed's rows are. */
  let sourceIndex: number[];
  let sourceLength: number;

  const columnMap = (v: unknown): void => {
    const C = APPLICANT_COLUMNS;
    sourceIndex = C.map((_, i) => i);
    sourceLength = C.length;
    if (v == null) return;
    if (!Array.isArray(v)) return bad('applications.columns', 'a list of column keys', v, 'the standard order is assumed');
    sourceIndex = C.map(() => -1);
    sourceLength = v.length;
    v.forEach((name, i) => {
      const k = C.indexOf(name);
      const p = `applications.columns[${i}]`;
      if (k < 0) warn(p, `unknown column ${typeof name === 'string' ? `"${name}"` : describe(name)}; its figures are ignored`);
      else if (sourceIndex[k] >= 0) warn(p, `repeats column "${name}"; its figures are ignored`);
      else sourceIndex[k] = i;
    });
    C.forEach((k, i) => sourceIndex[i] < 0 && warn('applications.columns', `lacks column "${k}"; it is shown as not reported`));
  };

  /** A Table 三 row, mapped onto the standard column order. */
  const row = (v: unknown, path: string): Row | undefined => {
    if (v === undefined) return undefined;
    if (v === null) return APPLICANT_COLUMNS.map(() => null);
    const n = sourceLength;
    if (!Array.isArray(v)) return bad(path, `a list of ${n} figures`, v);
    if (v.length !== n) {
      warn(path, `has ${v.length} figures instead of ${n}; ${v.length < n ? 'the missing ones are shown as not reported' : 'the extra ones are ignored'}`);
    }
    return sourceIndex.map((src) => (src < 0 || src >= v.length ? null : cell(v[src], 'count', `${path}[${src}]`) ?? null));
  };

  /** One value under ROOT: text, a Table 三 row, a money unit (the feed's, trimmed, else the default), or a figure (its kind from its key). */
  const leaf = (v: unknown, path: string, key: string): unknown =>
    path.startsWith('text.') ? text(v, path)
    : path.startsWith('applications.') ? row(v, path)
    : key === 'unit' ? text(v, path)?.trim() || (path === 'proactive.fees.unit' ? '10kCNY' : 'CNY')
    : cell(v, kindOf(key), path);

  /** Reads `spec` from `from` into `out`: sections that are not objects are left out with a warning, figures by `leaf`. */
  const walk = (from: Obj, path: string, spec: Spec, out: Obj = {}): Obj => {
    const entries = Array.isArray(spec) ? (spec as readonly string[]).map((k) => [k, 0] as const) : Object.entries(spec);
    for (const [k, s] of entries) {
      const p = path ? `${path}.${k}` : k;
      const v = own(from, k);
      // （六）其他处理: one row (CN-2019) or split into three (CN-2021); either shape is read, the other template's warned.
      if (s && k === 'other' && v != null) {
        const one = Array.isArray(v);
        if (template === (one ? 'CN-2021' : isObj(v) ? 'CN-2019' : '')) {
          warn(p, one ? 'is one row; the CN-2021 format splits （六） into noCorrection, unpaidFee and other' : 'is split into rows; the CN-2019 format has one （六） row');
        }
        if (one) {
          set(out, k, row(v, p));
          continue;
        }
      }
      if (!s) {
        set(out, k, leaf(v, p, k));
      } else {
        const c = section(v, p);
        if (c && k === 'applications') columnMap(own(c, 'columns'));
        // Table 三 always has its columns and results; the fees collected always have an amount (null: not reported).
        if (c) out[k] = walk(c, p, s, k === 'applications' ? { columns: [...APPLICANT_COLUMNS], results: {} } : k === 'feesCollected' ? { amount: null } : {});
      }
    }
    return out;
  };

  const report: AnnualReport = { schemaVersion: v, year, template, text: {}, custom: [], groups: [] };
  set(report, 'publisher', publisher());
  set(report, 'title', text(own(o, 'title'), 'title'));
  set(report, 'sample', bool(own(o, 'sample'), 'sample'));
  const date = own(o, 'publishedAt');
  // A real calendar day: 2023-02-30 comes back as March 2, 2023-13-01 as no date (toJSON null). (Years before 100 were
  // refused when this was written with Date.UTC, which reads 0–99 as 1900–1999: they still are.)
  if (date != null) {
    set(report, 'publishedAt', typeof date === 'string' && /^\d{4}-\d\d-\d\d$/.test(date) && date >= '0100' && new Date(date).toJSON()?.startsWith(date)
      ? date : warn('publishedAt', 'must be a date written YYYY-MM-DD; left out'));
  }
  const src = own(o, 'sourceUrl');
  if (src != null) set(report, 'sourceUrl', safeHref(src, feedBase(feedUrl)) ?? warn('sourceUrl', 'must be an http(s) URL; left out'));
  walk(o, '', ROOT, report as unknown as Obj);
  const seen = new Set<string>();
  list(own(o, 'custom'), 'custom', (item, p) => {
    const key = own(item, 'key');
    const label = own(item, 'label');
    if (typeof key !== 'string' || !key.trim()) return warn(`${p}.key`, 'must be text; figure skipped');
    if (typeof label !== 'string') return warn(`${p}.label`, 'must be text; figure skipped');
    if (seen.has(key)) return warn(`${p}.key`, `repeats "${key}"; figure skipped`);
    seen.add(key);
    const value = own(item, 'value');
    if (value === undefined) warn(`${p}.value`, 'is missing; shown as not reported');
    const fig: CustomFigure = { key, label, value: cell(value, 'amount', `${p}.value`) ?? null };
    for (const k of ['unit', 'group', 'note']) set(fig, k, text(own(item, k), `${p}.${k}`));
    set(fig, 'approximate', bool(own(item, 'approximate'), `${p}.approximate`));
    report.custom.push(fig);
  });
  list(own(o, 'groups'), 'groups', (item, p) => {
    const id = own(item, 'id');
    const label = own(item, 'label');
    if (typeof id !== 'string' || !id) warn(`${p}.id`, 'must be text; group skipped');
    else if (typeof label !== 'string') warn(`${p}.label`, 'must be text; group skipped');
    else if (report.groups.some((g) => g.id === id)) warn(`${p}.id`, `repeats "${id}"; group skipped`);
    else report.groups.push({ id, label });
  });
  return { ok: true, report, warnings };
}

/**
 * Validates one year's annual-report feed. Strict at the root (object, schemaVersion 1, integer year, known template),
 * tolerant everywhere else (see the module comment). `feedUrl` is the URL the feed was read from; relative URLs in the
 * feed are resolved against it.
 */
export function parseAnnualFeed(json: unknown, feedUrl: string): AnnualParseResult {
  return readAnnual(json, feedUrl, false) as AnnualParseResult;
}

/** True when `json` is an index of several years (`reports` list) rather than one year's report. */
export function isAnnualIndex(json: unknown): boolean {
  return isObj(json) && Array.isArray(own(json, 'reports')) && own(json, 'year') === undefined;
}

/**
 * Validates an index feed `{ schemaVersion, publisher, reports: [{ year, url }] }`. Entries without an integer year or
 * an http(s)/relative URL are skipped with a warning, as are repeated years (the first wins). URLs come back absolute;
 * reports are sorted by year, oldest first.
 */
export function parseAnnualIndex(json: unknown, feedUrl: string): AnnualIndexResult {
  return readAnnual(json, feedUrl, true) as AnnualIndexResult;
}

const ROOT_SECTIONS = ['proactive', 'applications', 'reviewLitigation', 'feesCollected'];

/**
 * Reads a figure or a Table 三 row by path. Paths starting with `proactive.`, `applications.`, `reviewLitigation.` or
 * `feesCollected.` start at the report root; `custom.<key>` reads a custom figure's value; any other path is read
 * inside `applications` (`newReceived`, `results.withheld.stateSecret`). Returns a Row (array), a Cell (number or
 * null = not reported), or undefined when the path is absent or names a group rather than a figure.
 */
export function getPath(report: AnnualReport, path: string): Row | Cell | undefined {
  if (path.split('.')[0] === 'custom') return report.custom.find((f) => f.key === path.slice(7))?.value;
  const node = nodeAt(report, path);
  return Array.isArray(node) || node === null || typeof node === 'number' ? (node as Row | Cell) : undefined;
}

/** What `path` names in the report (see getPath, custom figures apart): a row, a figure, a section, or undefined. */
function nodeAt(report: AnnualReport, path: string): unknown {
  const parts = path.split('.');
  let node: unknown = ROOT_SECTIONS.includes(parts[0]) ? report : report.applications;
  for (const p of parts) node = isObj(node) ? own(node, p) : undefined;
  return node;
}

/** A Table 三 row by path (see getPath), or undefined when absent. */
export function getRow(report: AnnualReport, path: string): Row | undefined {
  const v = nodeAt(report, path);
  return Array.isArray(v) ? v : undefined;
}
