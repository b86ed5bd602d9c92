/** CSV for spreadsheets: UTF-8 with BOM (Excel then reads 汉字 correctly), CRLF rows, every cell quoted. */

/**
 * One cell. Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return,
 * also after leading spaces, or their full-width forms) is prefixed with an apostrophe (OWASP "CSV injection").
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) || /^[\t\r\n]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + rows.map(csvRow).join('');
}
