// The benchmark: `npm run bench` (node bench/run.mjs). See bench/README.md.
//
//   node bench/run.mjs                 everything (about 2–4 minutes on 2 cores)
//   node bench/run.mjs --quick         3 runs at 10k, 2 at 100k, 3 annual (a smoke check of the bench itself)
//   node bench/run.mjs --only=sizes    only the gzip sizes (also: --only=catalogue, --only=annual)
//   node bench/run.mjs --build         run `node scripts/build.mjs` first even when dist/ exists
//
// Budgets are reported, not asserted: the exit code is 0 when every measurement ran, whatever the figures
// ("BUDGET MISSED: …" lines say which ones are over), and 1 only when the bench itself broke.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSize, kib, measureSizes } from './lib/sizes.mjs';
import { ensureFeed } from './lib/feeds.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const CACHE = join(root, 'node_modules/.cache/bench');
const SITE = join(CACHE, 'site');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (part) => !only || only.includes(part);

const QUERIES = ['防汛', '君政发〔2013〕', '农业 通知', '教育'];
const SIZES = [
  { count: 10_000, runs: quick ? 3 : 7, budgets: { firstRows: 150, search: 50 } },
  { count: 100_000, runs: quick ? 2 : 5, budgets: { search: 200 } },
];
const ANNUAL_RUNS = quick ? 3 : 7;
const BUDGET_KIB = { runtime: 12, catalogue: 14, 'annual-stats': 14, charts: 60, 'request-form + request-status': 16 };

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
  options: { quick, only: only ?? null, queries: QUERIES },
  sizes: null,
  catalogue: {},
  annualStats: null,
  requests: {},
  budgets: [],
  notBuilt: [],
  warnings: [],
  errors: [],
};
const log = (...a) => console.log(...a);
const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const ms = (x) => (x == null ? '—' : x < 10 ? x.toFixed(1) : String(Math.round(x)));
const warn = (msg) => { results.warnings.push(msg); log(`  warning: ${msg}`); };
const notBuilt = (what) => { results.notBuilt.push(what); log(`  ${what}: not built yet`); };
const fail = (section, error) => {
  const message = error?.stack ?? String(error);
  results.errors.push({ section, message: String(error?.message ?? error) });
  console.error(`BENCH ERROR in ${section}: ${message}`);
};

/** A budget row: `value` against `limit` (≤), and/or ours/theirs < 1. */
function budget(row) {
  const problems = [];
  if (row.limit != null && (row.value == null || row.value > row.limit)) {
    const v = row.value == null ? 'no figure' : `${row.unit === 'KiB' ? row.value.toFixed(2) : ms(row.value)} ${row.unit}`;
    problems.push(`${row.metric}: ${v} > ${row.limit} ${row.unit}`);
  }
  if (row.ratio !== undefined && (row.ratio == null || !(row.ratio < 1))) {
    problems.push(`${row.metric}: ours/DataTables = ${row.ratio == null ? 'n/a' : row.ratio.toFixed(2)} (must be < 1)`);
  }
  results.budgets.push({ ...row, pass: problems.length === 0, problems });
}

// ---------------------------------------------------------------------------------------------------------------- dist
const SRC_ENTRIES = ['src/catalogue.ts', 'src/provider.ts', 'src/annual-stats.ts', 'src/request-form.ts', 'src/request-status.ts'];
function newestSrc(dir = 'src') {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSrc(p) : statSync(p).mtimeMs);
  }
  return newest;
}
function ensureDist() {
  const classic = 'dist/disclosure-elements.js';
  if (!existsSync(classic) || argv.includes('--build')) {
    log(`building dist/ (node scripts/build.mjs)…`);
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  } else if (newestSrc() > statSync(classic).mtimeMs) {
    warn('dist/ is older than src/ — the browser figures are for the last build (run with --build to rebuild first)');
  }
  for (const f of SRC_ENTRIES) if (!existsSync(f)) notBuilt(`${f}`);
}

/**
 * A private copy of what the pages load, so a colleague rebuilding dist/ (which deletes it first) in the middle of
 * the bench cannot break a run. Generated feeds live in SITE/feeds and are kept between runs.
 */
