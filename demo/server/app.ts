/**
 * The reference intake server for 依申请公开 applications (feeds.md §2): submissions, status lookup and a
 * small staff API, on plain node:http with SQLite storage. `createIntakeServer` builds it without listening.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve as resolvePath } from 'node:path';
import { addWorkingDays, calendarRunsOut, dueDate, isFoia, isOverdue, localDate, workingDaysBetween } from '../../src/rules/working-days.js';
import {
  allFields,
  checkAnswers,
  cleanSubmission,
  codePointLength,
  fileExtension,
  fileMatchesAccept,
  findField,
  isOutcome,
  isRequestStatus,
  parseRequestForm,
  resolveRules,
  visibleFields,
} from '../../src/schema/request-form.js';
import { FINAL_STATUSES, PAUSED_STATUSES } from '../../src/schema/constants/request-form.js';
import type {
  FieldValue,
  Outcome,
  Receipt,
  RequestFormFeed,
  RequestStatus,
  StatusAnswer,
  Submission,
  SubmittedFile,
} from '../../src/schema/request-form.js';
import {
  canonicalJson,
  nameDigest,
  nameMatches,
  newQueryCode,
  normalizeQueryCode,
  RANDOM_UUID_RE,
  secretEquals,
  sha256,
  UUID_RE,
} from './codes.js';
import { csvDocument, withoutBidi } from './csv.js';
import { answerLanguage, HttpError, mediaType, parserErrorAnswer, readJson, sendError, sendJson, setSecurityHeaders } from './http.js';
import { boundaryOf } from './multipart.js';
import { rateLimitKey, TokenBucketLimiter } from './rate-limit.js';
import { isProgram, matchesSignature, OTHER_MEDIA_TYPES, SNIFFED_EXTENSIONS, sniff } from './sniff.js';
import { checkStaffTokens, DEFAULT_STAFF_NAME, SHORT_TOKEN } from './staff-tokens.js';
import type { SourcedStaffToken } from './staff-tokens.js';
import { IntakeStore, isConstraintError } from './store.js';
import type { AttachmentRow, RequestRow } from './store.js';
import { receiveMultipart, removeUploads } from './uploads.js';
import type { Upload } from './uploads.js';

export interface RateLimitOptions {
  /** Submissions per minute and address (burst of the same size). Default 10. */
  submitPerMinute?: number;
  /** Status lookups per minute and address. Default 60. */
  statusPerMinute?: number;
  /** Staff API requests per minute and address. Default 120. */
  staffPerMinute?: number;
  /**
   * Status lookups with a wrong name per query code and hour, from any address (10 at once, refilled at this rate).
   * Default 10. Once used up, that code answers 429 whatever the name, until the bucket refills.
   */
  lookupFailuresPerCodePerHour?: number;
}

export interface IntakeServerOptions {
  /** SQLite file; its directory is created. */
  dbPath: string;
  /** Directory for attachments; created. */
  uploadDir: string;
  /** The request-form feed (JSON file) submissions are checked against. Re-read when it changes. */
  formFeedPath: string;
  /** Bearer token of the staff API, held by `staff` (INTAKE_STAFF_TOKEN). */
  staffToken?: string | null;
  /**
   * Named bearer tokens of the staff API, name → token (INTAKE_STAFF_TOKENS); the name is recorded as `by` with each
   * status change. Names: 1–24 ASCII letters, digits, `._-` or Chinese characters, unique (also against `staff` when
   * `staffToken` is set, case-insensitively); tokens unique. A bad entry throws a StaffTokenError naming it. Without
   * any token the staff API answers 503.
   */
  staffTokens?: Record<string, string> | null;
  /** Token-bucket limits per client address (IPv6: per /64, see rateLimitKey); `false` switches rate limiting off. */
  rateLimit?: RateLimitOptions | false;
  /** Origins allowed to call the public API from a browser (exact match, e.g. http://127.0.0.1:5173), or '*'. */
  allowedOrigins?: string[];
  /** Body limits in bytes: JSON 1 MiB, multipart 25 MiB by default. */
  limits?: { jsonBytes?: number; multipartBytes?: number };
  /**
   * Behind reverse proxies you run: how many (`true` = 1). The client address is then the X-Forwarded-For entry that
   * many places from the right, the one the outermost proxy of ours saw. Entries further left came from the client,
   * which may write anything there (proxies append to the header), so they are never used.
   */
  trustProxy?: boolean | number;
  /**
   * Where log lines go (default console.log). Lines never carry bodies, applicants' names, ID numbers, query codes or
   * tokens; a staff request's line ends with the staff member's name (`staff=wang`).
   */
  log?: (line: string) => void;
  /** The clock (tests, demo seeding). */
  now?: () => Date;
  /** Issues query codes (default: 10 random characters; the demo seeding gives fixed sample codes). */
  queryCode?: () => string;
}

export interface IntakeServer {
  server: Server;
  /** Stops listening, closes idle connections and the database. */
  close(): Promise<void>;
}

/** Accepted when a file field sets no `accept`, and its size limit when it sets no `maxSizeMB`. */
const DEFAULT_ACCEPT = '.pdf,.jpg,.jpeg,.png';
const DEFAULT_MAX_SIZE_MB = 10;
const NOTE_MAX = 2000;
/** Statuses whose reply period does not run: final ones, and those that stop it (PAUSED_STATUSES). */
/** The longest a request may take (server.requestTimeout): 25 MiB of attachments over a slow mobile link. */
const REQUEST_TIME_LIMIT = 15 * 60_000;
const NOT_RUNNING: ReadonlySet<RequestStatus> = new Set([...FINAL_STATUSES, ...PAUSED_STATUSES]);
const FINAL: ReadonlySet<RequestStatus> = new Set(FINAL_STATUSES);
const PUBLIC_ALLOWED_HEADERS = 'Content-Type, Idempotency-Key';

interface Route {
  /** Template logged instead of the real path (paths may carry ids). */
  name: string;
  methods: string[];
  public: boolean;
  params?: string[];
}

