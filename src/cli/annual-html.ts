/**
 * `annual from-html`: a published 政府信息公开工作年度报告 page in the national format (CN-2021 or CN-2019) → an
 * annual-report feed (feeds.md §3). Finds Tables 二, 三 and 四 by their labels (tolerant of the variants in
 * domain.md §2: 情形/情况, 内部/内容, quote styles, full-/half-width brackets and digits, spaces), reads each through a
 * rowspan/colspan grid, and reports whatever it could not place.
 *
 * Blank cells become null ("not reported"), never 0: a page that leaves zeros blank is reported as such (the notes
 * count the blank cells) and the reader can tell the difference from a written 0. A dash or a slash (—, /) is read
 * the same way; 无 ("none") says zero and is written as 0.
 */
import {
  APPLICANT_COLUMNS, NOT_PROCESSED_KEYS, OTHER_KEYS, TABLE4_GROUPS, TABLE4_OUTCOMES, UNABLE_KEYS, WITHHELD_KEYS,
} from '../schema/shapes.js';
import { collapse, findAll, findFirst, joinedTables, parseHtml, tablesOf, textOf, attr } from './html-tables.js';
import type { GridCell, HtmlNode, Table } from './html-tables.js';
import { parseChineseDate, parseFigure, toHalfWidth } from './normalize.js';

type Cell = number | null;
type Row = Cell[];

export interface HtmlOptions {
  year?: number;
  /** The feed's `lang` (a BCP 47 tag). Default zh-CN: the national format is read by its Chinese labels. */
  lang?: string;
  publisher?: string;
  template?: 'CN-2021' | 'CN-2019';
  sourceUrl?: string;
}

export interface HtmlResult {
  feed: Record<string, unknown>;
  notes: string[];
  blankCells: number;
  /** Cells holding only a dash or a slash (—, /): written as null. */
  dashCells: number;
  /** Cells saying 无 ("none"): written as 0. */
  noneCells: number;
  template: 'CN-2021' | 'CN-2019';
  templateReason: string;
  found: { table2: boolean; table3: boolean; table4: boolean };
}

