/**
 * Consistency checks on an annual report (feeds.md §3, domain.md §2.4), and the figure keys that several years share
 * for trend charts. Pure functions: no DOM, no UI strings.
 */
import type { AnnualReport, Cell, Row } from './model.js';
import { getPath, getRow } from './model.js';
import { APPLICANT_COLUMNS, TABLE4_GROUPS, isTemplateId, resultLeafPaths, templateFor } from './templates.js';
import type { AnnualTemplate, TemplateId } from './templates.js';

export type ReconciliationRule = 'columnBalance' | 'rowTotal' | 'resultsTotal' | 'table4Total';

/**
 * One failed check. `expected` and `actual` are the two sides that should be equal:
 * - columnBalance (Table 三, per column): expected = 一 + 二, actual = （七）总计 + 四; `column` is set, `row` is not.
 * - rowTotal (Table 三, per row): expected = sum of the six applicant columns, actual = the row's 总计;
 *   `row` is the row's path inside `applications`, `column` is `total`.
 * - resultsTotal (Table 三, per column): expected = sum of every result leaf （一）…（六）, actual = （七）总计;
 *   `row` is `results.total`, `column` is set.
 * - table4Total (Table 四, per group): expected = 维持 + 纠正 + 其他 + 尚未审结, actual = 总计;
 *   `row` is the group's path (`reviewLitigation.review`), `column` is `total`.
 */
export interface ReconciliationIssue {
  rule: ReconciliationRule;
  table: 3 | 4;
  row?: string;
  column?: string;
  expected: number;
  actual: number;
}

const TOTAL = APPLICANT_COLUMNS.length - 1; // index of the 总计 column
const OTHER_SPLIT = ['results.other.noCorrection', 'results.other.unpaidFee', 'results.other.other'];

const differ = (a: number, b: number): boolean => Math.abs(a - b) > 1e-9;

/** Sum of cells; null when any is null or absent (a check needing it is skipped: not reported is not 0). */
function sum(cells: (Cell | undefined)[]): number | null {
  let s = 0;
  for (const c of cells) {
    if (typeof c !== 'number') return null;
    s += c;
  }
  return s;
}

function resolveTemplate(report: AnnualReport, template?: AnnualTemplate | TemplateId): AnnualTemplate {
  if (typeof template === 'string') return templateFor(template);
  if (template) return template;
  return templateFor(isTemplateId(report.template) ? report.template : 'CN-2021');
}

/**
 * The result-leaf paths the report's figures follow: the template's, except that （六） follows the shape the feed
 * actually used (one `results.other` row, or the three-row split).
 */
function leafPaths(report: AnnualReport, template: AnnualTemplate): string[] {
  const paths = resultLeafPaths(template);
  const other = report.applications?.results.other;
  if (other === undefined) return paths;
  const wantSplit = !Array.isArray(other);
  const hasSplit = paths.includes(OTHER_SPLIT[0]);
  if (wantSplit === hasSplit) return paths;
  const at = paths.findIndex((p) => p === 'results.other' || p.startsWith('results.other.'));
  const rest = paths.filter((p) => p !== 'results.other' && !p.startsWith('results.other.'));
  rest.splice(at < 0 ? rest.length : at, 0, ...(wantSplit ? OTHER_SPLIT : ['results.other']));
  return rest;
}

/**
 * Runs every check of feeds.md §3 and returns the ones that fail, in order: column balance, row totals, results
 * totals (Table 三), then Table 四. A check that needs a cell that is null or absent is skipped, never reported.
 * `template` defaults to the report's own (CN-2021 for CN-legacy and custom reports that carry a Table 三).
 */
