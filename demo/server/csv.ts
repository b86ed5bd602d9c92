/** CSV for spreadsheets: UTF-8 with BOM (Excel then reads 汉字 correctly), CRLF rows, every cell quoted. */

/**
 * Text without Unicode's bidirectional controls (embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069;
 * marks U+200E, U+200F, U+061C), which would make a name, a description or a note show reordered, with the text after
 * it, to staff and applicants ("Trojan Source"). The same property (Bidi_Control) as the browser elements drop from
 * every feed and answer they read (parseJson, src/core/json.ts).
 */
export const withoutBidi = (s: string): string => s.replace(/\p{Bidi_C}/gu, '');

/**
 * One cell, without bidirectional controls (also those stored before they were dropped, and one in front of a formula). Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return,
 * also after leading spaces, or their full-width forms) is prefixed with an apostrophe (OWASP "CSV injection").
 */
export function csvCell(value: unknown): string {
  let s = withoutBidi(value === null || value === undefined ? '' : String(value));
  if (/^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) || /^[\t\r\n]/.test(s)) s = `'${s}`;
  else if (FRAGILE_NUMBER.test(s)) s = `\t${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Digits that Excel and WPS would read as a number and damage: 12 or more (an 18-digit ID number is shown as
 * 3.60426E+17 and keeps only 15 digits; the last three become 000) or a leading 0 (postcodes such as 010010, phone
 * numbers). Quoting does not stop them; a tab in front does, the usual remedy in Chinese agencies' exports.
 */
const FRAGILE_NUMBER = /^(?:\d{12,}[\dXx]?|0\d+)$/;

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + rows.map(csvRow).join('');
}
