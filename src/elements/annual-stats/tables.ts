/**
 * Table models of the annual report: Tables 二, 三 and 四 laid out as the national format prints them (spanning
 * headers), the custom-figure tables and the chart data tables, each with its CSV rows. Rendering to <table> markup is
 * `renderTable`. No UI strings here: the caller passes the few it needs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnnualReport, Cell, CustomFigure } from './model.js';
import { getPath, getRow } from './model.js';
import type { AnnualTemplate, Label, ValueKind } from './templates.js';
import { templateFor } from './templates.js';

export type Lang = 'zh' | 'en';

/** A figure to show: value, how to read it, its money unit or counting word, "about" (余/约). */
export interface Val { v: Cell | undefined; kind: ValueKind; unit?: string; approx?: boolean }

export interface TCell {
  th?: boolean;
  text?: string;
  val?: Val;
  colspan?: number;
  rowspan?: number;
  scope?: 'col' | 'row' | 'colgroup' | 'rowgroup';
  id?: string;
  headers?: string;
  cls?: string;
}

export type CsvRow = (string | number | null | undefined)[];

export interface TableModel {
  id: string;
  caption: string;
  /** Spans of <colgroup> elements, when the table has column groups. */
  colgroups?: number[];
  head: TCell[][];
  /** One array of rows per <tbody>. */
  bodies: TCell[][][];
  csv: CsvRow[];
  cls?: string;
  /** Caption only for assistive technology (a heading above says the same). */
  quietCaption?: boolean;
  /**
   * Each body is a <table> of its own, drawn as one (Table 二's clause blocks): Chromium ignores `headers` and gives
   * every figure the column headers of all blocks in its column, so one table would read 8 headers instead of 2.
   * `colgroups` is then [1, the other columns]: the label column and the figures, laid out alike in every block
   * (fixed layout, the label 40 %, annual-stats.styles.ts) so their columns line up.
   */
  split?: boolean;
}

export const lbl = (l: Label, lang: Lang): string => l[lang];
const th = (text: string, extra: Partial<TCell> = {}): TCell => ({ th: true, text, ...extra });
const td = (val: Val, extra: Partial<TCell> = {}): TCell => ({ val, ...extra });
const num = (v: Cell | undefined): number | null => (typeof v === 'number' ? v : null);

/** True when a table shows at least one figure that is not reported. */
export const hasNull = (m: TableModel): boolean =>
  m.bodies.some((b) => b.some((r) => r.some((c) => c.val !== undefined && typeof c.val.v !== 'number')));

// ---------------------------------------------------------------------------------------------------------------

/** Table 二 (主动公开): one block per 条例 clause, each with its own header row (cells tied by `headers`). */
/** Column headings of the CSV downloads (from the locale file). */
export interface CsvHeadings { clause: string; item: string; value: string; unit: string; group: string; result: string }

export function table2(report: AnnualReport, tpl: AnnualTemplate, lang: Lang, units: Record<string, string>, h: CsvHeadings): TableModel {
  const t = tpl.table2;
  const width = 1 + Math.max(...t.blocks.map((b) => b.columns.length));
  const bodies: TCell[][][] = [];
  const csv: CsvRow[] = [[h.clause, lbl(t.contentHeader, lang), h.item, h.value, h.unit]];
  t.blocks.forEach((b, i) => {
    const bid = `t2b${i}`;
    const rows: TCell[][] = [];
    bodies.push(rows);
    rows.push([th(lbl(b.clause, lang), { colspan: width, id: bid, cls: 'clause' })]);
    const last = b.columns.length - 1;
    const span = (k: number) => (k === last && width - 1 > b.columns.length ? width - b.columns.length : undefined);
    rows.push([
      th(lbl(t.contentHeader, lang), { id: `${bid}h`, headers: bid }),
      ...b.columns.map((c, k) => th(lbl(c.label, lang), { id: `${bid}c${k}`, headers: bid, colspan: span(k) })),
    ]);
    b.rows.forEach((r, j) => {
      const rid = `${bid}r${j}`;
      const rowObj = getPathObj(report, r.path);
      rows.push([
        th(lbl(r.label, lang), { id: rid, headers: `${bid} ${bid}h` }),
        ...b.columns.map((c, k) => {
          const v = getPath(report, r.cells[k]) as Cell | undefined;
          const unit = c.kind === 'amount' ? (rowObj?.unit as string | undefined) ?? c.defaultUnit : undefined;
          csv.push([lbl(b.clause, lang), lbl(r.label, lang), lbl(c.label, lang), num(v), unit ? units[unit] ?? unit : '']);
          return td({ v, kind: c.kind, unit }, { headers: `${bid} ${bid}c${k} ${rid}`, colspan: span(k) });
        }),
      ]);
    });
  });
  const colgroups = [1, width - 1];
  return { id: 't2', caption: lbl(t.title, lang), head: [], bodies, csv, cls: 'table2', split: true, colgroups };
}

