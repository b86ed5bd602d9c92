// Storybook smoke test: serves the static build (dist/storybook), opens every story of index.json in headless
// Chromium and checks that it renders. Run `npm run build-storybook` first.
//
// Per story: no page error, no console.error, no failed request for a file of the build (a 4xx/5xx answer or a
// dropped connection from 127.0.0.1), no dialog (alert() from a hostile feed), no request to a host other than
// 127.0.0.1, no Storybook error display (a failed `play` function), every element of the library in the story is
// defined and has rendered into its shadow root, and the story's element reached the state its tags promise:
//   expect:<part>          that shadow part is shown (e.g. expect:error, expect:loading, expect:warning, expect:result)
//   (none)                 loaded: no loading and no error part
//   expect:console-error   the story means to make the element log console errors (they are printed, not failures)
//   expect:failed-request  the story means to request a missing file of the build (printed, not a failure)
//   hostile                no <img>, <script>, <iframe>, <object>, <embed> in any shadow root, no javascript:/data: link
//   step:<n>               <request-form> shows its step n (1 is the first; the review is the last)
//   long-text              nothing in the element runs past its right edge (long words wrap; tables scroll in their box)
// In every story, no word (Latin letters and figures, up to 15 characters, outside tables) is broken over two lines.
//   themed                 the story's `--de-*` args (its theme's tokens, shown in Controls) are set on the element and
//                          take effect (the primary button's background), and the story shows them as text too
// Every element has stories of the states a designer looks at (REQUIRED below: loading, error, hostile feed, long text,
// each request-form step, …); a full run fails when one is missing.
// Docs pages (autodocs) are opened too: no page error, every element on them defined and rendered; no console error
// or failed request unless a story of that page carries the matching expect: tag (a docs page renders them all).
//
// Prints "storybook-smoke: N passed, N failed", writes {passed, failed, failures, failedNames} to .smoke-counts.json,
// exits 1 on failure.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve.mjs';
import { findChrome, chromeArgs } from '../scripts/chrome.mjs';
import { brokenWords } from './broken-words.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist/storybook`;
const TAGS = ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status', 'disclosure-provider'];
const STORY_TIMEOUT = Number(process.env.SMOKE_TIMEOUT ?? 15000);
const only = process.argv.slice(2); // optional: story ids, or parts of them

// failedNames: the ids of the stories and docs pages that failed, which `npm test` passes back to run them once more
// (scripts/test.mjs: one to three failures; passing then, they are named as flaky).
const counts = { passed: 0, failed: 0, failures: [], failedNames: [] };
const failures = [];

function writeCounts() {
  writeFileSync(`${root}.smoke-counts.json`, `${JSON.stringify(counts)}\n`);
}

let index;
try {
  index = JSON.parse(readFileSync(`${outDir}/index.json`, 'utf8'));
} catch (error) {
  console.error(`storybook-smoke: cannot read ${outDir}/index.json (run \`npm run build-storybook\` first): ${error.message}`);
  counts.failed = 1;
  writeCounts();
  console.log('storybook-smoke: 0 passed, 1 failed');
  process.exit(1);
}
/** Tags that allow something, or ask for a check of their own, instead of naming a shadow part the element must show. */
const ALLOW_TAGS = ['expect:console-error', 'expect:failed-request'];
/** The states each element has a story for (tags of its stories); `step:*` of request-form are added from its steps. */
const REQUIRED = {
  'disclosure-catalogue': ['expect:loading', 'expect:error', 'expect:empty', 'expect:warning', 'hostile', 'long-text', 'themed'],
  'annual-stats': ['expect:loading', 'expect:error', 'expect:reconciliation', 'expect:year-select', 'hostile', 'long-text'],
  'request-form': ['expect:loading', 'expect:error', 'expect:error-summary', 'expect:review', 'expect:send-status', 'expect:receipt', 'expect:paper', 'hostile', 'long-text'],
  'request-status': ['expect:loading', 'expect:error', 'expect:result', 'expect:lookup-error', 'expect:lookup-busy', 'hostile', 'long-text'],
};
const allEntries = Object.values(index.entries);
const entries = allEntries
  .filter((e) => e.type === 'story' || e.type === 'docs')
  .filter((e) => !only.length || only.some((s) => e.id.includes(s)))
  // Stories first, then the docs pages.
  .sort((a, b) => (a.type === b.type ? 0 : a.type === 'story' ? -1 : 1));

