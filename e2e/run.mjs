// End-to-end checks of the built files the way a webmaster uses them: the classic script pasted into an old,
// quirks-mode CMS page (loaded twice, two versions, hostile CSS, patched prototypes), a page under a strict
// Content-Security-Policy with Trusted Types, the ES module build, and what each page downloads.
// Needs `node scripts/build.mjs` first. Prints "e2e: N passed, N failed" and writes .e2e-counts.json.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium, requested, suite, watchPage } from './harness.mjs';
import { fillColours, pdfPages } from './pdf.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const STRICT_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  "require-trusted-types-for 'script'", 'trusted-types lit-html',
].join('; ');

let server;
let browser;
const { test, run } = suite('e2e', '.e2e-counts.json');

/** Opens a page and records what goes wrong on it: page errors, console errors and warnings, CSP violations, requests. */
async function open(path, { routes = {}, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = watchPage(page);
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile ?? ""}:${e.lineNumber}:${e.columnNumber} ${e.sample ?? ""} ${(e.target && e.target.nodeName) || ""}`);
    });
  });
  await page.goto(server.url + path);
  return { page, log, close: () => context.close() };
}

/** Run in the page: the first <annual-stats> chart has drawn (a pixel that is not transparent). */
const chartHasPixels = () => {
  const canvas = document.querySelector('annual-stats').shadowRoot.querySelector('canvas');
  if (!canvas || !canvas.width) return false;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i]) return true;
  return false;
};

const shadowCount = (page, tag, selector) =>
  page.evaluate(([t, s]) => document.querySelector(t)?.shadowRoot?.querySelectorAll(s).length ?? -1, [tag, selector]);

async function waitForShadow(page, tag, selector, timeout = 15000) {
  await page.waitForFunction(([t, s]) => !!document.querySelector(t)?.shadowRoot?.querySelector(s), [tag, selector], { timeout });
}

// ---------------------------------------------------------------------------------------------------------------

test('legacy quirks-mode portal page: the classic script, loaded twice, renders the catalogue without errors', async () => {
  const { page, log, close } = await open('/demo/index.html');
  try {
    assert.equal(await page.evaluate(() => document.compatMode), 'BackCompat', 'the demo page is in quirks mode');
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src$="disclosure-elements.js"]').length), 2);
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    assert.equal(await shadowCount(page, 'disclosure-catalogue', 'li.item'), 20);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.warnings.filter((w) => w.includes('disclosure-elements')), [], 'the same version loaded twice is silent');
    assert.ok(!log.requests.some((u) => u.includes('charts')), 'a page without <annual-stats> downloads no chart code');
  } finally {
    await close();
  }
});

test("hostile host CSS (html{font-size:62.5%}, *{font-size:12px}) does not shrink the elements' text", async () => {
  const { page, close } = await open('/demo/index.html');
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    const sizes = await page.evaluate(() => {
      const root = document.querySelector('disclosure-catalogue').shadowRoot;
      const px = (sel) => parseFloat(getComputedStyle(root.querySelector(sel)).fontSize);
      return { body: px('dl.meta dd'), title: px('.item h3'), input: px('#q'), host: parseFloat(getComputedStyle(document.body).fontSize) };
    });
    assert.equal(sizes.host, 12, 'the host page really is 12px');
    assert.ok(sizes.body >= 15, `metadata text is ${sizes.body}px`);
    assert.ok(sizes.title >= 17, `titles are ${sizes.title}px`);
    assert.ok(sizes.input >= 16, `the search box is ${sizes.input}px`);
    // The page's own "list-style: none !important" and "outline: none !important" do not reach inside.
    const outline = await page.evaluate(async () => {
      const el = document.querySelector('disclosure-catalogue');
      el.shadowRoot.querySelector('#q').focus();
      return getComputedStyle(el.shadowRoot.querySelector('#q')).outlineStyle;
    });
    assert.notEqual(outline, 'none', 'the focus outline survives the host CSS');
  } finally {
    await close();
  }
});

test('large-text mode (长者模式) from the provider makes text larger; English switches every label', async () => {
  const { page, close } = await open('/demo/index.html');
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('disclosure-catalogue').shadowRoot.querySelector('.item h3')).fontSize));
    const before = await size();
    await page.click('#toggle-large');
    await page.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('disclosure-catalogue').shadowRoot.querySelector('.item h3')).fontSize) > b, before);
    assert.ok((await size()) >= before * 1.2);
    await page.click('#toggle-lang');
    await page.waitForFunction(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('#summary').textContent.includes('results'));
    const label = await page.evaluate(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('form.search label').textContent.trim());
    assert.equal(label, 'Search');
    // Only the elements switch: the portal's own text stays Chinese, and so does <html lang>; the switch's word is
    // marked with its language; the catalogue's Chinese titles (the feed says zh-CN) keep theirs (WCAG 3.1.2).
    const langs = await page.evaluate(() => ({
      html: document.documentElement.lang,
      toggle: [document.getElementById('toggle-lang').lang, document.getElementById('toggle-lang').textContent],
      title: document.querySelector('disclosure-catalogue').shadowRoot.querySelector('.item h3 a').firstElementChild.closest('[lang]').lang,
    }));
    assert.deepEqual(langs, { html: 'zh-CN', toggle: ['zh-CN', '中文'], title: 'zh-CN' });
  } finally {
    await close();
  }
});

test('two versions on one page: the first definition stays and the second warns once, without throwing', async () => {
  const script = readFileSync('dist/disclosure-elements.js', 'utf8');
  const other = script.replaceAll('"0.1.0"', '"9.9.9"').replaceAll('`0.1.0`', '`9.9.9`');
  assert.notEqual(other, script, 'the version string was found in the build');
  const html = `<!DOCTYPE html><html lang="zh-CN"><body>
    <disclosure-catalogue src="/demo/feeds/catalogue.json" no-url-state></disclosure-catalogue>
    <script src="/dist/disclosure-elements.js"></script><script src="/other/disclosure-elements.js"></script></body></html>`;
  const { page, log, close } = await open('/e2e/two-versions.html', {
    routes: {
      '**/e2e/two-versions.html': (r) => r.fulfill({ contentType: 'text/html', body: html }),
      '**/other/disclosure-elements.js': (r) => r.fulfill({ contentType: 'text/javascript', body: other }),
    },
  });
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    assert.deepEqual(log.errors, []);
    // The second copy evaluates nothing but its guard: one warning, naming both versions.
    const warnings = log.warnings.filter((w) => w.includes('disclosure-elements'));
    assert.deepEqual(warnings, ['disclosure-elements 9.9.9: version 0.1.0 is already loaded on this page; keeping it.']);
    assert.equal(await page.evaluate(() => customElements.get('disclosure-catalogue').libraryVersion), '0.1.0');
  } finally {
    await close();
  }
});

test('under Trusted Types (`trusted-types lit-html`), the script loaded again — same file or another version — still embeds its one-tag elements', async () => {
  const script = readFileSync('dist/disclosure-elements.js', 'utf8');
  const other = script.replaceAll('`0.1.0`', '`9.9.9`');
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><script src="/dist/disclosure-elements.js"></script></head><body>
    <script src="/dist/disclosure-elements.js" data-disclosure="catalogue" data-src="/demo/feeds/catalogue.json" data-no-url-state></script>
    <script src="/other/disclosure-elements.js" data-disclosure="annual-stats" data-src="/demo/feeds/annual/2022.json" data-no-url-state></script>
    </body></html>`;
  const { page, log, close } = await open('/e2e/tt-twice.html', {
    routes: {
      '**/e2e/tt-twice.html': (r) => r.fulfill({ contentType: 'text/html', body: html, headers: { 'content-security-policy': STRICT_CSP } }),
      '**/other/disclosure-elements.js': (r) => r.fulfill({ contentType: 'text/javascript', body: other }),
    },
  });
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    await waitForShadow(page, 'annual-stats', 'table');
    assert.deepEqual(log.errors, [], 'no "Policy with name lit-html already exists"');
    assert.deepEqual(await page.evaluate(() => window.__csp ?? []), []);
    assert.equal(await page.evaluate(() => document.querySelectorAll('disclosure-catalogue, annual-stats').length), 2);
  } finally {
    await close();
  }
});

