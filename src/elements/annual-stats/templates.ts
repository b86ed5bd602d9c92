/**
 * The national 政府信息公开工作年度报告 (annual report) templates as data: section headings and the row and column
 * labels of Tables 二, 三 and 四, in Chinese exactly as the national format prints them, each with an English
 * translation. A feed carries numbers only; these labels ship with the library.
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

/** A label in Chinese (exact national wording) and English. */
export interface Label { zh: string; en: string }

export type TemplateId = 'CN-2021' | 'CN-2019';

/** How a cell's value is read: a whole number ≥ 0, an amount ≥ 0 (with a unit), or a signed whole number. */
export type ValueKind = 'count' | 'amount' | 'delta';

// ---------------------------------------------------------------------------------------------------------------
// Sections

export type SectionId = 'overview' | 'proactive' | 'applications' | 'reviewLitigation' | 'problems' | 'other';
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

// ---------------------------------------------------------------------------------------------------------------
// Table 二

export interface Table2Column {
  /** The key of the cell inside the row object, e.g. `issued`. */
  key: string;
  label: Label;
  kind: ValueKind;
  /** For amounts: the unit assumed when the feed names none (the row object's `unit`). */
  defaultUnit?: string;
}

export interface Table2Row {
  /** The key of the row object inside `proactive`, e.g. `regulations`. */
  key: string;
  /** The row object's path from the report root, e.g. `proactive.regulations`. */
  path: string;
  label: Label;
  /** Full feed paths of the cells, in the block's column order. */
  cells: string[];
}

export interface Table2Block {
  /** The 条例 clause heading the block, e.g. 第二十条第（一）项. */
  clause: Label;
  columns: Table2Column[];
  rows: Table2Row[];
}

export interface Table2 {
  title: Label;
  /** Heading of the row-label column (信息内容). */
  contentHeader: Label;
  blocks: Table2Block[];
}

// ---------------------------------------------------------------------------------------------------------------
// Table 三

export type ApplicantColumn =
  | 'naturalPerson' | 'commercial' | 'research' | 'publicInterest' | 'legalService' | 'otherOrg' | 'total';

/** The seven columns in feed order (`applications.columns`). */
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = Object.freeze([
  'naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total',
]);

export interface Table3Column {
  key: ApplicantColumn;
  label: Label;
  /** True for the five columns under 法人或其他组织. */
  organisation: boolean;
}

export type Table3SectionId = 'newReceived' | 'carriedOver' | 'results' | 'carriedForward';
export type Table3GroupId = 'withheld' | 'unable' | 'notProcessed' | 'other';

export interface Table3Row {
  /** Path of the row's array inside `applications`, e.g. `results.withheld.stateSecret`. */
  path: string;
  /** The row's own label: 一、本年新收…, （一）予以公开, 属于国家秘密 (without its number), （七）总计. */
  label: Label;
  /** The number printed before a sub-row's label inside its group: `1.`, `2.` … */
  number?: string;
  /** The top-level block the row belongs to; rows of 三、本年度办理结果 share it (rowspan). */
  section: { id: Table3SectionId; label: Label };
  /** The labelled group of sub-rows, e.g. （三）不予公开 (rowspan over its numbered rows). */
  group?: { id: Table3GroupId; label: Label };
  /** True for the row of 一、二、四 that is its own section (its label spans the label columns). */
  sectionRow?: boolean;
  /** True for the （七）总计 row. */
  total?: boolean;
}

export interface Table3 {
  title: Label;
  /** The top-left header cell (spans 3 columns and 3 rows). */
  cornerHeader: Label;
  /** Group header over all seven columns (申请人情况). */
  applicantHeader: Label;
  /** Group header over the five organisation columns (法人或其他组织). */
  organisationHeader: Label;
  columns: Table3Column[];
  rows: Table3Row[];
}

// ---------------------------------------------------------------------------------------------------------------
// Table 四

export type Table4GroupKey = 'review' | 'litigationDirect' | 'litigationAfterReview';
export type Table4OutcomeKey = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';

