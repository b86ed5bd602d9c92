// Gzip sizes per element. A dedicated Vite (rolldown) build, separate from scripts/build.mjs: one entry per element plus
// a `runtime` entry (bench/entries/runtime.ts), and a code-splitting group that puts Lit + the shared core in one
// `runtime` chunk, so every other chunk holds only what its element(s) add on top of the runtime.
import { build } from 'vite';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
export const kib = (bytes) => (bytes == null ? null : Math.round((bytes / 1024) * 100) / 100);

/** Candidate entries; the ones whose source does not exist yet are reported as "not built yet". */
const ELEMENT_ENTRIES = {
  provider: 'src/provider.ts',
  catalogue: 'src/catalogue.ts',
  'annual-stats': 'src/annual-stats.ts',
  'request-form': 'src/request-form.ts',
  'request-status': 'src/request-status.ts',
  charts: 'src/elements/annual-stats/charts.ts',
};

// The shared runtime is what every element loads whatever else it does: Lit, the core, safe registration, and
// <disclosure-provider> (every element's entry registers it, so a page never loads an element without it).
const RUNTIME_TEST = /node_modules[\\/](lit|@lit|lit-html|lit-element)[\\/]|src[\\/]core[\\/]|src[\\/]define\.ts|src[\\/]version\.ts|src[\\/]locales[\\/]core\.ts|src[\\/]provider\.ts|src[\\/]elements[\\/]disclosure-provider[\\/]/;

/**
 * @param {{ root: string, outDir: string }} options
 * @returns the per-chunk sizes and the figures the budgets are about.
 */
export async function measureSizes({ root, outDir }) {
  const notes = [];
  const input = { runtime: join(root, 'bench/entries/runtime.ts') };
  const missing = [];
  for (const [name, file] of Object.entries(ELEMENT_ENTRIES)) {
    if (existsSync(join(root, file))) input[name] = join(root, file);
    else missing.push(name);
  }
  // Keep the runtime entry honest when the core grows.
  const runtimeSrc = readFileSync(input.runtime, 'utf8');
  for (const f of readdirSync(join(root, 'src/core'))) {
    if (f.endsWith('.ts') && !f.endsWith('.test.ts') && !runtimeSrc.includes(`src/core/${f.replace(/\.ts$/, '.js')}`)) {
      notes.push(`bench/entries/runtime.ts does not re-export src/core/${f}; its exports used by no element are not counted`);
    }
  }

  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    // The same CSS-literal minification as the real builds (scripts/build.mjs).
    plugins: [minifyCssLiterals()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      write: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input,
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunk-[name].js',
          codeSplitting: { groups: [{ name: 'runtime', test: RUNTIME_TEST }] },
        },
      },
    },
  });
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
  // The code-splitting group's chunk (the `runtime` entry chunk is only a facade re-exporting it).
  for (const c of chunks.values()) {
    const helper = c.breakdown.find((b) => /preload-helper/.test(b.module));
    if (helper) {
      notes.push(`${c.file} includes Vite's app-build preload helper for a dynamic import (${helper.bytes} B before minification; ` +
        'the dist builds, in library mode, do not have it)');
    }
  }
  const runtimeChunks = [...chunks.values()].filter((c) => c.name === 'runtime' && !c.isEntry).map((c) => c.file);
  if (!runtimeChunks.length) throw new Error('size build: no runtime chunk was produced (code-splitting group not applied?)');

  /** Static-import closure of some entry chunks. */
  const closure = (entryNames) => {
    const seen = new Set();
    const stack = entryNames.map((n) => `${n}.js`);
    while (stack.length) {
      const f = stack.pop();
      if (seen.has(f) || !chunks.has(f)) continue;
      seen.add(f);
      stack.push(...chunks.get(f).imports);
    }
    return [...seen];
  };
  /** Gzip of what the given entries add on top of the runtime: every chunk they statically load, minus the runtime. */
  const onTop = (entryNames) => {
    const files = closure(entryNames).filter((f) => !runtimeChunks.includes(f));
    return { files, gzip: files.reduce((a, f) => a + chunks.get(f).gzip, 0) };
  };
  const runtimeFiles = closure(['runtime']);
  const runtime = { files: runtimeFiles, gzip: runtimeFiles.reduce((a, f) => a + chunks.get(f).gzip, 0) };

  const has = (n) => Boolean(input[n]);
  const figures = {
    runtime,
    catalogue: has('catalogue') ? onTop(['catalogue']) : null,
    'annual-stats': has('annual-stats') ? onTop(['annual-stats']) : null,
    charts: null,
    'request-form + request-status':
      has('request-form') || has('request-status') ? onTop(['request-form', 'request-status'].filter(has)) : null,
  };
  // The chart chunk: the charts entry when it exists, else any chunk that bundles chart.js.
  const chartChunk = has('charts')
    ? { files: closure(['charts']).filter((f) => !runtimeChunks.includes(f)) }
    : { files: [...chunks.values()].filter((c) => c.modules.some((m) => /node_modules[\\/]chart\.js[\\/]/.test(m))).map((c) => c.file) };
  if (chartChunk.files.length) figures.charts = { files: chartChunk.files, gzip: chartChunk.files.reduce((a, f) => a + chunks.get(f).gzip, 0) };
  if (has('annual-stats')) {
    const inlined = closure(['annual-stats']).some((f) => chunks.get(f).modules.some((m) => /node_modules[\\/]chart\.js[\\/]/.test(m)));
    if (inlined) notes.push('chart.js is statically imported by <annual-stats> (it should be loaded by URL only when needed)');
  }
  if (has('request-form') !== has('request-status')) {
    notes.push(`only ${has('request-form') ? 'request-form' : 'request-status'} exists; the request figure covers that one alone`);
  }
  return { chunks: [...chunks.values()], figures, missing, notes };
}
