// `npm start`: installs what is missing, builds the library, starts the reference intake server and serves the demo
// portal (every element on the sample feeds) on a localhost URL that it prints.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { demoIntakeEnvs } from './demo-intake-env.mjs';
import { ensureDependencies } from './ensure.mjs';
import { serveStatic } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
ensureDependencies();

const port = Number(process.env.PORT ?? 8080);
const intakePort = Number(process.env.INTAKE_PORT ?? 8787);
// A second intake server for the demo's US FOIA office (demo/pages/foia.html, feed request-form-us-foia.json): another
// agency, its own form, database and uploads, as each agency runs its own. The portal forwards /api/foia/ to it.
const foiaPort = Number(process.env.FOIA_INTAKE_PORT ?? intakePort + 1);

// Both ports free, before building: a busy port is usually another demo still running, whose intake server this one
// would otherwise talk to without noticing.
const free = (p) => new Promise((resolve) => {
  const probe = createServer();
  probe.once('error', () => resolve(false));
  probe.listen(p, '127.0.0.1', () => probe.close(() => resolve(true)));
});
for (const [name, p] of [['PORT', port], ['INTAKE_PORT', intakePort], ['FOIA_INTAKE_PORT', foiaPort]]) {
  if (!(await free(p))) {
    console.error(`Port ${p} (${name}) is in use, perhaps by another demo still running. Stop it, or choose another port: ${name}=${p + 1} npm start`);
    process.exit(1);
  }
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(1);
}

const children = [];
let stopping = false;
if (existsSync('demo/server/run.mjs')) {
  const { district, foia } = demoIntakeEnvs(process.env, intakePort, foiaPort);
  for (const [name, e] of [['intake server', district], ['FOIA intake server', foia]]) {
    const intake = spawn(process.execPath, ['demo/server/run.mjs'], { stdio: 'inherit', env: e });
    children.push(intake);
    intake.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`The ${name} stopped (${signal ?? `exit code ${code}`}); see its messages above. Stopping the demo.`);
      stop(1);
    });
  }
}
const stop = (status = 0) => {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  process.exit(status);
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

let server;
try {
  server = await serveStatic({ port, apiTarget: `http://127.0.0.1:${intakePort}`, apiTargets: { '/api/foia/': `http://127.0.0.1:${foiaPort}` }, home: '/demo/index.html' });
} catch (error) {
  console.error(`Could not listen on port ${port} (${error.code ?? error}). Try another: PORT=${port + 1} npm start`);
  stop(1);
}
// The banner last, once the intake server answers, so its start-up lines come before "Press Ctrl+C".
if (children.length) {
  for (const p of [intakePort, foiaPort]) {
    for (let i = 0; i < 75; i++) {
      const ok = await fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
console.log(`
Demo portal (岳阳市君山区人民政府, sample data):  ${server.url}/demo/index.html
  catalogue ${server.url}/demo/index.html · request form ${server.url}/demo/apply.html
  status ${server.url}/demo/status.html · annual report ${server.url}/demo/report.html
  a US agency's FOIA request form (English, its own intake server) ${server.url}/demo/foia.html
  Served with a strict Content-Security-Policy and Trusted Types (scripts/serve.mjs); your own page need not be.
Staff API tokens: the district's intake server ${process.env.INTAKE_STAFF_TOKEN ?? 'demo-staff-token'} (set INTAKE_STAFF_TOKEN to change; named tokens: INTAKE_STAFF_TOKENS),
  the FOIA office's ${process.env.FOIA_INTAKE_STAFF_TOKEN ?? 'demo-foia-staff-token'} (FOIA_INTAKE_STAFF_TOKEN; FOIA_INTAKE_STAFF_TOKENS)
Press Ctrl+C to stop.`);
