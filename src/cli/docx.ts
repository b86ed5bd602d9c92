/// <reference types="node" />
/**
 * A Word document (.docx, as Word, WPS or LibreOffice save it) turned into the equivalent HTML, for `annual from-html`:
 * its paragraphs as <p> and its tables as <table> with rowspan and colspan, so that the HTML reader reads the report
 * by the same rules as a page. Only the document's text is read (word/document.xml, found through the package's
 * relationships): no macro, no embedded object, no linked file.
 *
 * - A paragraph's text is that of its runs (w:t; a tab is a space, a line break a <br>), also inside links, inserted
 *   text (tracked changes), smart tags, content controls and fields' results. Deleted text (tracked changes), field
 *   codes, footnotes, comments, text boxes, hidden text (w:vanish, also by a style) and the placeholder text of a content control not
 *   filled in are not read.
 * - A table's cells spanning columns (w:gridSpan, or the old w:hMerge) have that colspan; a cell merged down
 *   (w:vMerge="restart" over the w:vMerge cells below it in the same column) has the rowspan of its rows. Columns
 *   left empty before a row (w:gridBefore) are an empty cell. A table inside a cell is a table inside that cell; a
 *   deleted row is left out.
 * - List numbers that Word or WPS shows before a paragraph (一、 二、 as automatic numbering, directly or through the
 *   paragraph's style, in word/numbering.xml) are written before its text, as the page shows them; bullets are not.
 * - An imported chunk (w:altChunk: an HTML file, or a web archive, .mht, holding one; web editors' "export to Word"
 *   writes the whole page so) is its body's HTML, where it stands; other kinds of chunk (RTF, .docx) are left out.
 * - A title in two paragraphs (岳阳市君山区人民政府 / 2022年政府信息公开工作年度报告) is one title, as a page has it.
 * - A date alone on the last line (2023年1月19日 or 二〇二三年一月十九日, under the signature) is the publication date,
 *   as a page's 发布日期 is, unless the document has a 发布日期 line of its own.
 */
import { decodeText, metaCharset } from './io.js';
import { attrs, partPath, unzip, xmlChars as xmlText } from './xlsx.js';
import type { ZipKind } from './xlsx.js';

/** The most word/document.xml may unpack to: a report's is well under a megabyte (its pictures are other parts). */
const MAX_DOCUMENT = 64 * 2 ** 20;

const DOCUMENT: ZipKind = {
  name: 'the document', resave: 'open it in Word or WPS and save it again (文件 → 另存为 → Word 文档 .docx)', max: MAX_DOCUMENT,
  tooBig: 'not a report; if it is one, save it from Word or WPS as a web page (.html) and convert that',
};

/** What a zip archive holds: a Word document (and where its text is), an Excel workbook, an OpenDocument file, else other. */
export function zipKind(bytes: Uint8Array): { kind: 'docx'; document: string } | { kind: 'xlsx' | 'odt' | 'ods' | 'other' } {
  const files = unzip(bytes, DOCUMENT);
  const rels = files.get('_rels/.rels');
  const main = rels && [...new TextDecoder().decode(rels()).matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)]
    .map((m) => attrs(m[1]!)).find((a) => a.Type?.endsWith('/officeDocument'));
  const path = main ? partPath('', main.Target ?? '') : '';
  // (The main part of a presentation or a workbook is found through the same relationship: a document's is in word/.)
  if (/^word\/.*\.xml$/i.test(path) && files.has(path.toLowerCase())) return { kind: 'docx', document: path };
  if (files.has('word/document.xml')) return { kind: 'docx', document: 'word/document.xml' };
  if (files.has('xl/workbook.xml') || files.has('xl/workbook.bin') || /^xl\//i.test(path)) return { kind: 'xlsx' };
  const mimetype = files.get('mimetype');
  const type = mimetype ? new TextDecoder().decode(mimetype().subarray(0, 100)) : '';
  if (type.includes('opendocument.text')) return { kind: 'odt' };
  if (type.includes('opendocument.spreadsheet')) return { kind: 'ods' };
  return { kind: 'other' };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Paragraph { kind: 'p'; html: string; text: string; style?: string; numId?: string; ilvl?: number }
interface Cell { span: number; vMerge?: 'restart' | 'continue'; hMerge?: boolean; blocks: Block[] }
interface Row { before: number; deleted: boolean; cells: Cell[] }
interface TableBlock { kind: 'table'; rows: Row[] }
/** An imported chunk (w:altChunk: HTML, or a web archive, .mht, that holds it): its body's HTML, as it is. */
interface HtmlBlock { kind: 'html'; html: string }
type Block = Paragraph | TableBlock | HtmlBlock;

/**
 * Elements whose content is not the document's text: deleted and moved-away text, field codes, properties (which may
 * hold the old properties of a tracked change), drawings and text boxes (also given twice, in mc:Fallback), notes'
 * marks and comments.
 */
const SKIP = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'tabs', 'framePr', 'rPr', 'sdtPr', 'sdtEndPr', 'tblPr', 'tblGrid',
  'drawing', 'pict', 'object', 'AlternateContent', 'txbxContent', 'footnoteReference', 'endnoteReference',
  'commentReference', 'fldData', 'ruby',
]);