function matchRoute(path: string): Route | null {
  if (path === '/api/requests') return { name: '/api/requests', methods: ['POST'], public: true };
  if (path === '/api/requests/status') return { name: '/api/requests/status', methods: ['GET'], public: true };
  if (path === '/api/request-form.json') return { name: '/api/request-form.json', methods: ['GET'], public: true };
  if (path === '/api/health') return { name: '/api/health', methods: ['GET'], public: true };
  if (path === '/api/staff/requests') return { name: '/api/staff/requests', methods: ['GET'], public: false };
  if (path === '/api/staff/requests.csv') return { name: '/api/staff/requests.csv', methods: ['GET'], public: false };
  let m = /^\/api\/staff\/requests\/([0-9a-f-]{36})$/i.exec(path);
  if (m) return { name: '/api/staff/requests/:id', methods: ['GET'], public: false, params: [m[1]!] };
  m = /^\/api\/staff\/requests\/([0-9a-f-]{36})\/status$/i.exec(path);
  if (m) return { name: '/api/staff/requests/:id/status', methods: ['POST'], public: false, params: [m[1]!] };
  m = /^\/api\/staff\/requests\/([0-9a-f-]{36})\/attachments\/([0-9a-f-]{36})$/i.exec(path);
  if (m) return { name: '/api/staff/requests/:id/attachments/:attachmentId', methods: ['GET'], public: false, params: [m[1]!, m[2]!] };
  return null;
}

/** Loads the form feed, parsing it again only when the file changed. */
class FormSource {
  private cached: { key: string; form: RequestFormFeed; raw: Buffer } | null = null;

