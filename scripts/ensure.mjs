// Installs what a fresh clone lacks before `npm start` / `npm test`: the npm dependencies and, for the tests, a Chromium.
// Uses only Node's own modules, so it runs before `npm ci` has.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChrome } from './chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status === 0;
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  const fresh = existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs - 1000;
  if (fresh) return;
  console.log('Installing dependencies (npm ci)…');
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', STORYBOOK_DISABLE_TELEMETRY: '1' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!run(npm, ['ci', '--no-audit', '--no-fund'], { env })) {
    console.error('\nCould not install the dependencies with `npm ci`. Check that the npm registry can be reached, then run `npm ci` yourself.');
    process.exit(1);
  }
}

/**
 * A font with Chinese letters, so that the layout tests measure Chinese text as a reader's browser draws it (without
 * one, Chromium draws boxes of another width, and a column too narrow for a figure or a heading goes unseen). As root
 * on Debian/Ubuntu installs fonts-wqy-zenhei; otherwise says so and goes on (the tests pass either way).
 */
export function ensureChineseFont() {
  const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (list.status !== 0 || list.stdout.trim()) return; // no fontconfig (not Linux), or there is one
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No font with Chinese letters: installing Debian\'s fonts-wqy-zenhei (apt-get)…');
    // (With the package lists apt already has; else, as on a fresh machine, after reading them.)
    const install = () => run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-wqy-zenhei'], { env });
    if (install() || (run('apt-get', ['update', '-qq'], { env }) && install())) return;
  }
  console.log('Note: no font with Chinese letters is installed, so the layout tests measure Chinese text in boxes of another width.'
    + ' On Debian or Ubuntu: apt-get install fonts-wqy-zenhei (or fonts-noto-cjk).');
}

/** Finds a Chromium (CHROME_PATH, the usual paths); as root on Debian/Ubuntu installs one with apt-get. */
export function ensureChrome() {
  let chrome = findChrome();
  if (chrome) return chrome;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], { env }) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env })) {
      chrome = findChrome();
      if (chrome) return chrome;
    }
  }
  console.error(`
The tests need Chromium or Google Chrome, and none was found.
  - If one is installed somewhere else, point to it:   CHROME_PATH=/path/to/chrome npm test
  - On Debian or Ubuntu, install it (as root):         apt-get install chromium
  - On macOS:                                          install Google Chrome, or brew install --cask chromium
Then run npm test again.`);
  process.exit(1);
}
