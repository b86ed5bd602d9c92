// The whole 依申请公开 flow of the demo portal, end to end, as an applicant does it: the built classic script on the
// legacy portal page, <request-form> filled in by keyboard and mouse, submitted (multipart, with an ID proof) through
// the demo server to the real reference intake server on a fresh SQLite file, the receipt, then <request-status>
// looking the application up by its query code, and the staff API seeing exactly one stored application.
// Prints "apply-flow: N passed, N failed" and writes .apply-flow-counts.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import assert from 'node:assert/strict';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium, suite, watchPage } from './harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const { test, run } = suite('apply-flow', '.apply-flow-counts.json');
const TOKEN = 'e2e-staff-token-0123456789abcdef0123456789';
let server;
let browser;
const intakes = [];
const dataDirs = [];
let intakeUrl;
let foiaUrl;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/** A reference intake server on a fresh SQLite file, with the form feed given (the Chinese form unless told). */
async function startIntake(formFeed, env = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'de-intake-'));
  dataDirs.push(dir);
  const proc = spawn(process.execPath, ['demo/server/run.mjs'], {
    env: {
      ...process.env, INTAKE_PORT: String(port), INTAKE_DB: join(dir, 'intake.sqlite'), INTAKE_UPLOAD_DIR: join(dir, 'uploads'), INTAKE_STAFF_TOKEN: TOKEN,
      ...(formFeed ? { INTAKE_FORM_FEED: formFeed } : {}), ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  intakes.push(proc);
  proc.stdout.resume();
  proc.stderr.resume();
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the intake server did not start');
}

// The demo portal is served as `npm start` serves it: with a strict Content-Security-Policy and Trusted Types
// (scripts/serve.mjs). Every page opened here records what that policy refuses (window.__csp: a style attribute, an
// inline script, a string given to innerHTML, a request elsewhere …), and window.print only counts its calls (the
// print buttons are pressed; no dialog opens).
async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = watchPage(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    }, true);
    window.__printed = 0;
    window.print = () => { window.__printed++; };
  });
  return { context, page, log };
}

/** The response of a demo page carries the strict policy, with Trusted Types, and nothing that loosens it. */
function assertStrictCsp(response, where) {
  const csp = response.headers()['content-security-policy'] ?? '';
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v.join(' ')]));
  const want = {
    'default-src': "'self'", 'script-src': "'self'", 'style-src': "'self'", 'connect-src': "'self'", 'object-src': "'none'",
    'base-uri': "'none'", 'frame-ancestors': "'none'", 'require-trusted-types-for': "'script'", 'trusted-types': 'lit-html',
  };
  assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, directives[k]])), want, `${where}: Content-Security-Policy: ${csp}`);
  assert.doesNotMatch(csp, /unsafe-|\*|https?:/, `${where}: nothing loosens it`);
}

const cspViolations = (page) => page.evaluate(() => window.__csp);

let queryCode = '';
let statusHref = '';

