/** CSV that opens correctly in Excel and WPS (UTF-8 BOM, CRLF) and cannot smuggle formulas into a spreadsheet. */

/** Quotes a cell when needed, and defuses cells a spreadsheet would run as a formula (=, +, -, @, tab, CR). */
export function csvCell(value: unknown): string {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Offers text as a file download: a Blob URL, so it works under a strict Content-Security-Policy. The page's own URL
 * object makes it, as the one src/core/realm.ts may take from a removed iframe makes empty Blob URLs; a page whose own
 * `var URL = '…'` hides that object gets a data: URL instead. The link is clicked out of the page: an old CMS page's
 * "external link warning" (jQuery's `$(document).on('click', 'a', …)`) stopped its click there, and asked about a
 * blob: link leaving the site, instead of the download.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const page: Partial<typeof URL> | undefined = window.URL;
  const blob = page?.createObjectURL;
  const url = blob ? blob(new Blob([text], { type })) : `data:${type},${encodeURIComponent(text)}`;
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  if (blob) setTimeout(() => page!.revokeObjectURL!(url), 10000);
}