const count = (v: string | undefined, max: number) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 0;
};

/** Word's list numbering (numbering.xml), and what paragraph and character styles give (styles.xml): numbers, hidden text. */
type Level = { start: number; format: string; text: string };
interface Formats {
  /**
   * numId → its list definition (abstractNumId, whose instances share one count), the levels its startOverride
   * restarts, and its levels: the first number, the format (numFmt), the text (lvlText, "%1、").
   */
  lists: Map<string, { of: string; restarts: number[]; levels: Level[] }>;
  /** styleId → the list its paragraphs are numbered in. */
  styles: Map<string, { numId: string; ilvl: number }>;
  /** styleId → whether the style hides its text (w:vanish in its run properties, or a style's it is based on). */
  vanish: Map<string, boolean>;
}

/**
 * The elements named `name` in an XML text, each with its attributes and content (not nested in one of the same
 * name). One left open ends the list: the rest of the text is not searched again for each start tag.
 */
function elements(xml: string, name: string): { attrs: Record<string, string>; content: string }[] {
  const out: { attrs: Record<string, string>; content: string }[] = [];
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(/?)(?:>|$)`, 'g');
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}>`, 'g');
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[2]) { out.push({ attrs: attrs(m[1]!), content: '' }); continue; }
    close.lastIndex = open.lastIndex;
    const c = close.exec(xml);
    if (!c) break;
    out.push({ attrs: attrs(m[1]!), content: xml.slice(open.lastIndex, c.index) });
    open.lastIndex = c.index + c[0].length;
  }
  return out;
}
const valOf = (xml: string, name: string) => elements(xml, name)[0]?.attrs.val;
/** An on/off property's value that turns it off (<w:vanish w:val="false"/>). */
const OFF = /^(?:0|false|off)$/i;

