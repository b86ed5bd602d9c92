// Builds the command-line tool: src/cli/main.ts → dist/cli/disclosure-elements.mjs (one ES module for Node, parse5
// left external: it is a dependency). Run standalone (`node scripts/build-cli.mjs`) or import { buildCli }.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const CLI_OUTFILE = 'dist/cli/disclosure-elements.mjs';

/** Builds the CLI bundle; `outfile` is relative to the package root (default dist/cli/disclosure-elements.mjs). */
export async function buildCli({ outfile = CLI_OUTFILE, minify = false } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['parse5'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: false,
    minify,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildCli({ outfile: process.argv[2] ?? CLI_OUTFILE });
  console.log(`built ${out}`);
}
