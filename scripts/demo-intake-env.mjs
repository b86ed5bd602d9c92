// The environments of the demo's two reference intake servers (`npm start`, scripts/start.mjs): the district's, which
// the Chinese form and status pages use, and the example US federal agency's FOIA office of demo/foia.html. Each is
// another agency, as each runs its own system: its own form, database, uploads and staff, so one office's staff token
// does not open the other's applications.

/** `process.env` in, the two servers' environments out. */
export function demoIntakeEnvs(env, intakePort, foiaPort) {
  const district = {
    ...env,
    INTAKE_PORT: String(intakePort),
    INTAKE_STAFF_TOKEN: env.INTAKE_STAFF_TOKEN ?? 'demo-staff-token',
    // Sample applications in every state, for the status page (demo/server/seed.ts); INTAKE_SEED_DEMO=0 to skip.
    INTAKE_SEED_DEMO: env.INTAKE_SEED_DEMO ?? '1',
    // The demo's pages reach the intake server through scripts/serve.mjs's /api proxy (the server listens on 127.0.0.1
    // only): with this, its rate limits count each visitor's address, not one 127.0.0.1 shared by all.
    INTAKE_TRUST_PROXY: env.INTAKE_TRUST_PROXY ?? '1',
  };
  const foia = {
    ...district,
    INTAKE_PORT: String(foiaPort),
    INTAKE_FORM_FEED: 'demo/feeds/request-form-us-foia.json',
    INTAKE_DB: env.FOIA_INTAKE_DB ?? 'demo/server/data/foia/intake.sqlite',
    INTAKE_UPLOAD_DIR: env.FOIA_INTAKE_UPLOAD_DIR ?? 'demo/server/data/foia/uploads',
    // Its own staff: neither the district's token nor its file of named tokens.
    INTAKE_STAFF_TOKEN: env.FOIA_INTAKE_STAFF_TOKEN ?? 'demo-foia-staff-token',
    INTAKE_STAFF_TOKENS: env.FOIA_INTAKE_STAFF_TOKENS,
    // Its own sample requests (seed.ts US_FOIA_SAMPLES), unless INTAKE_SEED_DEMO=0.
    INTAKE_SEED_DEMO: district.INTAKE_SEED_DEMO === '0' ? '0' : 'us-foia',
    INTAKE_LOG_PREFIX: '[foia] ',
  };
  // (An unset variable is left out: a child given `undefined` would see the text "undefined".)
  if (foia.INTAKE_STAFF_TOKENS === undefined) delete foia.INTAKE_STAFF_TOKENS;
  return { district, foia };
}
