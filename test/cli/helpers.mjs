// Shared by the CLI tests: builds the CLI once per test process (into node_modules/.cache, so a stale dist/ never
// masks a change) and runs it as a child process.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name) => join(root, 'test/cli/fixtures', name);
export const demo = (name) => join(root, 'demo/feeds', name);
export const tmp = () => mkdtempSync(join(tmpdir(), 'de-cli-'));

const cliFile = `node_modules/.cache/disclosure-elements-cli-test/cli-${process.pid}.mjs`;
let built;
export function cliPath() {
  built ??= buildCli({ outfile: cliFile }).then(() => join(root, cliFile));
  return built;
}

/** Runs the CLI; resolves { code, stdout, stderr }. `nodeArgs` go to Node before the CLI file (e.g. `--import`). */
export async function run(args, { cwd = root, input, nodeArgs = [] } = {}) {
  const file = await cliPath();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a Chinese character split between two chunks of a large output stays one character.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

let src;
/** The library's own modules (TypeScript), bundled for Node: parsers, reconcile, templates, shapes, validators. */
export function loadSrc() {
  src ??= build({
    absWorkingDir: root,
    stdin: {
      contents: `
        export { parseAnnualFeed } from './src/elements/annual-stats/model.ts';
        export { reconcile } from './src/elements/annual-stats/reconcile.ts';
        export { APPLICANT_COLUMNS as TEMPLATE_APPLICANT_COLUMNS, TABLE4_GROUPS as TEMPLATE_TABLE4_GROUPS,
                 TABLE4_OUTCOMES as TEMPLATE_TABLE4_OUTCOMES } from './src/elements/annual-stats/templates.ts';
        export { VALIDATOR_NAMES as VALIDATORS_VALIDATOR_NAMES } from './src/validators/index.ts';
        export * as shapes from './src/schema/shapes.ts';
        export { VALIDITIES as CATALOGUE_VALIDITIES } from './src/schema/catalogue.ts';
        export { OUTCOMES as FORM_OUTCOMES, FIELD_TYPES as FORM_FIELD_TYPES } from './src/schema/request-form.ts';
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  }).then((r) => import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`));
  return src;
}
