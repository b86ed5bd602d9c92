/** SQLite storage of applications, their status history and attachments (better-sqlite3, WAL mode). */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Outcome, RequestStatus } from '../../src/schema/request-form.js';

export interface RequestRow {
  id: string;
  query_code: string;
  idempotency_key: string;
  body_hash: string;
  applicant_type: string;
  applicant_name: string;
  /** JSON array of sha256 hex digests of the normalized names accepted at status lookup. */
  lookup_names: string;
  /** JSON object: field name → value (file fields: attachment descriptors). */
  fields: string;
  received_at: string;
  /** Due date in the receipt (the first reply deadline). */
  receipt_due_date: string;
  due_date: string;
  time_zone: string;
  extended: number;
  status: RequestStatus;
  outcome: Outcome | null;
  updated_at: string;
}

export interface HistoryRow {
  id: number;
  request_id: string;
  status: RequestStatus;
  outcome: Outcome | null;
  at: string;
  note: string | null;
  /** The staff member who recorded the change; null for the applicant's submission and rows older than names. */
  by: string | null;
  /** The day an extension recorded late was decided (YYYY-MM-DD, given by staff); null otherwise. */
  decided_on: string | null;
}

export interface AttachmentRow {
  id: string;
  request_id: string;
  field: string;
  original_name: string;
  stored_name: string;
  media_type: string;
  size: number;
  sha256: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS requests (
  id               TEXT PRIMARY KEY,
  query_code       TEXT NOT NULL UNIQUE,
  idempotency_key  TEXT NOT NULL UNIQUE,
  body_hash        TEXT NOT NULL,
  applicant_type   TEXT NOT NULL,
  applicant_name   TEXT NOT NULL,
  lookup_names     TEXT NOT NULL,
  fields           TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  receipt_due_date TEXT NOT NULL,
  due_date         TEXT NOT NULL,
  time_zone        TEXT NOT NULL,
  extended         INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL,
  outcome          TEXT,
  updated_at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_by_status ON requests (status, received_at);
CREATE INDEX IF NOT EXISTS requests_by_received ON requests (received_at);
CREATE TABLE IF NOT EXISTS request_history (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  status     TEXT NOT NULL,
  outcome    TEXT,
  at         TEXT NOT NULL,
  note       TEXT,
  "by"       TEXT,
  decided_on TEXT
);
CREATE INDEX IF NOT EXISTS history_by_request ON request_history (request_id, id);
CREATE TABLE IF NOT EXISTS attachments (
  id            TEXT PRIMARY KEY,
  request_id    TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  field         TEXT NOT NULL,
  original_name TEXT NOT NULL,
  stored_name   TEXT NOT NULL UNIQUE,
  media_type    TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_by_request ON attachments (request_id);
`;

export interface NewRequest {
  row: Omit<RequestRow, 'extended' | 'outcome' | 'updated_at' | 'status'>;
  attachments: Omit<AttachmentRow, 'request_id'>[];
}

export class IntakeStore {
  readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.db = new Database(path, { timeout: 5000 });
    // Personal data: readable by the server's user only (SQLite gives the -wal/-shm files the same mode).
    if (path !== ':memory:') chmodSync(path, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.migrate();
  }

  /**
   * Brings a database made by an earlier version up to date. Version 2 added request_history.by (who recorded a
   * status change); rows from before keep null there. Checked and altered in one write transaction, so two
   * processes opening the same file at once do not both add the column.
   */
  private migrate(): void {
    this.db.transaction(() => {
      const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(request_history)').all();
      if (!columns.some((c) => c.name === 'by')) this.db.exec('ALTER TABLE request_history ADD COLUMN "by" TEXT');
      // Version 3: idempotency keys are compared in lower case; keys stored in upper case are lowered so a retry still
      // finds its application. A key whose lower-case form is taken already stays as it is (found by neither form).
      if ((this.db.pragma('user_version', { simple: true }) as number) < 3) {
        const lower = this.db.prepare<[string, string]>('UPDATE requests SET idempotency_key = ? WHERE idempotency_key = ?');
        const mixed = this.db.prepare<[], { k: string }>('SELECT idempotency_key AS k FROM requests WHERE idempotency_key <> lower(idempotency_key)').all();
        for (const { k } of mixed) {
          try {
            lower.run(k.toLowerCase(), k);
          } catch (error) {
            if (!isConstraintError(error)) throw error;
          }
        }
      }
      // Version 4: request_history.decided_on, the day an extension recorded late was decided.
      if (!columns.some((c) => c.name === 'decided_on')) this.db.exec('ALTER TABLE request_history ADD COLUMN decided_on TEXT');
      this.db.pragma('user_version = 4');
    }).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  byIdempotencyKey(key: string): RequestRow | undefined {
    return this.db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE idempotency_key = ?').get(key);
  }

  byQueryCode(code: string): RequestRow | undefined {
    return this.db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE query_code = ?').get(code);
  }

  byId(id: string): RequestRow | undefined {
    return this.db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE id = ?').get(id);
  }

  history(id: string): HistoryRow[] {
    return this.db.prepare<[string], HistoryRow>('SELECT * FROM request_history WHERE request_id = ? ORDER BY id').all(id);
  }

  attachments(id: string): AttachmentRow[] {
    return this.db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE request_id = ? ORDER BY rowid').all(id);
  }

  /** The stored names of every application's files. */
  storedNames(): Set<string> {
    return new Set(this.db.prepare<[], { stored_name: string }>('SELECT stored_name FROM attachments').all().map((r) => r.stored_name));
  }

  /** Deletes an application with its history and attachment rows; returns the stored names of its files. */
  remove(id: string): string[] {
    const files = this.attachments(id).map((a) => a.stored_name);
    this.db.prepare('DELETE FROM requests WHERE id = ?').run(id);
    return files;
  }

  attachment(requestId: string, attachmentId: string): AttachmentRow | undefined {
    return this.db
      .prepare<[string, string], AttachmentRow>('SELECT * FROM attachments WHERE request_id = ? AND id = ?')
      .get(requestId, attachmentId);
  }

  count(status?: RequestStatus): number {
    const r = status
      ? this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM requests WHERE status = ?').get(status)
      : this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM requests').get();
    return r?.n ?? 0;
  }

  /** Who recorded the current status (the latest history entry's `by`); null for the applicant's submission. */
  statusBy(id: string): string | null {
    return (
      this.db
        .prepare<[string], { by: string | null }>('SELECT "by" FROM request_history WHERE request_id = ? ORDER BY id DESC LIMIT 1')
        .get(id)?.by ?? null
    );
  }

  /** Applications, oldest first, each with `status_by` (see statusBy). */
  list(options: { status?: RequestStatus; limit?: number; offset?: number } = {}): (RequestRow & { status_by: string | null })[] {
    const limit = options.limit ?? -1;
    const offset = options.offset ?? 0;
    const columns = `r.*, (SELECT h."by" FROM request_history h WHERE h.request_id = r.id ORDER BY h.id DESC LIMIT 1) AS status_by`;
    type Row = RequestRow & { status_by: string | null };
    return options.status
      ? this.db
          .prepare<[string, number, number], Row>(
            `SELECT ${columns} FROM requests r WHERE r.status = ? ORDER BY r.received_at, r.rowid LIMIT ? OFFSET ?`,
          )
          .all(options.status, limit, offset)
      : this.db
          .prepare<[number, number], Row>(`SELECT ${columns} FROM requests r ORDER BY r.received_at, r.rowid LIMIT ? OFFSET ?`)
          .all(limit, offset);
  }

  /**
   * Stores a new application with its first history entry and attachments, in one transaction.
   * Throws the SQLite constraint error when the idempotency key or the query code is taken.
   */
  insert(req: NewRequest): void {
    const tx = this.db.transaction(() => {
      const r = req.row;
      this.db
        .prepare(
          `INSERT INTO requests (id, query_code, idempotency_key, body_hash, applicant_type, applicant_name, lookup_names,
             fields, received_at, receipt_due_date, due_date, time_zone, extended, status, outcome, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'received', NULL, ?)`,
        )
        .run(
          r.id, r.query_code, r.idempotency_key, r.body_hash, r.applicant_type, r.applicant_name, r.lookup_names,
          r.fields, r.received_at, r.receipt_due_date, r.due_date, r.time_zone, r.received_at,
        );
      this.db
        .prepare("INSERT INTO request_history (request_id, status, outcome, at, note) VALUES (?, 'received', NULL, ?, NULL)")
        .run(r.id, r.received_at);
      const insertAttachment = this.db.prepare(
        `INSERT INTO attachments (id, request_id, field, original_name, stored_name, media_type, size, sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const a of req.attachments) {
        insertAttachment.run(a.id, r.id, a.field, a.original_name, a.stored_name, a.media_type, a.size, a.sha256);
      }
    });
    tx();
  }

  /**
   * Runs fn in one write transaction taken at its start (BEGIN IMMEDIATE): what fn reads cannot be changed by another
   * connection (another server process on the same file) before fn's writes commit. Rolled back if fn throws.
   */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Records a status change (and the due date and extension flag that go with it), with who made it. */
  changeStatus(
    id: string,
    change: {
      status: RequestStatus;
      outcome: Outcome | null;
      note: string | null;
      at: string;
      dueDate: string;
      extended: boolean;
      by: string;
      /** With a late-recorded extension: the day it was decided. */
      decidedOn?: string | null;
    },
  ): void {
    const tx = this.db.transaction(() => {
      this.db
        .prepare('UPDATE requests SET status = ?, outcome = ?, due_date = ?, extended = ?, updated_at = ? WHERE id = ?')
        .run(change.status, change.outcome, change.dueDate, change.extended ? 1 : 0, change.at, id);
      this.db
        .prepare('INSERT INTO request_history (request_id, status, outcome, at, note, "by", decided_on) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, change.status, change.outcome, change.at, change.note, change.by, change.decidedOn ?? null);
    });
    tx();
  }
}

/** True for SQLite UNIQUE / PRIMARY KEY violations. */
export function isConstraintError(error: unknown, column?: string): boolean {
  const e = error as { code?: string; message?: string };
  if (typeof e?.code !== 'string' || !e.code.startsWith('SQLITE_CONSTRAINT')) return false;
  return column === undefined || (e.message ?? '').includes(column);
}