for (const [name, scripts] of [
  ['the classic script', '<script src="/dist/disclosure-elements.js"></script>'],
  ['the code-split set', '<script type="module" src="/dist/cdn/catalogue.js"></script><script type="module" src="/dist/cdn/annual-stats.js"></script><script type="module" src="/dist/cdn/request-form.js"></script>'],
  ['the autoloader', '<script src="/dist/disclosure-elements.autoload.js"></script>'],
]) {
  test(`patched prototypes and globals of an old page (Prototype.js-style, its own Map and Set, wrong includes/find/Object.assign polyfills), with its own scripts (e2e/pages/old-page-scripts.js), do not break the elements: ${name}`, async () => {
    const html = `<html><head><script src="/e2e/pages/patch-prototypes.js"></script><script src="/e2e/pages/old-page-scripts.js"></script></head><body>
      <disclosure-catalogue src="/demo/feeds/catalogue.json" no-url-state></disclosure-catalogue>
      <annual-stats src="/demo/feeds/annual/2022.json" no-url-state></annual-stats>
      <request-form src="/demo/feeds/request-form.json"></request-form>
      ${scripts}</body></html>`;
    const { page, log, close } = await open('/e2e/patched.html', {
      routes: { '**/e2e/patched.html': (r) => r.fulfill({ contentType: 'text/html', body: html }) },
    });
    // Playwright's waitForFunction, and evaluate with an argument, use Map in the page itself, which this page has
    // replaced: poll with evaluate, without arguments.
    const until = async (fn) => {
      for (let i = 0; i < 300; i++) {
        if (await page.evaluate(fn)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out: ${fn}`);
    };
    const shadowHas = ([t, sel]) => `!!document.querySelector('${t}')?.shadowRoot?.querySelector('${sel}')`;
    try {
      assert.equal(await page.evaluate(() => typeof new Map().put), 'function', 'the page has its own Map');
      assert.equal(await page.evaluate('typeof URL'), 'string', 'and its own URL');
      await until(shadowHas(['disclosure-catalogue', 'li.item']));
      await until(shadowHas(['annual-stats', 'table']));
      await until(shadowHas(['request-form', 'input']));
      await page.evaluate(() => {
        const el = document.querySelector('disclosure-catalogue');
        const q = el.shadowRoot.querySelector('#q');
        q.value = '防汛';
        q.dispatchEvent(new Event('input'));
      });
      await until(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('mark')?.textContent === '防汛');
      // Links resolve (the built-in URL, not the page's string), and the CSV export still downloads the results.
      assert.match(await page.evaluate("document.querySelector('disclosure-catalogue').shadowRoot.querySelector('li.item a').href"), /^http:\/\/[^/]+\/demo\//);
      // Nothing is taken from the page's Object.prototype (its src, lang and href): no link to it, no text marked lang="xx".
      assert.equal(await page.evaluate("document.querySelector('disclosure-catalogue').shadowRoot.querySelectorAll('a[href*=evil], [lang=xx]').length"), 0);
      // Nor in the annual report (every cell and caption of its tables was marked lang="xx": read as a language no
      // screen reader has) or the form.
      for (const tag of ['annual-stats', 'request-form']) {
        assert.equal(await page.evaluate(`document.querySelector('${tag}').shadowRoot.querySelectorAll('a[href*=evil], [lang=xx]').length`), 0, tag);
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate(() => [...document.querySelector('disclosure-catalogue').shadowRoot.querySelectorAll('button')]
          .find((b) => b.textContent.includes('CSV')).click()),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      assert.match(csv, /防汛/);
      assert.equal(csv.trim().split('\r\n').length > 1, true);
      // chart.js draws (it keeps its scales and datasets in Maps and Sets).
      await until(chartHasPixels);
      // 清空 (clear the form), confirmed: the form is empty again, from its own feed. (With the page's Object.assign, a
      // for…in that copies Object.prototype's values too, the form took the page's src and lang: it loaded
      // http://evil.example/feed.json, and said 无法连接服务器 instead of the form.)
      const form = "document.querySelector('request-form')";
      await page.evaluate(`${form}.shadowRoot.querySelector('#clear-open').click()`);
      await until(`!!${form}.shadowRoot.querySelector('[role=alertdialog] button')`);
      await page.evaluate(`${form}.shadowRoot.querySelector('[role=alertdialog] button').click()`);
      await until(`!!${form}.shadowRoot.querySelector('#clear-open')`);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await page.evaluate(`${form}.src + ' ' + ${form}.getAttribute('lang')`), '/demo/feeds/request-form.json null');
      assert.ok(await page.evaluate(`!!${form}.shadowRoot.querySelector('input')`), 'the form is shown');
      assert.deepEqual(log.requests.filter((u) => u.includes('evil')), []);
      assert.deepEqual(log.errors, []);
      // The page keeps its own Map, and the realm the elements took theirs from is gone from it.
      assert.equal(await page.evaluate(() => typeof new Map().put), 'function');
      assert.equal(await page.evaluate(() => document.querySelectorAll('iframe').length), 0);
    } finally {
      await close();
    }
  });
}

test("a page's own Map under a strict CSP that forbids frames: the built-ins come from a blank iframe all the same", async () => {
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><script src="/e2e/pages/patch-prototypes.js"></script>
    <script src="/dist/disclosure-elements.js"></script></head><body>
    <disclosure-catalogue src="/demo/feeds/catalogue.json" no-url-state></disclosure-catalogue></body></html>`;
  const { page, log, close } = await open('/e2e/patched-csp.html', {
    routes: {
      '**/e2e/patched-csp.html': (r) => r.fulfill({
        contentType: 'text/html', body: html, headers: { 'Content-Security-Policy': `${STRICT_CSP}; frame-src 'none'; child-src 'none'` },
      }),
    },
  });
  try {
    for (let i = 0; i < 300 && !(await page.evaluate("document.querySelector('disclosure-catalogue').shadowRoot?.querySelectorAll('li.item').length")); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await page.evaluate("document.querySelector('disclosure-catalogue').shadowRoot.querySelectorAll('li.item').length"), 20);
    assert.equal(await page.evaluate('typeof new Map().put'), 'function', 'the page has its own Map');
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('strict CSP with Trusted Types: every element renders, charts draw, no violation', async () => {
  const { page, log, close } = await open('/e2e/pages/csp-all.html');
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    await waitForShadow(page, 'annual-stats', 'canvas');
    await waitForShadow(page, 'request-form', 'form, input');
    await waitForShadow(page, 'request-status', 'input');
    // A chart has pixels.
    await page.waitForFunction(chartHasPixels, null, { timeout: 15000 });
    // Expanding details and searching renders more (still under Trusted Types).
    await page.evaluate(() => {
      const root = document.querySelector('disclosure-catalogue').shadowRoot;
      root.querySelector('.actions button').click();
      const q = root.querySelector('#q');
      q.value = '农业 通知';
      q.dispatchEvent(new Event('input'));
    });
    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => window.__csp ?? []);
    assert.deepEqual(violations, [], 'no CSP or Trusted Types violation');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors.filter((e) => /Content Security Policy|TrustedHTML|TrustedScript/i.test(e)), []);
    assert.ok(log.requests.some((u) => u.endsWith('/dist/disclosure-elements.charts.js')), 'chart code is fetched for <annual-stats>');
  } finally {
    await close();
  }
});

test('the ES module build works and loads the chart chunk from beside itself', async () => {
  const html = `<!DOCTYPE html><html lang="en"><body>
    <annual-stats src="/demo/feeds/annual/2022.json" no-url-state></annual-stats>
    <script type="module" src="/dist/disclosure-elements.esm.js"></script></body></html>`;
  const { page, log, close } = await open('/e2e/esm.html', {
    routes: { '**/e2e/esm.html': (r) => r.fulfill({ contentType: 'text/html', body: html }) },
  });
  try {
    await waitForShadow(page, 'annual-stats', 'canvas');
    // The canvases are in the report's markup before the chart code is asked for (after the first paint): its
    // request is waited for, not assumed to have gone with them.
    assert.ok(await requested(page, log, (u) => u.endsWith('/dist/disclosure-elements.charts.js')), 'the chart chunk beside the ES module build is fetched');
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('a GB2312 CMS page whose server names no charset for the script: every element speaks Chinese, no SyntaxError', async () => {
  // Old Chinese government CMS templates are GB2312/GBK pages, and a web server's default for .js names no charset
  // (nginx: application/javascript): a classic script is then read in the page's charset. Its UTF-8 Chinese strings,
  // read as GBK, swallowed the quotes after them, and the whole file stopped at a SyntaxError. (The page's own Chinese
  // is written as character references: GB2312 bytes need an encoder Node lacks, and the script is what is tested.)
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <title>君山区政府信息公开</title><script src="/dist/disclosure-elements.js"></script></head><body>
    <h1>政府信息公开目录</h1>
    <disclosure-catalogue src="/demo/feeds/catalogue.json" no-url-state></disclosure-catalogue>
    <annual-stats src="/demo/feeds/annual/2022.json" no-url-state></annual-stats>
    <request-form src="/demo/feeds/request-form-print.json"></request-form></body></html>`;
  const { page, log, close } = await open('/e2e/gbk.html', {
    routes: {
      '**/e2e/gbk.html': (r) => r.fulfill({ contentType: 'text/html', body: html.replace(/[^\x00-\x7f]/g, (c) => `&#${c.codePointAt(0)};`) }),
      '**/dist/disclosure-elements.js': (r) => r.fulfill({ contentType: 'application/javascript', body: readFileSync('dist/disclosure-elements.js') }),
    },
  });
  try {
    assert.equal(await page.evaluate(() => document.characterSet), 'GBK', 'the page is read as GBK');
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    await waitForShadow(page, 'annual-stats', 'canvas');
    await waitForShadow(page, 'request-form', 'input');
    const text = (tag) => page.evaluate((t) => document.querySelector(t).shadowRoot.textContent.replace(/\s+/g, ' '), tag);
    assert.match(await text('disclosure-catalogue'), /检索/, 'the catalogue\'s own words');
    assert.match(await text('annual-stats'), /主动公开政府信息情况/, "the national table's label");
    assert.match(await text('request-form'), /下一步/, "the form's button");
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('on a 320 px phone, the annual report keeps its charts inside its width while chart.js is still loading', async () => {
  // The canvases are in the markup before chart.js arrives: at a canvas's default 300 px they stuck out of the report
  // (288 px inside the page's margins) over the page's margin until the charts drew.
  let release;
  const held = new Promise((r) => { release = r; });
  const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <body style="margin:16px"><annual-stats src="/demo/feeds/annual/2013.json" no-url-state></annual-stats>
    <script src="/dist/disclosure-elements.js"></script></body></html>`;
  const { page, log, close } = await open('/e2e/narrow.html', {
    viewport: { width: 320, height: 640 },
    routes: {
      '**/e2e/narrow.html': (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
      '**/dist/disclosure-elements.charts.js': async (r) => { await held; await r.continue(); },
    },
  });
  try {
    await waitForShadow(page, 'annual-stats', 'canvas');
    assert.ok(await requested(page, log, (u) => u.endsWith('/dist/disclosure-elements.charts.js')), 'the chart chunk is asked for (and held back)');
    const widths = () => page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      canvases: [...document.querySelector('annual-stats').shadowRoot.querySelectorAll('canvas')].map((c) => Math.round(c.getBoundingClientRect().right)),
    }));
    const early = await widths();
    assert.ok(early.canvases.length > 0, 'the canvases are there before chart.js');
    assert.equal(early.page, 320, `the page is as wide as the phone before the charts draw (${JSON.stringify(early)})`);
    assert.ok(early.canvases.every((r) => r <= 304), `each canvas ends inside the page's margin (${early.canvases})`);
    release();
    await page.waitForFunction(() => [...document.querySelector('annual-stats').shadowRoot.querySelectorAll('canvas')].every((c) => c.hasAttribute('style')), null, { timeout: 15000 });
    assert.equal((await widths()).page, 320, 'and after they draw');
    assert.deepEqual(log.errors, []);
  } finally {
    release();
    await close();
  }
});

test('on a 320 px phone, a table wider than the screen is shaded on the side it goes on (its scroll bar is not drawn until touched)', async () => {
  const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <body style="margin:16px"><annual-stats src="/demo/feeds/annual/2013.json" no-url-state no-charts></annual-stats>
    <script src="/dist/disclosure-elements.js"></script></body></html>`;
  const { page, log, close } = await open('/e2e/narrow-table.html', {
    viewport: { width: 320, height: 640 },
    routes: { '**/e2e/narrow-table.html': (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) },
  });
  try {
    await waitForShadow(page, 'annual-stats', '#t4 tbody td');
    // Table 四: a row of 15 figures (no row header over the edges), in a box that scrolls.
    const row = page.locator('annual-stats').locator('#t4 tbody tr');
    await row.scrollIntoViewIfNeeded();
    const box = await page.evaluate(() => {
      const wrap = document.querySelector('annual-stats').shadowRoot.querySelector('#t4').closest('.table-wrap');
      const r = wrap.getBoundingClientRect(), tr = wrap.querySelector('tbody tr').getBoundingClientRect();
      return { left: r.left, right: r.right, top: tr.top + 2, height: tr.height - 4, scrolls: wrap.scrollWidth > wrap.clientWidth };
    });
    assert.ok(box.scrolls, 'Table 四 is wider than the phone');
    // The median brightness (0–255) of a 6px strip at each edge of the box, over the figures' row (a figure's digits
    // are a few dark pixels among the ground's).
    const strips = async () => {
      const out = [];
      for (const x of [box.left + 1, box.right - 7]) {
        const png = await page.screenshot({ clip: { x, y: box.top, width: 6, height: box.height } });
        out.push(await page.evaluate(async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = new OffscreenCanvas(img.width, img.height);
          const ctx = c.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const d = ctx.getImageData(0, 0, img.width, img.height).data;
          const l = [];
          for (let i = 0; i < d.length; i += 4) l.push((d[i] + d[i + 1] + d[i + 2]) / 3);
          return l.sort((a, b) => a - b)[l.length >> 1];
        }, png.toString('base64')));
      }
      return out;
    };
    const [leftAtStart, rightAtStart] = await strips();
    assert.ok(rightAtStart < leftAtStart - 20, `shaded on the right, where it goes on, not on the left (left ${leftAtStart}, right ${rightAtStart})`);
    await page.evaluate(() => {
      const wrap = document.querySelector('annual-stats').shadowRoot.querySelector('#t4').closest('.table-wrap');
      wrap.scrollLeft = wrap.scrollWidth;
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const [leftAtEnd, rightAtEnd] = await strips();
    assert.ok(leftAtEnd < rightAtEnd - 20, `scrolled to its end: shaded on the left, not on the right (left ${leftAtEnd}, right ${rightAtEnd})`);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('every demo portal page passes axe (WCAG 2.2 AA) inside the hostile legacy page: Chinese, English, dark + large text', async () => {
  const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  const pages = [
    ['/demo/index.html', 'disclosure-catalogue', 'li.item'],
    ['/demo/report.html', 'annual-stats', 'table'],
    ['/demo/apply.html', 'request-form', 'input'],
    ['/demo/status.html', 'request-status', 'input'],
  ];
  for (const [path, tag, ready] of pages) {
    for (const variant of ['zh-CN', 'en', 'dark']) {
      const lang = variant === 'en' ? 'en' : 'zh-CN';
      const { page, log, close } = await open(`${path}?lang=${lang}`);
      try {
        await waitForShadow(page, tag, ready);
        if (variant === 'dark') {
          // The portal's own 夜间模式 and 长者模式 switches (they set theme and large-text on the provider).
          await page.click('#toggle-dark');
          await page.click('#toggle-large');
          await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('.root.dark.large'), tag);
        }
        await page.waitForTimeout(200);
        // Evaluated by the test, not added as an inline <script>: the demo pages are served under a strict CSP.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async (t) => {
          const result = await window.axe.run(document.querySelector(t), {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, tag);
        assert.deepEqual(violations, [], `${path} (${variant})`);
        assert.deepEqual(log.errors, [], `${path} (${variant}) page errors`);
      } finally {
        await close();
      }
    }
  }
});

test('the demo portal does not shift its layout while the elements load (CLS < 0.1)', async () => {
  const { page, close } = await open('/demo/index.html');
  try {
    await waitForShadow(page, 'disclosure-catalogue', 'li.item');
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => new Promise((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(total), 100);
    }));
    assert.ok(cls < 0.1, `cumulative layout shift ${cls}`);
  } finally {
    await close();
  }
});

test('each HTML snippet of the README, pasted into a page as it is, shows its elements without errors', async () => {
  // Only the script's location is changed, to this build (as a webmaster points it at their copy); the feeds the
  // snippets name (/xxgk/feeds/…, /feeds/…, relative) are answered with the demo's feeds of the same name.
  const readme = readFileSync('README.md', 'utf8');
  const TAGS = 'disclosure-provider|disclosure-catalogue|annual-stats|request-form|request-status';
  const blocks = [...readme.matchAll(/^ *```html\n([\s\S]*?)^ *```/gm)].map((m) => m[1])
    .filter((b) => /<(disclosure-catalogue|annual-stats|request-form|request-status)\b|data-disclosure=/.test(b));
  assert.ok(blocks.length >= 8, `${blocks.length} snippets`);
  const feed = (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/(xxgk\/)?feeds\//, '/').replace(/^\/snippet\//, '/');
    const file = `demo/feeds${path}`;
    return existsSync(file) ? route.fulfill({ path: file, contentType: 'application/json' }) : route.fulfill({ status: 404, body: '' });
  };
  for (const [i, block] of blocks.entries()) {
    let body = block.replace(/src="[^"]*?\/?disclosure-elements(\.autoload|\.esm)?\.js"/g, (_, kind = '') => `src="${server.url}/dist/disclosure-elements${kind}.js"`);
    // A snippet that is only the element (the script is "once, anywhere in the page"): the page has the script.
    if (!/<script/.test(body)) body = `<script src="${server.url}/dist/disclosure-elements.js"></script>\n${body}`;
    const routes = {
      [`${server.url}/snippet/page.html`]: (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>` }),
      [`${server.url}/snippet/*.json`]: feed,
      [`${server.url}/feeds/**`]: feed,
      [`${server.url}/xxgk/feeds/**`]: feed,
    };
    const { page, log, close } = await open('/snippet/page.html', { routes });
    try {
      await page.waitForFunction((tags) => {
        const els = [...document.querySelectorAll(tags.replaceAll('|', ','))].filter((el) => el.localName !== 'disclosure-provider');
        return els.length > 0 && els.every((el) => el.shadowRoot?.querySelector('[part~="base"]') && !el.shadowRoot.querySelector('[part~="loading"], [part~="error"]'));
      }, TAGS, { timeout: 15000 }).catch(() => assert.fail(`README snippet ${i + 1} shows no element, or one still loading or failed:\n${block}`));
      assert.deepEqual([...log.errors, ...log.consoleErrors], [], `README snippet ${i + 1}:\n${block}`);
    } finally {
      await close();
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------

test('printing an annual report leaves no page mostly blank: keeping each row whole costs no extra page (Table 三 of the 2022 report in English)', async () => {
  // Table 三's 三、本年度办理结果 heads a 20-row span. Kept whole (break-inside: avoid on its first row), the span went to
  // the next page, leaving three quarters of a page blank, and was cut there anyway: 5 pages instead of 4.
  const body = '<!doctype html><html lang="en"><meta charset="utf-8"><script src="/dist/disclosure-elements.js"></script>'
    + '<annual-stats src="/demo/feeds/annual/2022.json" lang="en" no-url-state></annual-stats>';
  const { page, log, close } = await open('/e2e/print-annual.html', {
    routes: { '**/e2e/print-annual.html': (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body }) },
  });
  try {
    await waitForShadow(page, 'annual-stats', '#t3');
    await page.waitForFunction(() => document.querySelector('annual-stats').shadowRoot.querySelectorAll('canvas').length >= 2, null, { timeout: 15000 });
    const pages = async () => (Buffer.from(await page.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    const printed = await pages();
    // The same report with rows free to break anywhere.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '@media print { tr { break-inside: auto !important; } }';
      document.querySelector('annual-stats').shadowRoot.append(style);
    });
    const free = await pages();
    assert.ok(free >= 3, `the report prints on several pages (${free})`);
    assert.equal(printed, free, 'pages printed, and with rows free to break anywhere');
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

/** The number of pages of a PDF made by page.pdf. */
const pageCount = (pdf) => pdfPages(pdf).length;

/**
 * The text lines that a page edge cuts through in a PDF made by page.pdf (Chromium's: one content stream per page,
 * text drawn with Tm/Td and Tj/TJ): each as "page N", the part of its glyphs' box (0.25 em below the baseline to
 * 0.9 em above) that lies off the page.
 */
function linesCut(pdf) {
  const mul = (m, n) => [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
  return pdfPages(pdf).flatMap(({ height, ops }, i) => {
    let ctm = [1, 0, 0, 1, 0, 0]; let lm = ctm; let size = 0; const stack = []; const cut = [];
    for (const line of ops.split('\n')) {
      let m;
      if (line === 'q') stack.push(ctm);
      else if (line === 'Q') ctm = stack.pop();
      else if ((m = line.match(/^(\S+ \S+ \S+ \S+ \S+ \S+) cm$/))) ctm = mul(m[1].split(' ').map(Number), ctm);
      if ((m = line.match(/\/F\d+ ([\d.]+) Tf/))) size = +m[1];
      if ((m = line.match(/(\S+ \S+ \S+ \S+ \S+ \S+) Tm/))) lm = m[1].split(' ').map(Number);
      if ((m = line.match(/(-?[\d.]+) (-?[\d.]+) Td/))) lm = mul([1, 0, 0, 1, +m[1], +m[2]], lm);
      if (/T[jJ]\s*$/.test(line)) {
        const t = mul(lm, ctm);
        const ys = [-0.25 * size, 0.9 * size].map((y) => height - (y * t[3] + t[5]));
        const off = Math.max(0, -Math.min(...ys)) + Math.max(0, Math.max(...ys) - height);
        if (off > 0.5) cut.push(`page ${i + 1}: ${off.toFixed(1)} pt off the page`);
      }
    }
    return cut;
  });
}

/** A print-mode request form feed (zh-CN, CN-OGI-2019, one applicant type) with these `sections`. */
const paperFeed = (sections, agency = { name: '测试区人民政府办公室', office: { name: '测试区政务公开办', address: '测试路1号', postcode: '414000' } }) => ({
  schemaVersion: 1, lang: 'zh-CN', jurisdiction: 'CN-OGI-2019', agency,
  applicantTypes: [{ id: 'naturalPerson', label: '公民' }],
  sections,
  submit: { mode: 'print' },
});

/** Opens `feed` (a request form) as `name` on a page of its own: `{ page, log, close }`, as `open` gives. */
function openForm(name, feed) {
  const body = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><script src="/dist/disclosure-elements.js"></script>'
    + `<request-form src="/e2e/${name}.json"></request-form>`;
  return open(`/e2e/${name}.html`, {
    routes: {
      [`**/e2e/${name}.html`]: (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body }),
      [`**/e2e/${name}.json`]: (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(feed) }),
    },
  });
}

/** Runs `fill` in the page on the form's shadow root at each step until the paper form shows. */
async function fillToPaper(page, fill) {
  await waitForShadow(page, 'request-form', 'form');
  for (let step = 0; step < 5 && !(await shadowCount(page, 'request-form', '[part~="paper"]')); step++) {
    await page.evaluate(`(${fill})(document.querySelector('request-form').shadowRoot)`);
    await page.waitForTimeout(100);
  }
  await waitForShadow(page, 'request-form', '[part~="paper"]');
}

/** Adds `css` to the form's shadow root. */
const addFormStyle = (page, css) => page.evaluate((text) => {
  const style = document.createElement('style');
  style.textContent = text;
  document.querySelector('request-form').shadowRoot.append(style);
}, css);

/**
 * Opens `feed` (a print-mode request form) as `name`, fills it to the paper form (fillToPaper), prints it on A4 and
 * checks that no line is cut by a page edge and that it takes as many pages as with `freeCss` added (rows free to
 * break anywhere): keeping rows whole costs no page.
 */
async function printsWithoutBlankPages(name, feed, fill, freeCss) {
  const { page, log, close } = await openForm(name, feed);
  try {
    await fillToPaper(page, fill);
    const printed = await page.pdf({ format: 'A4' });
    assert.deepEqual(linesCut(printed), [], 'no line cut by a page edge');
    await addFormStyle(page, freeCss);
    const free = pageCount(await page.pdf({ format: 'A4' }));
    assert.ok(free >= 3, `the form prints on several pages (${free})`);
    assert.equal(pageCount(printed), free, 'pages printed, and with rows free to break anywhere');
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
}

test('printing the paper application form leaves no page mostly blank: a long section starts on the first page, rows stay whole at no extra page, and no line is cut', async () => {
  // A section of 24 fields with long labels and help texts, answers of one to four lines. Its title, written downwards,
  // made the cell spanning the section's rows one that Chromium cannot break across pages: the whole section went to
  // the second page, the first holding only the title and the first section (5 pages instead of 4 in this form).
  const feed = paperFeed([
    { id: 'applicant', title: '申请人信息', fields: [{ name: 'name', type: 'text', label: '姓名', required: true }] },
    { id: 'wanted', title: '所需政府信息', help: '请逐项填写所需政府信息。'.repeat(10), fields: Array.from({ length: 24 }, (_, i) => ({
      name: `d${i}`, type: 'textarea', maxLength: 5000, label: `所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述（第${i + 1}项）`,
      help: '请尽量写明文件名称、文号、发布机关和发布时间。'.repeat(8) })) },
    { id: 'other', title: '其他', fields: [{ name: 'note', type: 'textarea', label: '备注' }] },
  ]);
  // Every step answered (the fourth answer of each four has four lines), then 生成申请表; compared with the same form
  // with rows free to break anywhere and the section titles written across.
  await printsWithoutBlankPages('print-paper', feed, (root) => {
    root.querySelector('input[type=radio]')?.click();
    root.querySelectorAll('textarea, input[type=text]').forEach((f, i) => {
      f.value = f.tagName === 'INPUT' ? '张三'
        : Array.from({ length: 1 + (i % 4) }, (_, j) => `第${j + 1}行：关于测试区2024年度财政预算执行情况的报告及其附件`).join('\n');
      f.dispatchEvent(new Event('input', { bubbles: true }));
    });
    root.querySelector('form .btn.primary').click();
  }, '@media print { tr { break-inside: auto !important; } .block, .block * { writing-mode: horizontal-tb !important; } }');
});

test('printing a paper application form with a long answer (所需信息的内容描述 at its maxLength, an answer of 80 lines) fills the pages: the answer runs on over the next page, no page is left blank before it, no line is cut', async () => {
  // Each row was kept whole: the description went to the second page, leaving half of the first blank, and the long
  // answer to the third, leaving half of the second blank (5 pages instead of 4).
  const feed = paperFeed([
    { id: 'applicant', title: '申请人信息', fields: ['姓名', '工作单位', '通信地址'].map((label, i) => ({ name: `a${i}`, type: 'text', label })) },
    { id: 'wanted', title: '所需政府信息', fields: [
      { name: 'title', type: 'text', label: '所需信息的名称' },
      { name: 'description', type: 'textarea', maxLength: 1000, label: '所需信息的内容描述' },
      { name: 'purpose', type: 'textarea', maxLength: 5000, label: '所需信息的用途' },
      { name: 'note', type: 'textarea', label: '备注' },
    ] },
  ]);
  await printsWithoutBlankPages('print-long', feed, (root) => {
    root.querySelector('input[type=radio]')?.click();
    const answers = {
      description: '关于测试区二〇二四年度财政预算执行情况的报告及其附件，包括各部门决算表、政府采购目录和专项资金使用明细。'.repeat(20).slice(0, 1000),
      purpose: Array.from({ length: 80 }, (_, j) => `第${j + 1}行：关于测试区2024年度财政预算执行情况的报告`).join('\n'),
    };
    root.querySelectorAll('textarea, input[type=text]').forEach((f) => {
      f.value = answers[f.id.slice(2)] ?? '测试';
      f.dispatchEvent(new Event('input', { bubbles: true }));
    });
    root.querySelector('form .btn.primary').click();
  }, '@media print { tr, td, th { break-inside: auto !important; orphans: 1 !important; widows: 1 !important; } }');
});

test('printing a paper application form keeps the rows to sign and to date on one page, wherever the page ends', async () => {
  // The answer grows a line at a time until the date row no longer fits on the first page: with each row only kept
  // whole (as before), the signature row stayed on the first page and the date row went to the second.
  const feed = paperFeed([{ id: 'wanted', title: '所需政府信息', fields: [{ name: 'description', type: 'textarea', maxLength: 5000, label: '所需信息的内容描述' }] }],
    { name: '测试区人民政府办公室' });
  const { page, log, close } = await openForm('print-sign', feed);
  // The signature cell and the date row are painted in colours of their own, found again in the PDF's pages.
  const colours = '.paper td.sign { background: #f0f !important; } .paper tbody:last-child tr:last-child td { background: #0ff !important; }';
  /** The pages (from 0) the signature row and the date row print on, with an answer of `lines` lines. */
  const pagesOf = async (lines, css = '') => {
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillToPaper(page, `(root) => {
      root.querySelector('input[type=radio]')?.click();
      const answer = root.querySelector('textarea');
      if (answer && !answer.value) {
        answer.value = Array.from({ length: ${lines} }, (_, i) => 'line ' + (i + 1)).join('\\n');
        answer.dispatchEvent(new Event('input', { bubbles: true }));
      }
      root.querySelector('form .btn.primary').click();
    }`);
    await addFormStyle(page, colours + css);
    const pages = fillColours(await page.pdf({ format: 'A4', printBackground: true }));
    return ['1 0 1', '0 1 1'].map((c) => pages.findIndex((p) => p.includes(c)));
  };
  try {
    // Rows kept whole only, as before: the first answer length that takes the date row to page 2.
    const before = '@media print { .paper tbody { break-inside: auto !important; } .paper td.sign { break-inside: avoid; } }';
    let lo = 1;
    let hi = 120;
    assert.ok((await pagesOf(hi, before))[1] >= 1, `with ${hi} lines the date row prints after page 1`);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((await pagesOf(mid, before))[1] >= 1) hi = mid;
      else lo = mid;
    }
    assert.deepEqual(await pagesOf(hi, before), [0, 1], `rows kept whole only: with ${hi} lines, signature on page 1, date on page 2`);
    for (const lines of [lo, hi, hi + 1]) {
      const [sign, date] = await pagesOf(lines);
      assert.ok(sign >= 0 && sign === date, `with ${lines} lines, the rows to sign and date print on one page (${sign + 1} and ${date + 1})`);
    }
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

for (const [name, scripts] of [
  ['the classic script', '<script src="/dist/disclosure-elements.js"></script>'],
  ['the code-split set', '<script type="module" src="/dist/cdn/catalogue.js"></script><script type="module" src="/dist/cdn/annual-stats.js"></script><script type="module" src="/dist/cdn/request-form.js"></script>'],
]) {
  test(`an old page's own scripts (an old promise library, wrapped XMLHttpRequest and pushState, a hash router, every link click hijacked, window.open and confirm replaced): search, pages, back, document links and the CSV downloads work: ${name}`, async () => {
    const html = `<html><head><script src="/e2e/pages/old-page-scripts.js"></script></head><body>
      <disclosure-catalogue src="/demo/feeds/catalogue.json"></disclosure-catalogue>
      <annual-stats src="/demo/feeds/annual/2022.json"></annual-stats>
      <request-form src="/demo/feeds/request-form.json"></request-form>
      ${scripts}</body></html>`;
    const { page, log, close } = await open('/e2e/old-scripts.html', {
      routes: { '**/e2e/old-scripts.html': (r) => r.fulfill({ contentType: 'text/html', body: html }) },
    });
    const seen = () => page.evaluate(() => ({ ...window.__seen, href: location.href }));
    const cat = (expr) => page.evaluate(`(() => { const root = document.querySelector('disclosure-catalogue').shadowRoot; return ${expr}; })()`);
    try {
      assert.equal(await page.evaluate(() => String(Promise).includes('[native code]') || 'finally' in Promise.prototype), false, "the page's own Promise");
      await waitForShadow(page, 'disclosure-catalogue', 'li.item');
      await waitForShadow(page, 'annual-stats', 'table');
      await waitForShadow(page, 'request-form', 'input');
      await page.evaluate(() => {
        const q = document.querySelector('disclosure-catalogue').shadowRoot.querySelector('#q');
        q.value = '防汛';
        q.dispatchEvent(new Event('input'));
      });
      await page.waitForFunction(() => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('mark')?.textContent === '防汛');
      // The URL state goes through the router's pushState, and its route (#/list) stays.
      await page.waitForFunction(() => location.search.includes('catalogue.q='));
      assert.match((await seen()).href, /\?catalogue\.q=%E9%98%B2%E6%B1%9B#\/list$/);
      const first = await cat("root.querySelector('li.item h3').textContent");
      await page.locator('disclosure-catalogue nav.pages button').last().click();
      await page.waitForFunction(() => location.search.includes('catalogue.page=2'));
      await page.waitForFunction((t) => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('li.item h3').textContent !== t, first);
      assert.match((await seen()).href, /#\/list$/);
      await page.goBack();
      await page.waitForFunction((t) => document.querySelector('disclosure-catalogue').shadowRoot.querySelector('li.item h3')?.textContent === t, first);
      assert.equal(await cat("root.querySelector('#q').value"), '防汛');
      // The router moving to another route (a hash change, which is a popstate too) leaves the results as they are.
      await page.evaluate(() => (location.hash = '#/detail'));
      await page.waitForTimeout(300);
      assert.equal(await cat("root.querySelector('#q').value + ' ' + root.querySelector('li.item h3').textContent"), `防汛 ${first}`);
      assert.match((await seen()).href, /\?catalogue\.q=%E9%98%B2%E6%B1%9B#\/detail$/);
      // A document's link opens it: the page's link handler sees the element, not a link, and leaves the click alone.
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('disclosure-catalogue li.item a').first().click()]);
      assert.match(popup.url(), /\/demo\/content\.html\?id=/);
      // The CSV downloads (the catalogue's, a table's of the report) are not taken for links leaving the site.
      const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.locator('disclosure-catalogue button', { hasText: 'CSV' }).first().click()]);
      assert.match(readFileSync(await csv.path(), 'utf8'), /防汛/);
      const [table] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.locator('annual-stats button', { hasText: 'CSV' }).first().click()]);
      assert.match(table.suggestedFilename(), /^annual-2022-.+\.csv$/);
      const s = await seen();
      assert.deepEqual([s.warned, s.alerts, s.opened], [[], [], []], 'no "leaving the site" warning, no dialog');
      assert.ok(s.routed.length >= 2);
      // The report's charts draw with the page's Promise.
      await page.waitForFunction(chartHasPixels, null, { timeout: 15000 });
      assert.deepEqual(log.errors, []);
      assert.deepEqual(log.consoleErrors, []);
    } finally {
      await close();
    }
  });
}

await run({
  async setup() {
    server = await serveStatic({
      root,
      headers: (path) => (path.startsWith('/e2e/pages/csp-') ? { 'content-security-policy': STRICT_CSP } : undefined),
    });
    browser = await launchChromium();
  },
  async teardown() {
    await browser?.close();
    await server?.close();
  },
});