function snapshotSite() {
  for (const d of ['dist', 'bench', 'node_modules', 'demo']) rmSync(join(SITE, d), { recursive: true, force: true });
  cpSync('dist', join(SITE, 'dist'), { recursive: true, filter: (src) => !/[\\/](storybook|types)$/.test(src) && !src.endsWith('.map') });
  cpSync('bench/pages', join(SITE, 'bench/pages'), { recursive: true });
  cpSync('node_modules/datatables.net/js', join(SITE, 'node_modules/datatables.net/js'), { recursive: true });
  const dtCss = 'node_modules/datatables.net-dt/css';
  if (existsSync(dtCss)) cpSync(dtCss, join(SITE, 'node_modules/datatables.net-dt/css'), { recursive: true });
  cpSync('demo/feeds/annual', join(SITE, 'demo/feeds/annual'), { recursive: true });
  return existsSync(dtCss) ? '/node_modules/datatables.net-dt/css/dataTables.dataTables.min.css' : null;
}

// --------------------------------------------------------------------------------------------------------------- sizes
async function runSizes() {
  log('\n== gzip sizes (node:zlib level 9) of the code-split CDN set, built as dist/cdn/ ships; see bench/lib/sizes.mjs ==');
  const r = await measureSizes({ root, outDir: join(CACHE, 'sizes') });
  const dist = {};
  for (const f of ['dist/disclosure-elements.js', 'dist/disclosure-elements.esm.js', 'dist/disclosure-elements.charts.js']) {
    dist[f] = existsSync(f) ? { bytes: statSync(f).size, gzip: gzipSize(readFileSync(f)) } : null;
  }
  results.sizes = { chunks: r.chunks.map(({ modules, ...c }) => ({ ...c, breakdown: c.breakdown.slice(0, 15) })), figures: r.figures, dist, notes: r.notes };
  for (const n of r.notes) warn(n);
  log('  chunks:');
  for (const c of r.chunks) log(`    ${c.file.padEnd(40)} ${String(c.bytes).padStart(7)} B   gzip ${String(c.gzip).padStart(6)} B`);
  const rows = [
    ['shared runtime (Lit + core + its strings)', 'runtime'],
    ['<disclosure-catalogue> on top of runtime', 'catalogue'],
    ['<annual-stats> on top of runtime', 'annual-stats'],
    ['chart chunk (chart.js), loaded by annual-stats', 'charts'],
    ['request-form + request-status on top', 'request-form + request-status'],
    ['<disclosure-provider> on top (no budget)', 'provider'],
  ];
  log('\n  Each figure is what a page downloads, in the language that costs more (zh-CN and en figures after it);');
  log('  "later" lists chunks loaded only when a feature is used (not counted).');
  log(`\n  ${'what'.padEnd(46)} ${'gzip KiB'.padStart(9)}   budget      result   zh-CN / en      files`);
  for (const [label, key] of rows) {
    const f = r.figures[key];
    const limit = BUDGET_KIB[key];
    if (!f) {
      log(`  ${label.padEnd(46)} ${'—'.padStart(9)}   ${limit ? `≤ ${String(limit).padEnd(4)} KiB` : ''}  not built yet`);
      continue;
    }
    const v = kib(f.gzip);
    if (limit) budget({ metric: `gzip ${label}`, value: v, limit, unit: 'KiB' });
    const loc = f.byLocale ? `${kib(f.byLocale['zh-CN'].gzip).toFixed(2)} / ${kib(f.byLocale.en.gzip).toFixed(2)}` : '—';
    log(`  ${label.padEnd(46)} ${v.toFixed(2).padStart(9)}   ${limit ? `≤ ${String(limit).padEnd(4)} KiB` : '         '}  ${limit ? (v <= limit ? 'pass' : 'FAIL') : '    '}     ${loc.padEnd(15)} ${f.files.join(' + ')}` +
      `${f.lazy?.length ? `; later: ${f.lazy.join(', ')}` : ''}`);
  }
  for (const [f, s] of Object.entries(dist)) {
    log(`  ${f.padEnd(46)} ${s ? kib(s.gzip).toFixed(2).padStart(9) : '—'.padStart(9)}   (whole file, ${s ? `${kib(s.bytes).toFixed(1)} KiB raw` : 'not built yet'})`);
  }
  const rt = r.chunks.find((c) => c.name === 'runtime' && !c.isEntry);
  if (rt) log(`  largest modules in the runtime chunk (before minification): ${rt.breakdown.slice(0, 6).map((b) => `${b.module.replace(/^node_modules[\\/]/, '')} ${(b.bytes / 1024).toFixed(1)}K`).join(', ')}`);
}

