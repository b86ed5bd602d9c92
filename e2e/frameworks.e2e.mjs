// End-to-end checks of the elements inside React 19 and Vue 3 apps (pages in e2e/frameworks/, built here with Vite
// into dist/e2e-frameworks/): properties set from the framework reach the elements, the framework receives the
// custom events and renders what they carried, and language switching through framework state works.
// Prints "frameworks: N passed, N failed" and writes .frameworks-counts.json.
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium, suite } from './harness.mjs';
import { buildFrameworkPages, OUT } from './frameworks/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const { test, run } = suite('frameworks', '.frameworks-counts.json');

let server;
let browser;

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = { errors: [], consoleErrors: [], notFound: [] };
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() === 404 && !r.url().endsWith('/favicon.ico')) log.notFound.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  await page.goto(server.url + path);
  return { page, log, close: () => context.close() };
}

const rows = (page) =>
  page.evaluate(() => document.querySelector('disclosure-catalogue')?.shadowRoot?.querySelectorAll('li.item').length ?? -1);
const text = (page, sel) => page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? '', sel);

async function checkFramework(name) {
  const { page, log, close } = await open(`/${OUT}/${name}.html`);
  try {
    // The catalogue shows rows, and the page size set as a property from the framework (50) is applied.
    await page.waitForFunction(() => (document.querySelector('disclosure-catalogue')?.shadowRoot?.querySelectorAll('li.item').length ?? 0) > 0, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.querySelector('disclosure-catalogue').pageSize), 50, 'pageSize is a number property');
    assert.equal(await rows(page), 50, '50 rows from pageSize = 50');

    // The framework component received disclosure-load and rendered what it carried.
    await page.waitForFunction(() => document.querySelector('#loaded')?.textContent.includes('disclosure-load'));
    assert.equal(await text(page, '#loaded'), 'disclosure-load: 2450 items');

    // disclosure-query: type in the element's search box.
    await page.evaluate(() => {
      const q = document.querySelector('disclosure-catalogue').shadowRoot.querySelector('#q');
      q.value = '防汛';
      q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await page.waitForFunction(() => document.querySelector('#query')?.textContent.includes('防汛'), null, { timeout: 10000 });
    const total = await page.evaluate(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelectorAll('li.item').length);
    const shown = await text(page, '#query');
    assert.match(shown, /^disclosure-query: "防汛" \d+$/);
    const reported = Number(shown.split(' ').pop());
    assert.ok(reported > 0 && total === Math.min(reported, 50), `the event's total ${reported} matches the ${total} rows shown`);

    // Clearing the search: disclosure-query again, with every entry.
    await page.evaluate(() => {
      const q = document.querySelector('disclosure-catalogue').shadowRoot.querySelector('#q');
      q.value = '';
      q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await page.waitForFunction(() => document.querySelector('#query')?.textContent === 'disclosure-query: "" 2450');

    // Framework state → largeText property (a boolean, reflected as the large-text attribute).
    await page.click('#large');
    await page.waitForFunction(() => document.querySelector('disclosure-catalogue').hasAttribute('large-text'));

    // Language switching through framework state.
    const label = () => page.evaluate(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('form.search label')?.textContent.trim());
    assert.notEqual(await label(), 'Search');
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('form.search label')?.textContent.trim() === 'Search', null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.querySelector('disclosure-catalogue').getAttribute('lang')), 'en');
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('form.search label')?.textContent.trim() !== 'Search');

    // The request form renders; its request-submitted listener is wired (the event dispatched as the element does).
    await page.waitForFunction(() => !!document.querySelector('request-form')?.shadowRoot?.querySelector('input, button'), null, { timeout: 10000 });
    await page.evaluate(() => document.querySelector('request-form').dispatchEvent(
      new CustomEvent('request-submitted', { bubbles: true, composed: true, detail: { queryCode: 'QC-TEST-1' } })));
    await page.waitForFunction(() => document.querySelector('#receipt')?.textContent === 'request-submitted: QC-TEST-1');

    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.notFound, []);
    assert.deepEqual(log.consoleErrors.filter((e) => !e.startsWith('Failed to load resource')), []);
  } finally {
    await close();
  }
}

test('React 19: properties, custom events (ondisclosure-load, ondisclosure-query, onrequest-submitted), lang from state', () => checkFramework('react'));
test('Vue 3: :page-size / .prop, @disclosure-load, @disclosure-query, @request-submitted, lang from state', () => checkFramework('vue'));

test('React 19: an attribute-only value before definition would be wrong, so the page defines the elements first', async () => {
  const { page, close } = await open(`/${OUT}/react.html`);
  try {
    await page.waitForFunction(() => !!document.querySelector('disclosure-catalogue'));
    // React set pageSize as a property, not as a "pagesize" attribute.
    assert.equal(await page.evaluate(() => document.querySelector('disclosure-catalogue').hasAttribute('pagesize')), false);
    assert.equal(await page.evaluate(() => document.querySelector('disclosure-catalogue').hasAttribute('ondisclosure-load')), false);
  } finally {
    await close();
  }
});

await run({
  async setup() {
    await buildFrameworkPages();
    server = await serveStatic({ root });
    browser = await launchChromium();
  },
  async teardown() {
    await browser?.close();
    await server?.close();
  },
});
