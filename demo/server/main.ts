/**
 * Entry of the intake server bundle (see run.mjs). `main` reads the environment and listens;
 * importing this module alone starts nothing.
 */
import { join } from 'node:path';
import { createIntakeServer } from './app.js';
import { DEMO_SAMPLES, US_FOIA_SAMPLES, seedDemo } from './seed.js';
import { staffTokensFromEnv } from './staff-tokens.js';

export { createIntakeServer } from './app.js';
export { DEMO_SAMPLES, US_FOIA_SAMPLES, seedDemo } from './seed.js';
export { checkStaffTokens, parseStaffTokenFile, StaffTokenError, staffTokensFromEnv } from './staff-tokens.js';
export type { IntakeServer, IntakeServerOptions, RateLimitOptions } from './app.js';

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Starts the server from environment variables (see README.md); `rootDir` is the repository root. Rejects with a
 * StaffTokenError, before opening anything, when INTAKE_STAFF_TOKENS cannot be read or has a bad entry.
 */
export async function main({ rootDir, env = process.env }: { rootDir: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  // INTAKE_STAFF_TOKEN (held by `staff`) and the INTAKE_STAFF_TOKENS file, checked first: a bad entry stops the start.
  const staffTokens = staffTokensFromEnv(env, console.log);
  const port = positiveInt(env.INTAKE_PORT, 8787);
  const host = env.INTAKE_HOST || '127.0.0.1';
  const origins = (env.INTAKE_ALLOWED_ORIGINS ?? 'http://127.0.0.1:5173,http://localhost:5173')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const paths = {
    dbPath: env.INTAKE_DB || join(rootDir, 'demo/server/data/intake.sqlite'),
    uploadDir: env.INTAKE_UPLOAD_DIR || join(rootDir, 'demo/server/data/uploads'),
    formFeedPath: env.INTAKE_FORM_FEED || join(rootDir, 'demo/feeds/request-form.json'),
  };
  // INTAKE_LOG_PREFIX: tells apart the lines of two servers in one terminal (npm start's FOIA office: "[foia] ").
  const prefix = env.INTAKE_LOG_PREFIX ?? '';
  const log = (line: string) => console.log(prefix + line);
  // `npm start` asks for the demo's sample applications (seed.ts); each added when the database lacks it.
  // (`us-foia`: the samples of the demo's US FOIA office, for its form.)
  if (env.INTAKE_SEED_DEMO === '1' || env.INTAKE_SEED_DEMO === 'us-foia') {
    await seedDemo({ ...paths, samples: env.INTAKE_SEED_DEMO === '1' ? DEMO_SAMPLES : US_FOIA_SAMPLES, log }).catch((error: unknown) => {
      console.error(`${prefix}demo: the sample applications could not be added (${String(error)}); the server starts without them`);
    });
  }
  const intake = createIntakeServer({
    ...paths,
    log,
    staffTokens: Object.fromEntries(staffTokens.map((t) => [t.name, t.token])),
    allowedOrigins: origins,
    trustProxy: env.INTAKE_TRUST_PROXY === 'true' ? 1 : positiveInt(env.INTAKE_TRUST_PROXY, 0),
    rateLimit: {
      submitPerMinute: positiveInt(env.INTAKE_RATE_SUBMIT_PER_MIN, 10),
      statusPerMinute: positiveInt(env.INTAKE_RATE_STATUS_PER_MIN, 60),
    },
  });
  await new Promise<void>((resolve, reject) => {
    intake.server.once('error', reject);
    intake.server.listen(port, host, () => resolve());
  });
  const address = intake.server.address();
  const shownPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`${prefix}intake server listening on http://${shownHost}:${shownPort}/ (allowed origins: ${origins.join(', ') || 'none'})`);
  const stop = (): void => {
    intake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
