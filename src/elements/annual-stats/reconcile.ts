/**
 * Consistency checks on an annual report (feeds.md §3, domain.md §2.4), and the figure keys that several years share
 * for trend charts. Pure functions: no DOM, no UI strings.
 */
import type { AnnualReport, Cell, Row } from './model.js';
import { getPath, getRow } from './model.js';
import { APPLICANT_COLUMNS, OTHER_KEYS, TABLE4_GROUPS } from '../../schema/constants/annual.js';
import { layout, shapeOf, type TemplateId } from './layout.js';

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
const OTHER_SPLIT = OTHER_KEYS.map((k) => `results.other.${k}`);


/** Sum of cells; null when any is null or absent (a check needing it is skipped: not reported is not 0). */
export function sum(cells: (Cell | undefined)[]): number | null {
  let s = 0;
  for (const c of cells) {
    if (typeof c !== 'number') return null;
    s += c;
  }
  return s;
}

/**
 * The Table 三 rows the report's figures follow, in order: 一, 二, the result leaves （一）…（六） — （六） in the shape
 * the feed used (one `results.other` row as CN-2019 has it, or the CN-2021 three-row split) — （七）总计 and 四: the
 * rows of that template's layout (layout.ts), without their labels.
 */
const rowPaths = (report: AnnualReport): string[] => layout(shapeOf(report), []).table3.rows.map((r) => r.path);

/**
 * Runs every check of feeds.md §3 and returns the ones that fail, in order: column balance, row totals, results
 * totals (Table 三), then Table 四. A check that needs a cell that is null or absent is skipped, never reported.
 * The rows checked follow the shape of the report's own figures (（六） as one row or three), whatever the template:
 * `template` is accepted for compatibility and does not change the result.
 */
export function reconcile(report: AnnualReport, template?: TemplateId | object): ReconciliationIssue[];
export function reconcile(report: AnnualReport): ReconciliationIssue[] {
  const issues: ReconciliationIssue[] = [];
  /** An issue when both sides are known and differ (beyond a floating-point tolerance). */
  const check = (rule: ReconciliationRule, row: string, column: string, expected: number | null, actual: Cell | undefined) => {
    if (expected !== null && typeof actual === 'number' && Math.abs(expected - actual) > 1e-9) {
      issues.push({ rule, table: rule === 'table4Total' ? 4 : 3, ...(row && { row }), column, expected, actual });
    }
  };
  if (report.applications) {
    // 一, 二, the result leaves, （七）总计 and 四 (rowPaths).
    const all = rowPaths(report);
    const rows = all.map((p) => getRow(report, p));
    const [newReceived, carriedOver] = rows;
    const [total, carriedForward] = rows.slice(-2);
    const leafRows = rows.slice(2, -2);
    // 一 + 二 = （七） + 四, per column
    APPLICANT_COLUMNS.forEach((column, c) => {
      check('columnBalance', '', column, sum([newReceived?.[c], carriedOver?.[c]]), sum([total?.[c], carriedForward?.[c]]));
    });
    // 总计 = the six applicant columns, per row
    rows.forEach((r, i) => r && check('rowTotal', all[i], 'total', sum(r.slice(0, TOTAL)), r[TOTAL]));
    // （七） = every result leaf, per column
    APPLICANT_COLUMNS.forEach((column, c) => check('resultsTotal', 'results.total', column, sum(leafRows.map((r) => r?.[c])), total?.[c]));
  }
  // Table 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group
  for (const g of TABLE4_GROUPS) {
    const x = report.reviewLitigation?.[g];
    if (x) check('table4Total', `reviewLitigation.${g}`, 'total', sum([x.upheld, x.corrected, x.other, x.pending]), x.total);
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// Trends

const UNIT_FACTOR: Record<string, number> = { CNY: 1, '10kCNY': 10000 };

/** A money amount converted to `unit` (CNY or 10kCNY); undefined when a unit is unknown. */
function convert(amount: Cell | undefined, from: string | undefined, to: string): Cell | undefined {
  const f = UNIT_FACTOR[from ?? to];
  return amount === undefined || f === undefined ? undefined : amount && (amount * f) / UNIT_FACTOR[to];
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
        // (`unit` is text: not a figure.)
        if (typeof v === 'string') continue;
        put(`proactive.${rowKey}.${k}`, k === 'amount' ? convert(v, rowObj.unit as string | undefined, rowKey === 'fees' ? '10kCNY' : 'CNY') : v);
      }
    }
  }
  if (report.applications) {
    const total = (path: string): Cell | undefined => getRow(report, path)?.[TOTAL];
    for (const path of rowPaths(report)) {
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
 * that row instead of dropping it. A custom figure whose unit differs between the years (人次, then 万人次) is left out:
 * its numbers cannot be compared.
 */
export function seriesKeys(reports: readonly AnnualReport[]): string[] {
  if (!reports.length) return [];
  const sorted = [...reports].sort((a, b) => b.year - a.year);
  const maps = sorted.map(seriesFigures);
  const unit = (r: AnnualReport, k: string) => r.custom.find((f) => `custom.${f.key}` === k)?.unit;
  return [...maps[0].keys()].filter((k) => maps.every((m) => m.has(k)) && sorted.every((r) => unit(r, k) === unit(sorted[0], k)));
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
