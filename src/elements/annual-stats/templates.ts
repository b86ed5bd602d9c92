/**
 * The national 政府信息公开工作年度报告 (annual report) templates as data: section headings and the row and column
 * labels of Tables 二, 三 and 四, in Chinese exactly as the national format prints them, each with an English
 * translation. A feed carries numbers only; these labels ship with the library. The layout is layout.ts; the labels
 * are in the locale files (one language per page). This module pairs both languages, for the tests and the tools;
 * the element builds the layout with its own language's labels only.
 *
 * Sources (see reference/domain.md §2): 国办公开办函〔2021〕30号 (CN-2021, used from the 2021 reports on) and
 * 国办公开办函〔2019〕60号 《中华人民共和国政府信息公开工作年度报告格式（试行）》 (CN-2019, the 2019 and 2020 reports).
 *
 * Feed paths. Table 二 and 四 cells are paths from the report root (`proactive.licensing.decisions`,
 * `reviewLitigation.review.total`). Table 三 rows are paths inside `applications` (`newReceived`,
 * `results.withheld.stateSecret`), each naming an array in `applications.columns` order.
 *
 * Table 二 feed keys. CN-2021 uses the keys of feeds.md §3:
 *   proactive.regulations.{issued,repealed,inForce}, proactive.normativeDocs.{issued,repealed,inForce},
 *   proactive.licensing.decisions, proactive.penalty.decisions, proactive.enforcement.decisions,
 *   proactive.fees.{amount,unit} (unit defaults to "10kCNY", the column's 万元).
 * CN-2019 (trial format) adds these optional keys (feeds.md allows optional fields):
 *   proactive.regulations.{made,published,totalPublished}     规章: 本年新制作数量 · 本年新公开数量 · 对外公开总数量
 *   proactive.normativeDocs.{made,published,totalPublished}   规范性文件: same three columns
 *   proactive.licensing.{lastYear,change,decisions}           行政许可: 上一年项目数量 · 本年增/减 · 处理决定数量
 *   proactive.otherServices.{lastYear,change,decisions}       其他对外管理服务事项: same three columns
 *   proactive.penalty.{lastYear,change,decisions}             行政处罚
 *   proactive.enforcement.{lastYear,change,decisions}         行政强制
 *   proactive.fees.{lastYear,change}                          行政事业性收费: 上一年项目数量 · 本年增/减
 *   proactive.procurement.{items,amount,unit}                 政府集中采购: 采购项目数量 · 采购总金额 (unit defaults to "CNY")
 * `change` (本年增/减) is the only signed figure: it may be negative.
 */

import zh from '../../locales/zh-CN/annual.js';
import en from '../../locales/en/annual.js';
import { layout, type Layout, type SectionId, type Table4GroupKey, type Table4OutcomeKey, type TemplateId } from './layout.js';
import type * as L from './layout.js';

export { APPLICANT_COLUMNS, TABLE4_GROUPS, TABLE4_OUTCOMES, isTemplateId, resultLeafPaths } from './layout.js';

/** A label in Chinese (exact national wording) and English. */
export interface Label { zh: string; en: string }

export type {
  ApplicantColumn, SectionId, Table3GroupId, Table3SectionId, Table4GroupKey, Table4OutcomeKey, TemplateId, ValueKind,
} from './layout.js';

export type Table2Column = L.Table2Column<Label>;
export type Table2Block = L.Table2Block<Label, Table2Row>;
export type Table2 = L.Table2<Label, Table2Row>;
export type Table3Column = L.Table3Column<Label>;
export type Table3Row = L.Table3Row<Label>;
export type Table3 = L.Table3<Label>;
export type Table4Group = L.Table4Group<Label>;
export type Table4 = L.Table4<Label> & {
  /** The 15 cells of the single data row, left to right. */
  cells: Table4Cell[];
};

export interface Table2Row extends L.Table2Row<Label> {
  /** The row object's path from the report root, e.g. `proactive.regulations`. */
  path: string;
  /** Full feed paths of the cells, in the block's column order. */
  cells: string[];
}

export interface Table4Cell {
  group: Table4GroupKey;
  outcome: Table4OutcomeKey;
  /** Feed path from the report root, e.g. `reviewLitigation.review.upheld`. */
  path: string;
}

/** The `text` fields of the feed that belong to a section. */
export type TextKey = 'overview' | 'problems' | 'improvements' | 'other';

export interface Section {
  id: SectionId;
  label: Label;
  /** The table this section shows, if any. */
  table?: 2 | 3 | 4;
  /** The feed's `text` fields shown in this section, in order. */
  text: TextKey[];
}

export interface AnnualTemplate extends Omit<Layout<Label>, 'sections' | 'table2' | 'table4'> {
  id: TemplateId;
  /** The document that published the format. */
  source: Label;
  sections: Section[];
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

const l = (z: string, e: string): Label => ({ zh: z, en: e });
const ZH = zh.tpl.split('\n');
const EN = en.tpl.split('\n');
const LABELS = ZH.map((z, i) => l(z, EN[i]));
const SECTION_TEXT: Record<SectionId, Pick<Section, 'table' | 'text'>> = {
  overview: { text: ['overview'] },
  proactive: { table: 2, text: [] },
  applications: { table: 3, text: [] },
  reviewLitigation: { table: 4, text: [] },
  problems: { text: ['problems', 'improvements'] },
  other: { text: ['other'] },
};

function build(id: TemplateId): AnnualTemplate {
  const t = layout(id, LABELS);
  const { groups, outcomes } = t.table4;
  return {
    id,
    ...t,
    table2: {
      ...t.table2,
      blocks: t.table2.blocks.map((b) => ({
        ...b,
        rows: b.rows.map((r) => {
          const path = `proactive.${r.key}`;
          return { key: r.key, path, label: r.label, cells: b.columns.map((c) => `${path}.${c.key}`) };
        }),
      })),
    },
    table4: {
      ...t.table4,
      cells: groups.flatMap((g) => outcomes.map((o) => ({ group: g.key, outcome: o.key, path: `reviewLitigation.${g.key}.${o.key}` }))),
    },
    source: id === 'CN-2021'
      ? l('国办公开办函〔2021〕30号', 'General Office of the State Council, Open Government Office letter [2021] No. 30')
      : l('国办公开办函〔2019〕60号', 'General Office of the State Council, Open Government Office letter [2019] No. 60 (trial format)'),
    sections: t.sections.map((s) => ({ ...s, ...SECTION_TEXT[s.id] })),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

const TEMPLATES: Record<TemplateId, AnnualTemplate> = {
  'CN-2021': deepFreeze(build('CN-2021')),
  'CN-2019': deepFreeze(build('CN-2019')),
};

/** The national template (frozen; shared between callers). */
export function templateFor(template: TemplateId): AnnualTemplate {
  const t = TEMPLATES[template];
  if (!t) throw new RangeError(`Unknown annual-report template: ${String(template)}`);
  return t;
}