  constructor(
    readonly path: string,
    private readonly log: (line: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The UTC day the holiday calendar was last checked: a server left running checks it again each day. */
  private checkedDay = '';

  /**
   * Due dates beyond the last date of the holiday calendar count only weekends as days off: say so while there is
   * time to add the next year's arrangement (the State Council publishes it in November or December).
   */
  private checkCalendar(form: RequestFormFeed): void {
    const today = this.now().toISOString().slice(0, 10);
    if (today === this.checkedDay) return;
    this.checkedDay = today;
    const last = calendarRunsOut(form.rules?.calendar, this.now());
    if (form.jurisdiction.startsWith('CN') && last != null) {
      this.log(`form feed warning: rules.calendar: ${last ? `the last date listed is ${last}` : 'no holidays are listed'}; ` +
        'due dates after it count only weekends as days off. Add the next year\'s 放假安排 (国务院办公厅通知) when it is published.');
    }
  }

  get(): { form: RequestFormFeed; raw: Buffer } {
    let key: string;
    try {
      const st = statSync(this.path);
      key = `${st.mtimeMs}:${st.size}`;
    } catch {
      throw new HttpError(503, 'formUnavailable', 'The application form is not available.');
    }
    if (this.cached?.key === key) {
      this.checkCalendar(this.cached.form);
      return this.cached;
    }
    let json: unknown;
    let raw: Buffer;
    try {
      raw = readFileSync(this.path);
      json = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      this.log('form feed: not readable JSON');
      throw new HttpError(503, 'formUnavailable', 'The application form is not available.');
    }
    const result = parseRequestForm(json, 'http://localhost/api/request-form.json');
    if (!result.ok) {
      this.log(`form feed: ${result.error}: ${result.message}`);
      throw new HttpError(503, 'formUnavailable', 'The application form is not available.');
    }
    for (const w of result.warnings) this.log(`form feed warning: ${w.path}: ${w.message}`);
    this.checkedDay = '';
    this.checkCalendar(result.form);
    // Server-side defaults: file fields without accept/maxSizeMB get the safe defaults.
    for (const f of allFields(result.form)) {
      if (f.type !== 'file') continue;
      if (!f.accept) f.accept = DEFAULT_ACCEPT;
      if (f.maxSizeMB === undefined) f.maxSizeMB = DEFAULT_MAX_SIZE_MB;
    }
    this.cached = { key, form: result.form, raw };
    return this.cached;
  }
}

/** Whether `v` is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A JSON text, number or boolean as a string; null for anything else. */
function coerceScalar(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return null;
}

/**
 * JSON values a client may send for a field, as strings; null when the value has another shape. One list level only,
 * looked at without recursion: a value nested 100,000 lists deep would otherwise run the stack out (a 500).
 */
function coerceJsonValue(v: unknown): string | string[] | null {
  if (!Array.isArray(v)) return coerceScalar(v);
  const out: string[] = [];
  for (const x of v) {
    const c = coerceScalar(x);
    if (c === null) return null;
    out.push(c);
  }
  return out;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean | number | undefined): string {
  const hops = trustProxy === true ? 1 : Math.max(0, Math.trunc(Number(trustProxy) || 0));
  if (hops) {
    const fwd = req.headers['x-forwarded-for'];
    const list = [fwd ?? []].flat().join(',').split(',').map((x) => x.trim()).filter(Boolean);
    const seen = list[list.length - hops];
    if (seen) return seen;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** What the log line of a request may say besides its route: the staff member, once the token is checked. */
interface RequestContext {
  staff: string | null;
}

interface StoredFile {
  attachmentId: string;
  name: string;
  size: number;
  mediaType: string;
}

export function createIntakeServer(options: IntakeServerOptions): IntakeServer {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const jsonLimit = options.limits?.jsonBytes ?? 1024 * 1024;
  const multipartLimit = options.limits?.multipartBytes ?? 25 * 1024 * 1024;
  const staffEntries: SourcedStaffToken[] = [];
  if (options.staffToken) staffEntries.push({ name: DEFAULT_STAFF_NAME, token: options.staffToken, source: 'staffToken' });
  Object.entries(options.staffTokens ?? {}).forEach(([name, token], i) => {
    staffEntries.push({ name, token, source: `staffTokens entry ${i + 1}` });
  });
  // Checked before anything is opened: a bad entry stops the server from starting (the message names it, no token).
  const staffTokens = checkStaffTokens(staffEntries);
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const uploadDir = resolvePath(options.uploadDir);
  mkdirSync(uploadDir, { recursive: true, mode: 0o700 });
  // The mode applies only when the directory is created here: one that existed keeps its own. The files in it are
  // 0600, but a directory others may list or enter still tells them how many applications came with what sizes.
  const uploadMode = statSync(uploadDir).mode & 0o777;
  if (uploadMode & 0o077) {
    log(`warning: the upload directory ${uploadDir} is open to other users (mode ${uploadMode.toString(8).padStart(4, '0')}); chmod 700 it`);
  }
  const store = new IntakeStore(options.dbPath);
  // Files of no application: a request cut off while its files were written (the server killed mid-upload), or rows
  // deleted without their files. They hold personal data, but the server deletes nothing (a second server sharing the
  // directory, a database restored from a backup): the operator is told. Files younger than the longest request (15
  // minutes, by the disk's clock) may be a request of another server still arriving, and are not counted; nor are files
  // not named as the server names them (32 hex digits).
  const known = store.storedNames();
  const orphans = readdirSync(uploadDir).sort().filter((f) => /^[0-9a-f]{32}$/.test(f) && !known.has(f) && statSync(join(uploadDir, f)).mtimeMs < Date.now() - REQUEST_TIME_LIMIT);
  if (orphans.length) {
    log(`warning: ${orphans.length} file(s) in the upload directory ${uploadDir} belong to no application (a request cut off while its files were written, or rows deleted without their files): ${orphans.slice(0, 3).join(', ')}${orphans.length > 3 ? ', …' : ''}; check and delete them`);
  }
  const forms = new FormSource(options.formFeedPath, log, now);
  const clock = () => now().getTime();
  const rl = options.rateLimit === false ? null : (options.rateLimit ?? {});
  const limiters = rl
    ? {
        submit: new TokenBucketLimiter(rl.submitPerMinute ?? 10, clock),
        status: new TokenBucketLimiter(rl.statusPerMinute ?? 60, clock),
        staff: new TokenBucketLimiter(rl.staffPerMinute ?? 120, clock),
        lookupFailures: new TokenBucketLimiter((rl.lookupFailuresPerCodePerHour ?? 10) / 60, clock, 50_000, rl.lookupFailuresPerCodePerHour ?? 10),
      }
    : null;
  const pruneTimer = setInterval(() => {
    if (limiters) for (const l of Object.values(limiters)) l.prune();
  }, 60_000);
  pruneTimer.unref();

  if (!staffTokens.length) log('staff API disabled: no staff token is set (INTAKE_STAFF_TOKEN, INTAKE_STAFF_TOKENS)');
  else log(`staff API: tokens of ${staffTokens.map((t) => t.name).join(', ')}`);
  for (const t of staffTokens) {
    if (t.token.length < SHORT_TOKEN) log(`warning: the staff token of ${t.name} is short; use at least 32 random characters`);
  }
  try {
    forms.get();
  } catch {
    log(`form feed not available yet; submissions answer 503 until it is`);
  }

  /* ------------------------------------------------------------- helpers */

  function limit(kind: 'submit' | 'status' | 'staff', req: IncomingMessage): void {
    if (!limiters) return;
    const r = limiters[kind].take(rateLimitKey(clientAddress(req, options.trustProxy)));
    if (!r.ok) {
      throw new HttpError(429, 'rateLimited', 'Too many requests; try again later.', undefined, { 'Retry-After': String(r.retryAfter) });
    }
  }

  function originAllowed(origin: string): boolean {
    return allowedOrigins.has('*') || allowedOrigins.has(origin);
  }

  function receiptOf(row: RequestRow): Receipt {
    return {
      requestId: row.id,
      queryCode: row.query_code,
      receivedAt: row.received_at,
      dueDate: row.receipt_due_date,
      status: 'received',
    };
  }

  /** When the current status began: a note recorded while in it repeats the status (the first of the run counts). */
  function statusBegan(row: RequestRow): string {
    const history = store.history(row.id);
    let first = history.length;
    while (first > 0 && history[first - 1]!.status === row.status) first--;
    return history[first]?.at ?? row.updated_at;
  }

  /**
   * Whether consulting a third party stops the reply period: it does under China's 条例 (Art. 33), not under the US or
   * UK FOIA (the form's jurisdiction; as `<request-status>` shows it). A form that cannot be read: as in China.
   */
  function consultStops(): boolean {
    try {
      return !isFoia(forms.get().form.jurisdiction);
    } catch {
      return true;
    }
  }

  function overdueOf(row: RequestRow): boolean {
    if (FINAL.has(row.status)) return false;
    // While a consultation or a correction is awaited the reply period is stopped (条例 Art. 30, 33), but only a period
    // still running can be stopped: begun after the due date, the reply was late already, and stays so meanwhile.
    const stopped = NOT_RUNNING.has(row.status) && (row.status !== 'consultingThirdParty' || consultStops());
    const day = stopped ? statusBegan(row) : now().toISOString();
    return isOverdue(row.due_date, localDate(day, row.time_zone));
  }

  function staffView(row: RequestRow, withHistory: boolean): Record<string, unknown> {
    const view: Record<string, unknown> = {
      requestId: row.id,
      queryCode: row.query_code,
      applicantType: row.applicant_type,
      applicantName: row.applicant_name,
      receivedAt: row.received_at,
      dueDate: row.due_date,
      receiptDueDate: row.receipt_due_date,
      extended: row.extended === 1,
      status: row.status,
      outcome: row.outcome,
      overdue: overdueOf(row),
      updatedAt: row.updated_at,
      statusBy: 'status_by' in row ? (row as RequestRow & { status_by: string | null }).status_by : store.statusBy(row.id),
      fields: JSON.parse(row.fields) as unknown,
      attachments: store.attachments(row.id).map((a) => ({
        id: a.id,
        field: a.field,
        name: a.original_name,
        mediaType: a.media_type,
        size: a.size,
        sha256: a.sha256,
        href: `/api/staff/requests/${row.id}/attachments/${a.id}`,
      })),
    };
    if (withHistory) view.history = staffHistoryOf(row.id);
    return view;
  }

  /** The history as staff see it: with who recorded each change (`by`, null for the submission and older rows). */
  function staffHistoryOf(id: string): (StatusAnswer['history'][number] & { by: string | null; decidedOn?: string })[] {
    return store.history(id).map((h) => ({
      status: h.status,
      at: h.at,
      ...(h.note ? { note: h.note } : {}),
      by: h.by,
      ...(h.decided_on ? { decidedOn: h.decided_on } : {}),
    }));
  }

  /** The history as the applicant sees it: never staff names. */
  function historyOf(id: string): StatusAnswer['history'] {
    return store.history(id).map((h) => (h.note ? { status: h.status, at: h.at, note: h.note } : { status: h.status, at: h.at }));
  }

  /* ------------------------------------------------------------- POST /api/requests */

  async function submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    limit('submit', req);
    const keyHeader = req.headers['idempotency-key'];
    // Lower case: the same UUID in upper case is the same key (stored keys were lower-cased by the store's migration).
    const key = (Array.isArray(keyHeader) ? keyHeader[0] : keyHeader)?.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (!key) throw new HttpError(400, 'idempotencyKeyMissing', 'The Idempotency-Key header (a UUID) is required.');
    if (!UUID_RE.test(key)) throw new HttpError(400, 'idempotencyKeyInvalid', 'The Idempotency-Key header must be a UUID.');
    // The key is all that guards the receipt a retry (200) or a changed application (422) answers with: a key
    // someone else can guess (nil, sequential, a name hash, a time and MAC address) would hand them that receipt.
    if (!RANDOM_UUID_RE.test(key)) {
      throw new HttpError(400, 'idempotencyKeyNotRandom', 'The Idempotency-Key header must be a random UUID (version 4 or 7), e.g. from crypto.randomUUID().');
    }
    const type = mediaType(req);
    if (type !== 'application/json' && type !== 'multipart/form-data') {
      throw new HttpError(415, 'unsupportedMediaType', 'Send application/json or multipart/form-data.');
    }
    const { form } = forms.get();

    let submission: Submission;
    let hashInput: unknown;
    let uploads: Upload[] = [];
    const shapeProblems: Record<string, string> = Object.create(null);

    if (type === 'application/json') {
      // A JSON body is all answers: too large, it is their text that is (error.limit: text).
      const body = await readJson(req, jsonLimit, 'text');
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new HttpError(400, 'invalidBody', 'The body must be {"applicantType": "…", "fields": {…}}.');
      }
      const b = body as { applicantType?: unknown; fields?: unknown };
      if (b.fields === null || typeof b.fields !== 'object' || Array.isArray(b.fields)) {
        throw new HttpError(400, 'invalidBody', 'The body must be {"applicantType": "…", "fields": {…}}.');
      }
      if (b.applicantType !== undefined && typeof b.applicantType !== 'string') {
        throw new HttpError(400, 'invalidBody', '"applicantType" must be text.');
      }
      // Without a prototype: a field named __proto__ is then a field like any other (and refused as unknown).
      const fields: Record<string, FieldValue> = Object.create(null);
      for (const [name, value] of Object.entries(b.fields as Record<string, unknown>)) {
        if (value === null || value === undefined) continue;
        const v = coerceJsonValue(value);
        if (v === null) shapeProblems[name] = 'invalidValue';
        else fields[name] = v;
      }
      submission = { applicantType: b.applicantType ?? '', fields };
      hashInput = { encoding: 'json', applicantType: submission.applicantType, fields };
    } else {
      const boundary = boundaryOf(req.headers['content-type'] ?? '');
      if (!boundary) throw new HttpError(400, 'invalidMultipart', 'The multipart boundary is missing.');
      const parsed = await receiveMultipart(req, boundary, form, uploadDir, {
        maxBytes: multipartLimit,
        maxTextBytes: 256 * 1024,
        maxTotalTextBytes: jsonLimit,
        maxFiles: 20,
        maxParts: 500,
        defaultMaxSizeMB: DEFAULT_MAX_SIZE_MB,
      }, answerLanguage(req));
      uploads = parsed.uploads.filter((u) => u.name !== '' || u.size > 0);
      removeUploads(parsed.uploads.filter((u) => !uploads.includes(u)));
      const applicantTypes = parsed.texts.get('applicantType');
      parsed.texts.delete('applicantType');
      if (applicantTypes && applicantTypes.length > 1) {
        removeUploads(uploads);
        throw new HttpError(400, 'invalidBody', '"applicantType" was sent more than once.');
      }
      const fields: Record<string, FieldValue> = Object.create(null);
      const hashFields: Record<string, unknown> = Object.create(null);
      for (const [name, values] of parsed.texts) {
        const field = findField(form, name);
        const list = field && (field.type === 'checkbox' || field.multiple) ? values : values.length === 1 ? values[0]! : values;
        fields[name] = list;
        hashFields[name] = list;
      }
      const byField = new Map<string, Upload[]>();
      for (const u of uploads) byField.set(u.field, [...(byField.get(u.field) ?? []), u]);
      for (const [name, list] of byField) {
        if (fields[name] !== undefined) shapeProblems[name] = 'invalidValue';
        // Content without a file name is not what a browser sends (filename="" comes only with an empty input), and
        // such a part is never written to disk (uploads.ts): refused, not counted as a file it would then drop.
        if (list.some((u) => u.name === '')) shapeProblems[name] = 'invalidValue';
        const files: SubmittedFile[] = list.map((u) => ({ name: u.name, size: u.size, type: sniff(u.head) ?? '' }));
        fields[name] = files;
        hashFields[name] = list.map((u) => ({ name: u.name, size: u.size, sha256: u.sha256 }));
      }
      submission = { applicantType: applicantTypes?.[0] ?? '', fields };
      hashInput = { encoding: 'multipart', applicantType: submission.applicantType, fields: hashFields };
    }
    // Names of Object.prototype are never form fields (parseRequestForm skips them). checkAnswers' own problem list
    // cannot hold `__proto__` (assigning it sets the list's prototype), so such names are refused here.
    for (const name of Object.keys(submission.fields)) if (name in Object.prototype) shapeProblems[name] = 'unknownField';
    const bodyHash = sha256(canonicalJson(hashInput)).toString('hex');
    // Bidirectional controls are dropped from the answers here, before the rules, and so from what is stored: an answer
    // of controls only is empty (a required name of U+200F alone is `required`, not stored as no name at all).
    for (const [name, v] of Object.entries(submission.fields)) {
      if (typeof v === 'string') submission.fields[name] = withoutBidi(v);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) submission.fields[name] = (v as string[]).map(withoutBidi);
    }
    let stored = false;

    try {
      // A retry of a stored application: answer with its receipt, store nothing.
      const replay = (): boolean => {
        const existing = store.byIdempotencyKey(key);
        if (!existing) return false;
        if (existing.body_hash !== bodyHash) {
          // The applicant changed the answers after an attempt that did arrive (its answer was lost): they are told
          // that the earlier version is the one stored, with its receipt. Only the holder of the key (a random UUID
          // the browser made for this application) can ask, and an identical retry would get the same receipt.
          throw new HttpError(
            422,
            'idempotencyKeyReused',
            'This Idempotency-Key was already used for a different application. Use a new key for a new application.',
            undefined,
            undefined,
            { receipt: receiptOf(existing) },
          );
        }
        removeUploads(uploads);
        sendJson(res, 200, receiptOf(existing), { 'Idempotent-Replayed': 'true' });
        return true;
      };
      if (replay()) return;

      // Values of the wrong shape are reported as such, before what the form rules make of them.
      const problems: Record<string, string> = { ...shapeProblems };
      for (const [name, p] of Object.entries(checkAnswers(form, submission))) problems[name] ??= p.code;
      // Content must be what the extension says (pdf/png/jpeg are sniffed), or at least a type the field accepts: a
      // phone's PNG photo saved as .jpg is fine where PNG is, and is stored as PNG. A text file renamed .pdf is not.
      const visible = new Set(visibleFields(form, submission.applicantType).map((f) => f.name));
      for (const u of uploads) {
        if (!visible.has(u.field) || problems[u.field]) continue;
        // A program is refused under any name (a .exe renamed .txt); other types with a known signature must have it.
        if (isProgram(u.head) || !matchesSignature(fileExtension(u.name), u.head)) {
          problems[u.field] = 'fileContent';
          continue;
        }
        const expected = SNIFFED_EXTENSIONS[fileExtension(u.name)];
        const actual = sniff(u.head);
        if (!expected || actual === expected) continue;
        const ext = Object.keys(SNIFFED_EXTENSIONS).find((x) => SNIFFED_EXTENSIONS[x] === actual);
        if (!actual || !fileMatchesAccept({ name: `file${ext}`, size: u.size, type: actual }, findField(form, u.field)?.accept)) {
          problems[u.field] = 'fileContent';
        }
      }
      if (Object.keys(problems).length > 0) {
        throw new HttpError(422, 'invalidFields', 'Some answers need attention.', problems);
      }

      const clean = cleanSubmission(form, submission);
      // Answers (dropped from them before the rules above) and file names are stored without bidirectional controls,
      // which would show them reordered to staff (a file "报告\u202Efdp.exe" as "报告exe.pdf").
      const storedFields: Record<string, unknown> = { ...clean.fields };
      const attachments: Omit<AttachmentRow, 'request_id'>[] = [];
      const kept = new Set<Upload>();
      for (const f of allFields(form)) {
        if (f.type !== 'file' || clean.fields[f.name] === undefined) continue;
        const files: StoredFile[] = [];
        for (const u of uploads.filter((x) => x.field === f.name && x.storedName)) {
          const ext = fileExtension(u.name);
          const media = sniff(u.head) ?? OTHER_MEDIA_TYPES[ext] ?? 'application/octet-stream';
          const id = randomUUID();
          attachments.push({
            id,
            field: f.name,
            original_name: withoutBidi(u.name),
            stored_name: u.storedName!,
            media_type: media,
            size: u.size,
            sha256: u.sha256,
          });
          files.push({ attachmentId: id, name: withoutBidi(u.name), size: u.size, mediaType: media });
          kept.add(u);
        }
        storedFields[f.name] = files;
      }
      // Files of fields hidden for this applicant type are not kept.
      removeUploads(uploads.filter((u) => !kept.has(u)));

      const rules = resolveRules(form);
      const receivedAt = now().toISOString();
      const due = dueDate(receivedAt, rules.replyWorkingDays, rules.calendar, rules.timeZone);
      const names = ['name', 'orgName']
        .map((n) => storedFields[n])
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      const id = randomUUID();
      for (let attempt = 0; ; attempt++) {
        const code = (options.queryCode ?? newQueryCode)();
        try {
          store.insert({
            row: {
              id,
              query_code: code,
              idempotency_key: key,
              body_hash: bodyHash,
              applicant_type: clean.applicantType,
              applicant_name: names[0] ?? '',
              lookup_names: JSON.stringify(names.map(nameDigest)),
              fields: JSON.stringify(storedFields),
              received_at: receivedAt,
              receipt_due_date: due,
              due_date: due,
              time_zone: rules.timeZone,
            },
            attachments,
          });
          stored = true;
          const receipt: Receipt = { requestId: id, queryCode: code, receivedAt, dueDate: due, status: 'received' };
          sendJson(res, 201, receipt);
          return;
        } catch (error) {
          // The same key was stored meanwhile (a concurrent retry): answer as a retry.
          if (isConstraintError(error, 'idempotency_key') && replay()) return;
          if (isConstraintError(error, 'query_code') && attempt < 5) continue;
          throw error;
        }
      }
    } catch (error) {
      if (!stored) removeUploads(uploads);
      throw error;
    }
  }

  /* ------------------------------------------------------------- GET /api/requests/status */

  function status(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    limit('status', req);
    const rawCode = query.get('queryCode') ?? '';
    const name = query.get('name') ?? '';
    const missing: Record<string, string> = {};
    if (!rawCode.trim()) missing.queryCode = 'required';
    if (!name.trim()) missing.name = 'required';
    if (Object.keys(missing).length) throw new HttpError(400, 'missingParameter', 'Give the query code and the applicant name.', missing);
    const code = normalizeQueryCode(rawCode);
    // Wrong names are counted per query code, from every address together: whoever holds a code (a receipt seen or
    // photographed) cannot try name after name to learn whose application it is. Unknown codes count the same way,
    // so a locked code tells nothing about whether it exists.
    if (code && limiters) {
      const r = limiters.lookupFailures.check(code);
      if (!r.ok) {
        throw new HttpError(429, 'rateLimited', 'Too many requests; try again later.', undefined, { 'Retry-After': String(r.retryAfter) });
      }
    }
    const row = code ? store.byQueryCode(code) : undefined;
    // The name is compared even when the code is unknown, so both failures take about as long.
    const ok = nameMatches(row?.lookup_names ?? '[]', name);
    if (!row || !ok) {
      if (code && limiters) limiters.lookupFailures.take(code);
      throw new HttpError(404, 'notFound', 'No application matches this query code and name.');
    }
    const answer: StatusAnswer = {
      queryCode: row.query_code,
      status: row.status,
      outcome: row.outcome,
      receivedAt: row.received_at,
      dueDate: row.due_date,
      overdue: overdueOf(row),
      history: historyOf(row.id),
    };
    sendJson(res, 200, answer);
  }

  /* ------------------------------------------------------------- staff API */

  /** The name of the staff member whose token the request carries; 401 without one, 503 when none is configured. */
  function requireStaff(req: IncomingMessage): string {
    if (!staffTokens.length) throw new HttpError(503, 'staffApiDisabled', 'The staff API is disabled on this server.');
    limit('staff', req);
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    let name: string | null = null;
    if (m) {
      // Every token is compared, in constant time, whichever matches: the time does not tell which one did.
      for (const t of staffTokens) if (secretEquals(m[1]!, t.token) && name === null) name = t.name;
    }
    if (name === null) {
      throw new HttpError(401, 'unauthorized', 'A valid staff token is required.', undefined, {
        'WWW-Authenticate': 'Bearer realm="intake-staff"',
      });
    }
    return name;
  }

  function statusFilter(query: URLSearchParams): RequestStatus | undefined {
    const s = query.get('status');
    if (s === null || s === '') return undefined;
    if (!isRequestStatus(s)) throw new HttpError(400, 'invalidParameter', 'Unknown status.', { status: 'option' });
    return s;
  }

  function staffList(res: ServerResponse, query: URLSearchParams): void {
    const st = statusFilter(query);
    // Whole numbers only (SQLite refuses 1.5 as a LIMIT): anything else is the default, or the nearest allowed value.
    const whole = (name: string, fallback: number) => Math.trunc(Math.min(Number(query.get(name) ?? fallback) || fallback, 2 ** 31));
    const lim = Math.min(Math.max(whole('limit', 100), 1), 500);
    const offset = Math.max(whole('offset', 0), 0);
    const items = store.list({ status: st, limit: lim, offset }).map((r) => staffView(r, false));
    sendJson(res, 200, { items, total: store.count(st), limit: lim, offset });
  }

  function staffOne(res: ServerResponse, id: string): void {
    const row = store.byId(id);
    if (!row) throw new HttpError(404, 'notFound', 'No such application.');
    sendJson(res, 200, staffView(row, true));
  }

  async function staffChangeStatus(req: IncomingMessage, res: ServerResponse, id: string, by: string): Promise<void> {
    if (mediaType(req) !== 'application/json') throw new HttpError(415, 'unsupportedMediaType', 'Send application/json.');
    const body = await readJson(req, 64 * 1024);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'invalidBody', 'The body must be {"status": "…", "outcome"?: "…", "note"?: "…", "decidedOn"?: "YYYY-MM-DD"}.');
    }
    const b = body as { status?: unknown; outcome?: unknown; note?: unknown; decidedOn?: unknown };
    const problems: Record<string, string> = {};
    if (b.status === undefined || b.status === '') problems.status = 'required';
    else if (!isRequestStatus(b.status)) problems.status = 'option';
    const hasOutcome = b.outcome !== undefined && b.outcome !== null && b.outcome !== '';
    if (hasOutcome && !isOutcome(b.outcome)) problems.outcome = 'option';
    else if (b.status === 'answered' && !hasOutcome) problems.outcome = 'required';
    else if (hasOutcome && b.status !== 'answered') problems.outcome = 'invalidValue';
    let note: string | null = null;
    if (b.note !== undefined && b.note !== null) {
      if (typeof b.note !== 'string') problems.note = 'invalidValue';
      else if (codePointLength(b.note) > NOTE_MAX) problems.note = 'tooLong';
      else note = withoutBidi(b.note).trim() || null;
    }
    // The day an extension was decided, when it is recorded later (extended only): a real date, checked below against
    // the day of receipt, today and the due date.
    const decidedOn = b.decidedOn === undefined || b.decidedOn === null ? null : b.decidedOn;
    if (decidedOn !== null && (b.status !== 'extended' || !isCalendarDate(decidedOn))) problems.decidedOn = 'invalidValue';
    if (Object.keys(problems).length) throw new HttpError(422, 'invalidFields', 'The status change is not valid.', problems);
    const newStatus = b.status as RequestStatus;
    const outcome = hasOutcome ? (b.outcome as Outcome) : null;

