// `npm start` with a port already taken (another demo still running): a plain message and exit 1, before building,
// instead of a stack trace, an orphaned intake server, or a demo wired to the other demo's intake server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const listen = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => resolve(s));
});

test('a busy PORT or INTAKE_PORT stops npm start at once with a plain message', async () => {
  const busy = await listen();
  const spare = await listen();
  const taken = busy.address().port;
  const other = spare.address().port;
  spare.close();
  try {
    for (const [name, env] of [['PORT', { PORT: taken, INTAKE_PORT: other }], ['INTAKE_PORT', { PORT: other, INTAKE_PORT: taken }]]) {
      const r = await new Promise((resolve) => {
        // Run asynchronously so the busy port's server keeps accepting while the child probes it.
        import('node:child_process').then(({ execFile }) => execFile(process.execPath, ['scripts/start.mjs'], {
          cwd: root, env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) }, timeout: 60_000,
        }, (error, stdout, stderr) => resolve({ status: error?.code ?? 0, stdout, stderr })));
      });
      assert.equal(r.status, 1, name);
      assert.match(r.stderr, new RegExp(`Port ${taken} \\(${name}\\) is in use`), r.stderr);
      assert.doesNotMatch(r.stdout, /Press Ctrl\+C/);
    }
  } finally {
    busy.close();
  }
});

// README "The demo portal": the district's intake server and the FOIA office's are two agencies. Each answers its own
// staff token only (one token opened both until the twenty-sixth session), run as `npm start` runs them.
test('npm start\'s two intake servers: each opens its staff API to its own token only', { timeout: 60_000 }, async () => {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { demoIntakeEnvs } = await import('../../scripts/demo-intake-env.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'de-start-'));
  const servers = await Promise.all([listen(), listen()]);
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  // A file of named district staff tokens too (INTAKE_STAFF_TOKENS): not the FOIA office's staff either.
  writeFileSync(join(dir, 'tokens'), 'wang district-wang-token-0123456789abcdef0123\n');
  const given = { ...process.env, INTAKE_DB: join(dir, 'district.sqlite'), INTAKE_UPLOAD_DIR: join(dir, 'uploads'), INTAKE_STAFF_TOKENS: join(dir, 'tokens'),
    FOIA_INTAKE_DB: join(dir, 'foia.sqlite'), FOIA_INTAKE_UPLOAD_DIR: join(dir, 'foia-uploads'), INTAKE_SEED_DEMO: '0' };
  for (const k of ['INTAKE_STAFF_TOKEN', 'FOIA_INTAKE_STAFF_TOKEN', 'FOIA_INTAKE_STAFF_TOKENS']) delete given[k];
  const { district, foia } = demoIntakeEnvs(given, ports[0], ports[1]);
  const procs = [district, foia].map((e) => spawn(process.execPath, ['demo/server/run.mjs'], { cwd: root, env: e, stdio: 'ignore' }));
  try {
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    for (const url of urls) {
      for (let i = 0; !(await fetch(`${url}/api/health`).then((r) => r.ok, () => false)); i++) {
        assert.ok(i < 150, `${url} did not start`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const status = (url, token) => fetch(`${url}/api/staff/requests`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
    const [district, office] = urls;
    assert.deepEqual(
      await Promise.all([status(district, 'demo-staff-token'), status(district, 'district-wang-token-0123456789abcdef0123'), status(district, 'demo-foia-staff-token'),
        status(office, 'demo-foia-staff-token'), status(office, 'demo-staff-token'), status(office, 'district-wang-token-0123456789abcdef0123')]),
      [200, 200, 401, 200, 401, 401]);
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