// ------------------------------------------------------------------------------------------------------------- browser
async function launch() {
  const { findChrome, chromeArgs } = await import('../scripts/chrome.mjs');
  const { chromium } = await import('playwright-core');
  const executablePath = findChrome();
  if (!executablePath) throw new Error('no Chrome/Chromium found (set CHROME_PATH); the bench never downloads a browser');
  const browser = await chromium.launch({ executablePath, headless: true, args: chromeArgs });
  results.machine.browser = `${executablePath} ${browser.version()}`;
  return browser;
}

/** Opens `path` in a fresh context, recording every request URL. */
async function open(browser, baseUrl, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
  return { page, requests, errors, close: () => context.close() };
}

async function oneCatalogueRun(browser, baseUrl, lib, feedUrl, dtCss) {
  const path = lib === 'ours'
    ? `/bench/pages/catalogue.html?feed=${encodeURIComponent(feedUrl)}`
    : lib === 'floor' ? `/bench/pages/floor.html?feed=${encodeURIComponent(feedUrl)}`
    : `/bench/pages/datatables.html?feed=${encodeURIComponent(feedUrl)}${dtCss ? `&css=${encodeURIComponent(dtCss)}` : ''}`;
  const tab = await open(browser, baseUrl, path);
  try {
    await tab.page.waitForFunction(() => window.bench && (window.bench.firstRowsPromise || window.bench.error), null, { timeout: 30000 });
    const first = await tab.page.evaluate(() => window.bench.firstRows());
    const searches = [];
    const clears = [];
    // (The floor page has no search box.)
    for (const q of lib === 'floor' ? [] : QUERIES) {
      const s = await tab.page.evaluate((query) => window.bench.search(query), q);
      searches.push({ query: q, ...s });
      clears.push(await tab.page.evaluate(() => window.bench.search('')));
    }
    if (tab.errors.length) throw new Error(`page errors: ${tab.errors.join(' | ')}`);
    return { ...first, searches, clears, requests: tab.requests };
  } finally {
    await tab.close();
  }
}

async function runCatalogue(browser, baseUrl, dtCss) {
  for (const { count, runs, budgets } of SIZES) {
    log(`\n== catalogue, ${count.toLocaleString('en')} items: ${runs} runs each, fresh page per run ==`);
    const { file, generated } = await ensureFeed({ root, cacheDir: join(SITE, 'feeds'), count });
    const feedUrl = `/${relative(SITE, file).split(/[\\/]/).join('/')}`;
    log(`  feed ${feedUrl} (${(statSync(file).size / 1e6).toFixed(1)} MB${generated ? ', generated now' : ''})`);
    const per = { ours: [], datatables: [], floor: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate which library goes first, so drift on a busy machine hits both alike; the floor page between them.
      const order = i % 2 ? ['datatables', 'floor', 'ours'] : ['ours', 'floor', 'datatables'];
      for (const lib of order) {
        const r = await oneCatalogueRun(browser, baseUrl, lib, feedUrl, dtCss);
        per[lib].push(r);
        if (lib === 'ours') {
          const charts = r.requests.filter((u) => /charts/.test(u));
          results.requests.catalogueChartRequests = [...(results.requests.catalogueChartRequests ?? []), ...charts];
        }
      }
      const f = (lib) => per[lib].at(-1);
      log(`  run ${i + 1}/${runs}: first rows ours ${ms(f('ours').firstRows)} ms, DataTables ${ms(f('datatables').firstRows)} ms; ` +
        `search ours ${f('ours').searches.map((s) => ms(s.ms)).join('/')} ms, DataTables ${f('datatables').searches.map((s) => ms(s.ms)).join('/')} ms; ` +
        `floor ${ms(f('floor').firstRows)} ms`);
    }
    const floor = median(per.floor.map((r) => r.firstRows));
    const summary = {};
    for (const lib of ['ours', 'datatables']) {
      const rs = per[lib];
      summary[lib] = {
        firstRows: median(rs.map((r) => r.firstRows)),
        firstRowsDom: median(rs.map((r) => r.firstRowsDom)),
        // Per run: the median over the queries; then the median over the runs.
        search: median(rs.map((r) => median(r.searches.map((s) => s.ms)))),
        searchDom: median(rs.map((r) => median(r.searches.map((s) => s.domMs)))),
        searchFrame: median(rs.map((r) => median(r.searches.map((s) => s.frameMs)))),
        firstRowsFrame: median(rs.map((r) => r.firstRowsFrame)),
        clear: median(rs.map((r) => median(r.clears.map((s) => s.ms)))),
        perQuery: Object.fromEntries(QUERIES.map((q, k) => [q, { ms: median(rs.map((r) => r.searches[k].ms)), count: rs[0].searches[k].count }])),
        runs: rs.map(({ requests, ...r }) => r),
      };
    }
    results.catalogue[count] = { ...summary, floor: { firstRows: floor, runs: per.floor.map(({ requests, searches, clears, ...r }) => r) } };
    const o = summary.ours;
    const d = summary.datatables;
    const ratio = (a, b) => (a != null && b ? a / b : null);
    budget({ metric: `${count.toLocaleString('en')} items: first rows`, ours: o.firstRows, theirs: d.firstRows, value: o.firstRows,
      limit: budgets.firstRows ?? null, unit: 'ms', ratio: ratio(o.firstRows, d.firstRows) });
    budget({ metric: `${count.toLocaleString('en')} items: search update`, ours: o.search, theirs: d.search, value: o.search,
      limit: budgets.search ?? null, unit: 'ms', ratio: ratio(o.search, d.search) });
    log('  per query (median ms; result count as each shows it):');
    for (const q of QUERIES) {
      log(`    ${q.padEnd(14)} ours ${ms(o.perQuery[q].ms).padStart(6)}  "${o.perQuery[q].count.slice(0, 40)}"   DataTables ${ms(d.perQuery[q].ms).padStart(6)}  "${d.perQuery[q].count.slice(0, 60)}"`);
    }
    log(`  DOM changed (before style and layout): first rows ours ${ms(o.firstRowsDom)} / DataTables ${ms(d.firstRowsDom)} ms; search ours ${ms(o.searchDom)} / DataTables ${ms(d.searchDom)} ms; clearing the search ours ${ms(o.clear)} / DataTables ${ms(d.clear)} ms`);
    log(`  next frame (rAF, quantized to 16.7 ms): first rows ours ${ms(o.firstRowsFrame)} / DataTables ${ms(d.firstRowsFrame)} ms; search ours ${ms(o.searchFrame)} / DataTables ${ms(d.searchFrame)} ms`);
    log(`  the floor (bench/pages/floor.html: the feed's body read as ours reads it, JSON.parse, 20 plain <li>; no widget): first rows ${ms(floor)} ms; ` +
      `ours above it ${ms(o.firstRows - floor)} ms, DataTables above it ${ms(d.firstRows - floor)} ms`);
  }
}