    // Read, checked and written in one write transaction (BEGIN IMMEDIATE): two server processes sharing the database
    // file cannot both read the application before either writes, so a second extension (or any change after a final
    // status) is refused by the second one to take the lock, not recorded twice.
    store.atomically(() => applyStatusChange(id, by, newStatus, outcome, note, decidedOn as string | null));
    sendJson(res, 200, staffView(store.byId(id)!, true));
  }

  function applyStatusChange(
    id: string,
    by: string,
    newStatus: RequestStatus,
    outcome: Outcome | null,
    note: string | null,
    decidedOn: string | null,
  ): void {
    const row = store.byId(id);
    if (!row) throw new HttpError(404, 'notFound', 'No such application.');
    const today = localDate(now().toISOString(), row.time_zone);
    if (decidedOn !== null && (decidedOn > today || decidedOn < localDate(row.received_at, row.time_zone))) {
      throw new HttpError(422, 'invalidFields', 'The status change is not valid.', { decidedOn: 'invalidValue' });
    }
    if (FINAL.has(row.status)) {
      throw new HttpError(409, 'finalStatus', `The application is already ${row.status}; its status cannot change.`);
    }
    const at = now().toISOString();
    let due = row.due_date;
    let extended = row.extended === 1;
    // The form's rules, read only by the changes that move the due date (a status change works without the form).
    const rules = () => resolveRules(forms.get().form);
    // A US request for information asked while the period was extended: the answer resumes the extended period, so it
    // may be recorded as `extended` again (as the end of a consultation begun while extended), no second extension.
    const usAnswerExtended = row.status === 'correctionRequested' && newStatus === 'extended' && extended
      && forms.get().form.jurisdiction === 'US-FOIA';
    if (row.status === 'correctionRequested' && (newStatus === 'extended' || newStatus === 'consultingThirdParty') && !usAnswerExtended) {
      // While a correction is awaited the reply period does not run: it starts again (条例 Art. 30, UK FOIA s.10(6)) or
      // resumes (US FOIA) when the answer arrives (`received`, or `extended` for a US request already extended).
      // Extending or consulting now would count on from a period that is not running.
      throw new HttpError(409, 'correctionPending', 'A correction is awaited: record the corrected application (received) first.');
    }
    /**
     * The working days from the day the current status began (a note recorded during it repeats the status) to today
     * move the due date on: the reply period stood still meanwhile. Begun after the due date, it stopped nothing.
     */
    const movePaused = () => {
      const began = localDate(statusBegan(row), row.time_zone);
      const { calendar } = rules();
      if (!isOverdue(due, began)) due = addWorkingDays(due, workingDaysBetween(began, localDate(at, row.time_zone), calendar), calendar);
    };
    if (row.status === 'consultingThirdParty' && newStatus !== 'consultingThirdParty' && consultStops()) {
      // 条例 Art. 33: the time taken to consult a third party or another agency is not counted in the reply period.
      movePaused();
    }
    if (newStatus === 'extended' && extended) {
      // Already extended: a note while extended (the status repeated), or back to `extended` when a consultation that
      // began while extended ends, move nothing more; the answer to a US request for information moves the due date on
      // by the working days it waited (as `received` does). Anything else would be a second extension.
      if (usAnswerExtended) movePaused();
      else if (row.status !== 'extended' && row.status !== 'consultingThirdParty') {
        throw new HttpError(409, 'alreadyExtended', 'The reply period was already extended once.');
      }
    } else if (newStatus === 'extended') {
      // 条例 Art. 33: an extension is decided, and the applicant told, within the reply period. Recorded after the due
      // date it would move the date on and clear the overdue flag of an application already late: refused, unless
      // the request names the day it was decided (approved on time, recorded late), which is kept in the history.
      const decided = (decidedOn as string | null) ?? localDate(at, row.time_zone);
      if (isOverdue(due, decided)) {
        throw new HttpError(409, 'extensionAfterDueDate', decidedOn === null
          ? `The reply period ended on ${due}; an extension decided within it can be recorded with its date (decidedOn).`
          : `The reply period ended on ${due}; an extension decided on ${decidedOn} is too late.`);
      }
      const { extensionWorkingDays, calendar } = rules();
      due = addWorkingDays(due, extensionWorkingDays, calendar);
      extended = true;
    } else if (newStatus === 'received' && row.status === 'correctionRequested') {
      const { replyWorkingDays, calendar } = rules();
      if (forms.get().form.jurisdiction === 'US-FOIA') {
        // 5 U.S.C. 552(a)(6)(A)(ii): the agency's request for information (or for clarification about fees) tolls the
        // 20 days, and the requester's answer ends the tolling: the days already used stay used, so the due date (an
        // extended one too) moves on by the working days it waited.
        movePaused();
      } else {
        // 条例 Art. 30: the reply period starts again when the corrected application arrives; so does the UK's
        // (FOIA 2000 s.1(3), s.10(6)(b): the 20 working days follow receipt of the further information asked for).
        due = dueDate(at, replyWorkingDays, calendar, row.time_zone);
        extended = false;
      }
    }
    // decidedOn is kept only with the extension it dates (not with a note while already extended).
    const decidedKept = newStatus === 'extended' && row.extended !== 1 ? (decidedOn as string | null) : null;
    store.changeStatus(id, { status: newStatus, outcome, note, at, dueDate: due, extended, by, decidedOn: decidedKept });
  }

  /**
   * `2026-11-27 04:20:28` in the agency's time zone: the legal day of receipt, which the UTC `receivedAt` shows a day
   * early for anything received between midnight and 08:00 Beijing time.
   */
  function localDateTime(iso: string, timeZone: string): string {
    try {
      return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
    } catch {
      return iso;
    }
  }

  function staffCsv(res: ServerResponse, query: URLSearchParams): void {
    const st = statusFilter(query);
    let formFields: { name: string; label: string }[] = [];
    try {
      formFields = allFields(forms.get().form).map((f) => ({ name: f.name, label: f.label }));
    } catch {
      /* the form is unavailable: export with the stored field names only */
    }
    const rows = store.list({ status: st });
    const parsed = rows.map((r) => ({ row: r, fields: JSON.parse(r.fields) as Record<string, unknown> }));
    const known = new Set(formFields.map((f) => f.name));
    const extra = [...new Set(parsed.flatMap((p) => Object.keys(p.fields)))].filter((n) => !known.has(n)).sort();
    const columns = [...formFields, ...extra.map((n) => ({ name: n, label: n }))];
    const header = [
      'requestId', 'queryCode', 'receivedAt', 'receivedAtLocal', 'dueDate', 'status', 'outcome', 'overdue', 'applicantType', 'statusBy',
      ...columns.map((c) => (c.label && c.label !== c.name ? `${c.label} (${c.name})` : c.name)),
    ];
    const cell = (v: unknown): string => {
      if (v === undefined || v === null) return '';
      if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? String((x as StoredFile).name ?? '') : String(x))).join('; ');
      return String(v);
    };
    const lines = parsed.map(({ row, fields }) => [
      row.id, row.query_code, row.received_at, localDateTime(row.received_at, row.time_zone), row.due_date, row.status, row.outcome ?? '', overdueOf(row) ? 'yes' : 'no',
      row.applicant_type, row.status_by ?? '', ...columns.map((c) => cell(fields[c.name])),
    ]);
    const data = Buffer.from(csvDocument([header, ...lines]), 'utf8');
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="requests.csv"');
    res.setHeader('Content-Length', String(data.length));
    res.end(data);
  }

  /** A value for `filename*=UTF-8''…` (RFC 8187): encodeURIComponent leaves ' ( ) * as they are, which are not attr-chars. */
  function rfc8187(name: string): string {
    return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }

  function staffAttachment(res: ServerResponse, id: string, attachmentId: string): Promise<void> {
    const a = store.attachment(id, attachmentId);
    if (!a) throw new HttpError(404, 'notFound', 'No such attachment.');
    const path = resolvePath(uploadDir, a.stored_name);
    return new Promise<void>((resolve) => {
      const stream = createReadStream(path);
      stream.once('open', () => {
        res.statusCode = 200;
        res.setHeader('Content-Type', a.media_type);
        res.setHeader('Content-Length', String(a.size));
        res.setHeader('Content-Disposition', `attachment; filename="attachment${fileExtension(a.original_name).replace(/[^.\w]/g, '')}"; filename*=UTF-8''${rfc8187(a.original_name)}`);
        stream.pipe(res);
      });
      stream.once('error', () => {
        if (!res.headersSent) sendError(res, new HttpError(410, 'gone', 'The attachment file is missing.'));
        else res.destroy();
        resolve();
      });
      stream.once('close', () => resolve());
    });
  }

  /* ------------------------------------------------------------- dispatch */

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route | null,
    query: URLSearchParams,
    ctx: RequestContext,
  ): Promise<void> {
    const origin = req.headers.origin;
    if (route?.public && origin && originAllowed(origin)) {
      res.setHeader('Access-Control-Allow-Origin', allowedOrigins.has('*') ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
    }
    if (route?.public) res.setHeader('Vary', 'Origin');

    // Unknown paths are 404 whatever the method, a preflight too: a 403 would say the path exists.
    if (!route) throw new HttpError(404, 'notFound', 'Not found.');
    if (req.method === 'OPTIONS') {
      if (!route.public || !origin || !originAllowed(origin)) {
        throw new HttpError(403, 'corsRefused', 'This origin may not call this API.');
      }
      res.statusCode = 204;
      res.setHeader('Access-Control-Allow-Methods', [...route.methods, 'OPTIONS'].join(', '));
      res.setHeader('Access-Control-Allow-Headers', PUBLIC_ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.end();
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? '');
    if (!route.methods.includes(method)) {
      // Everything the path serves: HEAD wherever GET is, OPTIONS (CORS preflights) on the public API.
      const allow = route.methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
      if (route.public) allow.push('OPTIONS');
      throw new HttpError(405, 'methodNotAllowed', 'Method not allowed.', undefined, { Allow: allow.join(', ') });
    }
    switch (route.name) {
      case '/api/requests':
        return submit(req, res);
      case '/api/requests/status':
        return status(req, res, query);
      case '/api/health':
        return sendJson(res, 200, { ok: true });
      case '/api/request-form.json': {
        const { raw } = forms.get();
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Content-Length', String(raw.length));
        res.end(raw);
        return;
      }
    }
    const by = requireStaff(req);
    ctx.staff = by;
    const [id, attachmentId] = route.params ?? [];
    switch (route.name) {
      case '/api/staff/requests':
        return staffList(res, query);
      case '/api/staff/requests.csv':
        return staffCsv(res, query);
      case '/api/staff/requests/:id':
        return staffOne(res, id!);
      case '/api/staff/requests/:id/status':
        return staffChangeStatus(req, res, id!, by);
      case '/api/staff/requests/:id/attachments/:attachmentId':
        return staffAttachment(res, id!, attachmentId!);
    }
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
    const route = matchRoute(path);
    const ctx: RequestContext = { staff: null };
    res.once('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Only the route template: paths and query strings may carry ids, names or query codes.
      // '-' when no answer was sent (the client went away first): not the 200 Node presets.
      // Staff requests name the staff member (a checked name: letters, digits, ._- and 汉字 only), never the token.
      log(`${req.method ?? '-'} ${route?.name ?? '(unmatched)'} ${res.headersSent ? res.statusCode : '-'}${res.writableFinished ? '' : ' aborted'} ${ms.toFixed(1)}ms${ctx.staff ? ` staff=${ctx.staff}` : ''}`);
    });
    setSecurityHeaders(res);
    handle(req, res, route, query, ctx).then(
      () => {
        // A handler that ended without answering would leave the client hanging.
        if (!res.headersSent) sendError(res, new HttpError(500, 'internal', 'Internal error.'));
      },
      (error: unknown) => {
        if (res.headersSent || req.socket.destroyed) {
          // Answered already, or the client is gone (a reset connection is the client's doing, not an internal error).
          res.destroy();
          return;
        }
        if (error instanceof HttpError) {
          sendError(res, error);
          return;
        }
        // Never log messages: they might quote request data. The class and code are enough to start looking.
        const e = error as { name?: string; code?: string };
        log(`internal error: ${e?.name ?? 'Error'}${e?.code ? ` (${e.code})` : ''}`);
        sendError(res, new HttpError(500, 'internal', 'Internal error.'));
      },
    );
  });
  // A request Node's HTTP parser refused never reaches the handler above: it is answered here in the API's error shape
  // (Node's own answer is a bare status line) and logged with the parser's code only (nothing of the request). A socket
  // that has answered already (garbage after a kept-alive request), or was reset, is just closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Socket).bytesWritten > 0 || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const { status, bytes } = parserErrorAnswer(error.code);
    log(`- (unparsed) ${status} ${/^[A-Z_]+$/.test(error.code ?? '') ? error.code : 'error'}`);
    socket.end(bytes, () => socket.destroy());
  });
  // A whole request may take 15 minutes: 25 MiB of attachments over a slow mobile link (about 240 kbit/s). A connection
  // that sends nothing for a minute is closed, so a stalled client does not hold one that long.
  server.requestTimeout = REQUEST_TIME_LIMIT;
  server.timeout = 60_000;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(pruneTimer);
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
