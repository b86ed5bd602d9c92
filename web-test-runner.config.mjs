// @web/test-runner: every test file under test/ runs in headless Chromium (Debian's, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';
import { testFeedsMiddleware } from './test/server/feeds-middleware.mjs';
import { findChrome, chromeArgs } from './scripts/chrome.mjs';
import { mangleModule } from './scripts/mangle-props.mjs';

/**
 * The tests run on our modules with their private members renamed as in the shipped builds (scripts/mangle-props.mjs),
 * so that a rename that breaks something fails here. `MANGLE=0` keeps the real names, for debugging.
 */
const mangleInTests = {
  name: 'mangle-props',
  async transform(context) {
    if (process.env.MANGLE === '0' || !/^\/src\/.*\.ts$/.test(context.path)) return undefined;
    return { body: (await mangleModule(context.body, context.path)).code };
  },
};

const executablePath = findChrome();
if (!executablePath) {
  console.error('No Chromium found. Set CHROME_PATH, or run `npm test`, which installs one (as root on Debian).');
  process.exit(1);
}

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), mangleInTests],
  middleware: [testFeedsMiddleware()],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromeArgs } })],
  reporters: [defaultReporter(), countsReporter()],
  testFramework: { config: { timeout: 15000, ...(process.env.WTR_GREP ? { grep: process.env.WTR_GREP } : {}) } },
  testsFinishTimeout: Number(process.env.WTR_FINISH_TIMEOUT ?? 5 * 60 * 1000),
};