test('an applicant fills in every step, reviews, submits with an ID proof, and gets a receipt with a query code (under the demo\'s strict CSP, no violation)', async () => {
  const { context, page, log } = await openPage();
  try {
    assertStrictCsp(await page.goto(`${server.url}/demo/apply.html`), 'apply.html');
    const form = page.locator('request-form').first();
    // Step 1: applicant. The type comes first; the fields for it appear once chosen.
    await form.getByLabel('公民', { exact: true }).check();
    await form.locator('[name="name"]').fill('张三');
    await form.locator('select[name="idType"]').selectOption('residentId');
    await form.locator('[name="idNumber"]').fill('11010519491231002x');
    await form.locator('[name="mobile"]').fill('138 0013 8000');
    await form.locator('[name="address"]').fill('湖南省岳阳市君山区柳林洲镇示例路 1 号');
    await form.getByRole('button', { name: '下一步' }).click();
    // Step 2: the information wanted.
    await form.locator('[name="description"]').fill('2013年君山区农村危房改造补助资金的分配和使用情况。');
    await form.getByRole('button', { name: '下一步' }).click();
    // Step 3: how to receive it.
    await form.locator('[name="carrier"]').first().check();
    await form.locator('[name="delivery"]').first().check();
    await form.getByRole('button', { name: '下一步' }).click();
    // Step 4: ID proof and declaration.
    await form.locator('input[type="file"][name="idProof"]').setInputFiles({
      name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    });
    await form.locator('[name="declaration"]').check();
    await form.getByRole('button', { name: '下一步' }).click();
    // Review: every answer is there, as it will be sent (the ID number's x upper-cased, the mobile without spaces).
    const review = form.locator('[part~="review"]');
    await review.waitFor();
    const reviewText = await review.innerText();
    for (const s of ['张三', '11010519491231002X', '13800138000', '危房改造', '身份证.pdf']) assert.ok(reviewText.includes(s), `review shows ${s}`);
    await form.getByRole('button', { name: '提交申请' }).click();
    const receipt = form.locator('[part~="receipt"]');
    await receipt.waitFor({ timeout: 15000 });
    const receiptText = await receipt.innerText();
    queryCode = /[A-HJ-NP-Z2-9]{8,10}/.exec(receiptText)?.[0] ?? '';
    assert.ok(queryCode, `a query code in the receipt: ${receiptText}`);
    assert.match(receiptText, /\d{4}年\d{1,2}月\d{1,2}日/, 'the due date is shown');
    // The feed's status.page: a link to the status page with the code (not the name) in its URL.
    statusHref = await receipt.getByRole('link', { name: '查询办理进度' }).evaluate((a) => a.href);
    assert.equal(statusHref, `${server.url}/demo/status.html?querycode=${queryCode}`);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await cspViolations(page), [], 'no CSP or Trusted Types violation while applying');
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('the staff API holds exactly one application, with the attachment, and the ID number normalised', async () => {
  const r = await fetch(`${intakeUrl}/api/staff/requests`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(r.status, 200);
  const body = await r.json();
  const list = body.requests ?? body.items ?? body;
  assert.equal(list.length, 1, JSON.stringify(body).slice(0, 300));
  const one = await (await fetch(`${intakeUrl}/api/staff/requests/${list[0].id ?? list[0].requestId}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  const text = JSON.stringify(one);
  assert.ok(text.includes('11010519491231002X'), 'ID number stored normalised');
  assert.ok(text.includes('身份证.pdf'), 'the attachment is stored');
  assert.ok(text.includes(queryCode), 'the same query code');
});

test('the applicant follows the application on the status page with the query code and name (under the demo\'s strict CSP, no violation)', async () => {
  const { context, page, log } = await openPage();
  try {
    // Through the receipt's link (as the applicant clicks it).
    assertStrictCsp(await page.goto(statusHref), 'status.html');
    const status = page.locator('request-status');
    await status.locator('input').first().waitFor();
    const inputs = status.locator('input');
    assert.equal(await inputs.first().inputValue(), queryCode, 'the query code is prefilled from the link');
    await status.locator('input').nth(1).fill('张三');
    await status.locator('input').nth(1).press('Enter');
    const result = status.locator('[part~="result"]');
    await result.waitFor({ timeout: 10000 });
    const text = await result.innerText();
    assert.ok(text.includes(queryCode), text);
    assert.match(text, /已收到|received/i, text);
    // A wrong name is "not found", like an unknown code (no enumeration).
    await status.locator('input').nth(1).fill('李四');
    await status.locator('input').nth(1).press('Enter');
    await status.locator('[part~="lookup-error"]').waitFor({ timeout: 10000 });
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await cspViolations(page), [], 'no CSP or Trusted Types violation while looking up');
  } finally {
    await context.close();
  }
});

// README "The demo portal": the English FOIA example page (foia.html) is another agency: its form goes to its own intake
// server (the portal forwards /api/foia/ to it, as `npm start` does), which checks it against the FOIA form, stores it
// and answers its status lookups; the district's server gets nothing.
test('a requester on the demo\'s English FOIA page submits a request to the FOIA office\'s own intake server and follows it on the same page', async () => {
  const { context, page, log } = await openPage();
  const sent = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) sent.push(`${r.method()} ${new URL(r.url()).pathname}`); });
  try {
    assertStrictCsp(await page.goto(`${server.url}/demo/foia.html`), 'foia.html');
    const form = page.locator('request-form');
    const next = form.getByRole('button', { name: 'Next' });
    await form.getByLabel('Full name').fill('Jane Q. Public');
    await form.getByLabel('Email address').fill('jane@example.com');
    await form.getByLabel('Mailing address').fill('1 Main Street, Springfield, VA');
    await form.getByLabel('ZIP code').fill('2215');
    await next.click();
    // A wrong ZIP code is said next to its field and in the error summary (the click on Next, as the field is left,
    // is not lost), and the step stays; nothing is sent.
    await form.getByRole('link', { name: '“ZIP code” is not in the right format' }).waitFor();
    await form.locator('#f-postcode-error').getByText('“ZIP code” is not in the right format').waitFor();
    assert.equal(await form.getByLabel('ZIP code').getAttribute('aria-invalid'), 'true');
    await form.getByLabel('ZIP code').fill('22150');
    await next.click();
    await form.getByLabel('Description of the records').fill('Contracts for the renovation of the agency headquarters, 2024-2025.');
    await next.click();
    await form.getByLabel('Fee category').selectOption('other');
    await next.click();
    await form.getByLabel(/I certify/).check();
    await next.click();
    await form.locator('[part~="review"]').waitFor();
    await form.getByRole('button', { name: /^Submit/ }).click();
    const receipt = form.locator('[part~="receipt"]');
    await receipt.waitFor({ timeout: 15000 });
    const text = await receipt.innerText();
    const code = /[A-HJ-NP-Z2-9]{8,10}/.exec(text)?.[0] ?? '';
    assert.ok(code, `a query code in the receipt: ${text}`);
    // The FOIA office's server holds it, with the due date the receipt shows; the district's holds only its own one.
    const staff = async (base) => (await (await fetch(`${base}/api/staff/requests`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).items;
    // (Beside the office's three sample requests, seeded as npm start seeds them.)
    const foia = (await staff(foiaUrl)).find((r) => r.queryCode === code);
    assert.ok(foia, `the FOIA office holds ${code}`);
    const due = new Date(`${foia.dueDate}T12:00:00Z`);
    assert.ok(text.includes(`${due.toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' })} (20 working days`), `the due date ${foia.dueDate} in the receipt: ${JSON.stringify(text)}`);
    assert.equal((await staff(intakeUrl)).filter((r) => r.queryCode === code).length, 0, 'nothing at the district');
    // Looked up on the same page, by code and name.
    const status = page.locator('request-status');
    await status.locator('input').first().fill(code);
    await status.locator('input').nth(1).fill('Jane Q. Public');
    await status.getByRole('button', { name: 'Check' }).click();
    const result = status.locator('[part~="result"]');
    await result.waitFor({ timeout: 10000 });
    assert.ok((await result.innerText()).includes(code));
    assert.deepEqual(sent, ['POST /api/foia/requests', `GET /api/foia/requests/status`]);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await cspViolations(page), [], 'no CSP or Trusted Types violation');
  } finally {
    await context.close();
  }
});

// README "The demo portal": `npm start` serves every page of demo/pages/ through its layout, with the intake server
// behind /api, under a strict Content-Security-Policy with Trusted Types. Each page, in both languages, loads without a
// script error, a console error or warning, a failed request or a CSP violation, and its elements finish loading (no
// skeleton, no error panel); then it is used — the catalogue searched and printed, the annual charts drawn (another
// year, and for print), the paper application form filled in, made and printed, an application looked up, and the
// top bar's 长者模式, language and 夜间模式 switches pressed — and still nothing is refused.
const waitForCharts = (page) => page.waitForFunction(() => {
  const canvases = [...(document.querySelector('annual-stats').shadowRoot?.querySelectorAll('canvas') ?? [])];
  return canvases.length > 0 && canvases.every((canvas) => {
    if (!canvas.width) return false;
    // Read from a copy: reading the chart's own canvas again and again makes Chromium warn (willReadFrequently).
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]) return true;
    return false;
  });
}, undefined, { timeout: 15000 });

const useDemoPage = {
  'index.html': async (page) => {
    const catalogue = page.locator('disclosure-catalogue');
    await catalogue.locator('#q').fill('防汛');
    await catalogue.locator('mark').first().waitFor();
    await catalogue.getByRole('button', { name: /^(打印|Print)$/ }).click();
    await page.waitForFunction(() => window.__printed === 1);
  },
  'report.html': async (page) => {
    const stats = page.locator('annual-stats');
    await waitForCharts(page);
    await stats.locator('select#year').selectOption('2022');
    await stats.locator('#t3').waitFor();
    await waitForCharts(page);
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(300);
    await page.emulateMedia({ media: 'screen' });
    await waitForCharts(page);
  },
  'apply.html': async (page) => {
    await page.locator('details summary').click();
    const form = page.locator('request-form').nth(1);
    const next = form.getByRole('button', { name: /^(下一步|Next)$/ });
    await form.getByLabel('公民', { exact: true }).check();
    await form.locator('[name="name"]').fill('张三');
    await form.locator('select[name="idType"]').selectOption('residentId');
    await form.locator('[name="idNumber"]').fill('11010519491231002x');
    await form.locator('[name="mobile"]').fill('13800138000');
    await form.locator('[name="address"]').fill('湖南省岳阳市君山区柳林洲镇示例路 1 号');
    await next.click();
    await form.locator('[name="description"]').fill('2013年君山区农村危房改造补助资金的分配和使用情况。');
    await next.click();
    await form.locator('[name="carrier"]').first().check();
    await form.locator('[name="delivery"]').first().check();
    await next.click();
    await form.locator('[name="declaration"]').check();
    await next.click();
    await form.getByRole('button', { name: /^(生成申请表|Create the application form)$/ }).click();
    await form.locator('[part~="paper"]').waitFor();
    await form.getByRole('button', { name: /^(打印|Print)$/ }).click();
    await page.waitForFunction(() => window.__printed === 1);
  },
  // A sample request the page lists (the FOIA server was seeded as npm start seeds it), looked up as a requester does.
  'foia.html': async (page) => {
    const status = page.locator('request-status');
    await status.locator('input').first().fill('USAMPLE234');
    await status.locator('input').nth(1).fill('Jane Roe');
    await status.getByRole('button', { name: 'Check' }).click();
    const result = status.locator('[part~="result"]');
    await result.waitFor({ timeout: 10000 });
    assert.match(await result.innerText(), /in part/i);
  },
  'status.html': async (page) => {
    const status = page.locator('request-status');
    // The application submitted in the first test, looked up through the /api proxy.
    assert.ok(queryCode, 'the first test submitted an application');
    await status.locator('input').first().fill(queryCode);
    await status.locator('input').nth(1).fill('张三');
    await status.getByRole('button', { name: /^(查询|Check)$/ }).click();
    await status.locator('[part~="result"]').waitFor({ timeout: 10000 });
  },
};

test('every demo portal page (demo/pages/*.html, zh-CN and en) loads and is used under a strict CSP with Trusted Types without errors, warnings, failed requests or violations', async () => {
  const pages = readdirSync('demo/pages').filter((f) => f.endsWith('.html')).sort();
  assert.ok(pages.length >= 6, pages.join());
  const elements = 'disclosure-catalogue, annual-stats, request-form, request-status';
  const loaded = (page, where) => page.waitForFunction((sel) => [...document.querySelectorAll(sel)]
    .every((el) => el.shadowRoot?.querySelector('[part~="base"]') && !el.shadowRoot.querySelector('[part~="loading"], [part~="error"]')),
  elements, { timeout: 15000 }).catch(() => assert.fail(`${where}: an element is still loading or shows an error`));
  for (const file of pages) {
    for (const lang of ['zh-CN', 'en']) {
      const { context, page, log } = await openPage();
      const failed = [];
      page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
      // Chromium reports an answer sent with Cache-Control: no-store that the page reads to its end through a stream
      // reader (a status lookup's) as canceled now and then, although the page got all of it (microsoft/playwright#42742;
      // about one run in four here). Such an ERR_ABORTED counts only when the page's Resource Timing shows less of the
      // body than its Content-Length: a request really cut off still fails the test.
      const reports = [];
      page.on('requestfailed', (r) => reports.push((async () => {
        if (r.failure()?.errorText === 'net::ERR_ABORTED') {
          const length = Number((await r.response().catch(() => null))?.headers()['content-length']);
          const got = await page.evaluate((u) => performance.getEntriesByName(u).at(-1)?.encodedBodySize, r.url()).catch(() => -1);
          if (length > 0 && got === length) return;
        }
        failed.push(`${r.failure()?.errorText} ${r.url()}`);
      })()));
      page.on('console', (m) => { if (m.type() === 'error' && m.text().startsWith('Failed to load resource')) failed.push(m.text()); });
      const where = `${file}?lang=${lang}`;
      try {
        assertStrictCsp(await page.goto(`${server.url}/demo/${where}`, { waitUntil: 'networkidle' }), where);
        await loaded(page, where);
        const report = async (when) => {
          await Promise.all(reports);
          assert.deepEqual(
            { errors: log.errors, consoleErrors: log.consoleErrors, warnings: log.warnings, failed, violations: await cspViolations(page) },
            { errors: [], consoleErrors: [], warnings: [], failed: [], violations: [] }, `${where} ${when}`);
        };
        await report('loaded');
        await useDemoPage[file]?.(page);
        // The top bar's switches (pages without an element hide them).
        // A page in one language only (the English FOIA example, data-lang="fixed") hides the language switch and stays
        // in its language whatever the reader chose on another page.
        const fixed = await page.locator('disclosure-provider[data-lang="fixed"]').count();
        if (fixed) {
          assert.equal(await page.locator('#toggle-lang').isVisible(), false, `${where}: no language switch`);
          assert.equal(await page.locator('disclosure-provider').getAttribute('lang'), 'en', `${where}: stays English`);
          await page.click('#toggle-large');
          await page.click('#toggle-dark');
        } else if (await page.locator('disclosure-provider').count()) {
          await page.click('#toggle-large');
          await page.click('#toggle-dark');
          await page.click('#toggle-lang');
          const other = lang === 'en' ? 'zh-CN' : 'en';
          await page.waitForFunction((l) => document.querySelector('disclosure-provider').getAttribute('lang') === l
            && document.getElementById('toggle-lang').textContent === (l === 'en' ? '中文' : 'English'), other);
          await loaded(page, `${where} switched to ${other}`);
          await page.waitForTimeout(200);
          if (file === 'report.html') await waitForCharts(page);
        }
        await report('used');
      } finally {
        await context.close();
      }
    }
  }
});

// README "The demo portal": the portal keeps its 1000 px legacy layout table on a desktop, but on a phone (320 px) its
// cells stack and nothing scrolls sideways; printed, only the main content (the element, or the guide's text) is on
// the paper, at the paper's width, without the banner, menu, side column, breadcrumb, sample note or footer.
test('demo portal pages: at 320 px wide nothing scrolls sideways; printed, only the main content shows (no banner or side column); the desktop layout is unchanged', async () => {
  const pages = readdirSync('demo/pages').filter((f) => f.endsWith('.html')).sort();
  const chrome = ['.banner', '.nav', '.side', '.foot', '.crumb', '.sample-note'];
  const loaded = (page) => page.waitForFunction(() => [...document.querySelectorAll('disclosure-catalogue, annual-stats, request-form, request-status')]
    .every((el) => el.shadowRoot?.querySelector('[part~="base"]') && !el.shadowRoot.querySelector('[part~="loading"]')), undefined, { timeout: 15000 });
  for (const file of pages) {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/demo/${file}`, { waitUntil: 'networkidle' });
      await loaded(page);
      const phone = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        wider: [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
        // Only the layout table's own cells stack: a table in the content (the status page's samples) stays a table.
        unstacked: [...document.querySelectorAll('td.main table td')].filter((td) => getComputedStyle(td).display !== 'table-cell').length,
      }));
      assert.deepEqual(phone, { scroll: 320, wider: [], unstacked: 0 }, `${file} at 320 px`);
      // Printed (at about the width of an A4 page's printable area): the portal's frame is gone, the content is there.
      await page.setViewportSize({ width: 700, height: 900 });
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate((sel) => ({
        shown: sel.filter((s) => document.querySelector(s)?.checkVisibility()),
        content: [...document.querySelectorAll('td.main :is(.doc, disclosure-catalogue, annual-stats, request-form, request-status)')]
          .filter((e) => !e.closest('details:not([open])')).map((e) => e.checkVisibility() && e.getBoundingClientRect().height > 50),
        scroll: document.documentElement.scrollWidth,
      }), chrome);
      assert.deepEqual(print.shown, [], `${file}: printed without the portal's frame`);
      assert.ok(print.content.length > 0 && print.content.every(Boolean), `${file}: the main content prints (${print.content})`);
      assert.equal(print.scroll, 700, `${file}: printed at the paper's width`);
    } finally {
      await context.close();
    }
  }
  // On a desktop the legacy look stays: the 1000 px table with the side column beside the content.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/demo/index.html`, { waitUntil: 'networkidle' });
    const desk = await page.evaluate(() => {
      const side = document.querySelector('.side').getBoundingClientRect();
      const main = document.querySelector('.main').getBoundingClientRect();
      return { table: document.querySelector('.main').closest('table').getBoundingClientRect().width, beside: side.right <= main.left && side.top === main.top };
    });
    assert.deepEqual(desk, { table: 1000, beside: true });
    // The status page's list of sample applications is a table of three columns, also below 1000 px.
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`${server.url}/demo/status.html`, { waitUntil: 'networkidle' });
    const cells = await page.evaluate(() => [...document.querySelector('.samples tr:nth-child(2)').cells].map((c) => Math.round(c.getBoundingClientRect().top)));
    assert.equal(new Set(cells).size, 1, `the samples' first row on one line (cells at ${cells})`);
  } finally {
    await context.close();
  }
});

await run({
  async setup() {
    // Two agencies, as `npm start` runs them: the district's (the Chinese form) and the FOIA office of foia.html.
    [intakeUrl, foiaUrl] = await Promise.all([startIntake(), startIntake('demo/feeds/request-form-us-foia.json', { INTAKE_SEED_DEMO: 'us-foia' })]);
    server = await serveStatic({ root, apiTarget: intakeUrl, apiTargets: { '/api/foia/': foiaUrl } });
    browser = await launchChromium();
  },
  async teardown() {
    await browser?.close();
    await server?.close();
    for (const p of intakes) p.kill('SIGTERM');
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  },
});
