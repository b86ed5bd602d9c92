import { defineConfig } from 'vite';

// Shared settings for Storybook and the dev server. The library builds live in scripts/build.mjs.
// es2022 keeps class fields native (Lit decorators are compiled as legacy decorators, see tsconfig.json).
export default defineConfig({
  build: { target: 'es2022' },
  esbuild: { target: 'es2022' },
});
