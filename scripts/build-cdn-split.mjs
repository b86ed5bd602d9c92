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
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { makeAsciiOnly } from './ascii-only.mjs';
import { mangleProps } from './mangle-props.mjs';
import { safeBuiltins } from './safe-builtins.mjs';
import { litErrors } from './lit-errors.mjs';
import { SAFE_GLOBALS } from './safe-globals.mjs';
import { minifyHtmlLiterals } from './minify-html-literals.mjs';

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

/**
 * Modules every element loads, whatever else it does: Lit, @lit/context's request event (the elements ask for the
 * provider's settings with it, src/core/base.ts), the core, safe registration and the core strings' loader. They go in
 * one `runtime` chunk, cached once for every element of the set; the bench (bench/lib/sizes.mjs) measures the same
 * chunk as "the shared runtime". Left out, so that they go in chunks of the elements that use them: CSV and URL state
 * (catalogue, annual-stats), Lit's directives (none today) and the context provider and consumer controllers (only
 * <disclosure-provider> uses them).
 */
export const RUNTIME_TEST = new RegExp([
  // Lit, but its directives (no element uses one today; one that does should not weigh on every element).
  String.raw`node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/](?!(development[\\/])?(directives[\\/]|directive\.js|directive-helpers\.js|async-directive\.js))`,
  String.raw`node_modules[\\/]@lit[\\/]context[\\/](?!lib[\\/](controllers[\\/]context-(provider|consumer)|decorators[\\/]provide|value-notifier))`,
  String.raw`src[\\/]core[\\/](?!csv\.|url-state\.)`,
  String.raw`src[\\/](define|version)\.ts`,
  String.raw`src[\\/]locales[\\/]core\.ts`,
].join('|'));

/** Chunk file names under `dir`: one per locale module (`locale-en-annual-[hash].js`), else the module's own name. */
export const chunkNames = (dir = '') => (chunk) => {
  const id = chunk.facadeModuleId ?? chunk.moduleIds?.[0] ?? '';
  const m = /src[\\/]locales[\\/](zh-CN|en)[\\/]([\w-]+)\.ts$/.exec(id);
  return `${dir}${m ? `locale-${m[1]}-${m[2]}` : '[name]'}-[hash].js`;
};

/**
 * The Vite config of the CDN set, shared with the size bench so that it measures exactly what ships.
 * Fully minified (Vite leaves whitespace and comments in ES libraries for further bundling; these files are final).
 */
export function cdnBuildConfig({ outDir = `${root}/dist/cdn`, sourcemap = true, write = true } = {}) {
  return {
    logLevel: 'warn',
    configFile: false,
    root,
    plugins: [minifyCssLiterals(), minifyHtmlLiterals(), mangleProps(), safeBuiltins(), litErrors()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      target: 'es2022',
      sourcemap,
      write,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      reportCompressedSize: false,
      outDir,
      lib: { entry: Object.fromEntries(Object.entries(CDN_ENTRIES).map(([k, v]) => [k, `${root}/${v}`])), formats: ['es'] },
      rolldownOptions: {
        transform: { inject: SAFE_GLOBALS },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: chunkNames('chunks/'),
          minify: true,
          comments: false,
          codeSplitting: { groups: [{ name: 'runtime', test: RUNTIME_TEST }] },
        },
      },
    },
  };
}

export async function buildCdnSplit({ outDir = 'dist' } = {}) {
  const quiet = { logLevel: 'warn', configFile: false, root };
  const base = { target: 'es2022', sourcemap: true, emptyOutDir: false, copyPublicDir: false, minify: true };
  const define = { 'process.env.NODE_ENV': '"production"' };
  const cdnDir = `${outDir}/cdn`;
  rmSync(`${root}/${cdnDir}`, { recursive: true, force: true });

  await build(cdnBuildConfig({ outDir: `${root}/${cdnDir}` }));

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

  // A classic script, as dist/disclosure-elements.js: ASCII, whatever the page's charset (scripts/ascii-only.mjs).
  makeAsciiOnly(`${root}/${outDir}/disclosure-elements.autoload.js`);
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
