#!/usr/bin/env node
// The package's command: runs the built CLI (dist/cli/disclosure-elements.mjs); in a fresh clone without a build it
// builds it first with esbuild (scripts/build-cli.mjs), so `npx disclosure-elements` works after `npm ci` too.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/disclosure-elements.mjs', import.meta.url);
if (!existsSync(cli)) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (error) {
    console.error(`disclosure-elements: the command-line tool is not built and could not be built (${error?.message ?? error}).`);
    console.error('Run `npm ci` (esbuild is a development dependency) or `node scripts/build-cli.mjs`.');
    process.exit(1);
  }
}
await import(cli.href);
