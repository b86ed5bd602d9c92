import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { run, demo, root } from './helpers.mjs';

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const CDN = `https://unpkg.com/disclosure-elements@${version}/dist/disclosure-elements.js`;

test('embed: the three snippet forms with the pinned CDN URL (offline, guessed from the name)', async () => {
  const r = await run(['embed', 'https://www.junshan.gov.cn/xxgk/feeds/catalogue.json', '--offline']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`<script src="${CDN}" data-disclosure="catalogue" data-src="https://www.junshan.gov.cn/xxgk/feeds/catalogue.json"></script>`));
  assert.ok(r.stdout.includes('<disclosure-provider feed-base="https://www.junshan.gov.cn/xxgk/feeds/" lang="zh-CN">'));
  assert.ok(r.stdout.includes('<disclosure-catalogue src="catalogue.json"></disclosure-catalogue>'));
  assert.ok(r.stdout.includes('<div data-disclosure="catalogue" data-src="https://www.junshan.gov.cn/xxgk/feeds/catalogue.json"></div>'));
  assert.match(r.stdout, /guessed from the file name/);
});

test('embed: --type and --cdn', async () => {
  const r = await run(['embed', '/feeds/nb/index.json', '--type', 'annual', '--cdn', 'https://cdn.example.gov.cn/npm/']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`<script src="https://cdn.example.gov.cn/npm/disclosure-elements@${version}/dist/disclosure-elements.js" data-disclosure="annual-stats" data-src="/feeds/nb/index.json"></script>`));
  assert.ok(r.stdout.includes('<annual-stats src="index.json"></annual-stats>'));
  const bad = await run(['embed', 'x.json', '--type', 'poster']);
  assert.equal(bad.code, 2);
  const unknown = await run(['embed', 'https://example.gov.cn/data.json', '--offline']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /give --type/);
});

test('embed --offline: a name with bad percent-encoding is matched as written, not a crash', async () => {
  const bad = await run(['embed', 'https://x.gov.cn/feeds/%E0%A4.json', '--offline']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /cannot tell which element shows .*; give --type/);
  assert.doesNotMatch(bad.stderr, /unexpected error|URIError/);
  const named = await run(['embed', 'https://x.gov.cn/feeds/catalogue-%E0%A4.json', '--offline']);
  assert.equal(named.code, 0, named.stderr);
  assert.ok(named.stdout.includes('data-disclosure="catalogue"'));
});

test('embed: a feed URL with "-->" in it does not end the first line\'s comment (what follows would be pasted as markup)', async () => {
  const r = await run(['embed', 'https://x.gov.cn/feeds/catalogue.json?v=--><img src=x onerror=alert(1)>', '--offline']);
  assert.equal(r.code, 0, r.stderr);
  // Outside comments and attribute values (where it is escaped), no markup of the URL: only the snippets' own tags.
  const outside = r.stdout.replace(/<!--[\s\S]*?-->/g, '').replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(outside, /<img|onerror/);
});

test('embed: detects the feed type by fetching it; falls back to the name when the fetch fails', async () => {
  const form = readFileSync(demo('request-form.json'));
  const server = createServer((req, res) => {
    if (req.url === '/api/feed?x=1') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(form); }
    else { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const r = await run(['embed', `${base}/api/feed?x=1`]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /detected from the feed: request-form/);
    assert.ok(r.stdout.includes('data-disclosure="request-form"'));
    assert.ok(r.stdout.includes('<request-status src="feed?x=1"></request-status>'));
    const gone = await run(['embed', `${base}/feeds/annual/2022.json`]);
    assert.equal(gone.code, 0, gone.stderr);
    assert.match(gone.stderr, /could not be read/);
    assert.ok(gone.stdout.includes('data-disclosure="annual-stats"'));
  } finally {
    server.close();
  }
});

test('bin/disclosure-elements.mjs runs the CLI (building it when dist/cli is missing)', () => {
  const r = spawnSync(process.execPath, ['bin/disclosure-elements.mjs', '--version'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), version);
  assert.ok(existsSync(new URL('../../dist/cli/disclosure-elements.mjs', import.meta.url)));
  const head = readFileSync(new URL('../../dist/cli/disclosure-elements.mjs', import.meta.url), 'utf8').slice(0, 40);
  assert.match(head, /^#!\/usr\/bin\/env node/);
});

test("README: the embed example prints what the command prints, line for line (a feed that answers)", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.match(/```console\n\$ npx disclosure-elements embed (\S+)\n([\s\S]*?)```/);
  assert.ok(block, 'the README has an embed example');
  const [, url, shown] = block;
  const { pathname, origin } = new URL(url);
  const server = createServer((req, res) => {
    if (req.url === pathname) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(readFileSync(demo('catalogue.json'))); }
    else { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const local = `http://127.0.0.1:${server.address().port}`;
  try {
    const r = await run(['embed', local + pathname]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.replaceAll(local, origin).trimEnd(), shown.trimEnd());
  } finally {
    server.close();
  }
});