function readFormats(numberingXml: string, stylesXml: string): Formats {
  const abstracts = new Map<string, Level[]>();
  // A list defined by a list style (numStyleLink): its levels are in the definition that style's own list names.
  const linked = new Map<string, string>();
  for (const a of elements(numberingXml, 'abstractNum')) {
    const link = valOf(a.content, 'numStyleLink');
    if (link) linked.set(a.attrs.abstractNumId ?? '', link);
    const levels: Level[] = [];
    for (const l of elements(a.content, 'lvl')) {
      const i = Number(l.attrs.ilvl);
      if (!(i >= 0 && i <= 8)) continue;
      levels[i] = { start: Number(valOf(l.content, 'start') ?? 1) || 0, format: valOf(l.content, 'numFmt') ?? 'decimal', text: valOf(l.content, 'lvlText') ?? '' };
    }
    abstracts.set(a.attrs.abstractNumId ?? '', levels);
  }
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string; vanish?: boolean }>();
  for (const st of elements(stylesXml, 'style')) {
    const ilvl = valOf(st.content, 'ilvl');
    const vanish = elements(elements(st.content, 'rPr')[0]?.content ?? '', 'vanish')[0];
    own.set(st.attrs.styleId ?? '', {
      numId: valOf(st.content, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) || 0, basedOn: valOf(st.content, 'basedOn'),
      vanish: vanish && !OFF.test(vanish.attrs.val ?? ''),
    });
  }
  const nums = elements(numberingXml, 'num');
  const definitionOf = (numId?: string) => valOf(nums.find((n) => n.attrs.numId === numId)?.content ?? '', 'abstractNumId');
  const lists: Formats['lists'] = new Map();
  for (const n of nums) {
    let of = valOf(n.content, 'abstractNumId') ?? '';
    // (One step: the list style's list is the definition with the levels, which names the style back by styleLink.)
    if (linked.has(of)) of = definitionOf(own.get(linked.get(of)!)?.numId) ?? of;
    const levels = [...(abstracts.get(of) ?? [])];
    const restarts: number[] = [];
    for (const o of elements(n.content, 'lvlOverride')) {
      const i = Number(o.attrs.ilvl);
      const start = valOf(o.content, 'startOverride');
      if (levels[i] && start !== undefined) { levels[i] = { ...levels[i]!, start: Number(start) || 0 }; restarts.push(i); }
    }
    lists.set(n.attrs.numId ?? '', { of, restarts, levels });
  }
  const styles = new Map<string, { numId: string; ilvl: number }>();
  const vanish = new Map<string, boolean>();
  for (const id of own.keys()) {
    // Through the styles it is based on (a heading style numbered by its parent's list).
    let numId: string | undefined;
    let ilvl: number | undefined;
    let hides: boolean | undefined;
    for (let st = own.get(id), n = 0; st && n < 10; st = own.get(st.basedOn ?? ''), n++) {
      numId ??= st.numId;
      ilvl ??= st.ilvl;
      hides ??= st.vanish;
    }
    if (numId) styles.set(id, { numId, ilvl: ilvl ?? 0 });
    if (hides !== undefined) vanish.set(id, hides);
  }
  return { lists, styles, vanish };
}

const CN = '〇一二三四五六七八九';
/** A list number in a numFmt of Word's: 一 二 … 十一 for chineseCounting, 1 2 3, A B C, i ii iii, ① ② ③. */
function formatNumber(n: number, format: string): string {
  if (/^(?:chineseCounting|chineseCountingThousand|japaneseCounting|taiwaneseCounting|koreanCounting)/.test(format) && n > 0 && n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens > 1 ? CN[tens] : '') + (tens ? '十' : '') + (ones || !tens ? CN[ones] : '');
  }
  if (/^(?:ideographDigital|taiwaneseDigital|japaneseDigitalTenThousand)/.test(format)) return [...String(n)].map((d) => CN[+d]).join('');
  if (format === 'ideographTraditional' && n >= 1 && n <= 10) return '甲乙丙丁戊己庚辛壬癸'[n - 1]!;
  if ((format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') && n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (format === 'decimalEnclosedParen' && n >= 1 && n <= 20) return String.fromCodePoint(0x2474 + n - 1);
  if (format === 'decimalFullWidth' || format === 'decimalFullWidth2') return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d));
  if ((format === 'upperLetter' || format === 'lowerLetter') && n >= 1) {
    const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
    return format === 'lowerLetter' ? letter.toLowerCase() : letter;
  }
  if ((format === 'upperRoman' || format === 'lowerRoman') && n >= 1 && n < 4000) {
    let out = '';
    let rest = n;
    for (const [v, r] of [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as const) {
      while (rest >= v) { out += r; rest -= v; }
    }
    return format === 'lowerRoman' ? out.toLowerCase() : out;
  }
  return String(n);
}

/** The counts of the lists so far: per list definition (abstractNumId), and the instance levels already begun. */
interface Counters { counts: Map<string, number[]>; begun: Set<string> }

