/**
 * A CSV reader (RFC 4180 plus what spreadsheet exports do): quoted cells, doubled quotes, newlines inside quotes,
 * CRLF/LF/CR line ends, comma, semicolon or tab separators (detected from the header line), and Excel's text-forcing
 * cells ="000123" (read as 000123). Each record carries the physical line number it starts on, for messages.
 */

export interface CsvRecord { line: number; cells: string[] }

/**
 * Excel's ="…" (a formula that keeps leading zeros and dates as typed) → its text, with "" read as ". Blanks around it
 * (a space after the comma, or after the closing quote of "=""000123""") are not part of it. A cell that a CSV export
 * defused with an apostrophe ('=…, '+…, '-…, '@…: how the catalogue element's export, and others, keep a spreadsheet
 * from running it as a formula) is read without the apostrophe.
 */
const unwrapExcelText = (cell: string) => {
  const m = /^[ \t]*="((?:[^"]|"")*)"[ \t]*$/s.exec(cell);
  return m ? m[1]!.replace(/""/g, '"') : /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
};

/**
 * The separator the header line uses most (outside quotes): comma, tab or semicolon. Lines without any (a sheet title
 * above the header, saved as text without the padding separators) are passed over.
 */
export function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  const best = () => {
    let b = ',';
    for (const c of ['\t', ';']) if (counts[c]! > counts[b]!) b = c;
    return b;
  };
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (counts[',']! + counts['\t']! + counts[';']! > 0) return best();
    } else if (!quoted && c in counts) counts[c]!++;
  }
  return best();
}

/** Yields the records of a CSV text. `problems` receives unterminated quotes. */
export function* readCsv(text: string, separator = detectSeparator(text), problems: string[] = []): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  const sep = separator.charCodeAt(0);
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i >= n) { cells.push(cell); break; }
      let c = text[i]!;
      if (c === '"' && cell.trim() === '') {
        // Quoted cell (leading blanks before the quote are dropped, as spreadsheets do).
        cell = '';
        i++;
        let closed = false;
        while (i < n) {
          c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' || c === '\n') {
            line++;
            cell += '\n';
            i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
            continue;
          }
          // The characters up to the next quote or line break, at once (not one by one: that makes a string a time).
          let j = i + 1;
          for (let d = text.charCodeAt(j); j < n && d !== 34 && d !== 10 && d !== 13; d = text.charCodeAt(++j));
          cell += text.slice(i, j);
          i = j;
        }
        if (!closed) problems.push(`line ${start}: a quoted cell is not closed before the end of the file`);
        // Anything between the closing quote and the separator is kept (lenient).
        while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
        continue;
      }
      if (c === separator) { cells.push(cell); cell = ''; i++; continue; }
      if (c === '\r' || c === '\n') {
        cells.push(cell);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
        continue;
      }
      // The characters up to the next separator or line break, at once, taken from the text (a view into it where long
      // enough, not a copy); a quote after blanks only starts a quoted cell.
      let j = i + 1;
      for (let d = text.charCodeAt(j); j < n && d !== sep && d !== 10 && d !== 13; d = text.charCodeAt(++j)) {
        if (d === 34 && (cell + text.slice(i, j)).trim() === '') break;
      }
      cell += text.slice(i, j);
      i = j;
    }
    yield { line: start, cells: cells.map((x) => unwrapExcelText(x.replace(/\r\n?/g, '\n'))) };
  }
}

/** True for a record with no content (a blank line, or only separators). */
export const isBlankRecord = (r: CsvRecord) => r.cells.every((c) => c.trim() === '');