// ------------------------------------------------------------------------------------------------------- annual-stats
async function runAnnual(browser, baseUrl) {
  log('\n== <annual-stats>, demo/feeds/annual/2022.json ==');
  if (!existsSync('src/annual-stats.ts')) {
    log('  not built yet (src/annual-stats.ts does not exist)');
    return;
  }
  const chartsBuilt = existsSync('dist/disclosure-elements.charts.js');
  const runs = [];
  for (let i = 0; i < ANNUAL_RUNS; i++) {
    const tab = await open(browser, baseUrl, `/bench/pages/annual-stats.html?feed=${encodeURIComponent('/demo/feeds/annual/2022.json')}`);
    try {
      await tab.page.waitForFunction(() => window.bench && (window.bench.firstRowsPromise || window.bench.skip || window.bench.error), null, { timeout: 30000 });
      const skip = await tab.page.evaluate(() => window.bench.skip ?? null);
      if (skip) {
        notBuilt(`${skip} (dist/ predates it, or src/index.ts does not export it yet)`);
        return;
      }
      const tables = await tab.page.evaluate(() => window.bench.firstRows());
      let chart = null;
      let chartError = null;
      try {
        chart = await tab.page.evaluate(async () => (await window.bench.firstChart) - (await window.bench.firstRowsPromise).feedResponseEnd);
      } catch (e) {
        chartError = String(e.message ?? e);
      }
      const chartRequests = tab.requests.filter((u) => /disclosure-elements\.charts\.js/.test(u));
      runs.push({ tables: tables.firstRows, chart, chartError, chartRequests, errors: tab.errors });
      log(`  run ${i + 1}/${ANNUAL_RUNS}: tables ${ms(tables.firstRows)} ms, first chart ${chart == null ? `— (${chartError})` : `${ms(chart)} ms`}` +
        `${tab.errors.length ? `; page errors: ${tab.errors.join(' | ')}` : ''}`);
    } finally {
      await tab.close();
    }
  }
  results.annualStats = { tables: median(runs.map((r) => r.tables)), firstChart: median(runs.map((r) => r.chart)), runs };
  log(`  median: tables shown ${ms(results.annualStats.tables)} ms, first chart drawn ${ms(results.annualStats.firstChart)} ms after the feed response`);
  results.requests.annualLoadsCharts = chartsBuilt ? runs.every((r) => r.chartRequests.length > 0) : null;
  if (!chartsBuilt) notBuilt('dist/disclosure-elements.charts.js');
  else budget({ metric: 'page with <annual-stats> loads disclosure-elements.charts.js', value: results.requests.annualLoadsCharts ? 0 : 1, limit: 0, unit: '' });
  if (runs.some((r) => r.chart == null)) warn('<annual-stats>: no chart was drawn in some runs');
}