export const TABLE4_GROUPS: readonly Table4GroupKey[] = Object.freeze(['review', 'litigationDirect', 'litigationAfterReview']);
export const TABLE4_OUTCOMES: readonly Table4OutcomeKey[] = Object.freeze(['upheld', 'corrected', 'other', 'pending', 'total']);

export interface Table4Group {
  key: Table4GroupKey;
  label: Label;
  /** The header above this group, if any (行政诉讼 over both litigation groups). */
  parent?: Label;
}

export interface Table4Cell {
  group: Table4GroupKey;
  outcome: Table4OutcomeKey;
  /** Feed path from the report root, e.g. `reviewLitigation.review.upheld`. */
  path: string;
}

export interface Table4 {
  title: Label;
  /** 行政复议 (the review group's header, spanning two header rows). */
  review: Label;
  /** 行政诉讼 (header over the ten litigation columns). */
  litigation: Label;
  groups: Table4Group[];
  /** The five column labels each group repeats. */
  outcomes: { key: Table4OutcomeKey; label: Label }[];
  /** The 15 cells of the single data row, left to right. */
  cells: Table4Cell[];
}

// ---------------------------------------------------------------------------------------------------------------

export interface AnnualTemplate {
  id: TemplateId;
  /** The document that published the format. */
  source: Label;
  sections: Section[];
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

const l = (zh: string, en: string): Label => ({ zh, en });

// ---------------------------------------------------------------------------------------------------------------
// Shared parts (identical in both formats)

const SECTIONS: Section[] = [
  { id: 'overview', label: l('一、总体情况', 'I. Overview'), text: ['overview'] },
  { id: 'proactive', label: l('二、主动公开政府信息情况', 'II. Proactive disclosure of government information'), table: 2, text: [] },
  {
    id: 'applications',
    label: l('三、收到和处理政府信息公开申请情况', 'III. Applications for disclosure of government information received and handled'),
    table: 3, text: [],
  },
  {
    id: 'reviewLitigation',
    label: l('四、政府信息公开行政复议、行政诉讼情况', 'IV. Administrative reconsideration and litigation concerning disclosure of government information'),
    table: 4, text: [],
  },
  { id: 'problems', label: l('五、存在的主要问题及改进情况', 'V. Main problems and improvements'), text: ['problems', 'improvements'] },
  { id: 'other', label: l('六、其他需要报告的事项', 'VI. Other matters to report'), text: ['other'] },
];

const TABLE3_COLUMNS: Table3Column[] = [
  { key: 'naturalPerson', label: l('自然人', 'Natural persons'), organisation: false },
  { key: 'commercial', label: l('商业企业', 'Commercial enterprises'), organisation: true },
  { key: 'research', label: l('科研机构', 'Research institutions'), organisation: true },
  { key: 'publicInterest', label: l('社会公益组织', 'Public-interest organisations'), organisation: true },
  { key: 'legalService', label: l('法律服务机构', 'Legal service organisations'), organisation: true },
  { key: 'otherOrg', label: l('其他', 'Other'), organisation: true },
  { key: 'total', label: l('总计', 'Total'), organisation: false },
];

const SEC_NEW = { id: 'newReceived' as const, label: l('一、本年新收政府信息公开申请数量', 'I. New applications received this year') };
const SEC_CARRIED = { id: 'carriedOver' as const, label: l('二、上年结转政府信息公开申请数量', 'II. Applications carried over from last year') };
const SEC_RESULTS = { id: 'results' as const, label: l('三、本年度办理结果', 'III. Results this year') };
const SEC_FORWARD = { id: 'carriedForward' as const, label: l('四、结转下年度继续办理', 'IV. Carried forward to next year') };

const G_WITHHELD = { id: 'withheld' as const, label: l('（三）不予公开', '(3) Withheld') };
const G_UNABLE = { id: 'unable' as const, label: l('（四）无法提供', '(4) Cannot be provided') };
const G_NOT_PROCESSED = { id: 'notProcessed' as const, label: l('（五）不予处理', '(5) Not processed') };
const G_OTHER = { id: 'other' as const, label: l('（六）其他处理', '(6) Other handling') };

function sub(group: { id: Table3GroupId; label: Label }, path: string, n: number, zh: string, en: string): Table3Row {
  return { path, label: l(zh, en), number: `${n}.`, section: SEC_RESULTS, group };
}

function table3Rows(template: TemplateId): Table3Row[] {
  const otherRows: Table3Row[] = template === 'CN-2021'
    ? [
      sub(G_OTHER, 'results.other.noCorrection', 1,
        '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        'Applicant failed to correct the application in time without good reason; the agency no longer processes it'),
      sub(G_OTHER, 'results.other.unpaidFee', 2,
        '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        'Applicant failed to pay the fee in time as the fee notice required; the agency no longer processes it'),
      sub(G_OTHER, 'results.other.other', 3, '其他', 'Other'),
    ]
    : [{ path: 'results.other', label: G_OTHER.label, section: SEC_RESULTS }];
  return [
    { path: 'newReceived', label: SEC_NEW.label, section: SEC_NEW, sectionRow: true },
    { path: 'carriedOver', label: SEC_CARRIED.label, section: SEC_CARRIED, sectionRow: true },
    { path: 'results.granted', label: l('（一）予以公开', '(1) Disclosed'), section: SEC_RESULTS },
    {
      path: 'results.partiallyGranted',
      label: l('（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        '(2) Partly disclosed (a separable case is counted here only, not under any other case)'),
      section: SEC_RESULTS,
    },
    sub(G_WITHHELD, 'results.withheld.stateSecret', 1, '属于国家秘密', 'State secret'),
    sub(G_WITHHELD, 'results.withheld.lawForbidden', 2, '其他法律行政法规禁止公开', 'Other laws or administrative regulations forbid disclosure'),
    sub(G_WITHHELD, 'results.withheld.safetyStability', 3, '危及“三安全一稳定”',
      'Endangers the “three securities and one stability” (national, public and economic security, social stability)'),
    sub(G_WITHHELD, 'results.withheld.thirdPartyRights', 4, '保护第三方合法权益', 'Protects the lawful rights of a third party'),
    sub(G_WITHHELD, 'results.withheld.internalAffairs', 5, '属于三类内部事务信息', 'One of the three kinds of internal-affairs information'),
    sub(G_WITHHELD, 'results.withheld.processInfo', 6, '属于四类过程性信息', 'One of the four kinds of process information'),
    sub(G_WITHHELD, 'results.withheld.enforcementFile', 7, '属于行政执法案卷', 'Administrative enforcement case file'),
    sub(G_WITHHELD, 'results.withheld.adminQuery', 8, '属于行政查询事项', 'Administrative inquiry matter'),
    sub(G_UNABLE, 'results.unable.notHeld', 1, '本机关不掌握相关政府信息', 'This agency does not hold the information'),
    sub(G_UNABLE, 'results.unable.needsCreation', 2, '没有现成信息需要另行制作', 'No existing information; it would have to be newly created'),
    sub(G_UNABLE, 'results.unable.stillUnclear', 3, '补正后申请内容仍不明确', 'Application still unclear after correction'),
    sub(G_NOT_PROCESSED, 'results.notProcessed.petition', 1, '信访举报投诉类申请', 'Petition, report or complaint'),
    sub(G_NOT_PROCESSED, 'results.notProcessed.repeat', 2, '重复申请', 'Repeated application'),
    sub(G_NOT_PROCESSED, 'results.notProcessed.publication', 3, '要求提供公开出版物', 'Asks for public publications'),
    sub(G_NOT_PROCESSED, 'results.notProcessed.excessive', 4, '无正当理由大量反复申请', 'Large numbers of repeated applications without good reason'),
    sub(G_NOT_PROCESSED, 'results.notProcessed.confirmReissue', 5, '要求行政机关确认或重新出具已获取信息',
      'Asks the agency to confirm or re-issue information already obtained'),
    ...otherRows,
    { path: 'results.total', label: l('（七）总计', '(7) Total'), section: SEC_RESULTS, total: true },
    { path: 'carriedForward', label: SEC_FORWARD.label, section: SEC_FORWARD, sectionRow: true },
  ];
}

function table3(template: TemplateId): Table3 {
  return {
    title: SECTIONS[2].label,
    cornerHeader: l('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '(The figures in each column reconcile: item I plus item II equals item III plus item IV)'),
    applicantHeader: l('申请人情况', 'Applicants'),
    organisationHeader: l('法人或其他组织', 'Legal persons or other organisations'),
    columns: TABLE3_COLUMNS.map((c) => ({ ...c, label: { ...c.label } })),
    rows: table3Rows(template),
  };
}

function table4(): Table4 {
  const review = l('行政复议', 'Administrative reconsideration');
  const litigation = l('行政诉讼', 'Administrative litigation');
  const groups: Table4Group[] = [
    { key: 'review', label: review },
    { key: 'litigationDirect', label: l('未经复议直接起诉', 'Sued directly without reconsideration'), parent: litigation },
    { key: 'litigationAfterReview', label: l('复议后起诉', 'Sued after reconsideration'), parent: litigation },
  ];
  const outcomes = [
    { key: 'upheld' as const, label: l('结果维持', 'Upheld') },
    { key: 'corrected' as const, label: l('结果纠正', 'Corrected') },
    { key: 'other' as const, label: l('其他结果', 'Other result') },
    { key: 'pending' as const, label: l('尚未审结', 'Pending') },
    { key: 'total' as const, label: l('总计', 'Total') },
  ];
  const cells: Table4Cell[] = [];
  for (const g of groups) {
    for (const o of outcomes) cells.push({ group: g.key, outcome: o.key, path: `reviewLitigation.${g.key}.${o.key}` });
  }
  return { title: SECTIONS[3].label, review, litigation, groups, outcomes, cells };
}

function row2(key: string, label: Label, columns: Table2Column[]): Table2Row {
  const path = `proactive.${key}`;
  return { key, path, label, cells: columns.map((c) => `${path}.${c.key}`) };
}

const CONTENT_HEADER = l('信息内容', 'Information');

function table2Of2021(): Table2 {
  const docCols: Table2Column[] = [
    { key: 'issued', label: l('本年制发件数', 'Issued this year'), kind: 'count' },
    { key: 'repealed', label: l('本年废止件数', 'Repealed this year'), kind: 'count' },
    { key: 'inForce', label: l('现行有效件数', 'Currently in force'), kind: 'count' },
  ];
  const decisions = (): Table2Column[] => [
    { key: 'decisions', label: l('本年处理决定数量', 'Decisions made this year'), kind: 'count' },
  ];
  const feeCols: Table2Column[] = [
    { key: 'amount', label: l('本年收费金额（单位：万元）', 'Fees collected this year (unit: 10,000 yuan)'), kind: 'amount', defaultUnit: '10kCNY' },
  ];
  const d5 = decisions();
  const d6 = decisions();
  return {
    title: SECTIONS[1].label,
    contentHeader: { ...CONTENT_HEADER },
    blocks: [
      {
        clause: l('第二十条第（一）项', 'Article 20 (1)'), columns: docCols,
        rows: [row2('regulations', l('规章', 'Rules'), docCols), row2('normativeDocs', l('行政规范性文件', 'Administrative normative documents'), docCols)],
      },
      { clause: l('第二十条第（五）项', 'Article 20 (5)'), columns: d5, rows: [row2('licensing', l('行政许可', 'Administrative licensing'), d5)] },
      {
        clause: l('第二十条第（六）项', 'Article 20 (6)'), columns: d6,
        rows: [row2('penalty', l('行政处罚', 'Administrative penalties'), d6), row2('enforcement', l('行政强制', 'Administrative enforcement'), d6)],
      },
      {
        clause: l('第二十条第（八）项', 'Article 20 (8)'), columns: feeCols,
        rows: [row2('fees', l('行政事业性收费', 'Administrative and institutional fees'), feeCols)],
      },
    ],
  };
}

function table2Of2019(): Table2 {
  const docCols: Table2Column[] = [
    { key: 'made', label: l('本年新制作数量', 'Newly made this year'), kind: 'count' },
    { key: 'published', label: l('本年新公开数量', 'Newly published this year'), kind: 'count' },
    { key: 'totalPublished', label: l('对外公开总数量', 'Total published'), kind: 'count' },
  ];
  const itemCols = (): Table2Column[] => [
    { key: 'lastYear', label: l('上一年项目数量', 'Items last year'), kind: 'count' },
    { key: 'change', label: l('本年增/减', 'Change this year'), kind: 'delta' },
    { key: 'decisions', label: l('处理决定数量', 'Decisions'), kind: 'count' },
  ];
  const c5 = itemCols();
  const c6 = itemCols();
  const feeCols: Table2Column[] = [
    { key: 'lastYear', label: l('上一年项目数量', 'Items last year'), kind: 'count' },
    { key: 'change', label: l('本年增/减', 'Change this year'), kind: 'delta' },
  ];
  const procCols: Table2Column[] = [
    { key: 'items', label: l('采购项目数量', 'Procurement items'), kind: 'count' },
    { key: 'amount', label: l('采购总金额', 'Total procurement amount'), kind: 'amount', defaultUnit: 'CNY' },
  ];
  return {
    title: SECTIONS[1].label,
    contentHeader: { ...CONTENT_HEADER },
    blocks: [
      {
        clause: l('第二十条第（一）项', 'Article 20 (1)'), columns: docCols,
        rows: [row2('regulations', l('规章', 'Rules'), docCols), row2('normativeDocs', l('规范性文件', 'Normative documents'), docCols)],
      },
      {
        clause: l('第二十条第（五）项', 'Article 20 (5)'), columns: c5,
        rows: [
          row2('licensing', l('行政许可', 'Administrative licensing'), c5),
          row2('otherServices', l('其他对外管理服务事项', 'Other external administrative services'), c5),
        ],
      },
      {
        clause: l('第二十条第（六）项', 'Article 20 (6)'), columns: c6,
        rows: [row2('penalty', l('行政处罚', 'Administrative penalties'), c6), row2('enforcement', l('行政强制', 'Administrative enforcement'), c6)],
      },
      {
        clause: l('第二十条第（八）项', 'Article 20 (8)'), columns: feeCols,
        rows: [row2('fees', l('行政事业性收费', 'Administrative and institutional fees'), feeCols)],
      },
      {
        clause: l('第二十条第（九）项', 'Article 20 (9)'), columns: procCols,
        rows: [row2('procurement', l('政府集中采购', 'Centralised government procurement'), procCols)],
      },
    ],
  };
}

function build(id: TemplateId): AnnualTemplate {
  return {
    id,
    source: id === 'CN-2021'
      ? l('国办公开办函〔2021〕30号', 'General Office of the State Council, Open Government Office letter [2021] No. 30')
      : l('国办公开办函〔2019〕60号', 'General Office of the State Council, Open Government Office letter [2019] No. 60 (trial format)'),
    sections: SECTIONS.map((s) => ({ ...s, label: { ...s.label }, text: [...s.text] })),
    table2: id === 'CN-2021' ? table2Of2021() : table2Of2019(),
    table3: table3(id),
    table4: table4(),
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

/** True for the template ids that have a national layout. */
export function isTemplateId(value: unknown): value is TemplateId {
  return value === 'CN-2021' || value === 'CN-2019';
}

/** Table 三 paths of every result leaf (rows between （一） and （七）, the total excluded), in order. */
export function resultLeafPaths(template: AnnualTemplate): string[] {
  return template.table3.rows.filter((r) => r.section.id === 'results' && !r.total).map((r) => r.path);
}
