/**
 * The layout of the national templates (templates.ts) without their text: which rows, columns and feed paths each
 * table has. The labels come from the locale files (`tpl` in src/locales/<locale>/annual.ts, one label a line, in the
 * order listed below), so that a page downloads the labels of its own language only. `layout(id, labels)` builds a
 * template whose labels are whatever `labels` holds: the element passes the strings of one language, templates.ts
 * pairs both languages into `{ zh, en }`.
 *
 * Label order (index: label):
 *   0–5 the six section headings; 6 Table 三 corner header; 7 申请人情况; 8 法人或其他组织; 9–15 the seven applicant
 *   columns; 16–19 the sections 一, 二, 三, 四 of Table 三; 20 （一）; 21 （二）; 22 （三） then its 8 rows (23–30);
 *   31 （四） then 3 rows (32–34); 35 （五） then 5 rows (36–40); 41 （六） then its 3 CN-2021 rows (42–44); 45 （七）总计;
 *   46 行政复议; 47 行政诉讼; 48 未经复议直接起诉; 49 复议后起诉; 50–54 the five Table 四 outcomes; 55 信息内容;
 *   56–60 the clauses 第二十条第（一）（五）（六）（八）（九）项; then Table 二's column and row labels, CN-2021 (61–71) and
 *   CN-2019 (72–82), as T2 below lists them.
 */
import { bare } from '../../core/json.js';
import {
  APPLICANT_COLUMNS, NOT_PROCESSED_KEYS, OTHER_KEYS, TABLE4_GROUPS, TABLE4_OUTCOMES, UNABLE_KEYS, WITHHELD_KEYS,
} from '../../schema/constants/annual.js';

export { APPLICANT_COLUMNS, TABLE4_GROUPS, TABLE4_OUTCOMES };

export type TemplateId = 'CN-2021' | 'CN-2019';

/** How a cell's value is read: a whole number ≥ 0, an amount ≥ 0 (with a unit), or a signed whole number. */
export type ValueKind = 'count' | 'amount' | 'delta';

/** The kind of a figure from its key: `change` (本年增/减) is signed, `amount` is money, everything else a count. */
export const kindOf = (key: string): ValueKind => (key === 'change' ? 'delta' : key === 'amount' ? 'amount' : 'count');

export type SectionId = 'overview' | 'proactive' | 'applications' | 'reviewLitigation' | 'problems' | 'other';
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type Table3SectionId = 'newReceived' | 'carriedOver' | 'results' | 'carriedForward';
export type Table3GroupId = 'withheld' | 'unable' | 'notProcessed' | 'other';
export type Table4GroupKey = (typeof TABLE4_GROUPS)[number];
export type Table4OutcomeKey = (typeof TABLE4_OUTCOMES)[number];

export interface Table2Column<L> {
  /** The key of the cell inside the row object, e.g. `issued`. */
  key: string;
  label: L;
  kind: ValueKind;
  /** For amounts: the unit assumed when the feed names none (the row object's `unit`). */
  defaultUnit?: string;
}

export interface Table2Row<L> {
  /** The key of the row object inside `proactive`, e.g. `regulations`. */
  key: string;
  label: L;
}

export interface Table2Block<L, R = Table2Row<L>> {
  /** The 条例 clause heading the block, e.g. 第二十条第（一）项. */
  clause: L;
  columns: Table2Column<L>[];
  rows: R[];
}

export interface Table2<L, R = Table2Row<L>> {
  title: L;
  /** Heading of the row-label column (信息内容). */
  contentHeader: L;
  blocks: Table2Block<L, R>[];
}

export interface Table3Column<L> {
  key: ApplicantColumn;
  label: L;
  /** True for the five columns under 法人或其他组织. */
  organisation: boolean;
}

export interface Table3Row<L> {
  /** Path of the row's array inside `applications`, e.g. `results.withheld.stateSecret`. */
  path: string;
  /** The row's own label: 一、本年新收…, （一）予以公开, 属于国家秘密 (without its number), （七）总计. */
  label: L;
  /** The number printed before a sub-row's label inside its group: `1.`, `2.` … */
  number?: string;
  /** The top-level block the row belongs to; rows of 三、本年度办理结果 share it (rowspan). */
  section: { id: Table3SectionId; label: L };
  /** The labelled group of sub-rows, e.g. （三）不予公开 (rowspan over its numbered rows). */
  group?: { id: Table3GroupId; label: L };
  /** True for the row of 一、二、四 that is its own section (its label spans the label columns). */
  sectionRow?: boolean;
  /** True for the （七）总计 row. */
  total?: boolean;
}

export interface Table3<L> {
  title: L;
  /** The top-left header cell (spans 3 columns and 3 rows). */
  cornerHeader: L;
  /** Group header over all seven columns (申请人情况). */
  applicantHeader: L;
  /** Group header over the five organisation columns (法人或其他组织). */
  organisationHeader: L;
  columns: Table3Column<L>[];
  rows: Table3Row<L>[];
}

export interface Table4Group<L> {
  key: Table4GroupKey;
  label: L;
  /** The header above this group, if any (行政诉讼 over both litigation groups). */
  parent?: L;
}

export interface Table4<L> {
  title: L;
  /** 行政复议 (the review group's header, spanning two header rows). */
  review: L;
  /** 行政诉讼 (header over the ten litigation columns). */
  litigation: L;
  groups: Table4Group<L>[];
  /** The five column labels each group repeats. */
  outcomes: { key: Table4OutcomeKey; label: L }[];
}

