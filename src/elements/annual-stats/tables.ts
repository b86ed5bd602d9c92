/**
 * Table models of the annual report: Tables 二, 三 and 四 laid out as the national format prints them (spanning
 * headers), the custom-figure tables and the chart data tables, each with its CSV rows. Rendering to <table> markup is
 * `renderTable`. No UI strings here: the caller passes the few it needs, and the template with its labels in the
 * element's language (layout.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnnualReport, Cell, CustomFigure } from './model.js';
import { getRow } from './model.js';
import type { Layout, Table3Row, ValueKind } from './layout.js';
import { sum } from './reconcile.js';
import { bare } from '../../core/json.js';

/** A template with the labels of one language. */
export type Tpl = Layout<string>;

/** The `lang` attribute of feed text (DisclosureElement.textLang): the feed's language, or `nothing` (the element's). */
export type Lang = string | typeof nothing;

/**
 * A figure to show: value, how to read it, its money unit or counting word, "about" (余/约); `lang`: the language of
 * its feed, for a unit the locale file does not name (the feed's own word, such as 人次).
 */
export interface Val { v: Cell | undefined; kind: ValueKind; unit?: string; approx?: boolean; lang?: Lang }

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
  /** A header or text cell whose text comes from a feed: that feed's language. */
  lang?: Lang;
}

export type CsvRow = (string | number | null | undefined)[];

export interface TableModel {
  id: string;
  caption: string;
  /** Spans of <colgroup> elements, when the table has column groups. */
  colgroups?: number[];
  /** Header rows: every table has some but a split one, whose blocks have their own (renderTable). */
  head: TCell[][];
  /** One array of rows per <tbody>. */
  bodies: TCell[][][];
  csv: CsvRow[];
  cls?: string;
  /** A caption from a feed (a `groups` label): that feed's language. */
  lang?: Lang;
  /**
   * Each body is a <table> of its own, drawn as one (Table 二's clause blocks): Chromium ignores `headers` and gives
   * every figure the column headers of all blocks in its column, so one table would read 8 headers instead of 2.
   * `colgroups` is then [1, the other columns]: the label column and the figures, laid out alike in every block
   * (fixed layout, the label 40 %, annual-stats.styles.ts) so their columns line up.
   */
  split?: boolean;
}

/** Column headings of the CSV downloads and the names of money units (from the locale file). */
export interface CsvHeadings { figure: string; value: string; unit: string; csvHeadings: { clause: string; group: string; result: string }; unitNames: Record<string, string> }

const th = (text: string, extra?: Partial<TCell>): TCell => ({ th: true, text, ...extra });
const td = (v: Cell | undefined, kind: ValueKind = 'count', extra?: Partial<Val>): TCell => ({ val: { v, kind, ...extra } });
const num = (v: Cell | undefined): number | null => (typeof v === 'number' ? v : null);
/** Cells of Table 二 by row and column key (a parsed report holds numbers, null or a unit string there). */
const cell2 = (r: AnnualReport, row: string, col: string) => (r.proactive as Record<string, Record<string, Cell> | undefined> | undefined)?.[row]?.[col];

/** True when a table shows at least one figure that is not reported. */
export const hasNull = (m: TableModel): boolean =>
  m.bodies.some((b) => b.some((r) => r.some((c) => c.val && typeof c.val.v !== 'number')));

/** A Table 三 row's label: its number (`1.`) and text, after its group's label when `sep` is given. */
export const rowLabel = (r: Table3Row<string>, sep?: string): string =>
  [sep && r.group?.label, (r.number ? r.number + ' ' : '') + r.label].filter(Boolean).join(sep);

// ---------------------------------------------------------------------------------------------------------------

/**
 * Table 二 (主动公开): one block per 条例 clause, each with its own header row (cells tied by `headers`); and its
 * counted figures (not amounts or changes) as the chart's bars, "row · column" (the row alone in a one-column block).
 */
