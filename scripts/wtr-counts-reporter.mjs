// Writes the pass/fail counts of a web-test-runner run to .wtr-counts.json (read by scripts/test.mjs).
import { writeFileSync } from 'node:fs';

export function countsReporter() {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  return {
    onTestRunFinished({ sessions }) {
      counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (s) => {
        if (!s) return;
        // A test that neither passed nor failed with an error did not run: skipped, or left out by WTR_GREP.
        for (const t of s.tests ?? []) t.passed ? counts.passed++ : t.skipped || !t.error ? counts.skipped++ : counts.failed++;
        for (const c of s.suites ?? []) walk(c);
      };
      for (const s of sessions) {
        walk(s.testResults);
        if (!s.passed && s.errors?.length) counts.failed += s.errors.length;
      }
      writeFileSync('.wtr-counts.json', JSON.stringify(counts));
    },
    stop() {
      console.log(`\nwtr: ${counts.passed} passed, ${counts.failed} failed` + (counts.skipped ? `, ${counts.skipped} skipped` : ''));
    },
  };
}
