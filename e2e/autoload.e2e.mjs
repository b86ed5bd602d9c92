// End-to-end checks of the embed forms of issue 5 with the built files: the autoloader
// (dist/disclosure-elements.autoload.js) loads only the code of the elements on the page from dist/cdn/, also for
// elements added later and for data-disclosure containers; the single-file script upgrades data-disclosure
// containers and takes the one-tag form (each script tag counts).
// Needs `node scripts/build.mjs` (with the CDN split) first; builds the split itself when it is missing.
// Prints "autoload: N passed, N failed" and writes .autoload-counts.json.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium, requested, suite, watchPage } from './harness.mjs';
import { buildCdnSplit, AUTOLOAD_BUDGET } from '../scripts/build-cdn-split.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const { test, run } = suite('autoload', '.autoload-counts.json');
let server;
let browser;

/** Opens an HTML body (served at /e2e/<name>.html) and records errors, warnings and requests. */
async function open(name, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = watchPage(page, { requestPath: true });
  await page.route(`**/e2e/${name}.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto(`${server.url}/e2e/${name}.html`);
  return { page, log, close: () => context.close() };
}

const waitForShadow = (page, sel, inner, timeout = 15000) =>
  page.waitForFunction(([s, i]) => !!document.querySelector(s)?.shadowRoot?.querySelector(i), [sel, inner], { timeout });

/** The files of dist/cdn/ a cdn entry needs before it runs: itself and its static imports, transitively. */
function staticClosure(entry) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const text = readFileSync(`dist/cdn/${rel}`, 'utf8');
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
    for (const m of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.\.?\/[^"']+)["']/g)) {
      visit(new URL(m[1], `http://x/${dir}`).pathname.slice(1));
    }
  };
  visit(`${entry}.js`);
  return seen;
}

const cdnRequests = (log) => log.requests.filter((p) => p.startsWith('/dist/cdn/')).map((p) => p.slice('/dist/cdn/'.length));

const AUTOLOAD = '<script src="/dist/disclosure-elements.autoload.js"></script>';

test(`the autoloader is a small classic script (≤ ${AUTOLOAD_BUDGET} bytes gzipped)`, () => {
  const code = readFileSync('dist/disclosure-elements.autoload.js');
  const gz = gzipSync(code, { level: 9 }).length;
  assert.ok(gz <= AUTOLOAD_BUDGET, `${gz} bytes gzipped`);
  assert.ok(!/^\s*(import|export)\s/m.test(code.toString()), 'no static import/export: runs as a classic script');
});

test('a page with only <disclosure-catalogue> loads cdn/catalogue.js and its shared chunks, nothing else', async () => {
  const { page, log, close } = await open('autoload-catalogue', `<!DOCTYPE html><html lang="zh-CN"><head>${AUTOLOAD}</head><body>
    <disclosure-catalogue src="/demo/feeds/catalogue.json" no-url-state></disclosure-catalogue>
    <disclosure-catalogue id="second" src="/demo/feeds/catalogue.json" no-url-state page-size="10"></disclosure-catalogue></body></html>`);
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    await page.waitForTimeout(300);
    const loaded = cdnRequests(log);
    assert.equal(loaded.filter((p) => p === 'catalogue.js').length, 1, 'catalogue.js requested once for two catalogues');
    const allowed = staticClosure('catalogue');
    // …plus the UI strings of the page's language (zh-CN), which are their own chunks, loaded dynamically.
    const isZhStrings = (p) => /^chunks\/locale-zh-CN-(core|catalogue)-[\w-]+\.js$/.test(p);
    for (const p of loaded) assert.ok(allowed.has(p) || isZhStrings(p), `only the catalogue's code: ${p} is not one of ${[...allowed].join(', ')}`);
    assert.equal(loaded.filter(isZhStrings).length, 2, 'the core and catalogue strings in Chinese');
    assert.ok(!loaded.some((p) => p.includes('locale-en-')), 'no English strings on a Chinese page');
    assert.ok(!loaded.some((p) => /provider/.test(p)), 'no provider code on a page without <disclosure-provider>');
    for (const other of ['annual-stats.js', 'request-form.js', 'request-status.js']) assert.ok(!loaded.includes(other), `no ${other}`);
    assert.ok(!log.requests.some((p) => p.includes('chart')), 'no chart code');
    assert.ok(!log.requests.some((p) => p.endsWith('/disclosure-elements.js')), 'not the single-file build');
    assert.equal(await page.evaluate(() => document.querySelector('#second').shadowRoot.querySelectorAll('li.item').length), 10);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);

    // An <annual-stats> added later loads its code (and, when it draws a chart, the chart chunk).
    await page.evaluate(() => {
      const el = document.createElement('annual-stats');
      el.setAttribute('src', '/demo/feeds/annual/2022.json');
      el.setAttribute('no-url-state', '');
      document.body.append(el);
    });
    await waitForShadow(page, 'annual-stats', 'table');
    assert.ok(cdnRequests(log).includes('annual-stats.js'));
    // The canvases are in the report's markup before the chart code is asked for (after the first paint): its request
    // is waited for.
    await waitForShadow(page, 'annual-stats', 'canvas');
    assert.ok(await requested(page, log, (p) => /^\/dist\/cdn\/chunks\/charts-[\w-]+\.js$/.test(p)), 'the chart chunk loads lazily with the first chart');
    assert.ok(!cdnRequests(log).includes('request-form.js'));
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('the autoloader upgrades data-disclosure containers, present at load and added later, and loads their code', async () => {
  const { page, log, close } = await open('autoload-containers', `<!DOCTYPE html><html lang="zh-CN"><body>
    <div id="status" data-disclosure="request-status" data-src="/demo/feeds/request-form.json"><a href="/status">查询</a></div>
    ${AUTOLOAD}</body></html>`);
  try {
    await waitForShadow(page, '#status > request-status', 'input');
    assert.equal(await page.evaluate(() => document.querySelector('#status').children.length), 1, 'the fallback link was replaced');
    assert.ok(cdnRequests(log).includes('request-status.js'));
    assert.ok(!cdnRequests(log).includes('catalogue.js'));
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.id = 'cat';
      div.dataset.disclosure = 'catalogue';
      div.dataset.src = '/demo/feeds/catalogue.json';
      div.dataset.noUrlState = '';
      div.dataset.lang = 'en';
      div.dataset.pageSize = '50';
      document.body.append(div);
    });
    await waitForShadow(page, '#cat > disclosure-catalogue', 'li.item');
    assert.equal(await page.evaluate(() => document.querySelector('#cat > disclosure-catalogue').shadowRoot.querySelectorAll('li.item').length), 50);
    assert.equal(await page.evaluate(() => document.querySelector('#cat > disclosure-catalogue').shadowRoot.querySelector('form.search label').textContent.trim()), 'Search');
    assert.equal(cdnRequests(log).filter((p) => p === 'catalogue.js').length, 1);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await close();
  }
});