// ---------------------------------------------------------------------------------------------------------------- main
function printSummary() {
  const rows = results.budgets.filter((b) => b.ours !== undefined);
  if (rows.length) {
    log('\n== summary: catalogue vs DataTables (medians) ==');
    const head = ['metric', 'ours (ms)', 'DataTables (ms)', 'ours/theirs', 'budget', 'result'];
    const body = rows.map((b) => [b.metric, ms(b.ours), ms(b.theirs), b.ratio == null ? '—' : b.ratio.toFixed(2),
      `${b.limit != null ? `≤ ${b.limit} ms, ` : ''}< 1× DT`, b.pass ? 'pass' : 'FAIL']);
    const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (r) => `  ${r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ')}`;
    log(line(head));
    log(`  ${w.map((n) => '-'.repeat(n)).join('-|-')}`);
    for (const r of body) log(line(r));
  }
  if (results.requests.catalogueChartRequests) {
    const n = results.requests.catalogueChartRequests.length;
    log(`\n  page with only <disclosure-catalogue> requested chart code: ${n ? `YES (${[...new Set(results.requests.catalogueChartRequests)].join(', ')})` : 'no'} — ${n ? 'FAIL' : 'pass'}`);
    budget({ metric: 'page with only <disclosure-catalogue> downloads no chart code', value: n, limit: 0, unit: 'requests' });
  }
  if (results.requests.annualLoadsCharts != null) {
    log(`  page with <annual-stats> loads disclosure-elements.charts.js: ${results.requests.annualLoadsCharts ? 'yes — pass' : 'NO — FAIL'}`);
  }
  if (results.notBuilt.length) log(`\n  not built yet: ${[...new Set(results.notBuilt)].join('; ')}`);
  const missed = results.budgets.filter((b) => !b.pass);
  log('');
  for (const b of missed) for (const p of b.problems) log(`BUDGET MISSED: ${p}`);
  if (!missed.length && results.budgets.length) log('all measured budgets met');
  for (const e of results.errors) log(`BENCH ERROR (${e.section}): ${e.message}`);
}

async function main() {
  log(`disclosure-elements bench — ${results.machine.cpus} CPU(s), Node ${process.version}${quick ? ', --quick' : ''}`);
  mkdirSync(CACHE, { recursive: true });
  try {
    ensureDist();
  } catch (e) {
    // A colleague's half-written source can break the project build; that is not the bench breaking, as long as
    // there is a dist/ to measure (scripts/build.mjs deletes dist/ first, so a failed build may leave none).
    if (!existsSync('dist/disclosure-elements.js')) {
      fail('build', e);
      return;
    }
    warn(`node scripts/build.mjs failed (${String(e.message ?? e).split('\n')[0]}); measuring the dist/ that is there`);
  }
  if (wants('sizes')) {
    try {
      await runSizes();
    } catch (e) {
      fail('sizes', e);
    }
  }
  if (wants('catalogue') || wants('annual')) {
    let browser;
    let server;
    try {
      const dtCss = snapshotSite();
      if (!dtCss) warn('DataTables stylesheet not installed (it ships in datatables.net-dt); the DataTables table is unstyled');
      const { serveStatic } = await import('../scripts/serve.mjs');
      server = await serveStatic({ root: SITE, port: 0 });
      browser = await launch();
      log(`\nbrowser: ${results.machine.browser}`);
      if (wants('catalogue')) {
        try {
          await runCatalogue(browser, server.url, dtCss);
        } catch (e) {
          fail('catalogue', e);
        }
      }
      if (wants('annual')) {
        try {
          await runAnnual(browser, server.url);
        } catch (e) {
          fail('annual-stats', e);
        }
      }
    } catch (e) {
      fail('browser', e);
    } finally {
      await browser?.close();
      await server?.close();
    }
  }
  printSummary();
  const out = join(CACHE, 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nresults: ${relative(root, out)}`);
}

const started = Date.now();
try {
  await main();
} catch (e) {
  fail('bench', e);
}
console.log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = results.errors.length ? 1 : 0;
