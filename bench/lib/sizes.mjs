// Gzip sizes per element, of exactly what ships in dist/cdn/: the same Vite config (scripts/build-cdn-split.mjs,
// cdnBuildConfig), built again into the bench's cache. That config puts Lit + the shared core in one `runtime` chunk
// and every locale's strings in their own chunk, so each figure is a set of real files a page downloads.
import { build } from 'vite';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CDN_ENTRIES, cdnBuildConfig } from '../../scripts/build-cdn-split.mjs';

export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
export const kib = (bytes) => (bytes == null ? null : Math.round((bytes / 1024) * 100) / 100);

export const LOCALES = ['zh-CN', 'en'];
/**
 * The locale of a locale chunk, null for any other chunk. The English words of US and UK FOIA forms
 * (`locale-en-foia-*`, src/locales/en/foia.ts) are not a locale's strings: a page loads them only for such a form shown
 * in English, so they are listed with the chunks loaded later, as the chart chunk is.
 */
const localeOf = (file) => /locale-(zh-CN|en)-(?!foia-)/.exec(file)?.[1] ?? null;

/**
 * @param {{ root: string, outDir: string }} options
 * @returns the per-chunk sizes and the figures the budgets are about.
 */
export async function measureSizes({ root, outDir }) {
  const notes = [];
  const missing = Object.entries(CDN_ENTRIES).filter(([, f]) => !existsSync(join(root, f))).map(([n]) => n);
  const config = cdnBuildConfig({ outDir, sourcemap: false });
  config.logLevel = 'silent';
  config.build.emptyOutDir = true;
  const result = await build(config);
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = new Map();
  for (const o of outputs) {
    if (o.type !== 'chunk') continue;
    chunks.set(o.fileName, {
      file: o.fileName,
      isEntry: o.isEntry,
      name: o.name,
      imports: o.imports,
      dynamicImports: o.dynamicImports,
      modules: Object.keys(o.modules),
      // Bytes each module contributes before minification, largest first (to see where a chunk's weight is).
      breakdown: Object.entries(o.modules)
        .map(([id, m]) => ({ module: id.replace(root, '').replace(/^[\\/]/, ''), bytes: m.renderedLength }))
        .filter((m) => m.bytes > 0)
        .sort((a, b) => b.bytes - a.bytes),
      bytes: Buffer.byteLength(o.code),
      gzip: gzipSize(Buffer.from(o.code)),
    });
  }
  const runtimeChunks = [...chunks.values()].filter((c) => c.name === 'runtime' && !c.isEntry).map((c) => c.file);
  if (!runtimeChunks.length) throw new Error('size build: no runtime chunk was produced (code-splitting group not applied?)');
  const entryFile = (name) => [...chunks.values()].find((c) => c.isEntry && c.name === name)?.file;

  /** Static-import closure of some chunk files. */
  const closure = (files) => {
    const seen = new Set();
    const stack = [...files];
    while (stack.length) {
      const f = stack.pop();
      if (seen.has(f) || !chunks.has(f)) continue;
      seen.add(f);
      stack.push(...chunks.get(f).imports);
    }
    return [...seen];
  };
  const sum = (files) => files.reduce((a, f) => a + chunks.get(f).gzip, 0);
  /** Locale chunks the given static files import dynamically, for one locale. */
  const localeChunks = (files, locale) =>
    [...new Set(files.flatMap((f) => chunks.get(f).dynamicImports))].filter((d) => localeOf(d) === locale);
  /**
   * What a page in `locale` downloads for `files`: the files, plus the strings of that locale they load. The figure
   * is the larger of the two locales (a page shows one language; switching loads the other).
   */
  const perLocale = (files) => {
    const byLocale = Object.fromEntries(LOCALES.map((l) => {
      const all = [...files, ...localeChunks(files, l)];
      return [l, { files: all, gzip: sum(all) }];
    }));
    const worst = LOCALES.reduce((a, l) => (byLocale[l].gzip > byLocale[a].gzip ? l : a), LOCALES[0]);
    return { ...byLocale[worst], locale: worst, byLocale };
  };
  /** What the given entries add on top of the runtime, and which chunks they can load later (not locales). */
  const onTop = (entryNames) => {
    const statics = closure(entryNames.map(entryFile)).filter((f) => !runtimeChunks.includes(f));
    const figure = perLocale(statics);
    figure.lazy = [...new Set(statics.flatMap((f) => chunks.get(f).dynamicImports))].filter((d) => !localeOf(d));
    return figure;
  };

  const has = (n) => !missing.includes(n);
  const figures = {
    runtime: perLocale(closure(runtimeChunks)),
    provider: has('provider') ? onTop(['provider']) : null,
    catalogue: has('catalogue') ? onTop(['catalogue']) : null,
    'annual-stats': has('annual-stats') ? onTop(['annual-stats']) : null,
    charts: null,
    'request-form + request-status':
      has('request-form') || has('request-status') ? onTop(['request-form', 'request-status'].filter(has)) : null,
  };
  const chartFiles = [...chunks.values()].filter((c) => c.modules.some((m) => /node_modules[\\/]chart\.js[\\/]/.test(m))).map((c) => c.file);
  if (chartFiles.length) figures.charts = { files: chartFiles, gzip: sum(chartFiles) };
  if (has('annual-stats') && figures['annual-stats'].files.some((f) => chartFiles.includes(f))) {
    notes.push('chart.js is statically imported by <annual-stats> (it should be loaded only when needed)');
  }
  return { chunks: [...chunks.values()], figures, missing, notes };
}
