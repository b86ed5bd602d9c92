// Launcher of the intake server: bundles demo/server/main.ts (and the src/ modules it shares with the
// browser elements) with esbuild, then imports the bundle. `node demo/server/run.mjs` starts the server;
// tests import { buildServer } and call createIntakeServer themselves (importBundled: one shared module alone).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const rootDir = resolve(here, '../..');
const outDir = join(rootDir, 'node_modules/.cache/intake-server');

/** Bundles the server and imports it; resolves to the module (createIntakeServer, main). */
export async function buildServer() {
  const result = await build({
    entryPoints: [join(here, 'main.ts')],
    platform: 'node',
    format: 'esm',
    bundle: true,
    packages: 'external',
    target: 'node20',
    tsconfig: join(here, 'tsconfig.json'),
    write: false,
    logLevel: 'warning',
    outfile: join(outDir, 'main.mjs'),
  });
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'main.mjs');
  // Write then rename, so a server starting at the same moment never imports half a file.
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, outfile);
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Bundles one module of the repository (`path` from its root) on its own into `dir` and imports it: for tests. */
export async function importBundled(path, dir) {
  const outfile = join(dir, `${path.replace(/\W+/g, '-')}.mjs`);
  await build({
    entryPoints: [join(rootDir, path)],
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await buildServer();
  try {
    await server.main({ rootDir, env: process.env });
  } catch (error) {
    // A configuration problem (INTAKE_STAFF_TOKENS): its message names the entry, never a token; no stack trace.
    if (error?.name !== 'StaffTokenError') throw error;
    console.error(`intake server not started: ${error.message}`);
    process.exit(1);
  }
}
