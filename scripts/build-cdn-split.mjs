// Builds the code-split CDN set and its autoloader (issue 5):
//   dist/cdn/<element>.js                  one ES module per element: catalogue, annual-stats, request-form,
//                                          request-status, provider (Lit and chart.js bundled in, no bare imports)
//   dist/cdn/chunks/*.js                   shared chunks (Lit, core), and the chart chunk, loaded lazily by
//                                          annual-stats through a normal dynamic import (code splitting handles it)
//   dist/disclosure-elements.autoload.js   tiny classic script: loads cdn/<element>.js for the elements on the page
// Called from scripts/build.mjs after dist/ is cleaned (`await buildCdnSplit()`), or run alone:
// `node scripts/build-cdn-split.mjs` (needs nothing else built).
import { build } from 'vite';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The entries of dist/cdn/ (the autoloader maps a tag to `cdn/<name>.js`, `disclosure-` dropped). */
export const CDN_ENTRIES = {
  catalogue: 'src/catalogue.ts',
  'annual-stats': 'src/annual-stats.ts',
  'request-form': 'src/request-form.ts',
  'request-status': 'src/request-status.ts',
  provider: 'src/provider.ts',
};

/** Gzip budget of the autoloader. */
export const AUTOLOAD_BUDGET = 2048;

export async function buildCdnSplit({ outDir = 'dist' } = {}) {
  const quiet = { logLevel: 'warn', configFile: false, root };
  const base = { target: 'es2022', sourcemap: true, emptyOutDir: false, copyPublicDir: false, minify: true };
  const define = { 'process.env.NODE_ENV': '"production"' };
  const cdnDir = `${outDir}/cdn`;
  rmSync(`${root}/${cdnDir}`, { recursive: true, force: true });

  await build({
    ...quiet,
    define,
    build: {
      ...base,
      outDir: cdnDir,
      lib: { entry: Object.fromEntries(Object.entries(CDN_ENTRIES).map(([k, v]) => [k, `${root}/${v}`])), formats: ['es'] },
      rollupOptions: {
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  });

  await build({
    ...quiet,
    define,
    build: {
      ...base,
      outDir,
      lib: {
        entry: `${root}/src/autoload.ts`,
        name: 'DisclosureElementsAutoload',
        formats: ['iife'],
        fileName: () => 'disclosure-elements.autoload.js',
      },
    },
  });

  const autoload = readFileSync(`${root}/${outDir}/disclosure-elements.autoload.js`);
  const gz = gzipSync(autoload, { level: 9 }).length;
  if (gz > AUTOLOAD_BUDGET) throw new Error(`disclosure-elements.autoload.js is ${gz} bytes gzipped, over the ${AUTOLOAD_BUDGET}-byte budget`);
  for (const name of Object.keys(CDN_ENTRIES)) {
    if (!existsSync(`${root}/${cdnDir}/${name}.js`)) throw new Error(`missing ${cdnDir}/${name}.js`);
  }
  return { autoloadGzip: gz };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { autoloadGzip } = await buildCdnSplit();
  console.log(`build-cdn-split: done (autoloader ${autoloadGzip} bytes gzipped)`);
}