/** Label normalisation: NFKC (full-width → half-width), no spaces, no quotes, no punctuation, variants unified. */
export function norm(s: string): string {
  return toHalfWidth(s)
    .normalize('NFKC')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/["'“”‘’「」『』〝〞″]/g, '')
    .replace(/[、，,。.．:：;；·]/g, '')
    .replace(/情况/g, '情形')
    .replace(/内容事务/g, '内部事务');
}

/** The label without its leading ordinal: "（三）", "3.", "三、", "(3)". */
const stripOrdinal = (s: string) => s.replace(/^(\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+|\d+)/, '');

// ---------------------------------------------------------------------------------------------------------------
// Table 三

interface RowRule { path: string; test: (leaf: string, context: string) => boolean }
const has = (...keys: string[]) => (leaf: string) => keys.some((k) => leaf.includes(k));

const T3_RULES: RowRule[] = [
  { path: 'newReceived', test: has('本年新收') },
  { path: 'carriedOver', test: has('上年结转') },
  { path: 'carriedForward', test: has('结转下年度', '结转下一年度') },
  { path: 'results.granted', test: (l) => l.includes('予以公开') && !l.includes('不予') },
  { path: 'results.partiallyGranted', test: has('部分公开') },
  { path: 'results.withheld.stateSecret', test: has('国家秘密') },
  { path: 'results.withheld.lawForbidden', test: has('禁止公开') },
  { path: 'results.withheld.safetyStability', test: has('三安全一稳定') },
  { path: 'results.withheld.thirdPartyRights', test: has('第三方合法权益') },
  { path: 'results.withheld.internalAffairs', test: has('内部事务') },
  { path: 'results.withheld.processInfo', test: has('过程性信息') },
  { path: 'results.withheld.enforcementFile', test: has('行政执法案卷') },
  { path: 'results.withheld.adminQuery', test: has('行政查询事项') },
  { path: 'results.unable.notHeld', test: has('不掌握') },
  { path: 'results.unable.needsCreation', test: has('另行制作') },
  { path: 'results.unable.stillUnclear', test: has('仍不明确') },
  { path: 'results.notProcessed.petition', test: has('信访举报投诉') },
  { path: 'results.notProcessed.repeat', test: (l) => l.includes('重复申请') && !l.includes('大量反复') },
  { path: 'results.notProcessed.publication', test: has('公开出版物') },
  { path: 'results.notProcessed.excessive', test: has('大量反复申请') },
  { path: 'results.notProcessed.confirmReissue', test: has('确认或重新出具') },
  { path: 'results.other.noCorrection', test: has('不补正') },
  { path: 'results.other.unpaidFee', test: has('缴纳费用', '收费通知') },
  { path: 'results.other.other', test: (l, ctx) => stripOrdinal(l) === '其他' && ctx.includes('其他处理') },
  { path: 'results.other', test: (l) => stripOrdinal(l) === '其他处理' },
  { path: 'results.total', test: (l) => stripOrdinal(l) === '总计' || stripOrdinal(l) === '合计' },
];

function columnKey(chain: string[]): (typeof APPLICANT_COLUMNS)[number] | 'skip' | null {
  const last = chain[chain.length - 1] ?? '';
  if (chain.some((t) => t.includes('自然人'))) return 'naturalPerson';
  if (last.includes('商业企业')) return 'commercial';
  if (last.includes('科研机构')) return 'research';
  if (last.includes('社会公益')) return 'publicInterest';
  if (last.includes('法律服务')) return 'legalService';
  if (last === '其他' && chain.some((t) => t.includes('法人'))) return 'otherOrg';
  if (last === '总计' || last === '合计') return 'total';
  if (last === '小计') return 'skip';
  return null;
}

const distinct = (cells: GridCell[]) => cells.filter((c, i) => cells.indexOf(c) === i);

interface FigureReader { blank: number; dashes: number; none: number; notes: string[] }

/** A cell holding only a dash or a slash ("—", "-", "/", "——"): nothing to report there; read as null, like blank. */
const isDash = (text: string) => /^[-－—–―─‐‑‒﹣~～/／\\＼]+$/.test(text.replace(/[\s\u00a0\u3000]+/g, ''));
/** A cell saying 无 ("none"): the agency reports zero. */
const isNone = (text: string) => toHalfWidth(text).replace(/\s+/g, '') === '无';
/** A figure, or what pages write in a figure's place: blank, a dash or slash, 无. */
const figureLike = (text: string) => !text.trim() || isDash(text) || isNone(text) || !!parseFigure(text);

function readCell(cell: GridCell | undefined, where: string, kind: 'count' | 'amount' | 'delta', r: FigureReader): { value: Cell; unit?: string } {
  const text = cell?.text.trim() ?? '';
  if (!text) { r.blank++; return { value: null }; }
  if (isDash(text)) { r.dashes++; return { value: null }; }
  if (isNone(text)) { r.none++; return { value: 0 }; }
  const f = parseFigure(text);
  if (!f) {
    r.notes.push(`${where}: "${text}" is not a number; written as null (not reported)`);
    return { value: null };
  }
  if ((kind === 'count' && (!Number.isInteger(f.value) || f.value < 0)) || (kind === 'delta' && !Number.isInteger(f.value)) || (kind === 'amount' && f.value < 0)) {
    r.notes.push(`${where}: "${text}" is not a ${kind === 'amount' ? 'number ≥ 0' : kind === 'count' ? 'whole number ≥ 0' : 'whole number'}; written as null`);
    return { value: null };
  }
  return { value: f.value, unit: f.unit };
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = root;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = value;
}

function readTable3(table: Table, r: FigureReader) {
  const grid = table.grid;
  const rows: Record<string, Row> = {};
  const labelled: { r: number; path: string }[] = [];
  // Locate the data rows: a row whose label cells match a rule.
  let firstData = -1;
  const width = Math.max(...grid.map((row) => row.length));
  // Value columns from the header rows (those above the first data row).
  const matchRow = (ri: number, valueStart: number) => {
    const labels = distinct(grid[ri]!.slice(0, valueStart)).map((c) => norm(c.text)).filter(Boolean);
    if (!labels.length) return null;
    const leaf = labels[labels.length - 1]!;
    const context = labels.slice(0, -1).join('|');
    const rule = T3_RULES.find((x) => x.test(leaf, context));
    return { rule, leaf: distinct(grid[ri]!.slice(0, valueStart)).map((c) => c.text).join(' / ') };
  };
  // First pass with "the last 7 columns are values" to find the first data row.
  for (let ri = 0; ri < grid.length; ri++) {
    const m = matchRow(ri, Math.max(1, grid[ri]!.length - 7));
    if (m?.rule?.path === 'newReceived') { firstData = ri; break; }
  }
  if (firstData < 0) firstData = grid.findIndex((row, ri) => matchRow(ri, Math.max(1, row.length - 7))?.rule);
  // Column map from the header chain of each grid column.
  const colOf = new Map<number, (typeof APPLICANT_COLUMNS)[number]>();
  for (let c = 0; c < width && firstData > 0; c++) {
    const chain = distinct(grid.slice(0, firstData).map((row) => row[c]).filter((x): x is GridCell => !!x)).map((x) => norm(x.text)).filter(Boolean);
    const k = columnKey(chain);
    if (k && k !== 'skip' && ![...colOf.values()].includes(k)) colOf.set(c, k);
  }
  let valueStart: number;
  if (colOf.size === 7) {
    valueStart = Math.min(...colOf.keys());
  } else {
    if (firstData > 0) r.notes.push(`Table 三: the column headers were not all recognised (${colOf.size} of 7); the last seven columns are read as ${APPLICANT_COLUMNS.join(', ')}`);
    colOf.clear();
    valueStart = -1;
  }
  for (let ri = Math.max(firstData, 0); ri < grid.length; ri++) {
    const row = grid[ri]!;
    const start = valueStart >= 0 ? valueStart : Math.max(1, row.length - 7);
    const m = matchRow(ri, start);
    if (!m) continue;
    const cols = valueStart >= 0 ? [...colOf.entries()] : APPLICANT_COLUMNS.map((k, i) => [start + i, k] as const);
    const valueCells = cols.map(([c]) => row[c]);
    const anyValue = valueCells.some((c) => c && c.text.trim() !== '');
    if (!m.rule) {
      if (anyValue) r.notes.push(`Table 三: row label not matched: "${m.leaf}" (its figures are left out)`);
      continue;
    }
    if (rows[m.rule.path]) { r.notes.push(`Table 三: "${m.leaf}" appears twice; the second row is ignored`); continue; }
    const out: Row = APPLICANT_COLUMNS.map(() => null);
    for (const [c, key] of cols) {
      out[APPLICANT_COLUMNS.indexOf(key)] = readCell(row[c], `Table 三 "${m.leaf}" / ${key}`, 'count', r).value;
    }
    rows[m.rule.path] = out;
    labelled.push({ r: ri, path: m.rule.path });
  }
  return { rows, dataRows: labelled.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Table 二

const T2_ROWS: { key: string; test: (l: string) => boolean }[] = [
  { key: 'regulations', test: (l) => stripOrdinal(l) === '规章' },
  { key: 'normativeDocs', test: (l) => l.includes('规范性文件') },
  { key: 'otherServices', test: (l) => l.includes('其他对外管理服务') },
  { key: 'licensing', test: (l) => l.includes('行政许可') },
  { key: 'penalty', test: (l) => l.includes('行政处罚') },
  { key: 'enforcement', test: (l) => l.includes('行政强制') },
  { key: 'fees', test: (l) => l.includes('行政事业性收费') },
  { key: 'procurement', test: (l) => l.includes('政府集中采购') },
];

function t2Column(h: string): { key: string; kind: 'count' | 'amount' | 'delta'; unit?: string } | null {
  const unit = h.includes('万元') ? '10kCNY' : h.includes('元') ? 'CNY' : undefined;
  if (h.includes('制发')) return { key: 'issued', kind: 'count' };
  if (h.includes('废止')) return { key: 'repealed', kind: 'count' };
  if (h.includes('现行有效')) return { key: 'inForce', kind: 'count' };
  if (h.includes('新制作')) return { key: 'made', kind: 'count' };
  if (h.includes('新公开')) return { key: 'published', kind: 'count' };
  if (h.includes('公开总数')) return { key: 'totalPublished', kind: 'count' };
  if (h.includes('上一年')) return { key: 'lastYear', kind: 'count' };
  if (h.includes('增') && h.includes('减')) return { key: 'change', kind: 'delta' };
  if (h.includes('处理决定')) return { key: 'decisions', kind: 'count' };
  if (h.includes('采购项目')) return { key: 'items', kind: 'count' };
  if (h.includes('金额')) return { key: 'amount', kind: 'amount', unit };
  return null;
}

function readTable2(table: Table, r: FigureReader) {
  const out: Record<string, Record<string, Cell | string>> = {};
  let header: { col: number; key: string; kind: 'count' | 'amount' | 'delta'; unit?: string }[] = [];
  for (const row of table.grid) {
    const cells = distinct(row);
    const contentAt = cells.findIndex((c) => norm(c.text).includes('信息内容'));
    if (contentAt >= 0) {
      header = [];
      for (const c of cells.slice(contentAt + 1)) {
        const col = t2Column(norm(c.text));
        if (col) header.push({ col: c.col, ...col });
        else if (c.text.trim()) r.notes.push(`Table 二: column "${c.text}" not recognised`);
      }
      continue;
    }
    const labelCell = cells.find((c) => T2_ROWS.some((x) => x.test(norm(c.text))));
    if (!labelCell) {
      const other = cells.filter((c) => c.text.trim() && !/第二十条/.test(norm(c.text)));
      if (header.length && other.length > 1 && other.some((c) => parseFigure(c.text))) {
        r.notes.push(`Table 二: row label not matched: "${other[0]!.text}"`);
      }
      continue;
    }
    const rule = T2_ROWS.find((x) => x.test(norm(labelCell.text)))!;
    const obj: Record<string, Cell | string> = {};
    for (const h of header) {
      const cell = row[h.col];
      if (cell === labelCell) continue;
      const { value, unit } = readCell(cell, `Table 二 "${labelCell.text}" / ${h.key}`, h.kind, r);
      obj[h.key] = value;
      if (h.kind === 'amount') {
        const u = unit === 'CNY' || unit === '10kCNY' ? unit : h.unit ?? (rule.key === 'fees' ? '10kCNY' : 'CNY');
        obj.unit = u;
      }
    }
    if (!header.length) r.notes.push(`Table 二: row "${labelCell.text}" has no 信息内容 header above it; left out`);
    else out[rule.key] = obj;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Table 四

function readTable4(table: Table, r: FigureReader) {
  const grid = table.grid;
  const out: Record<string, Record<string, Cell>> = {};
  // The data row: the first row (after the header) with at least ten cells that are figures, blank, a dash or 无.
  const dataRow = grid.findIndex((row, ri) => ri > 0 && distinct(row).filter((c) => figureLike(c.text)).length >= 10);
  if (dataRow < 0) { r.notes.push('Table 四: no row of figures found'); return out; }
  const row = grid[dataRow]!;
  let placed = 0;
  for (let c = 0; c < row.length; c++) {
    const chain = distinct(grid.slice(0, dataRow).map((x) => x[c]).filter((x): x is GridCell => !!x)).map((x) => norm(x.text)).filter(Boolean);
    const all = chain.join('|');
    const group = all.includes('复议后起诉') ? 'litigationAfterReview'
      : all.includes('未经复议') || all.includes('直接起诉') ? 'litigationDirect'
        : all.includes('行政复议') ? 'review' : null;
    const last = chain[chain.length - 1] ?? '';
    const outcome = last.includes('维持') ? 'upheld' : last.includes('纠正') ? 'corrected' : last.includes('其他') ? 'other'
      : last.includes('审结') ? 'pending' : last.includes('总计') || last.includes('合计') ? 'total' : null;
    if (!group || !outcome) {
      if (row[c]?.text.trim()) r.notes.push(`Table 四: column ${c + 1} ("${chain.join(' / ')}") not recognised`);
      continue;
    }
    if (out[group]?.[outcome] !== undefined) continue;
    (out[group] ??= {})[outcome] = readCell(row[c], `Table 四 ${group} / ${outcome}`, 'count', r).value;
    placed++;
  }
  if (placed < 15) r.notes.push(`Table 四: ${placed} of 15 cells placed`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// page metadata and prose

const YEAR_TITLE = /((?:19|20)\d{2})\s*年\s*度?/;

function titleCandidates(doc: HtmlNode): string[] {
  const out: string[] = [];
  const title = findFirst(doc, 'title');
  if (title) out.push(collapse(textOf(title)));
  for (const tag of ['h1', 'h2', 'h3', 'strong', 'p', 'div']) {
    for (const n of findAll(doc, tag)) {
      const t = collapse(textOf(n, true));
      if (t.length < 80 && /年度?报告|年报/.test(t)) out.push(t);
    }
  }
  return out.filter((t) => /信息公开/.test(t) && YEAR_TITLE.test(t));
}

function publisherFrom(title: string): string | undefined {
  const segment = title.split(/\s*[_|｜—–-]{1,2}\s*/).find((s) => YEAR_TITLE.test(s) && /报告/.test(s)) ?? title;
  const m = YEAR_TITLE.exec(segment)!;
  let before = segment.slice(0, m.index).replace(/关于$/, '').trim();
  if (!before) {
    const after = segment.slice(m.index + m[0].length);
    before = after.split(/政府信息公开/)[0]!.replace(/^的/, '').trim();
  }
  return before || undefined;
}

function meta(doc: HtmlNode, names: string[]): string | undefined {
  for (const m of findAll(doc, 'meta')) {
    const n = (attr(m, 'name') ?? attr(m, 'property') ?? '').toLowerCase();
    if (names.includes(n)) return attr(m, 'content');
  }
  return undefined;
}

/** The prose under a numbered heading ("一、总体情况") until the next numbered heading. */
function sections(doc: HtmlNode, skip: Set<HtmlNode>): Record<string, string> {
  const body = findFirst(doc, 'body') ?? doc;
  const lines = textOf(body, skip).split('\n').map(collapse).filter(Boolean);
  const out: Record<string, string> = {};
  const heads: [string, RegExp][] = [
    ['overview', /^一\s*[、.．]\s*总体情/],
    ['problems', /^五\s*[、.．].*(问题|改进)/],
    ['other', /^六\s*[、.．].*其他/],
  ];
  for (const [key, re] of heads) {
    const at = lines.findIndex((l) => re.test(l));
    if (at < 0) continue;
    const para: string[] = [];
    for (const l of lines.slice(at + 1)) {
      if (/^(主办|承办|版权所有|Copyright|联系我们|网站标识码)|ICP备/i.test(l)) break;
      if (/^[一二三四五六七八九十]\s*[、.．]/.test(l) || /^(\S{2,30}(人民政府|办公室|办公厅|局|委员会))$/.test(l)) break;
      para.push(l);
    }
    if (para.length) out[key] = para.join('\n\n');
  }
  return out;
}

function feesCollectedFrom(text: string): { amount: number; unit: string } | undefined {
  const t = toHalfWidth(text).replace(/[,，](?=\d{3})/g, '');
  if (/(未|没有|无)(发生|产生)?收取(任何)?(政府信息公开)?信息处理费/.test(t)) return { amount: 0, unit: 'CNY' };
  const m = /信息处理费[^。]{0,20}?(\d+(?:\.\d+)?)\s*(万元|元)/.exec(t);
  if (m) return { amount: Number(m[1]), unit: m[2] === '万元' ? '10kCNY' : 'CNY' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// the conversion

/**
 * The table that passes `test` and reads best: the highest `score` (rows recognised), then the least text. Candidates
 * include the joined parts of tables split in several (see joinedTables).
 */
function pick(tables: Table[], test: (t: string) => boolean, score: (t: Table) => number = () => 0): Table | undefined {
  const hits = tables.filter((t) => test(norm(t.text))).map((t) => ({ t, score: score(t) }));
  return hits.sort((a, b) => b.score - a.score || a.t.text.length - b.t.text.length)[0]?.t;
}

/** A reader whose notes are thrown away: for scoring candidates. */
const scratch = (): FigureReader => ({ blank: 0, dashes: 0, none: 0, notes: [] });

export function annualFromHtml(html: string, options: HtmlOptions = {}): HtmlResult {
  const doc = parseHtml(html);
  const found = tablesOf(doc);
  if (!found.length) {
    throw new Error('no tables found in the page: is it the report itself? A report published as an attachment is read from its Word ' +
      'document (.docx), not from a PDF; a page that builds its tables with JavaScript is read once saved from the browser (Ctrl+S)');
  }
  const tables = [...found, ...joinedTables(found)];
  const t3 = pick(tables, (t) => t.includes('本年新收') || (t.includes('申请人情形') && t.includes('办理结果')),
    (t) => readTable3(t, scratch()).dataRows);
  const t2 = pick(tables, (t) => t.includes('信息内容') && (t.includes('规章') || t.includes('行政许可')) && !t.includes('本年新收'),
    (t) => Object.keys(readTable2(t, scratch())).length);
  const t4 = pick(tables, (t) => t.includes('行政复议') && t.includes('行政诉讼') && t.includes('维持') && !t.includes('本年新收'));
  if (!t2 && !t3 && !t4) {
    throw new Error(`${found.length === 1 ? '1 table' : `${found.length} tables`} found, but none of the annual-report tables ` +
      '(二 主动公开, 三 收到和处理申请, 四 行政复议/行政诉讼): is this the 政府信息公开工作年度报告 page?');
  }
  const r: FigureReader = { blank: 0, dashes: 0, none: 0, notes: [] };
  const notes = r.notes;
  if (!t2) notes.push('Table 二 (主动公开政府信息情况) not found');
  if (!t3) notes.push('Table 三 (收到和处理政府信息公开申请情况) not found');
  if (!t4) notes.push('Table 四 (行政复议、行政诉讼情况) not found');

  const t3Data = t3 ? readTable3(t3, r) : { rows: {} as Record<string, Row>, dataRows: 0 };
  const t3Rows = t3Data.rows;
  const proactive = t2 ? readTable2(t2, r) : undefined;
  const review = t4 ? readTable4(t4, r) : undefined;

  // Template: the （六） sub-rows (CN-2021) or a single （六）其他处理 row (CN-2019); else the row count of Table 三,
  // else the Table 二 columns.
  let template: 'CN-2021' | 'CN-2019';
  let templateReason: string;
  if (options.template) { template = options.template; templateReason = '--template'; }
  else if (t3Rows['results.other.noCorrection'] || t3Rows['results.other.unpaidFee'] || t3Rows['results.other.other']) {
    template = 'CN-2021'; templateReason = 'Table 三 has the （六） sub-rows';
  } else if (t3Rows['results.other']) {
    template = 'CN-2019'; templateReason = 'Table 三 has one （六）其他处理 row';
  } else if (t3Data.dataRows >= 25) {
    template = 'CN-2021'; templateReason = `Table 三 has ${t3Data.dataRows} rows`;
  } else if (proactive && (proactive.regulations?.made !== undefined || proactive.procurement)) {
    template = 'CN-2019'; templateReason = 'Table 二 has the 2019 columns';
  } else {
    template = 'CN-2021'; templateReason = 'no distinguishing rows; the current format assumed';
  }

  const applications: Record<string, unknown> = { columns: [...APPLICANT_COLUMNS] };
  const expectedPaths = [
    'newReceived', 'carriedOver', 'results.granted', 'results.partiallyGranted',
    ...WITHHELD_KEYS.map((k) => `results.withheld.${k}`), ...UNABLE_KEYS.map((k) => `results.unable.${k}`),
    ...NOT_PROCESSED_KEYS.map((k) => `results.notProcessed.${k}`),
    ...(template === 'CN-2021' ? OTHER_KEYS.map((k) => `results.other.${k}`) : ['results.other']),
    'results.total', 'carriedForward',
  ];
  if (t3) {
    for (const p of expectedPaths) {
      if (t3Rows[p]) setPath(applications, p, t3Rows[p]);
      else notes.push(`Table 三: row ${p} not found`);
    }
    for (const p of Object.keys(t3Rows)) {
      if (!expectedPaths.includes(p)) notes.push(`Table 三: row ${p} does not belong to the ${template} format; left out`);
    }
  }

  // Year, title, publisher.
  const titles = titleCandidates(doc);
  const title = titles.find((t) => /报告/.test(t));
  let year = options.year;
  if (year === undefined && title) year = Number(YEAR_TITLE.exec(title)![1]);
  if (year === undefined) {
    const m = /((?:19|20)\d{2})\s*年\s*度?\s*(?:政府)?信息公开/.exec(textOf(doc, true));
    if (m) year = Number(m[1]);
  }
  const publisher = options.publisher ?? (title ? publisherFrom(title) : undefined) ?? meta(doc, ['sitename', 'site_name', 'og:site_name']);

  const feed: Record<string, unknown> = { schemaVersion: 1, lang: options.lang ?? 'zh-CN' };
  if (publisher) feed.publisher = { name: publisher };
  else notes.push('publisher not found (use --publisher)');
  feed.year = year ?? null;
  feed.template = template;
  if (title) feed.title = title.split(/\s*[_|｜]\s*/).find((s) => YEAR_TITLE.test(s)) ?? title;
  const pub = meta(doc, ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time']);
  const pageText = textOf(doc, true);
  // 发布日期 in the article, else anywhere: pages laid out in tables (old CMS templates) have their date line in one.
  const dateLine = /(?:发布(?:日期|时间)|日期)\s*[:：]\s*([\d〇○零一二三四五六七八九十年月日\-/. ]{8,14})/;
  const dateText = pub ?? (dateLine.exec(pageText) ?? dateLine.exec(textOf(doc)))?.[1];
  const publishedAt = dateText ? parseChineseDate(dateText) : null;
  if (publishedAt) feed.publishedAt = publishedAt;
  if (options.sourceUrl) feed.sourceUrl = options.sourceUrl;
  const text = sections(doc, new Set([t2, t3, t4].flatMap((t) => t?.nodes ?? [])));
  if (Object.keys(text).length) feed.text = text;
  if (proactive && Object.keys(proactive).length) feed.proactive = proactive;
  if (t3) feed.applications = applications;
  if (review && Object.keys(review).length) {
    const rl: Record<string, unknown> = {};
    for (const g of TABLE4_GROUPS) {
      if (!review[g]) continue;
      rl[g] = Object.fromEntries(TABLE4_OUTCOMES.filter((o) => review[g]![o] !== undefined).map((o) => [o, review[g]![o]]));
    }
    feed.reviewLitigation = rl;
  }
  const fees = feesCollectedFrom(text.other ?? '');
  if (fees) feed.feesCollected = fees;
  if (year === undefined) notes.push('year not found in the title (use --year)');
  return { feed, notes, blankCells: r.blank, dashCells: r.dashes, noneCells: r.none, template, templateReason, found: { table2: !!t2, table3: !!t3, table4: !!t4 } };
}
