// Writes the pass/fail counts of a web-test-runner run to .wtr-counts.json (read by scripts/test.mjs), with the names
// of the tests that failed and the first line of their errors: the summary repeats them, so a CI log cut to its last
// lines still says which test failed; `failedFiles` lets it run those files again.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function countsReporter() {
  let counts = { passed: 0, failed: 0, skipped: 0, failures: [], failedFiles: [] };
  return {
    onTestRunFinished({ sessions }) {
      counts = { passed: 0, failed: 0, skipped: 0, failures: [], failedFiles: [] };
      const firstLine = (e) => String(e?.message ?? e ?? '').split('\n')[0].slice(0, 200);
      const walk = (s, file, path) => {
        if (!s) return;
        // A test that neither passed nor failed with an error did not run: skipped, or left out by WTR_GREP.
        for (const t of s.tests ?? []) {
          if (t.passed) counts.passed++;
          else if (t.skipped || !t.error) counts.skipped++;
          else {
            counts.failed++;
            counts.failures.push(`${file} › ${[...path, t.name].join(' › ')}: ${firstLine(t.error)}`);
          }
        }
        for (const c of s.suites ?? []) walk(c, file, [...path, c.name]);
      };
      for (const s of sessions) {
        const file = relative(process.cwd(), s.testFile ?? '');
        walk(s.testResults, file, []);
        if (s.passed) continue;
        counts.failedFiles.push(file);
        counts.failed += s.errors?.length ?? 0;
        for (const e of s.errors ?? []) counts.failures.push(`${file}: ${firstLine(e)}`);
      }
      writeFileSync('.wtr-counts.json', JSON.stringify(counts));
    },
    stop() {
      console.log(`\nwtr: ${counts.passed} passed, ${counts.failed} failed` + (counts.skipped ? `, ${counts.skipped} skipped` : ''));
    },
  };
}