const executablePath = findChrome();
if (!executablePath) {
  console.error('storybook-smoke: no Chromium found (set CHROME_PATH)');
  counts.failed = 1;
  writeCounts();
  console.log('storybook-smoke: 0 passed, 1 failed');
  process.exit(1);
}

/** The element a story is about: the last part of its title (`Elements/disclosure-catalogue`). */
function mainTag(entry) {
  const last = entry.title.split('/').pop().trim();
  return TAGS.includes(last) ? last : null;
}

/**
 * Runs before Storybook's preview: listens on its channel for the end of a story (after its `play` function) and for
 * exceptions in render or play, which Storybook catches and so never reach 'pageerror'.
 */
function watchChannel() {
  const smoke = (window.__smoke = { finished: null, errors: [] });
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const fail = (what) => (e) => smoke.errors.push(`${what}: ${String(e?.message ?? e?.description ?? e).split('\n')[0]}`);
      value.on('playFunctionThrewException', fail('play function threw'));
      value.on('storyThrewException', fail('story threw'));
      value.on('storyErrored', fail('story errored'));
      value.on('storyFinished', (p) => {
        smoke.finished = p?.status ?? 'done';
        if (p?.status === 'error') smoke.errors.push('story finished with status "error"');
      });
    },
  });
}

/** Runs in the page: the state of every library element in the story root, and whether the story is done. */
function probe({ tags, main, expects, hostile, docs, step, longText, themed }) {
  const rootEl = document.querySelector(docs ? '#storybook-docs' : '#storybook-root');
  const problems = [];
  const els = rootEl ? [...rootEl.querySelectorAll(tags.join(','))] : [];
  const errorDisplay = document.body.classList.contains('sb-show-errordisplay');
  if (errorDisplay) {
    const msg = document.querySelector('#error-message')?.textContent ?? '';
    const stack = document.querySelector('#error-stack')?.textContent ?? '';
    return { done: true, fatal: true, problems: [`Storybook error display: ${msg} ${stack.split('\n').slice(0, 3).join(' | ')}`.trim()] };
  }
  const smoke = window.__smoke ?? { finished: 'unknown', errors: [] };
  let steps = 0;
  if (smoke.errors.length) return { done: true, fatal: true, problems: smoke.errors };
  if (!docs && !smoke.finished) return { done: false, problems: ['story (and its play function) did not finish'] };
  if (docs) {
    if (!rootEl || !rootEl.querySelector('.sbdocs, .sb-story, [id^="story--"]')) return { done: false, problems: ['docs page not rendered'] };
  } else if (!document.body.classList.contains('sb-show-main')) {
    return { done: false, problems: ['story not shown yet'] };
  }
  if (main && !els.some((e) => e.localName === main)) problems.push(`<${main}> is not in the story`);
  if (!docs && !els.length) problems.push('no library element in the story');
  for (const el of els) {
    const name = `<${el.localName}>`;
    if (!customElements.get(el.localName)) problems.push(`${name} is not defined`);
    const sr = el.shadowRoot;
    if (!sr || !sr.children.length) {
      problems.push(`${name} has an empty shadow root`);
      continue;
    }
    if (el.localName === 'disclosure-provider' || docs) continue;
    const has = (part) => !!sr.querySelector(`[part~="${part}"]`);
    if (el.localName === main && step) {
      const items = [...sr.querySelectorAll('[part~="progress"] li')];
      const at = items.findIndex((li) => li.hasAttribute('aria-current')) + 1;
      if (at !== step) problems.push(`${name} shows step ${at || 'none'} of ${items.length}, not step ${step}`);
      steps = items.length;
    }
    if (el.localName === main && themed) {
      const set = [...el.style].filter((p) => p.startsWith('--de-'));
      const primary = el.style.getPropertyValue('--de-color-primary').trim();
      const button = sr.querySelector('.btn.primary');
      const probeColour = document.createElement('i');
      probeColour.style.color = primary;
      document.body.append(probeColour);
      const want = getComputedStyle(probeColour).color;
      probeColour.remove();
      if (set.length < 3 || !primary) problems.push(`${name}: the theme's tokens are not the story's args (set on the element: ${set.join(' ') || 'none'})`);
      else if (!button || getComputedStyle(button).backgroundColor !== want) problems.push(`${name}: --de-color-primary ${primary} is not the primary button's colour`);
      // Every token the shown theme sets is an arg (a control) and reaches the element.
      const shown = [...new Set(rootEl.textContent.match(/--de-[\w-]+(?=\s*:)/g) ?? [])];
      if (!shown.includes('--de-color-primary')) problems.push('the story does not show the theme\'s tokens');
      const unset = shown.filter((t) => !set.includes(t));
      if (unset.length) problems.push(`${name}: the theme sets ${unset.join(', ')}, which its controls do not`);
    }
    if (el.localName === main && longText) {
      const edge = el.getBoundingClientRect().right + 1;
      const past = [...sr.querySelectorAll('*')].filter((n) => {
        if (n.getBoundingClientRect().right <= edge) return false;
        // Inside a box that scrolls (a wide table), or hidden for screen readers only, it is not past the edge.
        for (let p = n.parentElement; p; p = p.parentElement) if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return false;
        return true;
      });
      if (past.length) problems.push(`${name}: <${past[0].localName}> "${past[0].textContent.trim().slice(0, 40)}" runs past the element's right edge`);
    }
    // No word is broken where its line would hold it (e2e/broken-words.mjs).
    for (const w of window.__brokenWords(sr)) problems.push(`${name}: a word broken over two lines: ${w}`);
    if (el.localName === main && expects.length) {
      for (const part of expects) if (part !== 'lookup-busy' && !has(part)) problems.push(`${name} shows no [part~="${part}"]`);
      if (!expects.includes('loading') && has('loading')) problems.push(`${name} is still loading`);
      // The status lookup running: 查询 unavailable, its words said.
      if (expects.includes('lookup-busy') && !sr.querySelector('[part~="lookup"] [aria-disabled="true"]')) problems.push(`${name}: no lookup running`);
    } else {
      if (has('loading')) problems.push(`${name} is still loading`);
      if (has('error')) problems.push(`${name} shows an error: ${sr.querySelector('[part~="error"]').textContent.trim().slice(0, 160)}`);
    }
  }
  if (hostile) {
    for (const el of els) {
      const sr = el.shadowRoot;
      if (!sr) continue;
      const bad = sr.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]');
      if (bad.length) problems.push(`<${el.localName}> rendered markup from the feed: <${bad[0].localName}>`);
      for (const a of sr.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (/^(javascript|data|vbscript):/.test(href)) {
          problems.push(`<${el.localName}> links to ${href.slice(0, 60)}`);
        }
      }
    }
  }
  return { done: problems.length === 0, problems, steps };
}

