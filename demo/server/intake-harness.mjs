// What the intake server's test files (demo/server/test/) share: the bundled server, a temporary directory, and
// servers on free ports, each with its own database and upload directory, closed (and the directory removed) at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { buildServer, rootDir } from './run.mjs';

export const FORM = join(rootDir, 'test/server-fixtures/request-form.json');
export const TOKEN = 'test-staff-token-0123456789abcdef0123456789';
export const ORIGIN = 'http://127.0.0.1:5173';

/**
 * Registers a test file's set-up and clean-up; returns `tmp`, `server()` (a promise of the bundled server module) and
 * `start(overrides)`: a server listening on a free port, with `overrides` (an object, or a function of the server's
 * own directory giving one) on top of the test options, as `{ …server, port, base, logs, clock, options, dir }`.
 */
export function intakeHarness(name) {
  const tmp = mkdtempSync(join(tmpdir(), `intake-${name}-`));
  const servers = [];
  let built;
  /** The bundled server module (built once, whichever asks first: hooks of one file are not run one after another). */
  const server = () => (built ??= buildServer());
  before(server);
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  async function start(overrides = {}) {
    const dir = mkdtempSync(join(tmp, 'srv-'));
    const logs = [];
    const clock = { now: new Date('2026-09-17T17:00:00Z') }; // Fri 2026-09-18 01:00 in Asia/Shanghai
    const options = {
      dbPath: join(dir, 'db', 'intake.sqlite'),
      uploadDir: join(dir, 'uploads'),
      formFeedPath: FORM,
      staffToken: TOKEN,
      allowedOrigins: [ORIGIN],
      rateLimit: { submitPerMinute: 1000, statusPerMinute: 1000, staffPerMinute: 1000 },
      log: (line) => logs.push(line),
      now: () => clock.now,
      ...(typeof overrides === 'function' ? overrides(dir) : overrides),
    };
    const intake = (await server()).createIntakeServer(options);
    servers.push(intake);
    await new Promise((resolve) => intake.server.listen(0, '127.0.0.1', resolve));
    const { port } = intake.server.address();
    return { ...intake, port, base: `http://127.0.0.1:${port}`, logs, clock, options, dir };
  }
  return { tmp, start, server };
}