export function table2(report: AnnualReport, tpl: Tpl, h: CsvHeadings, lang: Lang): [TableModel, { labels: string[]; data: (number | null)[] }] {
  const t = tpl.table2;
  const bars = { labels: [] as string[], data: [] as (number | null)[] };
  const width = 1 + Math.max(...t.blocks.map((b) => b.columns.length));
  const csv: CsvRow[] = [[h.csvHeadings.clause, t.contentHeader, h.figure, h.value, h.unit]];
  const bodies = t.blocks.map((b, i) => {
    const bid = `t2b${i}`;
    const n = b.columns.length;
    const span = (k: number) => (k === n - 1 && width - 1 > n ? width - n : undefined);
    return [
      [th(b.clause, { colspan: width, id: bid, cls: 'clause' })],
      [th(t.contentHeader, { id: `${bid}h`, headers: bid }), ...b.columns.map((c, k) => th(c.label, { id: `${bid}c${k}`, headers: bid, colspan: span(k) }))],
      ...b.rows.map((r, j) => {
        const rid = `${bid}r${j}`;
        return [
          th(r.label, { id: rid, headers: `${bid} ${bid}h` }),
          ...b.columns.map((c, k) => {
            const v = cell2(report, r.key, c.key);
            const unit = c.defaultUnit && ((cell2(report, r.key, 'unit') as unknown as string | undefined) ?? c.defaultUnit);
            csv.push([b.clause, r.label, c.label, num(v), unit ? h.unitNames[unit] ?? unit : '']);
            if (c.kind === 'count' && v !== undefined) {
              bars.labels.push(n > 1 ? `${r.label} · ${c.label}` : r.label);
              bars.data.push(num(v));
            }
            return { ...td(v, c.kind, { unit, lang }), headers: `${bid} ${bid}c${k} ${rid}`, colspan: span(k) };
          }),
        ];
      }),
    ];
  });
  return [{ id: 't2', caption: t.title, head: [], bodies, csv, cls: 'table2', split: true, colgroups: [1, width - 1] }, bars];
}

/** Table 三 (申请): the 3×3 corner, 申请人情况 over 自然人 · 法人或其他组织 (5) · 总计; rowspans for 三 and its groups. */
export function table3(report: AnnualReport, tpl: Tpl): TableModel {
  const t = tpl.table3;
  const cols = t.columns;
  const org = cols.filter((c) => c.organisation);
  const head: TCell[][] = [
    [{ text: t.cornerHeader, colspan: 3, rowspan: 3, cls: 'corner' }, th(t.applicantHeader, { colspan: cols.length, scope: 'colgroup' })],
    [
      th(cols[0].label, { rowspan: 2, scope: 'col' }),
      th(t.organisationHeader, { colspan: org.length, scope: 'colgroup' }),
      th(cols[cols.length - 1].label, { rowspan: 2, scope: 'col' }),
    ],
    org.map((c) => th(c.label, { scope: 'col' })),
  ];
  const csv: CsvRow[] = [['', ...cols.map((c) => (c.organisation ? `${t.organisationHeader} ${c.label}` : c.label))]];
  const bodies: TCell[][][] = [[], [], []];
  const results = t.rows.filter((r) => r.section.id === 'results');
  for (const r of t.rows) {
    const values = getRow(report, r.path);
    const cells = cols.map((_, c) => td(values?.[c]));
    const label = rowLabel(r);
    if (r.sectionRow) {
      bodies[r.section.id === 'carriedForward' ? 2 : 0].push([th(label, { colspan: 3, scope: 'row' }), ...cells]);
      csv.push([label, ...(values ?? []).map(num)]);
      continue;
    }
    const heads: TCell[] = r === results[0] ? [th(r.section.label, { rowspan: results.length, scope: 'rowgroup', cls: 'section' })] : [];
    const g = r.group;
    if (g) {
      const members = t.rows.filter((x) => x.group === g);
      if (members[0] === r) heads.push(th(g.label, { rowspan: members.length, scope: 'row', cls: 'group' }));
      heads.push(th(label, { scope: 'row' }));
    } else {
      heads.push(th(label, { colspan: 2, scope: 'row', cls: r.total ? 'total' : undefined }));
    }
    bodies[1].push([...heads, ...cells]);
    csv.push([[r.section.label, g?.label, label].filter(Boolean).join(' '), ...cols.map((_, c) => num(values?.[c]))]);
  }
  return { id: 't3', caption: t.title, colgroups: [3, 1, org.length, 1], head, bodies, csv, cls: 'table3' };
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 · 复议后起诉), one row of 15 figures. */
export function table4(report: AnnualReport, tpl: Tpl, h: CsvHeadings): TableModel {
  const t = tpl.table4;
  const n = t.outcomes.length;
  const head: TCell[][] = [
    [th(t.review, { colspan: n, rowspan: 2, scope: 'colgroup' }), th(t.litigation, { colspan: n * 2, scope: 'colgroup' })],
    t.groups.filter((g) => g.parent).map((g) => th(g.label, { colspan: n, scope: 'colgroup' })),
    t.groups.flatMap(() => t.outcomes.map((o) => th(o.label, { scope: 'col' }))),
  ];
  const csv: CsvRow[] = [[h.csvHeadings.group, h.csvHeadings.result, h.value]];
  const row = t.groups.flatMap((g) => t.outcomes.map((o) => {
    const v = report.reviewLitigation?.[g.key]?.[o.key];
    csv.push([(g.parent ? `${g.parent} ` : '') + g.label, o.label, num(v)]);
    return td(v);
  }));
  return { id: 't4', caption: t.title, colgroups: [n, n, n], head, bodies: [[row]], csv, cls: 'table4' };
}

