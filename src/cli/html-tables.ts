/// <reference types="node" />
/** Reads the tables of an HTML page with parse5 into grids that honour rowspan and colspan. */
import { parse } from 'parse5';

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/** One source cell; the grid repeats the same object in every slot it spans. */
export interface GridCell { text: string; row: number; col: number; rowspan: number; colspan: number }

export interface Table {
  /** Position among all tables of the page, in document order (0-based). */
  index: number;
  /** grid[r][c]: the cell covering row r, column c (rows may differ in length). */
  grid: GridCell[][];
  /** All text of the table (nested tables excluded), whitespace-collapsed. */
  text: string;
  /** Text just before the table (the nearest preceding heading or paragraph), for finding it by its title. */
  caption: string;
  node: HtmlNode;
  /** Every table element it is made of: one, or several for a table split into parts (see `joinedTables`). */
  nodes: HtmlNode[];
  /** Index of the table that ends right before this one starts, with no text in between and neither inside the other. */
  follows?: number;
}

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

export const attr = (n: HtmlNode, name: string) => n.attrs?.find((a) => a.name === name)?.value;

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table']);

/** Text content, with nested tables left out when `skipTables`. Block elements add line breaks. */
export function textOf(node: HtmlNode, skipTables: boolean | Set<HtmlNode> = false): string {
  let out = '';
  const walk = (n: HtmlNode) => {
    if (n.nodeName === '#text') { out += n.value ?? ''; return; }
    if (n.nodeName === '#comment' || n.nodeName === 'script' || n.nodeName === 'style') return;
    if (n.nodeName === 'table' && n !== node && (skipTables === true || (skipTables && skipTables.has(n)))) return;
    if (n.nodeName === 'br') { out += '\n'; return; }
    const block = BLOCK.has(n.nodeName);
    if (block) out += '\n';
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
    if (block) out += '\n';
  };
  walk(node);
  return out;
}

export const collapse = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** The rows of a table, not those of tables nested in its cells. */
function rowsOf(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  const walk = (n: HtmlNode) => {
    for (const c of n.childNodes ?? []) {
      if (c.nodeName === 'tr') rows.push(c);
      else if (c.nodeName === 'thead' || c.nodeName === 'tbody' || c.nodeName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

const span = (v: string | undefined) => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

/**
 * The most slots a table's grid may have. A report's table has a few hundred; the spans of a hostile page would make
 * millions from a few bytes each (rowspan="1000" colspan="1000": 60 such cells, 2 KB, took 16 s and 1 GB).
 */
const MAX_SLOTS = 100_000;

/** Builds the grid of one table (`index`: its number among the page's tables, from 0, for the error). */
export function gridOf(table: HtmlNode, index = 0): GridCell[][] {
  const grid: GridCell[][] = [];
  let slots = 0;
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.childNodes ?? []) {
      if (td.nodeName !== 'td' && td.nodeName !== 'th') continue;
      while (grid[r]![c]) c++;
      const rowspan = span(attr(td, 'rowspan'));
      const colspan = span(attr(td, 'colspan'));
      if ((slots += rowspan * colspan) > MAX_SLOTS) {
        throw new Error(`table ${index + 1} spans more than 100,000 cells (its rowspan and colspan): not a report's table; the page cannot be read`);
      }
      const cell: GridCell = { text: collapse(textOf(td, true)), row: r, col: c, rowspan, colspan };
      for (let dr = 0; dr < rowspan; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) row[c + dc] = cell;
      }
      c += colspan;
    }
  });
  // Rows made only of spans from above (rowspan past the last real row) are dropped; holes are filled.
  const realRows = rowsOf(table).length;
  grid.length = Math.min(grid.length, realRows);
  for (const row of grid) for (let c = 0; c < row.length; c++) row[c] ??= { text: '', row: -1, col: c, rowspan: 1, colspan: 1 };
  return grid;
}

