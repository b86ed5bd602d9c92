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
import {
  ANNUAL_TEMPLATE_IDS as SHAPE_TEMPLATE_IDS, ANNUAL_TEXT_KEYS, APPLICANT_COLUMNS, NOT_PROCESSED_KEYS as SHAPE_NOT_PROCESSED_KEYS,
  TABLE4_GROUPS, TABLE4_OUTCOMES,
  OTHER_KEYS as SHAPE_OTHER_KEYS, UNABLE_KEYS as SHAPE_UNABLE_KEYS, WITHHELD_KEYS as SHAPE_WITHHELD_KEYS,
} from '../../schema/constants/annual.js';
import type { ApplicantColumn, Table4GroupKey, Table4OutcomeKey, ValueKind } from './layout.js';

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
const TEXT_KEYS: readonly AnnualTextKey[] = ANNUAL_TEXT_KEYS;

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
const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'text' : typeof v);

class Issues {
  readonly list: FeedIssue[] = [];
  add(path: string, message: string): void { this.list.push({ path, message }); }
}

const KIND_RULE: Record<ValueKind, string> = {
  count: 'a whole number ≥ 0',
  amount: 'a number ≥ 0',
  delta: 'a whole number',
};

function validNumber(v: number, kind: ValueKind): boolean {
  if (!Number.isFinite(v)) return false;
  if (kind === 'amount') return v >= 0;
  if (kind === 'count') return Number.isInteger(v) && v >= 0;
  return Number.isInteger(v);
}

/** A figure: undefined stays undefined (absent), null stays null, anything invalid becomes null with a warning. */
function cell(v: unknown, kind: ValueKind, path: string, issues: Issues): Cell | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'number' && validNumber(v, kind)) return v;
  issues.add(path, `must be ${KIND_RULE[kind]} (found ${typeof v === 'number' ? String(v) : describe(v)}); shown as not reported`);
  return null;
}

function text(v: unknown, path: string, issues: Issues): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n');
  issues.add(path, `must be text (found ${describe(v)}); left out`);
  return undefined;
}

function bool(v: unknown, path: string, issues: Issues): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  issues.add(path, `must be true or false (found ${describe(v)}); left out`);
  return undefined;
}

/** An object-valued section; anything else is dropped with a warning. */
function section(v: unknown, path: string, issues: Issues): Obj | undefined {
  if (v === undefined || v === null) return undefined;
  if (isObj(v)) return v;
  issues.add(path, `must be an object (found ${describe(v)}); left out`);
  return undefined;
}

function fallbackBase(): string {
  try {
    if (typeof document !== 'undefined' && document.baseURI) return document.baseURI;
    if (typeof location !== 'undefined' && location.href) return location.href;
  } catch { /* no DOM */ }
  return 'http://localhost/';
}

/** The feed URL made absolute (a relative feed URL is resolved against the document). */
function feedBase(feedUrl: string): string {
  try {
    return new URL(feedUrl, fallbackBase()).href;
  } catch {
    return fallbackBase();
  }
}

/** An absolute http(s) URL, or null. */
function httpUrl(v: unknown, base: string): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  try {
    const u = new URL(v.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isoDate(v: unknown, path: string, issues: Issues): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    const m = ISO_DATE.exec(v);
    if (m) {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return v;
    }
  }
  issues.add(path, 'must be a date written YYYY-MM-DD; left out');
  return undefined;
}

function checkRoot(json: unknown): Extract<AnnualParseResult, { ok: false }> | null {
  const failed = checkSchemaVersion(json);
  if (failed) return failed;
  const v = (json as Obj).schemaVersion as number;
  if (Math.floor(v) < 1) {
    return { ok: false, error: 'schemaVersion', message: `schemaVersion ${v} is not supported; this library reads 1.`, detail: String(v) };
  }
  return null;
}

