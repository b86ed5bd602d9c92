#!/usr/bin/env node
// The package's command: runs the built CLI (dist/cli/disclosure-elements.mjs). In a development checkout (src/ is
// there) it builds it first with esbuild (scripts/build-cli.mjs) when it is missing or older than a file under src/
// or the build script, so `npx disclosure-elements` runs the code as it is after `npm ci`, an edit or a `git pull`.
// An installed package has no src/: it runs what it ships and never builds.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const cli = new URL('../dist/cli/disclosure-elements.mjs', import.meta.url);
const src = new URL('../src/', import.meta.url);

/** The newest source file if it is newer than the built CLI (its path, shown to the user), else undefined. */
function newerSource(builtMs) {
  const files = readdirSync(src, { recursive: true }).map((f) => `src/${String(f).replaceAll('\\', '/')}`);
  let newest;
  let newestMs = builtMs;
  for (const f of [...files, 'scripts/build-cli.mjs']) {
    const st = statSync(join(root, f), { throwIfNoEntry: false });
    if (st?.isFile() && st.mtimeMs > newestMs) [newest, newestMs] = [f, st.mtimeMs];
  }
  return newest;
}

const built = statSync(cli, { throwIfNoEntry: false });
const dev = existsSync(src);
if (!built && !dev) {
  console.error(`disclosure-elements: ${fileURLToPath(cli)} is missing from this installation; reinstall the package.`);
  process.exit(1);
}
const stale = built && dev ? newerSource(built.mtimeMs) : undefined;
if (!built || stale) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    // Built beside it and renamed over it: a command started meanwhile never reads a half-written file.
    const tmp = `dist/cli/.disclosure-elements.${process.pid}.mjs`;
    try {
      await buildCli({ outfile: tmp });
      renameSync(join(root, tmp), cli);
    } finally {
      rmSync(join(root, tmp), { force: true });
    }
  } catch (error) {
    // The first line: esbuild has printed the errors themselves above.
    const why = String(error?.message ?? error).split('\n')[0].replace(/:$/, '');
    if (!built) {
      console.error(`disclosure-elements: the command-line tool is not built and could not be built (${why}).`);
      console.error('Run `npm ci` (esbuild is a development dependency) or `node scripts/build-cli.mjs`.');
      process.exit(1);
    }
    console.error(`disclosure-elements: warning: ${fileURLToPath(cli)} is older than ${stale} and could not be rebuilt (${why}); ` +
      'running the old build. Run `node scripts/build-cli.mjs`.');
  }
}
await import(cli.href);