/** Every table of the document with its grid, its own text and the text just before it. */
export function tablesOf(doc: HtmlNode): Table[] {
  const tables: Table[] = [];
  let lastText = '';
  // The table that ended last, while no text and no other table has started since.
  let closed: Table | null = null;
  const walk = (n: HtmlNode) => {
    if (n.nodeName === 'table') {
      const t: Table = {
        index: tables.length, grid: gridOf(n, tables.length), text: collapse(textOf(n, true)), caption: lastText, node: n, nodes: [n],
        follows: closed?.index,
      };
      tables.push(t);
      lastText = '';
      closed = null;
      for (const c of n.childNodes ?? []) walk(c);
      closed = t;
      return;
    }
    if (n.nodeName === '#text') {
      const t = collapse(n.value ?? '');
      if (t) {
        lastText = (lastText + ' ' + t).slice(-200);
        closed = null;
      }
      return;
    }
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
  };
  walk(doc);
  return tables;
}

/**
 * A table that a word processor or a CMS split into parts (at a page break, or one part per block) comes out as
 * tables that follow each other with nothing in between. This joins every run of two or more such tables, as extra
 * candidates: the caller keeps whichever reads best. A part's rows carry on the cells that were still spanning rows
 * where the previous part ended: empty cells in their place are taken for them, and rows that leave those columns out
 * get them back in front.
 */
export function joinedTables(tables: Table[], maxParts = 8): Table[] {
  const out: Table[] = [];
  for (const first of tables) {
    if (first.follows !== undefined) continue; // not the start of a run
    const run = [first];
    for (let next = tables.find((t) => t.follows === first.index); next && run.length < maxParts;
      next = tables.find((t) => t.follows === run[run.length - 1]!.index)) run.push(next);
    for (let end = 2; end <= run.length; end++) {
      for (let start = 0; start + 1 < end; start++) out.push(join(run.slice(start, end)));
    }
  }
  return out;
}

/** Per column of a grid's last row: the cell when it spans rows past the grid's end, else null. */
const spanningAtEnd = (grid: GridCell[][], row: GridCell[] = grid[grid.length - 1] ?? []) =>
  row.map((cell) => (cell.row >= 0 && cell.row + cell.rowspan > grid.length ? cell : null));

function join(parts: Table[]): Table {
  const grid: GridCell[][] = parts[0]!.grid.map((row) => [...row]);
  let carried = spanningAtEnd(parts[0]!.grid);
  for (const part of parts.slice(1)) {
    const width = grid[grid.length - 1]?.length ?? 0;
    const replace = new Map<GridCell, GridCell>();
    // Rows that leave the still-spanning leading columns out get those cells back in front.
    const leadFor = (row: GridCell[]) => {
      const missing = width - row.length;
      return missing > 0 && carried.slice(0, missing).every(Boolean) ? (carried.slice(0, missing) as GridCell[]) : [];
    };
    for (const row of part.grid) {
      const lead = leadFor(row);
      grid.push([...lead, ...row.map((cell, i) => {
        const above = carried[lead.length + i];
        // An empty cell at the top of the part, where a cell was still spanning: the continuation of that cell.
        if (above && !cell.text && cell.row === 0 && !replace.has(cell)) replace.set(cell, above);
        return replace.get(cell) ?? cell;
      })]);
    }
    const lastRow = part.grid[part.grid.length - 1] ?? [];
    const lead = leadFor(lastRow);
    carried = [...lead, ...spanningAtEnd(part.grid, lastRow).map((cell) => (cell ? replace.get(cell) ?? cell : null))];
  }
  return {
    index: parts[0]!.index, grid, text: parts.map((p) => p.text).join(' '), caption: parts[0]!.caption,
    node: parts[0]!.node, nodes: parts.flatMap((p) => p.nodes), follows: parts[0]!.follows,
  };
}

/** The first element with this tag name, depth first. */
export function findFirst(node: HtmlNode, tag: string): HtmlNode | undefined {
  if (node.nodeName === tag) return node;
  for (const c of node.childNodes ?? []) {
    const f = findFirst(c, tag);
    if (f) return f;
  }
  return undefined;
}

/** All elements with this tag name. */
export function findAll(node: HtmlNode, tag: string, out: HtmlNode[] = []): HtmlNode[] {
  if (node.nodeName === tag) out.push(node);
  for (const c of node.childNodes ?? []) findAll(c, tag, out);
  return out;
}