/**
 * A table of custom figures (one group): item · value · note. Labels, notes and units are the feed's text, in its
 * language `lang`; so is the caption, a `groups` label, unless `capLang` says it is the element's (其他 / Other).
 */
export function figuresTable(id: string, caption: string, figures: CustomFigure[], h: { figure: string; value: string; unit: string; note: string; approx: string; approxColumn: string; unitNames: Record<string, string> }, lang: Lang, capLang: Lang): TableModel {
  const withNote = figures.some((f) => f.note);
  const withApprox = figures.some((f) => f.approximate);
  // An approximate figure (约500 in the table) is marked 约 / about in a column before its value, which stays a number.
  const approx = (x: string) => (withApprox ? [x] : []);
  const csv: CsvRow[] = [[h.figure, ...approx(h.approxColumn), h.value, h.unit, ...(withNote ? [h.note] : [])]];
  // A money unit (CNY, 10kCNY) by its name, as the table shows it.
  for (const f of figures) csv.push([f.label, ...approx(f.approximate ? h.approx.trim() : ''), f.value, f.unit ? h.unitNames[f.unit] ?? f.unit : '', ...(withNote ? [f.note ?? ''] : [])]);
  return {
    id, caption,
    head: [[th(h.figure, { scope: 'col' }), th(h.value, { scope: 'col', cls: 'n' }), ...(withNote ? [th(h.note, { scope: 'col' })] : [])]],
    bodies: [figures.map((f) => [
      th(f.label, { scope: 'row', lang }),
      td(f.value, 'amount', { unit: f.unit, approx: f.approximate, lang }),
      ...(withNote ? [{ text: f.note ?? '', cls: 'note', lang } satisfies TCell] : []),
    ])],
    csv, lang: capLang,
  };
}

/**
 * The data table behind a chart: categories down, series across; `langs`, the language of each category label from a
 * feed. A figure that `approx` marks (the trend's custom figure of a 余/约 year) reads 约35,000 in the table, as in its
 * year's figuresTable; its CSV keeps the number in its column and names the series (years) of such figures in a last
 * 约数 column (`approxColumn`), so the years' columns stay where they are.
 */
