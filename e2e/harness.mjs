// The small test harness the Playwright end-to-end suites share (e2e/run.mjs, autoload, frameworks): a list of tests
// run one after another, a setup step whose failure counts as one failed test, a closing line "<suite>: N passed,
// N failed", the counts in a JSON file for scripts/test.mjs, and the page log every suite records.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { findChrome, chromeArgs } from '../scripts/chrome.mjs';

export const launchChromium = () => chromium.launch({ executablePath: findChrome() ?? undefined, headless: true, args: chromeArgs });

/** What goes wrong on a page: page errors, console errors (not failed resource loads) and warnings, requests. */
export function watchPage(page, { requestPath = false } = {}) {
  const log = { errors: [], consoleErrors: [], warnings: [], requests: [] };
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) log.consoleErrors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('request', (r) => log.requests.push(requestPath ? new URL(r.url()).pathname : r.url()));
  return log;
}

/**
 * Waits (up to `timeout` ms) until `log` (watchPage's) has a request that `match` accepts, and tells whether it has:
 * for code asked for some time after what a test can see (the chart chunk, after the first paint).
 */
export async function requested(page, log, match, timeout = 15000) {
  for (const end = Date.now() + timeout; !log.requests.some(match) && Date.now() < end; ) await page.waitForTimeout(50);
  return log.requests.some(match);
}

const short = (error) => String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ');

/**
 * A suite: `test(name, fn)` to add tests, `run({ setup, teardown })` to run them and exit with the result. Words given
 * on the command line (`node e2e/run.mjs paper`) run only the tests whose names contain one of them.
 */
export function suite(label, countsFile) {
  const tests = [];
  return {
    test: (name, fn) => tests.push({ name, fn }),
    async run({ setup = async () => {}, teardown = async () => {} } = {}) {
      const results = { passed: 0, failed: 0, failures: [], failedNames: [] };
      try {
        await setup();
        const only = process.argv.slice(2);
        for (const t of tests.filter((x) => !only.length || only.some((w) => x.name.includes(w)))) {
          try {
            await t.fn();
            results.passed++;
            console.log(`  ✓ ${t.name}`);
          } catch (error) {
            results.failed++;
            results.failures.push(`${t.name}: ${short(error).split('\n')[0]}`);
            results.failedNames.push(t.name);
            console.log(`  ✗ ${t.name}\n    ${short(error)}`);
          }
        }
      } catch (error) {
        results.failed++;
        results.failures.push(`setup: ${short(error).split('\n')[0]}`);
        console.log(`  ✗ setup (build, server or browser)\n    ${short(error)}`);
      } finally {
        await teardown();
      }
      writeFileSync(countsFile, JSON.stringify(results));
      console.log(`\n${label}: ${results.passed} passed, ${results.failed} failed`);
      process.exit(results.failed ? 1 : 0);
    },
  };
}