/**
 * The number Word shows before a paragraph of a list (一、 二、, （一）, 1.), counting the list's paragraphs in order; a
 * level's count starts again after a paragraph of a level above. As in Word (ECMA-376 §17.9), the instances of one
 * list definition (numIds of one abstractNum: a heading numbered by its style and one numbered directly, say) share
 * one count, which an instance with a startOverride sets back to its start at its first paragraph of that level.
 * Bullets are left out (their glyph is a symbol font's).
 */
function numberLabel(numbering: Formats, counters: Counters, para: Paragraph): string {
  const fromStyle = para.style !== undefined ? numbering.styles.get(para.style) : undefined;
  const numId = para.numId ?? fromStyle?.numId;
  const ilvl = para.ilvl ?? (para.numId === undefined ? fromStyle?.ilvl : undefined) ?? 0;
  const list = numId && numId !== '0' ? numbering.lists.get(numId) : undefined;
  const level = list?.levels[ilvl];
  if (!list || !level || level.format === 'bullet' || level.format === 'none') return '';
  const count = counters.counts.get(list.of) ?? [];
  counters.counts.set(list.of, count);
  const restart = list.restarts.includes(ilvl) && !counters.begun.has(`${numId} ${ilvl}`);
  counters.begun.add(`${numId} ${ilvl}`);
  count[ilvl] = count[ilvl] === undefined || restart ? level.start : count[ilvl]! + 1;
  count.length = ilvl + 1;
  return level.text.replace(/%([1-9])/g, (_, d: string) => {
    const i = +d - 1;
    const l = list.levels[i];
    return l ? formatNumber(count[i] ?? l.start, l.format) : '';
  });
}