function publisher(v: unknown, issues: Issues): Publisher | undefined {
  const o = section(v, 'publisher', issues);
  if (!o) return undefined;
  const name = text(own(o, 'name'), 'publisher.name', issues);
  if (name === undefined) {
    if (own(o, 'name') === undefined) issues.add('publisher.name', 'is missing; publisher left out');
    return undefined;
  }
  const out: Publisher = { name };
  const id = own(o, 'id');
  if (typeof id === 'string') out.id = id;
  else if (typeof id === 'number' && Number.isFinite(id)) out.id = String(id);
  else if (id !== undefined && id !== null) issues.add('publisher.id', `must be text (found ${describe(id)}); left out`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// proactive (Table 二)

const PROACTIVE_SPEC: Record<keyof Proactive, Record<string, ValueKind>> = {
  regulations: { issued: 'count', repealed: 'count', inForce: 'count', made: 'count', published: 'count', totalPublished: 'count' },
  normativeDocs: { issued: 'count', repealed: 'count', inForce: 'count', made: 'count', published: 'count', totalPublished: 'count' },
  licensing: { decisions: 'count', lastYear: 'count', change: 'delta' },
  otherServices: { decisions: 'count', lastYear: 'count', change: 'delta' },
  penalty: { decisions: 'count', lastYear: 'count', change: 'delta' },
  enforcement: { decisions: 'count', lastYear: 'count', change: 'delta' },
  fees: { amount: 'amount', lastYear: 'count', change: 'delta' },
  procurement: { items: 'count', amount: 'amount' },
};
const DEFAULT_UNIT: Partial<Record<keyof Proactive, string>> = { fees: '10kCNY', procurement: 'CNY' };

function proactive(v: unknown, issues: Issues): Proactive | undefined {
  const o = section(v, 'proactive', issues);
  if (!o) return undefined;
  const out: Record<string, Record<string, Cell | string>> = {};
  for (const [rowKey, cells] of Object.entries(PROACTIVE_SPEC)) {
    const path = `proactive.${rowKey}`;
    const ro = section(own(o, rowKey), path, issues);
    if (!ro) continue;
    const row: Record<string, Cell | string> = {};
    for (const [k, kind] of Object.entries(cells)) {
      const c = cell(own(ro, k), kind, `${path}.${k}`, issues);
      if (c !== undefined) row[k] = c;
    }
    const defUnit = DEFAULT_UNIT[rowKey as keyof Proactive];
    if (defUnit) {
      const unit = text(own(ro, 'unit'), `${path}.unit`, issues);
      row.unit = unit && unit.trim() ? unit.trim() : defUnit;
    }
    out[rowKey] = row;
  }
  return out as Proactive;
}

// ---------------------------------------------------------------------------------------------------------------
// applications (Table 三)

interface ColumnMap { sourceLength: number; sourceIndex: number[] }

function columnMap(v: unknown, issues: Issues): ColumnMap {
  const identity: ColumnMap = { sourceLength: APPLICANT_COLUMNS.length, sourceIndex: APPLICANT_COLUMNS.map((_, i) => i) };
  if (v === undefined || v === null) return identity;
  if (!Array.isArray(v)) {
    issues.add('applications.columns', `must be a list of column keys (found ${describe(v)}); the standard order is assumed`);
    return identity;
  }
  const sourceIndex = APPLICANT_COLUMNS.map(() => -1);
  v.forEach((name, i) => {
    const k = APPLICANT_COLUMNS.indexOf(name as ApplicantColumn);
    if (k < 0) issues.add(`applications.columns[${i}]`, `unknown column ${typeof name === 'string' ? `"${name}"` : describe(name)}; its figures are ignored`);
    else if (sourceIndex[k] >= 0) issues.add(`applications.columns[${i}]`, `repeats column "${String(name)}"; its figures are ignored`);
    else sourceIndex[k] = i;
  });
  APPLICANT_COLUMNS.forEach((k, i) => {
    if (sourceIndex[i] < 0) issues.add('applications.columns', `lacks column "${k}"; it is shown as not reported`);
  });
  return { sourceLength: v.length, sourceIndex };
}

function row(v: unknown, path: string, cols: ColumnMap, issues: Issues): Row | undefined {
  if (v === undefined) return undefined;
  if (v === null) return APPLICANT_COLUMNS.map(() => null);
  if (!Array.isArray(v)) {
    issues.add(path, `must be a list of ${cols.sourceLength} figures (found ${describe(v)}); left out`);
    return undefined;
  }
  if (v.length < cols.sourceLength) {
    issues.add(path, `has ${v.length} figures instead of ${cols.sourceLength}; the missing ones are shown as not reported`);
  } else if (v.length > cols.sourceLength) {
    issues.add(path, `has ${v.length} figures instead of ${cols.sourceLength}; the extra ones are ignored`);
  }
  return cols.sourceIndex.map((src) => {
    if (src < 0 || src >= v.length) return null;
    return cell(v[src], 'count', `${path}[${src}]`, issues) ?? null;
  });
}

function rowGroup<K extends string>(v: unknown, path: string, keys: readonly K[], cols: ColumnMap, issues: Issues): Partial<Record<K, Row>> | undefined {
  const o = section(v, path, issues);
  if (!o) return undefined;
  const out: Partial<Record<K, Row>> = {};
  for (const k of keys) {
    const r = row(own(o, k), `${path}.${k}`, cols, issues);
    if (r) out[k] = r;
  }
  return out;
}

function applications(v: unknown, template: AnnualTemplateId, issues: Issues): Applications | undefined {
  const o = section(v, 'applications', issues);
  if (!o) return undefined;
  const cols = columnMap(own(o, 'columns'), issues);
  const p = 'applications';
  const out: Applications = { columns: [...APPLICANT_COLUMNS], results: {} };
  const nr = row(own(o, 'newReceived'), `${p}.newReceived`, cols, issues);
  if (nr) out.newReceived = nr;
  const co = row(own(o, 'carriedOver'), `${p}.carriedOver`, cols, issues);
  if (co) out.carriedOver = co;
  const ro = section(own(o, 'results'), `${p}.results`, issues);
  if (ro) {
    const rp = `${p}.results`;
    const res = out.results;
    const g = row(own(ro, 'granted'), `${rp}.granted`, cols, issues);
    if (g) res.granted = g;
    const pg = row(own(ro, 'partiallyGranted'), `${rp}.partiallyGranted`, cols, issues);
    if (pg) res.partiallyGranted = pg;
    const wh = rowGroup(own(ro, 'withheld'), `${rp}.withheld`, WITHHELD_KEYS, cols, issues);
    if (wh) res.withheld = wh;
    const un = rowGroup(own(ro, 'unable'), `${rp}.unable`, UNABLE_KEYS, cols, issues);
    if (un) res.unable = un;
    const np = rowGroup(own(ro, 'notProcessed'), `${rp}.notProcessed`, NOT_PROCESSED_KEYS, cols, issues);
    if (np) res.notProcessed = np;
    const other = own(ro, 'other');
    if (Array.isArray(other)) {
      if (template === 'CN-2021') {
        issues.add(`${rp}.other`, 'is one row; the CN-2021 format splits （六） into noCorrection, unpaidFee and other');
      }
      const r = row(other, `${rp}.other`, cols, issues);
      if (r) res.other = r;
    } else if (other !== undefined && other !== null) {
      if (isObj(other) && template === 'CN-2019') {
        issues.add(`${rp}.other`, 'is split into rows; the CN-2019 format has one （六） row');
      }
      const og = rowGroup(other, `${rp}.other`, OTHER_KEYS, cols, issues);
      if (og) res.other = og;
    }
    const t = row(own(ro, 'total'), `${rp}.total`, cols, issues);
    if (t) res.total = t;
  }
  const cf = row(own(o, 'carriedForward'), `${p}.carriedForward`, cols, issues);
  if (cf) out.carriedForward = cf;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Table 四, fees, custom figures

function reviewLitigation(v: unknown, issues: Issues): ReviewLitigation | undefined {
  const o = section(v, 'reviewLitigation', issues);
  if (!o) return undefined;
  const out: ReviewLitigation = {};
  for (const g of TABLE4_GROUPS) {
    const path = `reviewLitigation.${g}`;
    const go = section(own(o, g), path, issues);
    if (!go) continue;
    const group: ReviewLitigationGroup = {};
    for (const k of TABLE4_OUTCOMES) {
      const c = cell(own(go, k), 'count', `${path}.${k}`, issues);
      if (c !== undefined) group[k] = c;
    }
    out[g] = group;
  }
  return out;
}

function money(v: unknown, path: string, defaultUnit: string, issues: Issues): Money | undefined {
  const o = section(v, path, issues);
  if (!o) return undefined;
  const amount = cell(own(o, 'amount'), 'amount', `${path}.amount`, issues);
  const unit = text(own(o, 'unit'), `${path}.unit`, issues);
  return { amount: amount ?? null, unit: unit && unit.trim() ? unit.trim() : defaultUnit };
}

function customFigures(v: unknown, issues: Issues): CustomFigure[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.add('custom', `must be a list (found ${describe(v)}); left out`);
    return [];
  }
  const out: CustomFigure[] = [];
  const seen = new Set<string>();
  v.forEach((item, i) => {
    const path = `custom[${i}]`;
    if (!isObj(item)) { issues.add(path, `must be an object (found ${describe(item)}); skipped`); return; }
    const key = own(item, 'key');
    const label = own(item, 'label');
    if (typeof key !== 'string' || !key.trim()) { issues.add(`${path}.key`, 'must be text; figure skipped'); return; }
    if (typeof label !== 'string') { issues.add(`${path}.label`, 'must be text; figure skipped'); return; }
    if (seen.has(key)) { issues.add(`${path}.key`, `repeats "${key}"; figure skipped`); return; }
    seen.add(key);
    const rawValue = own(item, 'value');
    if (rawValue === undefined) issues.add(`${path}.value`, 'is missing; shown as not reported');
    const fig: CustomFigure = { key, label, value: cell(rawValue, 'amount', `${path}.value`, issues) ?? null };
    for (const k of ['unit', 'group', 'note'] as const) {
      const t = text(own(item, k), `${path}.${k}`, issues);
      if (t !== undefined) fig[k] = t;
    }
    const approx = bool(own(item, 'approximate'), `${path}.approximate`, issues);
    if (approx !== undefined) fig.approximate = approx;
    out.push(fig);
  });
  return out;
}

function groups(v: unknown, issues: Issues): FigureGroup[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.add('groups', `must be a list (found ${describe(v)}); left out`);
    return [];
  }
  const out: FigureGroup[] = [];
  v.forEach((item, i) => {
    const path = `groups[${i}]`;
    if (!isObj(item)) { issues.add(path, `must be an object (found ${describe(item)}); skipped`); return; }
    const id = own(item, 'id');
    const label = own(item, 'label');
    if (typeof id !== 'string' || !id) { issues.add(`${path}.id`, 'must be text; group skipped'); return; }
    if (typeof label !== 'string') { issues.add(`${path}.label`, 'must be text; group skipped'); return; }
    out.push({ id, label });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// public API

/**
 * Validates one year's annual-report feed. Strict at the root (object, schemaVersion 1, integer year, known template),
 * tolerant everywhere else (see the module comment). `feedUrl` is the URL the feed was read from; relative URLs in the
 * feed are resolved against it.
 */
export function parseAnnualFeed(json: unknown, feedUrl: string): AnnualParseResult {
  const failed = checkRoot(json);
  if (failed) return failed;
  const o = json as Obj;
  const year = own(o, 'year');
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    const hint = Array.isArray(own(o, 'reports')) ? ' (this looks like an index of several years)' : '';
    return { ok: false, error: 'invalidRoot', message: `year must be a whole number${hint}.`, detail: 'year' };
  }
  const template = own(o, 'template');
  if (!ANNUAL_TEMPLATE_IDS.includes(template as AnnualTemplateId)) {
    return {
      ok: false, error: 'invalidRoot',
      message: `template must be one of ${ANNUAL_TEMPLATE_IDS.join(', ')}.`, detail: 'template',
    };
  }
  const issues = new Issues();
  const base = feedBase(feedUrl);
  const report: AnnualReport = {
    schemaVersion: o.schemaVersion as number,
    year,
    template: template as AnnualTemplateId,
    text: {},
    custom: [],
    groups: [],
  };
  const pub = publisher(own(o, 'publisher'), issues);
  if (pub) report.publisher = pub;
  const title = text(own(o, 'title'), 'title', issues);
  if (title !== undefined) report.title = title;
  const sample = bool(own(o, 'sample'), 'sample', issues);
  if (sample !== undefined) report.sample = sample;
  const publishedAt = isoDate(own(o, 'publishedAt'), 'publishedAt', issues);
  if (publishedAt) report.publishedAt = publishedAt;
  const src = own(o, 'sourceUrl');
  if (src !== undefined && src !== null) {
    const href = httpUrl(src, base);
    if (href) report.sourceUrl = href;
    else issues.add('sourceUrl', 'must be an http(s) URL; left out');
  }
  const t = section(own(o, 'text'), 'text', issues);
  if (t) {
    for (const k of TEXT_KEYS) {
      const s = text(own(t, k), `text.${k}`, issues);
      if (s !== undefined) report.text[k] = s;
    }
  }
  const pro = proactive(own(o, 'proactive'), issues);
  if (pro) report.proactive = pro;
  const apps = applications(own(o, 'applications'), report.template, issues);
  if (apps) report.applications = apps;
  const rl = reviewLitigation(own(o, 'reviewLitigation'), issues);
  if (rl) report.reviewLitigation = rl;
  const fees = money(own(o, 'feesCollected'), 'feesCollected', 'CNY', issues);
  if (fees) report.feesCollected = fees;
  report.custom = customFigures(own(o, 'custom'), issues);
  report.groups = groups(own(o, 'groups'), issues);
  return { ok: true, report, warnings: issues.list };
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
  const failed = checkRoot(json);
  if (failed) return failed;
  const o = json as Obj;
  const list = own(o, 'reports');
  if (!Array.isArray(list)) {
    return { ok: false, error: 'invalidRoot', message: 'reports must be a list of { year, url }.', detail: 'reports' };
  }
  const issues = new Issues();
  const base = feedBase(feedUrl);
  const byYear = new Map<number, AnnualIndexEntry>();
  list.forEach((item, i) => {
    const path = `reports[${i}]`;
    if (!isObj(item)) { issues.add(path, `must be an object (found ${describe(item)}); skipped`); return; }
    const year = own(item, 'year');
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
      issues.add(`${path}.year`, 'must be a whole number; entry skipped');
      return;
    }
    const url = httpUrl(own(item, 'url'), base);
    if (!url) { issues.add(`${path}.url`, 'must be an http(s) or relative URL; entry skipped'); return; }
    if (byYear.has(year)) { issues.add(`${path}.year`, `repeats ${year}; entry skipped`); return; }
    byYear.set(year, { year, url });
  });
  const result: AnnualIndexResult = {
    ok: true,
    reports: [...byYear.values()].sort((a, b) => a.year - b.year),
    warnings: issues.list,
  };
  const pub = publisher(own(o, 'publisher'), issues);
  if (pub) result.publisher = pub;
  return result;
}

const ROOT_SECTIONS = new Set(['proactive', 'applications', 'reviewLitigation', 'feesCollected']);

/**
 * Reads a figure or a Table 三 row by path. Paths starting with `proactive.`, `applications.`, `reviewLitigation.` or
 * `feesCollected.` start at the report root; `custom.<key>` reads a custom figure's value; any other path is read
 * inside `applications` (`newReceived`, `results.withheld.stateSecret`). Returns a Row (array), a Cell (number or
 * null = not reported), or undefined when the path is absent or names a group rather than a figure.
 */
export function getPath(report: AnnualReport, path: string): Row | Cell | undefined {
  const parts = path.split('.');
  if (parts[0] === 'custom') {
    const key = parts.slice(1).join('.');
    const fig = report.custom.find((f) => f.key === key);
    return fig ? fig.value : undefined;
  }
  let node: unknown = ROOT_SECTIONS.has(parts[0]) ? report : report.applications;
  for (const p of parts) {
    if (!isObj(node)) return undefined;
    node = own(node, p);
  }
  if (Array.isArray(node)) return node as Row;
  if (node === null || typeof node === 'number') return node;
  return undefined;
}

/** A Table 三 row by path (see getPath), or undefined when absent. */
export function getRow(report: AnnualReport, path: string): Row | undefined {
  const v = getPath(report, path);
  return Array.isArray(v) ? v : undefined;
}