export function dataTable(id: string, caption: string, corner: string, labels: string[], series: { label: string; data: (number | null)[]; approx?: (boolean | undefined)[] }[], langs?: Lang[], approxColumn?: string): TableModel {
  const marked = labels.map((_, i) => series.filter((s) => s.approx?.[i]).map((s) => s.label).join(' '));
  const more = (x: string) => (marked.join('') ? [x] : []);
  return {
    id, caption,
    head: [[th(corner, { scope: 'col' }), ...series.map((s) => th(s.label, { scope: 'col' }))]],
    bodies: [labels.map((l, i) => [th(l, { scope: 'row', lang: langs?.[i] }), ...series.map((s) => td(s.data[i], 'amount', { approx: s.approx?.[i] }))])],
    csv: [[corner, ...series.map((s) => s.label), ...more(approxColumn!)], ...labels.map((l, i) => [l, ...series.map((s) => s.data[i]), ...more(marked[i])])], cls: 'data',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Chart data

export const OUTCOME_GROUPS = ['granted', 'partiallyGranted', 'withheld', 'unable', 'notProcessed', 'other'] as const;

/**
 * The 总计 column of the result groups （一）…（六）: the sum of a group's rows in Table 三 (`tpl`); null when one of
 * them is not reported or absent (its table shows 未报告: a partial sum is not the group's total).
 */
export function outcomeTotals(report: AnnualReport, tpl: Tpl): (number | null)[] {
  return OUTCOME_GROUPS.map((g) => sum(tpl.table3.rows.filter((r) => r.path.split('.')[1] === g).map((r) => getRow(report, r.path)?.[6])));
}

/**
 * A human label for a series key of reconcile.ts (`proactive.licensing.decisions`, `results.other`, `custom.x`), from
 * the CN-2021 and CN-2019 templates `tpls`, in its parts (joined with ` · `, the figure's full name): the row, group or
 * clause it is in, and its own label last.
 */
export function seriesLabel(key: string, reports: readonly AnnualReport[], tpls: Tpl[], unitLabel: (label: string, unit: string) => string, feesLabel: string, units: Record<string, string>): string[] {
  const [a, b, c] = key.split('.');
  if (a === 'custom') {
    const k = key.slice(7);
    const f = [...reports].sort((x, y) => y.year - x.year).flatMap((r) => r.custom).find((x) => x.key === k);
    return [f ? (f.unit ? unitLabel(f.label, units[f.unit] ?? f.unit) : f.label) : k];
  }
  if (key === 'feesCollected.amount') return [unitLabel(feesLabel, units.CNY)];
  if (a === 'proactive') {
    for (const tpl of tpls) {
      for (const block of tpl.table2.blocks) {
        const r = block.rows.find((x) => x.key === b);
        const col = block.columns.find((x) => x.key === c);
        if (r && col) return [r.label, key === 'proactive.procurement.amount' ? unitLabel(col.label, units.CNY) : col.label];
      }
    }
    return [key];
  }
  if (a === 'reviewLitigation') {
    const t4 = tpls[0].table4;
    const g = t4.groups.find((x) => x.key === b);
    const o = t4.outcomes.find((x) => x.key === c);
    return g && o ? [g.parent!, g.label, o.label].filter(Boolean) : [key];
  }
  for (const tpl of tpls) {
    const r = tpl.table3.rows.find((x) => x.path === key);
    if (r) return [r.group?.label!, rowLabel(r)].filter(Boolean);
  }
  return [key];
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * <table> markup for a model. `value` renders a figure cell's content; null figures get class `nr`. `quiet`: the caption
 * only for assistive technology (a heading above says the same). While the table is wider than the box it is in, it
 * takes focus (of a split table, the first block), so that the keyboard scrolls the box: set by the element (fit).
 */
/** Word segmentation where the browser has it (not Firefox before 125 or an old polyfilled Intl: headers then do not break). */
const seg = Intl.Segmenter && new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A header's text with a break opportunity between two words (结果<wbr>维持): the styles keep Chinese words whole in
 * column headers and Table 三's row groups, so a narrow column breaks 结果/维持, not 结果维/持. (Not a plain row
 * header: its sentence may break anywhere, as text does, where there is no segmenter.)
 */
const words = (t: string) => {
  let w: boolean | undefined;
  const out = seg ? [...seg.segment(t)].map((s) => {
    const x = w && s.isWordLike ? [html`<wbr>`, s.segment] : s.segment;
    w = s.isWordLike;
    return x;
  }) : [];
  // (Unchanged, the text itself: renderTable names a header by its text only where a break went in.)
  return out.some(Array.isArray) ? out : t;
};

export function renderTable(m: TableModel, value: (v: Val) => TemplateResult | string, quiet?: boolean): TemplateResult {
  // (Its cells' `lang`, `id`, `unit` … absent are not read from a host page's polluted Object.prototype.)
  bare(m);
  const cell = (c: TCell) => {
    const colspan = c.colspan ?? nothing;
    const rowspan = c.rowspan ?? nothing;
    const headers = c.headers ?? nothing;
    const lang = c.lang ?? nothing;
    if (c.th) {
      // (Named by its text: Chromium names a cell with <wbr> in it "结果 维持".)
      const w = c.scope != 'row' || c.cls ? words(c.text!) : c.text;
      return html`<th scope=${c.scope ?? nothing} colspan=${colspan} rowspan=${rowspan} id=${c.id ?? nothing} headers=${headers} class=${c.cls ?? nothing} lang=${lang} aria-label=${w == c.text ? nothing : c.text!}>${w}</th>`;
    }
    const cls = [c.cls, c.val && 'n', c.val && typeof c.val.v !== 'number' && 'nr'].filter(Boolean).join(' ');
    return html`<td colspan=${colspan} rowspan=${rowspan} headers=${headers} class=${cls || nothing} lang=${lang}>${c.val ? value(c.val) : c.text}</td>`;
  };
  const rows = (b: TCell[][]) => b.map((r) => html`<tr>${r.map(cell)}</tr>`);
  if (m.split) {
    // One table per block (see TableModel.split), each named by the table's title and its first row (the clause); the
    // title shown above them unless a heading says it.
    return html`<div id=${m.id} class="split">
      ${quiet ? nothing : html`<p class="caption">${m.caption}</p>`}
      ${m.bodies.map((b) => html`<table class=${m.cls ?? nothing} part="table" aria-label=${`${m.caption} · ${b[0][0].text}`}>
        <colgroup><col class="label"><col span=${m.colgroups![1]}></colgroup><tbody>${rows(b)}</tbody></table>`)}
    </div>`;
  }
  return html`<table id=${m.id} class=${m.cls ?? nothing} part="table">
    <caption class=${quiet ? 'vh' : nothing} lang=${m.lang ?? nothing}>${m.caption}</caption>
    ${m.colgroups ? m.colgroups.map((s) => html`<colgroup span=${s}></colgroup>`) : nothing}
    <thead>${rows(m.head)}</thead>
    ${m.bodies.filter((b) => b.length).map((b) => html`<tbody>${rows(b)}</tbody>`)}
  </table>`;
}
