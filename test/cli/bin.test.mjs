// bin/disclosure-elements.mjs in a copy of the checkout (bin/, src/, scripts/build-cli.mjs, node_modules linked), so
// the package's own dist/ is never touched: when it builds the CLI, and when it must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tmp } from './helpers.mjs';

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const OLD = 'console.log("the old build");\n';

/** A copy of what `bin` needs: with src/ (a development checkout) or without (an installed package). */
function checkout({ withSrc }) {
  const dir = tmp();
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(root, 'scripts/build-cli.mjs'), join(dir, 'scripts/build-cli.mjs'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (withSrc) cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  return dir;
}

/** Writes a stand-in build into dist/cli, dated `secondsFromNow` (negative: older than the sources just copied). */
function oldBuild(dir, secondsFromNow) {
  const file = join(dir, 'dist/cli/disclosure-elements.mjs');
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  writeFileSync(file, OLD);
  const t = Date.now() / 1000 + secondsFromNow;
  utimesSync(file, t, t);
  return file;
}

const touch = (file, secondsFromNow) => { const t = Date.now() / 1000 + secondsFromNow; utimesSync(file, t, t); };
const runBin = (dir) => spawnSync(process.execPath, [join(dir, 'bin/disclosure-elements.mjs'), '--version'], { cwd: dir, encoding: 'utf8' });

test('bin: in a development checkout, a dist/cli older than a file under src/ (src/cli or what it imports) is rebuilt before it runs', () => {
  const dir = checkout({ withSrc: true });
  // Older than every source (a build from before a `git pull`): rebuilt, and the new code runs.
  let built = oldBuild(dir, -3600);
  let r = runBin(dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), version);
  assert.match(readFileSync(built, 'utf8'), /^#!\/usr\/bin\/env node/);
  assert.deepEqual(readdirSync(join(dir, 'dist/cli')), ['disclosure-elements.mjs'], 'no temporary file left');
  // Newer than every source: run as it is, not rebuilt on every run.
  built = oldBuild(dir, 3600);
  r = runBin(dir);
  assert.equal(r.stdout, 'the old build\n');
  // One file edited after the build, in src/cli or in a module the CLI imports from elsewhere in src/.
  for (const file of ['src/cli/normalize.ts', 'src/schema/shapes.ts']) {
    oldBuild(dir, 3600);
    touch(join(dir, file), 7200);
    r = runBin(dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), version, `rebuilt after ${file} changed`);
    touch(join(dir, file), 0);
  }
});

test('bin: a stale dist/cli that cannot be rebuilt (an error in the source) runs with a warning naming the newer file', () => {
  const dir = checkout({ withSrc: true });
  oldBuild(dir, -3600);
  writeFileSync(join(dir, 'src/cli/normalize.ts'), 'export const = ;\n');
  touch(join(dir, 'src/cli/normalize.ts'), 60);
  const r = runBin(dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'the old build\n');
  assert.match(r.stderr, /src\/cli\/normalize\.ts:1:\d+: .*ERROR|ERROR\] Expected identifier/, 'esbuild says what is wrong');
  assert.match(r.stderr, /\ndisclosure-elements: warning: .*disclosure-elements\.mjs is older than src\/cli\/normalize\.ts and could not be rebuilt \(Build failed with 1 error\); running the old build\. Run `node scripts\/build-cli\.mjs`\.\n$/);
  assert.deepEqual(readdirSync(join(dir, 'dist/cli')), ['disclosure-elements.mjs'], 'no temporary file left');
});

test('bin: an installed package (no src/) runs the build it ships, however old, and never builds; a missing build is reported', () => {
  const dir = checkout({ withSrc: false });
  const built = oldBuild(dir, -365 * 86400);
  let r = runBin(dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'the old build\n');
  assert.equal(readFileSync(built, 'utf8'), OLD);
  // Without dist/cli: an error that says so, not an attempt to build (an installed package has no sources).
  const bare = checkout({ withSrc: false });
  r = runBin(bare);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /disclosure-elements\.mjs is missing from this installation; reinstall the package/);
  assert.ok(!existsSync(join(bare, 'dist')), 'nothing built');
});