function getPathObj(report: AnnualReport, path: string): Record<string, unknown> | undefined {
  let node: unknown = report;
  for (const p of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** Table 三 (申请): the 3×3 corner, 申请人情况 over 自然人 · 法人或其他组织 (5) · 总计; rowspans for 三 and its groups. */
export function table3(report: AnnualReport, tpl: AnnualTemplate, lang: Lang): TableModel {
  const t = tpl.table3;
  const cols = t.columns;
  const org = cols.filter((c) => c.organisation);
  const head: TCell[][] = [
    [{ text: lbl(t.cornerHeader, lang), colspan: 3, rowspan: 3, cls: 'corner' }, th(lbl(t.applicantHeader, lang), { colspan: cols.length, scope: 'colgroup' })],
    [
      th(lbl(cols[0].label, lang), { rowspan: 2, scope: 'col' }),
      th(lbl(t.organisationHeader, lang), { colspan: org.length, scope: 'colgroup' }),
      th(lbl(cols[cols.length - 1].label, lang), { rowspan: 2, scope: 'col' }),
    ],
    org.map((c) => th(lbl(c.label, lang), { scope: 'col' })),
  ];
  const orgPrefix = lbl(t.organisationHeader, lang);
  const csv: CsvRow[] = [['', ...cols.map((c) => (c.organisation ? `${orgPrefix} ${lbl(c.label, lang)}` : lbl(c.label, lang)))]];
  const bodies: TCell[][][] = [[], [], []];
  const resultCount = t.rows.filter((r) => r.section.id === 'results').length;
  let firstResult = true;
  for (const r of t.rows) {
    const values = getRow(report, r.path);
    const cells = cols.map((_, c) => td({ v: values?.[c], kind: 'count' }));
    const label = (r.number ? `${r.number} ` : '') + lbl(r.label, lang);
    const heads: TCell[] = [];
    const csvLabel: string[] = [];
    if (r.sectionRow) {
      heads.push(th(label, { colspan: 3, scope: 'row' }));
      bodies[r.section.id === 'carriedForward' ? 2 : 0].push([...heads, ...cells]);
      csv.push([label, ...(values ?? []).map(num)]);
      continue;
    }
    csvLabel.push(lbl(r.section.label, lang));
    if (firstResult) {
      heads.push(th(lbl(r.section.label, lang), { rowspan: resultCount, scope: 'rowgroup', cls: 'section' }));
      firstResult = false;
    }
    if (r.group) {
      const members = t.rows.filter((x) => x.group?.id === r.group!.id);
      if (members[0] === r) heads.push(th(lbl(r.group.label, lang), { rowspan: members.length, scope: 'row', cls: 'group' }));
      csvLabel.push(lbl(r.group.label, lang));
      heads.push(th(label, { scope: 'row' }));
    } else {
      heads.push(th(label, { colspan: 2, scope: 'row', cls: r.total ? 'total' : undefined }));
    }
    csvLabel.push(label);
    bodies[1].push([...heads, ...cells]);
    csv.push([csvLabel.join(' '), ...cols.map((_, c) => num(values?.[c]))]);
  }
  return { id: 't3', caption: lbl(t.title, lang), colgroups: [3, 1, org.length, 1], head, bodies, csv, cls: 'table3' };
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 · 复议后起诉), one row of 15 figures. */
export function table4(report: AnnualReport, tpl: AnnualTemplate, lang: Lang, h: CsvHeadings): TableModel {
  const t = tpl.table4;
  const n = t.outcomes.length;
  const head: TCell[][] = [
    [th(lbl(t.review, lang), { colspan: n, rowspan: 2, scope: 'colgroup' }), th(lbl(t.litigation, lang), { colspan: n * 2, scope: 'colgroup' })],
    t.groups.filter((g) => g.parent).map((g) => th(lbl(g.label, lang), { colspan: n, scope: 'colgroup' })),
    t.groups.flatMap(() => t.outcomes.map((o) => th(lbl(o.label, lang), { scope: 'col' }))),
  ];
  const csv: CsvRow[] = [[h.group, h.result, h.value]];
  const row = t.cells.map((c) => {
    const v = getPath(report, c.path) as Cell | undefined;
    const g = t.groups.find((x) => x.key === c.group)!;
    const o = t.outcomes.find((x) => x.key === c.outcome)!;
    csv.push([(g.parent ? `${lbl(g.parent, lang)} ` : '') + lbl(g.label, lang), lbl(o.label, lang), num(v)]);
    return td({ v, kind: 'count' });
  });
  return { id: 't4', caption: lbl(t.title, lang), colgroups: [n, n, n], head, bodies: [[row]], csv, cls: 'table4' };
}

/** A table of custom figures (one group): item · value · note. */
export function figuresTable(id: string, caption: string, figures: CustomFigure[], h: { figure: string; value: string; unit: string; note: string }): TableModel {
  const withNote = figures.some((f) => f.note);
  const head = [[th(h.figure, { scope: 'col' }), th(h.value, { scope: 'col' }), ...(withNote ? [th(h.note, { scope: 'col' })] : [])]];
  const rows = figures.map((f) => [
    th(f.label, { scope: 'row' }),
    td({ v: f.value, kind: 'amount', unit: f.unit, approx: f.approximate }),
    ...(withNote ? [{ text: f.note ?? '', cls: 'note' }] : []),
  ]);
  const csv: CsvRow[] = [[h.figure, h.value, h.unit, ...(withNote ? [h.note] : [])]];
  for (const f of figures) csv.push([f.label, f.value, f.unit ?? '', ...(withNote ? [f.note ?? ''] : [])]);
  return { id, caption, head, bodies: [rows], csv };
}

/** The data table behind a chart: categories down, series across. */
export function dataTable(id: string, caption: string, corner: string, labels: string[], series: { label: string; data: (number | null)[] }[]): TableModel {
  const head = [[th(corner, { scope: 'col' }), ...series.map((s) => th(s.label, { scope: 'col' }))]];
  const rows = labels.map((l, i) => [th(l, { scope: 'row' }), ...series.map((s) => td({ v: s.data[i], kind: 'amount' }))]);
  const csv: CsvRow[] = [[corner, ...series.map((s) => s.label)], ...labels.map((l, i) => [l, ...series.map((s) => s.data[i])])];
  return { id, caption, head, bodies: [rows], csv, cls: 'data' };
}

// ---------------------------------------------------------------------------------------------------------------
// Chart data

/** Table 二's counted figures (not amounts or changes) as bars: "row · column". */
export function proactiveBars(report: AnnualReport, tpl: AnnualTemplate, lang: Lang): { labels: string[]; data: (number | null)[] } {
  const labels: string[] = [];
  const data: (number | null)[] = [];
  for (const b of tpl.table2.blocks) {
    for (const r of b.rows) {
      b.columns.forEach((c, k) => {
        if (c.kind !== 'count') return;
        const v = getPath(report, r.cells[k]);
        if (v === undefined) return;
        labels.push(b.columns.length > 1 ? `${lbl(r.label, lang)} · ${lbl(c.label, lang)}` : lbl(r.label, lang));
        data.push(num(v as Cell));
      });
    }
  }
  return { labels, data };
}

export const OUTCOME_GROUPS = ['granted', 'partiallyGranted', 'withheld', 'unable', 'notProcessed', 'other'] as const;

/** The 总计 column of the result groups （一）…（六）: a group's rows summed (null when none is reported). */
export function outcomeTotals(report: AnnualReport): (number | null)[] {
  const res = report.applications?.results;
  return OUTCOME_GROUPS.map((g) => {
    const node = res?.[g];
    const rows = Array.isArray(node) ? [node] : node ? Object.values(node) : [];
    const vals = rows.map((r) => r?.[6]).filter((v): v is number => typeof v === 'number');
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  });
}

/** A human label for a series key of reconcile.ts (`proactive.licensing.decisions`, `results.other`, `custom.x`). */
export function seriesLabel(key: string, reports: readonly AnnualReport[], lang: Lang, unitLabel: (label: string, unit: string) => string, feesLabel: string, units: Record<string, string>): string {
  const parts = key.split('.');
  const tpls = [templateFor('CN-2021'), templateFor('CN-2019')];
  if (parts[0] === 'custom') {
    const k = parts.slice(1).join('.');
    const f = [...reports].sort((a, b) => b.year - a.year).flatMap((r) => r.custom).find((x) => x.key === k);
    return f ? (f.unit ? unitLabel(f.label, f.unit) : f.label) : k;
  }
  if (key === 'feesCollected.amount') return unitLabel(feesLabel, units.CNY);
  if (parts[0] === 'proactive') {
    for (const tpl of tpls) {
      for (const b of tpl.table2.blocks) {
        const r = b.rows.find((x) => x.key === parts[1]);
        const c = b.columns.find((x) => x.key === parts[2]);
        if (r && c) {
          const s = `${lbl(r.label, lang)} · ${lbl(c.label, lang)}`;
          return key === 'proactive.procurement.amount' ? unitLabel(s, units.CNY) : s;
        }
      }
    }
    return key;
  }
  if (parts[0] === 'reviewLitigation') {
    const t4 = tpls[0].table4;
    const g = t4.groups.find((x) => x.key === parts[1]);
    const o = t4.outcomes.find((x) => x.key === parts[2]);
    if (g && o) return [g.parent && lbl(g.parent, lang), lbl(g.label, lang), lbl(o.label, lang)].filter(Boolean).join(' · ');
    return key;
  }
  for (const tpl of tpls) {
    const r = tpl.table3.rows.find((x) => x.path === key);
    if (r) return [r.group && lbl(r.group.label, lang), (r.number ? `${r.number} ` : '') + lbl(r.label, lang)].filter(Boolean).join(' · ');
  }
  return key;
}

// ---------------------------------------------------------------------------------------------------------------

/** <table> markup for a model. `value` renders a figure cell's content; null figures get class `nr`. */
export function renderTable(m: TableModel, value: (v: Val) => TemplateResult | string): TemplateResult {
  const cell = (c: TCell) => {
    const attrs = (x: TCell) => [x.colspan ?? nothing, x.rowspan ?? nothing, x.id ?? nothing, x.headers ?? nothing] as const;
    const [colspan, rowspan, id, headers] = attrs(c);
    if (c.th) {
      return html`<th scope=${c.scope ?? nothing} colspan=${colspan} rowspan=${rowspan} id=${id} headers=${headers} class=${c.cls ?? nothing}>${c.text}</th>`;
    }
    const nr = c.val !== undefined && typeof c.val.v !== 'number';
    const cls = [c.cls, c.val ? 'n' : '', nr ? 'nr' : ''].filter(Boolean).join(' ');
    return html`<td colspan=${colspan} rowspan=${rowspan} headers=${headers} class=${cls || nothing}>${c.val ? value(c.val) : c.text}</td>`;
  };
  const rows = (b: TCell[][]) => b.map((r) => html`<tr>${r.map(cell)}</tr>`);
  if (m.split) {
    // One table per block (see TableModel.split), each named by the table's title and its first row (the clause).
    const cols = html`<col class="label"><col span=${m.colgroups![1]}>`;
    return html`<div id=${m.id} class="split">
      <p class=${m.quietCaption ? 'vh' : 'caption'} id=${`${m.id}-cap`}>${m.caption}</p>
      ${m.bodies.map((b) => html`<table class=${m.cls ?? nothing} part="table" aria-label=${`${m.caption} · ${b[0]?.[0]?.text ?? ''}`}>
        <colgroup>${cols}</colgroup><tbody>${rows(b)}</tbody></table>`)}
    </div>`;
  }
  return html`<table id=${m.id} class=${m.cls ?? nothing} part="table">
    <caption id=${`${m.id}-cap`} class=${m.quietCaption ? 'vh' : nothing}>${m.caption}</caption>
    ${m.colgroups ? m.colgroups.map((s) => html`<colgroup span=${s}></colgroup>`) : nothing}
    ${m.head.length ? html`<thead>${m.head.map((r) => html`<tr>${r.map(cell)}</tr>`)}</thead>` : nothing}
    ${m.bodies.filter((b) => b.length).map((b) => html`<tbody>${b.map((r) => html`<tr>${r.map(cell)}</tr>`)}</tbody>`)}
  </table>`;
}
