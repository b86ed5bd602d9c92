// Builds every distributable:
//   dist/disclosure-elements.js          one classic script (IIFE) registering every element, Lit bundled in
//   dist/disclosure-elements.esm.js      the same as an ES module
//   dist/disclosure-elements.charts.js   chart code, fetched only by pages that use <annual-stats>
//   dist/npm/*.js                        per-element ES modules for bundlers, Lit and chart.js left external
//   dist/types/*.d.ts                    type declarations
//   dist/cdn/*, dist/disclosure-elements.autoload.js   code-split set + autoloader (only the elements a page uses)
//   dist/cli/disclosure-elements.mjs     the command-line tool (npx disclosure-elements …)
//   schema/*.schema.json                 JSON Schema of the feeds
//   custom-elements.json                 the Custom Elements Manifest (IDE support, Storybook docs)
//   dist/vscode.html-custom-data.json    VS Code custom data
import { build } from 'vite';
import { rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { mangleProps } from './mangle-props.mjs';
import { safeBuiltins } from './safe-builtins.mjs';
import { litErrors } from './lit-errors.mjs';
import { SAFE_GLOBALS } from './safe-globals.mjs';
import { minifyHtmlLiterals } from './minify-html-literals.mjs';
import { buildCdnSplit, chunkNames } from './build-cdn-split.mjs';
import { makeAsciiOnly } from './ascii-only.mjs';
import { writeVscodeData } from './vscode-data.mjs';
import { buildCli } from './build-cli.mjs';
import { generateSchemas } from './build-schemas.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const quiet = { logLevel: 'warn', configFile: false, root, plugins: [minifyCssLiterals()] };
const base = { target: 'es2022', sourcemap: true, emptyOutDir: false, copyPublicDir: false, minify: true };

/** npm entry points: one per element (the names are package.json "exports"). */
export const NPM_ENTRIES = {
  index: 'src/index.ts',
  provider: 'src/provider.ts',
  catalogue: 'src/catalogue.ts',
  ...(existsSync('src/annual-stats.ts') ? { 'annual-stats': 'src/annual-stats.ts' } : {}),
  ...(existsSync('src/request-form.ts') ? { 'request-form': 'src/request-form.ts' } : {}),
  ...(existsSync('src/request-status.ts') ? { 'request-status': 'src/request-status.ts' } : {}),
};

rmSync('dist', { recursive: true, force: true });

// The command-line tool (dist/cli/) and the published JSON Schema files (schema/), both from src/schema/shapes.ts.
await buildCli();
await generateSchemas();

await build({
  ...quiet,
  build: {
    ...base,
    outDir: 'dist/npm',
    minify: false,
    lib: { entry: NPM_ENTRIES, formats: ['es'], fileName: (_f, name) => `${name}.js` },
    rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^chart\.js($|\/)/], output: { chunkFileNames: chunkNames() } },
  },
});

// In the CDN builds the chart loader fetches dist/disclosure-elements.charts.js by URL instead of bundling chart.js.
const cdnChartLoader = {
  name: 'cdn-chart-loader',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (importer && /annual-stats[\\/]annual-stats\.ts$/.test(importer) && source === './load-charts.js') {
      return fileURLToPath(new URL('../src/elements/annual-stats/load-charts.cdn.ts', import.meta.url));
    }
    return null;
  },
};

// The classic script runs only once per page: a second copy (the same file twice, or another version) hands its
// script tag to the first (src/cdn.ts) and evaluates nothing else. A top-level block, so `var DisclosureElements`
// stays global.
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;
const LOADED_GUARD = {
  banner: 'if(!globalThis[Symbol.for("disclosure-elements.loaded")]){',
  footer: `}else globalThis[Symbol.for("disclosure-elements.loaded")](document.currentScript,${JSON.stringify(VERSION)});`,
};

for (const format of ['iife', 'es']) {
  await build({
    ...quiet,
    plugins: [minifyCssLiterals(), cdnChartLoader, minifyHtmlLiterals(), mangleProps(), safeBuiltins(), litErrors()],
    // A classic script has no import.meta: its base URL is document.currentScript's (src/cdn.ts), and the module-only
    // branch never runs. Saying so also spares every build two EMPTY_IMPORT_META warnings.
    define: { 'process.env.NODE_ENV': '"production"', ...(format === 'iife' ? { 'import.meta.url': 'undefined' } : {}) },
    build: {
      ...base,
      outDir: 'dist',
      lib: {
        entry: 'src/cdn.ts',
        name: 'DisclosureElements',
        formats: [format],
        fileName: () => (format === 'iife' ? 'disclosure-elements.js' : 'disclosure-elements.esm.js'),
      },
      // One file each: the locale and provider chunks that dist/cdn/ splits off are inlined. Fully minified (Vite
      // keeps whitespace and comments in ES libraries, for bundlers; this file is final).
      rolldownOptions: {
        transform: { inject: SAFE_GLOBALS },
        output: { codeSplitting: false, minify: true, comments: false, ...(format === 'iife' ? LOADED_GUARD : {}) },
      },
    },
  });
  // A classic script is read in the page's charset when the server names none (a GB2312 CMS page): ASCII reads alike
  // in all of them (scripts/ascii-only.mjs). An ES module is always read as UTF-8.
  if (format === 'iife') makeAsciiOnly('dist/disclosure-elements.js');
}

if (existsSync('src/elements/annual-stats/charts.ts')) {
  await build({
    ...quiet,
    plugins: [minifyCssLiterals(), mangleProps(), safeBuiltins(), litErrors()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      ...base,
      outDir: 'dist',
      lib: { entry: 'src/elements/annual-stats/charts.ts', formats: ['es'], fileName: () => 'disclosure-elements.charts.js' },
      rolldownOptions: { transform: { inject: SAFE_GLOBALS }, output: { minify: true, comments: false } },
    },
  });
}

// Type declarations for the npm entry points.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// Custom Elements Manifest.
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement',
  '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--quiet'], { stdio: 'inherit' });

// The code-split CDN set (dist/cdn/) and the autoloader that loads only the elements a page uses.
await buildCdnSplit();
// VS Code custom data from the manifest.
writeVscodeData();

const sizes = ['dist/disclosure-elements.js', 'dist/disclosure-elements.esm.js', 'dist/disclosure-elements.charts.js']
  .filter(existsSync)
  .map((f) => `${f} ${(readFileSync(f).length / 1024).toFixed(1)} KiB`);
console.log(`build: done\n  ${sizes.join('\n  ')}`);
