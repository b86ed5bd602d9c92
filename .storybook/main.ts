import type { StorybookConfig } from '@storybook/web-components-vite';
import { execFile, execFileSync } from 'node:child_process';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { safeBuiltins } from '../scripts/safe-builtins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Generates `custom-elements.json` (git-ignored) from the JSDoc of `src/`, before Storybook bundles the preview:
 * `.storybook/preview.ts` hands it to `setCustomElementsManifest`, which gives every story its controls and the docs
 * pages their attribute, event, CSS part and CSS custom property tables. Running it here (and not only in an npm
 * script) means `storybook dev`, `storybook build` and `npm test` always see a manifest that matches the source.
 * About one second. Set DE_SKIP_CEM=1 to keep an existing manifest.
 */
const CEM_ARGS = [
  'node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement',
  '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--quiet',
];

function analyze(): void {
  const g = globalThis as { __deCemDone?: boolean };
  if (g.__deCemDone || process.env.DE_SKIP_CEM) return;
  g.__deCemDone = true;
  execFileSync(process.execPath, CEM_ARGS, { cwd: root, stdio: 'inherit' });
}
analyze();

/**
 * `storybook dev` only: when a file of `src/` changes, the manifest is generated again (in the background, once the
 * edits pause), so a designer sees a changed attribute, part or description in the controls and docs without a
 * restart; Vite reloads the preview when custom-elements.json changes.
 */
function manifestWatcher(): Plugin {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    execFile(process.execPath, CEM_ARGS, { cwd: root }, (error) => {
      running = false;
      if (error) console.warn(`custom-elements.json not regenerated: ${error.message.split('\n')[0]}`);
      if (again) {
        again = false;
        run();
      }
    });
  };
  return {
    name: 'disclosure-elements:manifest-watcher',
    apply: 'serve',
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!/[\\/]src[\\/].*\.ts$/.test(file) || /\.test\.ts$/.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(run, 300);
      });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../demo/feeds', to: '/feeds' }],
  // Storybook's own preview bundle is over 1 MB; the size warning says nothing about the library.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), manifestWatcher(), safeBuiltins()],
    build: { ...viteConfig.build, chunkSizeWarningLimit: 2500 },
  }),
};
export default config;
