import type { StorybookConfig } from '@storybook/web-components-vite';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Generates `custom-elements.json` (git-ignored) from the JSDoc of `src/`, before Storybook bundles the preview:
 * `.storybook/preview.ts` hands it to `setCustomElementsManifest`, which gives every story its controls and the docs
 * pages their attribute, event, CSS part and CSS custom property tables. Running it here (and not only in an npm
 * script) means `storybook dev`, `storybook build` and `npm test` always see a manifest that matches the source.
 * About one second. Set DE_SKIP_CEM=1 to keep an existing manifest.
 */
function analyze(): void {
  const g = globalThis as { __deCemDone?: boolean };
  if (g.__deCemDone || process.env.DE_SKIP_CEM) return;
  g.__deCemDone = true;
  execFileSync(
    process.execPath,
    [
      'node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement',
      '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
analyze();

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../demo/feeds', to: '/feeds' }],
  // Storybook's own preview bundle is over 1 MB; the size warning says nothing about the library.
  viteFinal: (viteConfig) => ({ ...viteConfig, build: { ...viteConfig.build, chunkSizeWarningLimit: 2500 } }),
};
export default config;
