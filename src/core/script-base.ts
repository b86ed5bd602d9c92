/**
 * Where the library's own script was loaded from, so companion files (the chart chunk) are fetched from beside it
 * whatever page includes it. Captured when the script first runs: `document.currentScript` is only set then, and only
 * for classic scripts; an ES module build passes its `import.meta.url` instead.
 */
let base: string | undefined;

export function setScriptBase(url: string | undefined | null): void {
  if (url && !base) base = url;
}

export function scriptBase(): string {
  return base ?? document.baseURI;
}