export function reconcile(report: AnnualReport, template?: AnnualTemplate | TemplateId): ReconciliationIssue[] {
  const issues: ReconciliationIssue[] = [];
  const apps = report.applications;
  if (apps) {
    const t = resolveTemplate(report, template);
    const leaves = leafPaths(report, t);
    const newReceived = getRow(report, 'newReceived');
    const carriedOver = getRow(report, 'carriedOver');
    const total = getRow(report, 'results.total');
    const carriedForward = getRow(report, 'carriedForward');

    // 一 + 二 = （七） + 四, per column
    APPLICANT_COLUMNS.forEach((column, c) => {
      const expected = sum([newReceived?.[c], carriedOver?.[c]]);
      const actual = sum([total?.[c], carriedForward?.[c]]);
      if (expected !== null && actual !== null && differ(expected, actual)) {
        issues.push({ rule: 'columnBalance', table: 3, column, expected, actual });
      }
    });

    // 总计 = the six applicant columns, per row
    const rowPaths = ['newReceived', 'carriedOver', ...leaves, 'results.total', 'carriedForward'];
    for (const path of rowPaths) {
      const r: Row | undefined = getRow(report, path);
      if (!r) continue;
      const expected = sum(r.slice(0, TOTAL));
      const actual = r[TOTAL];
      if (expected !== null && typeof actual === 'number' && differ(expected, actual)) {
        issues.push({ rule: 'rowTotal', table: 3, row: path, column: 'total', expected, actual });
      }
    }

    // （七） = every result leaf, per column
    const leafRows = leaves.map((p) => getRow(report, p));
    APPLICANT_COLUMNS.forEach((column, c) => {
      const actual = total?.[c];
      if (typeof actual !== 'number') return;
      const expected = sum(leafRows.map((r) => r?.[c]));
      if (expected !== null && differ(expected, actual)) {
        issues.push({ rule: 'resultsTotal', table: 3, row: 'results.total', column, expected, actual });
      }
    });
  }

  // Table 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group
  const rl = report.reviewLitigation;
  if (rl) {
    for (const g of TABLE4_GROUPS) {
      const group = rl[g];
      if (!group) continue;
      const expected = sum([group.upheld, group.corrected, group.other, group.pending]);
      const actual = group.total;
      if (expected !== null && typeof actual === 'number' && differ(expected, actual)) {
        issues.push({ rule: 'table4Total', table: 4, row: `reviewLitigation.${g}`, column: 'total', expected, actual });
      }
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// Trends

const UNIT_FACTOR: Record<string, number> = { CNY: 1, '10kCNY': 10000 };

/** A money amount converted to `unit` (CNY or 10kCNY); undefined when a unit is unknown. */
function convert(amount: Cell | undefined, from: string | undefined, to: string): Cell | undefined {
  if (amount === undefined) return undefined;
  const f = UNIT_FACTOR[from ?? to];
  if (f === undefined) return undefined;
  if (amount === null) return null;
  return (amount * f) / UNIT_FACTOR[to];
}

/**
 * Every scalar figure of a report under its series key, in display order:
 * - Table 二: `proactive.<row>.<column>`; `proactive.fees.amount` in 10kCNY, `proactive.procurement.amount` in CNY;
 * - Table 三: the row's path (`newReceived`, `results.withheld.stateSecret` …) with its 总计 column; a CN-2021 report
 *   also gets `results.other` = noCorrection + unpaidFee + other, so it lines up with the CN-2019 single row;
 * - Table 四: `reviewLitigation.<group>.<outcome>`;
 * - `feesCollected.amount` in CNY; custom figures as `custom.<key>`.
 * A figure whose money unit is not CNY or 10kCNY is left out (it cannot be compared across years).
 */
export function seriesFigures(report: AnnualReport): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const put = (key: string, v: Cell | undefined) => { if (v !== undefined) out.set(key, v); };
  const pro = report.proactive;
  if (pro) {
    for (const [rowKey, rowObj] of Object.entries(pro) as [string, Record<string, Cell | string | undefined>][]) {
      for (const [k, v] of Object.entries(rowObj)) {
        if (k === 'unit' || typeof v === 'string') continue;
        if (k === 'amount') {
          const to = rowKey === 'fees' ? '10kCNY' : 'CNY';
          put(`proactive.${rowKey}.${k}`, convert(v, rowObj.unit as string | undefined, to));
        } else {
          put(`proactive.${rowKey}.${k}`, v);
        }
      }
    }
  }
  const apps = report.applications;
  if (apps) {
    const total = (path: string): Cell | undefined => {
      const r = getRow(report, path);
      return r ? r[TOTAL] : undefined;
    };
    const t = resolveTemplate(report);
    const leaves = leafPaths(report, t);
    for (const path of ['newReceived', 'carriedOver', ...leaves, 'results.total', 'carriedForward']) {
      if (path === OTHER_SPLIT[0]) {
        const parts = OTHER_SPLIT.map(total);
        if (parts.every((p) => p !== undefined)) put('results.other', sum(parts));
      }
      put(path, total(path));
    }
  }
  const rl = report.reviewLitigation;
  if (rl) {
    for (const g of TABLE4_GROUPS) {
      const group = rl[g];
      if (!group) continue;
      for (const [k, v] of Object.entries(group)) put(`reviewLitigation.${g}.${k}`, v);
    }
  }
  if (report.feesCollected) put('feesCollected.amount', convert(report.feesCollected.amount, report.feesCollected.unit, 'CNY'));
  for (const f of report.custom) put(`custom.${f.key}`, f.value);
  return out;
}

/**
 * The series keys that every given report has (see seriesFigures), in the display order of the most recent report.
 * The CN-2021 split of （六）其他处理 is summed into `results.other`, so a trend over CN-2019 and CN-2021 years keeps
 * that row instead of dropping it.
 */
export function seriesKeys(reports: readonly AnnualReport[]): string[] {
  if (!reports.length) return [];
  const sorted = [...reports].sort((a, b) => b.year - a.year);
  const maps = sorted.map(seriesFigures);
  return [...maps[0].keys()].filter((k) => maps.every((m) => m.has(k)));
}

/** One figure of a report by series key: a number, null (not reported), or undefined (the report lacks it). */
export function seriesValue(report: AnnualReport, key: string): Cell | undefined {
  const m = seriesFigures(report);
  if (m.has(key)) return m.get(key) as Cell;
  const v = getPath(report, key);
  return Array.isArray(v) ? v[TOTAL] : v;
}

/** A series over years, oldest first. */
export function series(reports: readonly AnnualReport[], key: string): { year: number; value: Cell }[] {
  return [...reports]
    .sort((a, b) => a.year - b.year)
    .map((r) => ({ year: r.year, value: seriesValue(r, key) ?? null }));
}
