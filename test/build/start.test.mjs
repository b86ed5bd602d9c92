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