/** The blocks of a document.xml: paragraphs, tables and imported chunks (`chunk`: the HTML of the one of that relationship id), in order. */
function blocksOf(xml: string, formats: Formats, chunk: (id: string) => string): Block[] {
  const body: Block[] = [];
  const tables: TableBlock[] = [];
  const cells: Cell[] = [];
  let para: Paragraph | null = null;
  // The element being skipped (SKIP), and how deep in elements of its name.
  let skip = 0;
  let skipping = '';
  // For each content control open: whether it shows its placeholder (单击或点击此处输入文字。), not a value.
  const placeholders: boolean[] = [];
  let inText = false;
  // In a run, and whether its text is hidden (w:vanish: Word's hidden text, shown only with formatting marks).
  let inRun = false;
  let hidden = false;
  // Inside trPr / tcPr (the row's and the cell's properties), and in one of their *PrChange (old properties).
  let inTrPr = false;
  let inTcPr = false;
  let inPPr = false;
  const counters: Counters = { counts: new Map(), begun: new Set() };
  /** A paragraph ended: with its list number first (一、 from Word's numbering), and in its place. */
  const end = (para: Paragraph) => {
    const label = numberLabel(formats, counters, para);
    if (label) { para.html = escapeHtml(label) + para.html; para.text = label + para.text; }
    container().push(para);
  };
  const container = () => cells.at(-1)?.blocks ?? body;
  const add = (html: string, text: string) => { if (para && !hidden) { para.html += html; para.text += text; } };
  // (A tag, comment or declaration left open runs to the end of the text: each "<" is not looked for its end again.)
  for (const m of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(\/?)(?:>|$)|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[\s\S]*?(?:\?>|$)|([^<]+)/g)) {
    const [, close, name, rest, empty, chars] = m;
    if (chars !== undefined) {
      if (inText && !skip) { const t = xmlText(chars); add(escapeHtml(t), t); }
      continue;
    }
    if (!name) continue;
    if (skip) {
      if (name === skipping) { if (close) skip--; else if (!empty) skip++; }
      else if (name === 'showingPlcHdr' && skipping === 'sdtPr' && placeholders.length) placeholders[placeholders.length - 1] = true;
      // The run's own properties (not the old ones of a tracked change, nested deeper).
      else if (name === 'vanish' && skipping === 'rPr' && skip === 1 && inRun && !close) hidden = !OFF.test(attrs(rest!).val ?? '');
      // Hidden by its character style (a template's 填报说明, say), unless its own w:vanish, after it, says otherwise.
      else if (name === 'rStyle' && skipping === 'rPr' && skip === 1 && inRun && !close) hidden = formats.vanish.get(attrs(rest!).val ?? '') ?? hidden;
      continue;
    }
    if (SKIP.has(name) || /(?:PrChange|GridChange)$/.test(name)) {
      // A deleted row: <w:del/> in its properties.
      if (name === 'del' && inTrPr) { const row = tables.at(-1)?.rows.at(-1); if (row) row.deleted = true; }
      if (!close && !empty) { skip = 1; skipping = name; }
      continue;
    }
    if (close) {
      switch (name) {
        case 't': inText = false; break;
        case 'r': inRun = false; hidden = false; break;
        case 'p': if (para) { end(para); para = null; } break;
        case 'pPr': inPPr = false; break;
        case 'tc': cells.pop(); break;
        case 'tbl': { const t = tables.pop(); if (t) container().push(t); break; }
        case 'trPr': inTrPr = false; break;
        case 'tcPr': inTcPr = false; break;
        case 'sdt': placeholders.pop(); break;
      }
      continue;
    }
    switch (name) {
      case 't': if (!empty) inText = true; break;
      // (A paragraph style's run properties are its runs' too.)
      case 'r': if (!empty) { inRun = true; hidden = formats.vanish.get(para?.style ?? '') ?? false; } break;
      case 'tab': case 'ptab': add(' ', ' '); break;
      case 'br': case 'cr': add('<br>', '\n'); break;
      case 'noBreakHyphen': add('-', '-'); break;
      case 'p':
        para = { kind: 'p', html: '', text: '' };
        if (empty) { end(para); para = null; }
        break;
      case 'tbl': if (!empty) tables.push({ kind: 'table', rows: [] }); break;
      // (Between paragraphs, in the body or a cell.)
      case 'altChunk': container().push({ kind: 'html', html: chunk(attrs(rest!)['r:id'] ?? '') }); break;
      case 'tr': tables.at(-1)?.rows.push({ before: 0, deleted: false, cells: [] }); break;
      case 'tc': {
        const cell: Cell = { span: 1, blocks: [] };
        tables.at(-1)?.rows.at(-1)?.cells.push(cell);
        if (!empty) cells.push(cell);
        break;
      }
      case 'trPr': if (!empty) inTrPr = true; break;
      case 'sdt': if (!empty) placeholders.push(false); break;
      // A content control showing its placeholder: an empty cell, as the report leaves it.
      case 'sdtContent': if (!empty && placeholders.at(-1)) { skip = 1; skipping = name; } break;
      case 'pPr': if (!empty) inPPr = true; break;
      case 'pStyle': if (inPPr && para) para.style = attrs(rest!).val; break;
      case 'numId': if (inPPr && para) para.numId = attrs(rest!).val ?? '0'; break;
      case 'ilvl': if (inPPr && para) para.ilvl = count(attrs(rest!).val, 8); break;
      case 'tcPr': if (!empty) inTcPr = true; break;
      case 'gridBefore': {
        const row = tables.at(-1)?.rows.at(-1);
        if (inTrPr && row) row.before = count(attrs(rest!).val, 1000);
        break;
      }
      case 'gridSpan': {
        const cell = cells.at(-1);
        if (inTcPr && cell) cell.span = count(attrs(rest!).val, 1000) || 1;
        break;
      }
      case 'vMerge': {
        const cell = cells.at(-1);
        if (inTcPr && cell) cell.vMerge = attrs(rest!).val === 'restart' ? 'restart' : 'continue';
        break;
      }
      case 'hMerge': {
        const cell = cells.at(-1);
        if (inTcPr && cell) cell.hMerge = attrs(rest!).val !== 'restart';
        break;
      }
    }
  }
  // An unclosed paragraph or table (a damaged file) still counts.
  if (para) end(para);
  while (tables.length) { const t = tables.pop()!; (cells.pop()?.blocks ?? body).push(t); }
  return body;
}

