// `npm start`: installs what is missing, builds the library, starts the reference intake server and serves the demo
// portal (every element on the sample feeds) on a localhost URL that it prints.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure.mjs';
import { serveStatic } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
ensureDependencies();

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
const intakePort = Number(process.env.INTAKE_PORT ?? 8787);
const children = [];
if (existsSync('demo/server/run.mjs')) {
  const env = {
    ...process.env,
    INTAKE_PORT: String(intakePort),
    INTAKE_STAFF_TOKEN: process.env.INTAKE_STAFF_TOKEN ?? 'demo-staff-token',
    // Sample applications in every state, for the status page (demo/server/seed.ts); INTAKE_SEED_DEMO=0 to skip.
    INTAKE_SEED_DEMO: process.env.INTAKE_SEED_DEMO ?? '1',
  };
  children.push(spawn(process.execPath, ['demo/server/run.mjs'], { stdio: 'inherit', env }));
}
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let server;
try {
  server = await serveStatic({ port, apiTarget: `http://127.0.0.1:${intakePort}`, home: '/demo/index.html' });
} catch (error) {
  console.error(`Could not listen on port ${port} (${error.code ?? error}). Try another: PORT=8081 npm start`);
  stop();
}
console.log(`
Demo portal (岳阳市君山区人民政府, sample data):  ${server.url}/demo/index.html
  catalogue ${server.url}/demo/index.html · request form ${server.url}/demo/apply.html
  status ${server.url}/demo/status.html · annual report ${server.url}/demo/report.html
Staff API token for the intake server: ${process.env.INTAKE_STAFF_TOKEN ?? 'demo-staff-token'} (set INTAKE_STAFF_TOKEN to change)
Press Ctrl+C to stop.`);