/** A template's layout: the cells' feed paths (templates.ts lists them) follow from the row and column keys. */
export interface Layout<L> {
  sections: { id: SectionId; label: L }[];
  table2: Table2<L>;
  table3: Table3<L>;
  table4: Table4<L>;
}

const SECTION_IDS: SectionId[] = ['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'other'];

/** The keys of Table 二's columns and rows in the order of their labels (61–82, see above). */
const T2_KEYS = 'issued repealed inForce decisions amount regulations normativeDocs licensing penalty enforcement fees made published totalPublished lastYear change decisions items amount normativeDocs otherServices procurement'.split(' ');

/**
 * Table 二 per template: one clause block (56, 57 … in order) per `|`, its column keys, then `/` and its row keys. A
 * key's label is its place in T2_KEYS: the first for CN-2021, the last for CN-2019 (decisions, amount and
 * normativeDocs are labelled differently in the two formats).
 */
const T2: Record<TemplateId, string> = {
  'CN-2021': 'issued repealed inForce/regulations normativeDocs|decisions/licensing|decisions/penalty enforcement|amount/fees',
  'CN-2019': 'made published totalPublished/regulations normativeDocs|lastYear change decisions/licensing otherServices|lastYear change decisions/penalty enforcement|lastYear change/fees|items amount/procurement',
};

/** The template `id` with the given labels (see the order above). */
export function layout<L>(id: TemplateId, T: readonly L[]): Layout<L> {
  const S = (['newReceived', 'carriedOver', 'results', 'carriedForward'] as const).map((id, i) => ({ id, label: T[16 + i] }));
  const R = S[2];
  /** A group's label at `at`, its rows' labels after it. */
  const group = (gid: Table3GroupId, at: number, keys: readonly string[]): Table3Row<L>[] => {
    const g = { id: gid, label: T[at] };
    return keys.map((k, j) => ({ path: `results.${gid}.${k}`, label: T[at + 1 + j], number: `${j + 1}.`, section: R, group: g }));
  };
  const own = (i: 0 | 1 | 3): Table3Row<L> => ({ path: S[i].id, label: S[i].label, section: S[i], sectionRow: true });
  const litigation = T[47];
  const outcomes = TABLE4_OUTCOMES.map((key, i) => ({ key, label: T[50 + i] }));
  const groups: Table4Group<L>[] = TABLE4_GROUPS.map((key, i) => (i ? { key, label: T[47 + i], parent: litigation } : { key, label: T[46] }));
  // (bare: a row's `group`, a column's `defaultUnit` … it lacks are not read from a host page's polluted Object.prototype.)
  return bare({
    sections: SECTION_IDS.map((sid, i) => ({ id: sid, label: T[i] })),
    table2: {
      title: T[1],
      contentHeader: T[55],
      blocks: T2[id].split('|').map((block, i) => {
        const [cols, rows] = block.split('/').map((keys) => keys.split(' ').map((key) => ({ key, label: T[61 + (id === 'CN-2021' ? T2_KEYS.indexOf(key) : T2_KEYS.lastIndexOf(key))] })));
        return {
          clause: T[56 + i],
          // Fees (第二十条第（八）项) in 万元, as its CN-2021 column says; procurement in yuan.
          columns: cols.map((c) => ({ ...c, kind: kindOf(c.key), ...(c.key === 'amount' ? { defaultUnit: i === 3 ? '10kCNY' : 'CNY' } : {}) })),
          rows,
        };
      }),
    },
    table3: {
      title: T[2],
      cornerHeader: T[6],
      applicantHeader: T[7],
      organisationHeader: T[8],
      columns: APPLICANT_COLUMNS.map((key, i) => ({ key, label: T[9 + i], organisation: i > 0 && i < 6 })),
      rows: [
        own(0),
        own(1),
        { path: 'results.granted', label: T[20], section: R },
        { path: 'results.partiallyGranted', label: T[21], section: R },
        ...group('withheld', 22, WITHHELD_KEYS),
        ...group('unable', 31, UNABLE_KEYS),
        ...group('notProcessed', 35, NOT_PROCESSED_KEYS),
        ...(id === 'CN-2021' ? group('other', 41, OTHER_KEYS) : [{ path: 'results.other', label: T[41], section: R }]),
        { path: 'results.total', label: T[45], section: R, total: true },
        own(3),
      ],
    },
    table4: {
      title: T[3],
      review: T[46],
      litigation,
      groups,
      outcomes,
    },
  });
}

/** The template whose Table 三 has a report's （六） as the feed gave it: one row (CN-2019), else three (CN-2021). */
export const shapeOf = (report: { applications?: { results: { other?: unknown } } }): TemplateId =>
  Array.isArray(report.applications?.results.other) ? 'CN-2019' : 'CN-2021';

/** True for the template ids that have a national layout. */
export const isTemplateId = (value: unknown): value is TemplateId => value === 'CN-2021' || value === 'CN-2019';

/** Table 三 paths of every result leaf (rows between （一） and （七）, the total excluded), in order. */
export const resultLeafPaths = (template: { table3: { rows: { path: string; section: { id: string }; total?: boolean }[] } }): string[] =>
  template.table3.rows.filter((r) => r.section.id === 'results' && !r.total).map((r) => r.path);
