// `npm test`: installs what is missing, then runs every check and prints one closing line "N passed, N failed".
//   1. type check (tsc)                     4. library build (the files webmasters paste in)
//   2. browser tests (web-test-runner)      5. end-to-end pages: legacy quirks-mode page, strict CSP + Trusted Types
//   3. intake server, CLI, build checks     6. autoloader and React/Vue pages; Storybook build and smoke test
// Pass step names to run only some: `npm test -- wtr e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChineseFont, ensureChrome, ensureDependencies } from './ensure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
ensureDependencies();
process.env.CHROME_PATH = ensureChrome();
ensureChineseFont();
process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0 };
const report = [];
/** Which tests failed, as the runners name them: printed under the summary, so the log's last lines say. */
const failures = [];
/** Tests that failed, then passed when run again: not counted as failures, but named. */
const flaky = [];

function step(name, cmd, args, countsFile) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n── ${name} ─────────────────────────────────────────`);
  if (countsFile) rmSync(countsFile, { force: true });
  const r = spawnSync(cmd, args, { stdio: countsFile === 'node-test' ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  let counts = null;
  if (countsFile === 'node-test') {
    process.stdout.write(r.stdout ?? '');
    const pass = /ℹ pass (\d+)/.exec(r.stdout ?? '');
    const fail = /ℹ fail (\d+)/.exec(r.stdout ?? '');
    if (pass) counts = { passed: Number(pass[1]), failed: Number(fail?.[1] ?? 0) };
    // The spec reporter lists the failing tests again after "✖ failing tests:".
    const listed = (r.stdout ?? '').split('✖ failing tests:')[1] ?? '';
    if (counts) counts.failures = [...listed.matchAll(/^test at (.+?):\d+:\d+\n✖ (.+?)(?: \([\d.]+ms\))?$/gm)].map((m) => `${m[1]} › ${m[2]}`);
  } else if (countsFile && existsSync(countsFile)) {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  }
  let ok = r.status === 0;
  // One to three tests that failed (tests, not the run) run once more: a browser test's file on its own, an end-to-end
  // test by its name. Passing there, they are named under the summary as flaky instead of failing the run; failing
  // again, they fail it.
  const few = !ok && counts?.failed > 0 && counts.failed <= 3;
  const rerun = !few ? null
    : counts.failedFiles?.length ? { env: { ...process.env, WTR_FILES: counts.failedFiles.join(',') }, what: counts.failedFiles }
      : counts.failedNames?.length === counts.failed ? { args: [...args, ...counts.failedNames], what: counts.failedNames } : null;
  if (rerun) {
    console.log(`\n── ${name}: ${counts.failed} failed; running ${rerun.what.join(', ')} again ──`);
    const again = spawnSync(cmd, rerun.args ?? args, { stdio: 'inherit', env: rerun.env ?? process.env });
    const second = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : null;
    if (again.status === 0 && second && second.failed === 0) {
      flaky.push(...counts.failures.map((f) => `${name}: ${f}`));
      counts = { ...counts, passed: counts.passed + counts.failed, failed: 0, failures: [], flaky: counts.failed };
      ok = true;
    }
  }
  for (const f of counts?.failures ?? []) failures.push(`${name}: ${f}`);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    // A runner that failed without reporting a failed test (e.g. a crash) still counts as one failure.
    if (!ok && counts.failed === 0) totals.failed += 1;
  } else {
    // A step without test counts (type check, build) is one check.
    if (ok) totals.passed += 1;
    else totals.failed += 1;
  }
  report.push(`${ok ? 'ok  ' : 'FAIL'} ${name}${counts ? ` (${counts.passed} passed, ${counts.failed} failed${counts.flaky ? `; ${counts.flaky} flaky` : ''})` : ''}`);
}

const node = process.execPath;
step('typecheck', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
step('wtr', node, ['node_modules/@web/test-runner/dist/bin.js'], '.wtr-counts.json');
step('node', node, ['--test', '--test-reporter=spec', 'demo/server/test/', 'test/cli/', 'test/build/'], 'node-test');
step('build', node, ['scripts/build.mjs']);
if (existsSync('e2e/run.mjs')) step('e2e', node, ['e2e/run.mjs'], '.e2e-counts.json');
if (existsSync('e2e/autoload.e2e.mjs')) step('autoload', node, ['e2e/autoload.e2e.mjs'], '.autoload-counts.json');
if (existsSync('e2e/frameworks.e2e.mjs')) step('frameworks', node, ['e2e/frameworks.e2e.mjs'], '.frameworks-counts.json');
if (existsSync('e2e/apply-flow.e2e.mjs')) step('apply-flow', node, ['e2e/apply-flow.e2e.mjs'], '.apply-flow-counts.json');
if (existsSync('.storybook/main.ts')) {
  step('storybook', node, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '--disable-telemetry', '--quiet', '-o', 'dist/storybook']);
  if (existsSync('e2e/storybook.smoke.mjs')) step('storybook-smoke', node, ['e2e/storybook.smoke.mjs'], '.smoke-counts.json');
}

console.log(`\n── summary ─────────────────────────────────────────\n${report.join('\n')}`);
if (flaky.length) console.log(`\nflaky (failed, then passed when run again):\n${flaky.map((f) => `  ~ ${f}`).join('\n')}`);
if (failures.length) console.log(`\nfailed:\n${failures.slice(0, 30).map((f) => `  ✗ ${f}`).join('\n')}${failures.length > 30 ? `\n  … and ${failures.length - 30} more` : ''}`);
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