/** A table as HTML: a cell merged down gets the rowspan of the rows whose cell in its column continues it. */
function tableHtml(table: TableBlock): string {
  const rows = table.rows.filter((r) => !r.deleted);
  // Cells merged across the old way (w:hMerge): a continuing cell widens the one before it (its text, if any, is not
  // shown, as Word shows none), so the grid is as w:gridSpan would have it.
  for (const r of rows) {
    const kept: Cell[] = [];
    for (const c of r.cells) {
      if (c.hMerge && kept.length) kept.at(-1)!.span += c.span;
      else kept.push(c);
    }
    r.cells = kept;
  }
  // Each cell's first column in the table's grid.
  const starts = rows.map((r) => {
    let c = r.before;
    return r.cells.map((cell) => { const at = c; c += cell.span; return at; });
  });
  const continuing = (r: number, col: number) => {
    const i = starts[r]?.indexOf(col) ?? -1;
    return i >= 0 && rows[r]!.cells[i]!.vMerge === 'continue';
  };
  let html = '<table>';
  rows.forEach((row, r) => {
    html += '<tr>';
    if (row.before) html += `<td colspan="${row.before}"></td>`;
    row.cells.forEach((cell, i) => {
      const col = starts[r]![i]!;
      // A continuation under a cell merged down is covered by that cell's rowspan. One with no cell merged down above it
      // (the first row of a table split at a page break) starts an empty merged cell, which the reader takes for the
      // cell of the part before going on.
      if (cell.vMerge === 'continue' && mergedAbove(r, col)) return;
      let rowspan = 1;
      if (cell.vMerge) while (continuing(r + rowspan, col)) rowspan++;
      html += `<td${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${cell.span > 1 ? ` colspan="${cell.span}"` : ''}>${blocksHtml(cell.blocks)}</td>`;
    });
    html += '</tr>';
  });
  return `${html}</table>`;

  /** Whether the row above has, in this column, a cell merged down or continuing one (not looked up further: linear). */
  function mergedAbove(r: number, col: number): boolean {
    const i = starts[r - 1]?.indexOf(col) ?? -1;
    return i >= 0 && rows[r - 1]!.cells[i]!.vMerge !== undefined;
  }
}

function blocksHtml(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? `<p>${b.html}</p>` : b.kind === 'html' ? b.html : tableHtml(b))).join('\n');
}

/**
 * The body of an imported chunk as HTML: an HTML file, or the HTML part of a web archive (MIME, .mht: quoted-printable
 * or base64), decoded as a page is (decodeText: the charset its MIME header or its <meta> names, UTF-8, GB18030). Its
 * <head> (title, scripts, styles) is left out; '' for anything else.
 */