test('the autoloader takes the one-tag form and wraps in a provider for data-feed-base', async () => {
  const { page, log, close } = await open('autoload-one-tag', `<!DOCTYPE html><html lang="zh-CN"><body><p id="before">x</p>
    <script src="/dist/disclosure-elements.autoload.js" data-disclosure="catalogue" data-feed-base="/demo/feeds/" data-src="catalogue.json" data-no-url-state></script>
    <p id="after">y</p></body></html>`);
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    const shape = await page.evaluate(() => {
      const next = document.querySelector('script[data-disclosure]').nextElementSibling;
      return [next.localName, next.getAttribute('feed-base'), next.firstElementChild.localName];
    });
    assert.deepEqual(shape, ['disclosure-provider', '/demo/feeds/', 'disclosure-catalogue']);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('the single-file script: one-tag form twice (each tag inserts its own element), containers, unknown value warned once', async () => {
  const { page, log, close } = await open('one-tag-classic', `<html><body>
    <script src="/dist/disclosure-elements.js" data-disclosure="catalogue" data-src="/demo/feeds/catalogue.json" data-no-url-state data-page-size="10"></script>
    <div data-disclosure="charts-please"></div><div data-disclosure="charts-please"></div>
    <div id="later-slot"></div>
    <script src="/dist/disclosure-elements.js" data-disclosure="request-status" data-src="/demo/feeds/request-form.json"></script>
    <div id="c" data-disclosure="catalogue" data-src="/demo/feeds/catalogue.json" data-no-url-state data-url-key="c2"></div>
    </body></html>`);
  try {
    await waitForShadow(page, 'script + disclosure-catalogue', 'li.item');
    await waitForShadow(page, 'script + request-status', 'input');
    await waitForShadow(page, '#c > disclosure-catalogue', 'li.item');
    assert.equal(await page.evaluate(() => document.querySelector('script + disclosure-catalogue').shadowRoot.querySelectorAll('li.item').length), 10);
    assert.equal(await page.evaluate(() => document.querySelectorAll('disclosure-catalogue').length), 2);
    assert.equal(await page.evaluate(() => document.querySelectorAll('request-status').length), 1);
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.setAttribute('data-disclosure', 'annual-stats');
      d.setAttribute('data-src', '/demo/feeds/annual/2022.json');
      d.setAttribute('data-no-url-state', '');
      d.setAttribute('data-no-charts', '');
      document.querySelector('#later-slot').append(d);
    });
    await waitForShadow(page, '#later-slot annual-stats', 'table');
    assert.equal(log.warnings.filter((w) => w.includes('charts-please')).length, 1, 'one warning for the unknown value');
    assert.deepEqual(log.warnings.filter((w) => w.includes('already defined')), [], 'the same version loaded twice is silent');
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

await run({
  async setup() {
    if (!existsSync('dist/disclosure-elements.autoload.js') || !existsSync('dist/cdn/catalogue.js')) await buildCdnSplit();
    server = await serveStatic({ root });
    browser = await launchChromium();
  },
  async teardown() {
    await browser?.close();
    await server?.close();
  },
});
