// Builds the React 19 and Vue 3 test pages into dist/e2e-frameworks/ with Vite (which also turns React's CommonJS
// into ES modules). Called by e2e/frameworks.e2e.mjs; `node e2e/frameworks/build.mjs` builds them alone.
import { build } from 'vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const OUT = 'dist/e2e-frameworks';

const page = (name, title) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div id="app"></div><script type="module" src="./${name}.js"></script></body></html>
`;

export async function buildFrameworkPages() {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      target: 'es2022',
      outDir: `${root}/${OUT}`,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input: { react: `${root}/e2e/frameworks/react.ts`, vue: `${root}/e2e/frameworks/vue.ts` },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  mkdirSync(`${root}/${OUT}`, { recursive: true });
  writeFileSync(`${root}/${OUT}/react.html`, page('react', 'React 19 + disclosure-elements'));
  writeFileSync(`${root}/${OUT}/vue.html`, page('vue', 'Vue 3 + disclosure-elements'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildFrameworkPages();
  console.log(`frameworks: pages built in ${OUT}/`);
}
