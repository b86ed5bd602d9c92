// @web/test-runner: every test file under test/ runs in headless Chromium (Debian's, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';
import { testFeedsMiddleware } from './test/server/feeds-middleware.mjs';
import { findChrome, chromeArgs } from './scripts/chrome.mjs';
import { mangleModule } from './scripts/mangle-props.mjs';
import { withoutArrayFrom } from './scripts/safe-builtins.mjs';
import { minifyHtmlTemplates } from './scripts/minify-html-literals.mjs';

/**
 * `executeServerCommand('media-features', { 'forced-colors': 'active', 'prefers-color-scheme': 'dark' })`: media
 * features the built-in emulateMedia cannot set here, such as Windows high-contrast mode (it passes forced colours to
 * Playwright only, and Puppeteer refuses the name), set through the DevTools protocol. `{}` resets them.
 */
const cdpSessions = new WeakMap();
/**
 * The test page's DevTools session (one per page: an emulation lasts as long as the session that set it), its page
 * brought to the front: a hidden page runs no rendering steps (its matchMedia listeners would not hear of a change, its
 * accessibility tree lags). (Each page has a window of its own now, see `browsers`, so none should be hidden.)
 */
async function frontPage(session) {
  // (Not while a screenshot is taken of another page: the capture is of the page in front.)
  while (capturing) await capturing;
  const page = session.browser.getPage(session.id);
  if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
  const cdp = cdpSessions.get(page);
  await cdp.send('Page.bringToFront');
  return cdp;
}
/** A screenshot being taken (a promise), else null: no other page is brought to the front until it is done. */
let capturing = null;
const mediaFeatures = {
  name: 'media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'media-features') return undefined;
    const features = Object.entries(payload ?? {}).map(([name, value]) => ({ name, value }));
    await (await frontPage(session)).send('Emulation.setEmulatedMedia', { features });
    return true;
  },
};

/**
 * `executeServerCommand('time-zone', 'America/New_York')`: the page's time zone, as a reader's computer elsewhere has
 * it (Intl and Date follow it at once); `''` gives back the machine's.
 */
const timeZone = {
  name: 'time-zone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'time-zone') return undefined;
    await (await frontPage(session)).send('Emulation.setTimezoneOverride', { timezoneId: payload ?? '' });
    return true;
  },
};

/**
 * `executeServerCommand('bring-to-front')`: makes the test's page the visible one (see waitUntilRendered, test/helpers.ts).
 */
const bringToFront = {
  name: 'bring-to-front',
  async executeCommand({ command, session }) {
    if (command !== 'bring-to-front') return undefined;
    await frontPage(session);
    return true;
  },
};

/**
 * `executeServerCommand('screenshot', { x, y, width, height })`: the pixels Chromium paints in that box of the page (CSS
 * pixels from the document's top left), as a base64 PNG: what a focus ring looks like, not what the style sheet says.
 * A capture is of the page in front: the page is brought there, draws two frames (the change the test looks for), and
 * stays there until the capture is done (frontPage waits for it).
 */
const screenshot = {
  name: 'screenshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'screenshot') return undefined;
    const cdp = await frontPage(session);
    let done;
    capturing = new Promise((r) => (done = r));
    try {
      await cdp.send('Page.bringToFront');
      await cdp.send('Runtime.evaluate', { expression: 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))', awaitPromise: true });
      return (await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...payload, scale: 1 } })).data;
    } finally {
      capturing = null;
      done();
    }
  },
};

/**
 * `executeServerCommand('a11y-tree')`: the accessibility tree Chromium gives a screen reader, through shadow roots, as
 * `{ role, name, description?, value?, <property>: value, children }`. Unlike `a11ySnapshot` (puppeteer's "interesting"
 * nodes only), it keeps the structure a screen reader walks: tables, rows, cells, groups, dialogs, lists. Nodes Chromium
 * ignores (hidden, aria-hidden, presentational) are left out, their children kept; so are nameless generic wrappers.
 */
const a11yTree = {
  name: 'a11y-tree',
  async executeCommand({ command, session }) {
    if (command !== 'a11y-tree') return undefined;
    // (A hidden page's tree lags behind its DOM: a list drawn since, still empty.)
    const { nodes } = await (await frontPage(session)).send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const walk = (n) => {
      const children = (n.childIds ?? []).flatMap((id) => (byId.has(id) ? walk(byId.get(id)) : []));
      const role = n.role?.value;
      if (n.ignored || role === 'InlineTextBox' || ((role === 'generic' || role === 'none') && !n.name?.value)) return children;
      const out = { role, name: n.name?.value ?? '' };
      if (n.description?.value) out.description = n.description.value;
      if (n.value && n.value.value !== '') out.value = n.value.value;
      for (const p of n.properties ?? []) if (!['focusable', 'settable', 'editable', 'readonly', 'multiline'].includes(p.name)) out[p.name] = p.value.value;
      if (children.length) out.children = children;
      return [out];
    };
    return walk(nodes[0])[0];
  },
};

/**
 * The tests run on our modules as they ship: templates without their indentation (scripts/minify-html-literals.mjs),
 * private members renamed (scripts/mangle-props.mjs), so that either breaking something fails here. `MANGLE=0` keeps
 * the source as it is, for debugging.
 */
const mangleInTests = {
  name: 'mangle-props',
  async transform(context) {
    if (process.env.MANGLE === '0' || !/^\/src\/.*\.ts$/.test(context.path)) return undefined;
    const body = minifyHtmlTemplates(context.body, context.path)?.code ?? context.body;
    return { body: (await mangleModule(body, context.path)).code };
  },
};

/** chart.js as it ships: without Array.from, which old CMS libraries replace (scripts/safe-builtins.mjs). */
const safeBuiltinsInTests = {
  name: 'safe-builtins',
  transform(context) {
    const body = typeof context.body === 'string' ? withoutArrayFrom(context.body, context.path) : null;
    return body === null ? undefined : { body };
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
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), mangleInTests, safeBuiltinsInTests, mediaFeatures, timeZone, bringToFront, screenshot, a11yTree, a11ySnapshotPlugin()],
  middleware: [testFeedsMiddleware()],
  // Each test file's page in a window of its own, not in tabs of one: a tab behind another is hidden, draws no frames,
  // and a simulated mouse move or key press (sendMouse, sendKeys) in it waits for a frame for ever. A file's page was
  // left hidden by another file that brought its own to the front (theming.test.ts beside catalogue-lang.test.ts hung
  // until the run's limit). In windows both pages are shown at once (and the whole suite runs in less time).
  browsers: [chromeLauncher({
    launchOptions: { executablePath, headless: true, args: chromeArgs },
    createPage: ({ context }) => context.newPage({ type: 'window' }),
  })],
  reporters: [defaultReporter(), countsReporter()],
  testFramework: { config: { timeout: 15000, ...(process.env.WTR_GREP ? { grep: process.env.WTR_GREP } : {}) } },
  testsFinishTimeout: Number(process.env.WTR_FINISH_TIMEOUT ?? 5 * 60 * 1000),
};