/** How many steps the request-form stories' form has (seen by the step:<n> stories): each needs a story. */
let formSteps = 0;

const server = await serveStatic({ root: outDir });
const browser = await chromium.launch({ executablePath, headless: true, args: chromeArgs });
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  // (In every page before its scripts: probe() calls it.)
  await context.addInitScript({ content: `window.__brokenWords = ${brokenWords};` });
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) await check(entry);
  };
  // Each story gets its own page: a few at a time keeps the run short on a 2-core CI machine.
  async function check(entry) {
    const docs = entry.type === 'docs';
    const tags = entry.tags ?? [];
    const expects = tags.filter((t) => t.startsWith('expect:') && !ALLOW_TAGS.includes(t)).map((t) => t.slice('expect:'.length));
    // A docs page renders every story of its title, so it allows what any of them expects.
    const pageTags = docs ? allEntries.filter((e) => e.type === 'story' && e.title === entry.title).flatMap((e) => e.tags ?? []) : tags;
    const allowConsoleError = pageTags.includes('expect:console-error');
    const allowFailedRequest = pageTags.includes('expect:failed-request');
    const expected = [];
    const hostile = tags.includes('hostile');
    const step = Number(tags.find((t) => t.startsWith('step:'))?.slice(5)) || 0;
    const longText = tags.includes('long-text');
    const themed = tags.includes('themed');
    const main = mainTag(entry);
    const label = `${docs ? 'docs ' : ''}${entry.id}`;
    const problems = [];
    const page = await context.newPage();
    await page.addInitScript(watchChannel);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message.split('\n')[0]}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const at = m.location()?.url ? ` (${m.location().url.replace(server.url, '').slice(0, 80)})` : '';
      const text = `console error: ${m.text().split('\n')[0].slice(0, 200)}${at}`;
      // Chromium logs every failed resource load as a console error too; the request handlers below judge those.
      if (/^Failed to load resource\b/.test(m.text())) return;
      (allowConsoleError ? expected : problems).push(text);
    });
    const ownFile = (url) => url.startsWith(`${server.url}/`);
    page.on('response', (r) => {
      if (r.status() >= 400 && ownFile(r.url())) {
        (allowFailedRequest ? expected : problems).push(`failed request: ${r.status()} ${r.url().replace(server.url, '').slice(0, 120)}`);
      }
    });
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      // Aborted requests are the story's own doing (an AbortController, a superseded load) or the page closing.
      if (ownFile(r.url()) && !/ERR_ABORTED/.test(why)) {
        (allowFailedRequest ? expected : problems).push(`failed request: ${why} ${r.url().replace(server.url, '').slice(0, 120)}`);
      }
    });
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.type()} "${d.message()}"`);
      void d.dismiss().catch(() => {});
    });
    page.on('request', (r) => {
      const u = new URL(r.url());
      if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && u.hostname !== '127.0.0.1') {
        problems.push(`request to another host: ${r.url().slice(0, 120)}`);
      }
    });
    const started = Date.now();
    let last = { done: false, problems: ['not probed'] };
    try {
      await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${docs ? 'docs' : 'story'}`, { waitUntil: 'load' });
      // A docs page draws every story of its element (the catalogue's and the report's: about twenty, each loading
      // feeds): it gets three times a story's time (on two busy cores it took over 15 s).
      while (Date.now() - started < STORY_TIMEOUT * (docs ? 3 : 1)) {
        last = await page.evaluate(probe, { tags: TAGS, main, expects, hostile, docs, step, longText, themed });
        if (last.done || problems.length) break;
        await page.waitForTimeout(100);
      }
      // Let late work (charts, announcements, a play function's last steps) surface its errors.
      await page.waitForTimeout(300);
      if (last.done) last = await page.evaluate(probe, { tags: TAGS, main, expects, hostile, docs, step, longText, themed });
    } catch (error) {
      problems.push(`navigation: ${error.message.split('\n')[0]}`);
    }
    if (!last.done || last.fatal) problems.push(...last.problems);
    if (last.steps) formSteps = Math.max(formSteps, last.steps);
    await page.close();
    const ms = Date.now() - started;
    if (problems.length) {
      counts.failed++;
      failures.push({ label, problems });
      counts.failures.push(`${label}: ${problems[0]}`);
      counts.failedNames.push(entry.id);
      console.log(`FAIL ${label} (${ms} ms)\n     ${[...new Set(problems)].join('\n     ')}`);
    } else {
      counts.passed++;
      console.log(`ok   ${label} (${ms} ms)`);
    }
    // What a story's tags allow is still shown, so a changed or extra message is noticed.
    if (expected.length) console.log(`     expected: ${[...new Set(expected)].join('\n     expected: ')}`);
  }
  await Promise.all(Array.from({ length: Number(process.env.SMOKE_CONCURRENCY ?? 4) }, worker));
} catch (error) {
  counts.failed++;
  console.error(`storybook-smoke: ${error.stack ?? error}`);
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

// A full run: each element has stories of the states REQUIRED lists, and request-form one of each step but the review
// (which expect:review covers).
if (!only.length) {
  for (const [tag, required] of Object.entries(REQUIRED)) {
    const have = new Set(allEntries.filter((e) => e.type === 'story' && mainTag(e) === tag).flatMap((e) => e.tags ?? []));
    const want = tag === 'request-form' ? [...required, ...Array.from({ length: Math.max(formSteps - 1, 1) }, (_, i) => `step:${i + 1}`)] : required;
    const missing = want.filter((t) => !have.has(t));
    if (missing.length) {
      counts.failed++;
      counts.failures.push(`stories of <${tag}>: none tagged ${missing.join(', ')}`);
      console.log(`FAIL stories of <${tag}>: no story tagged ${missing.join(', ')}`);
    } else {
      counts.passed++;
      console.log(`ok   stories of <${tag}> cover ${want.join(', ')}`);
    }
  }
}

writeCounts();
console.log(`\nstorybook-smoke: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