function chunkBody(bytes: Uint8Array): string {
  const latin = asLatin1(bytes.subarray(0, 4096));
  let html: string | undefined;
  if (/^\s*MIME-Version:/i.test(latin) || /^\s*Content-Type:\s*multipart\//im.test(latin)) {
    // Every part of the archive, its headers and body (in bytes as text: latin1 keeps each byte one character).
    const all = asLatin1(bytes);
    const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(all)?.[1];
    for (const partText of boundary ? all.split(`--${boundary}`) : [all]) {
      const at = partText.search(/\r?\n\r?\n/);
      const head = partText.slice(0, at);
      if (at < 0 || !/Content-Type:\s*text\/html/i.test(head)) continue;
      let body = partText.slice(at).replace(/^\r?\n\r?\n/, '');
      const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
      let raw: Uint8Array;
      if (encoding === 'base64') raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
      else {
        if (encoding === 'quoted-printable') body = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        raw = Buffer.from(body, 'latin1');
      }
      html = decodeText(raw, /charset\s*=\s*"?([\w-]+)/i.exec(head)?.[1] ?? metaCharset(raw)).text;
      break;
    }
  } else if (/^(?:\uFEFF|\xEF\xBB\xBF|\s)*</.test(latin)) html = decodeText(bytes, metaCharset(bytes)).text;
  if (html === undefined) return '';
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  return body ? body[1]! : html.replace(/<head\b[\s\S]*?<\/head\s*>/i, '');
}

/** Bytes as text, one character per byte (ISO-8859-1; TextDecoder's "latin1" is windows-1252, which is not). */
const asLatin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/**
 * The HTML of a .docx file's text. The first paragraph with text is the title (<h1>); when it names only the
 * publisher and the next says the year's report (岳阳市君山区人民政府 / 2022年政府信息公开工作年度报告), both are.
 */
export function docxToHtml(bytes: Uint8Array): string {
  const files = unzip(bytes, DOCUMENT);
  const found = zipKind(bytes);
  if (found.kind !== 'docx') throw new Error('this is not a Word document (.docx)');
  const part = files.get(found.document.toLowerCase())!;
  const utf8 = new TextDecoder();
  // The numbering and the styles, where the document's relationships say (else where Word puts them).
  const rels = files.get(found.document.replace(/[^/]*$/, (f) => `_rels/${f}.rels`).toLowerCase());
  const relations = rels ? [...utf8.decode(rels()).matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)].map((m) => attrs(m[1]!)) : [];
  const file = (rel: Record<string, string> | undefined, fallback = '') => files.get((rel ? partPath(found.document, rel.Target ?? '') : fallback).toLowerCase());
  const related = (type: string, fallback: string) => {
    const f = file(relations.find((a) => a.Type?.endsWith(`/${type}`)), fallback);
    return f ? utf8.decode(f()) : '';
  };
  // An imported chunk's body (w:altChunk, as web editors' "export to Word" write the whole page): HTML, or a web
  // archive (.mht) holding it. Another kind (RTF, another .docx) is left out.
  const chunk = (id: string) => {
    const f = file(relations.find((a) => a.Id === id && a.Type?.endsWith('/aFChunk')));
    return f ? chunkBody(f()) : '';
  };
  const blocks = blocksOf(utf8.decode(part()), readFormats(related('numbering', 'word/numbering.xml'), related('styles', 'word/styles.xml')), chunk);
  const texts = blocks.map((b) => (b.kind === 'p' ? b.text.trim() : null));
  const first = texts.findIndex((t) => t !== '');
  let head = '';
  if (first >= 0 && texts[first] !== null) {
    let last = first;
    const next = texts.findIndex((t, i) => i > first && t !== '');
    if (next >= 0 && texts[next] !== null && !/报告/.test(texts[first]!) && texts[first]!.length <= 40 &&
        /^(?:19|20)\d{2}\s*年.*报告$/.test(texts[next]!)) last = next;
    const title = blocks.slice(first, last + 1).map((b) => (b as Paragraph).html).join('');
    head = `<h1>${title}</h1>\n`;
    blocks.splice(0, last + 1);
  }
  // The date under the signature, the document's last line, is when the report was issued: its publication date,
  // unless the document says that (发布日期：…).
  const last = [...blocks].reverse().find((b) => b.kind !== 'p' || b.text.trim());
  const line = last?.kind === 'p' ? last.text.trim().split('\n').at(-1)!.normalize('NFKC').replace(/\s+/g, '') : '';
  const said = blocks.some((b) => b.kind === 'p' && /(?:发布(?:日期|时间)|日期)\s*[:：]/.test(b.text));
  const date = !said && /^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[一二][〇○零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/.test(line)
    ? `<meta name="pubdate" content="${line}">` : '';
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">${date}</head><body>\n${head}${blocksHtml(blocks)}\n</body></html>\n`;
}

/** Whether an OLE compound file (an old Office file) has a stream of this name in its directory (names are UTF-16). */
function oleHas(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(`${name}\0`, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** What an OLE compound file is: an Excel 97–2003 workbook (.xls), else a Word 97–2003 or WPS document, or another. */
export const oleKind = (bytes: Uint8Array): 'xls' | 'doc' | 'encrypted' | 'other' =>
  oleHas(bytes, 'Workbook') || oleHas(bytes, 'Book') ? 'xls' : oleHas(bytes, 'WordDocument') ? 'doc'
    : oleHas(bytes, 'EncryptedPackage') ? 'encrypted' : 'other';
