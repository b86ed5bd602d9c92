/**
 * Named staff tokens: who holds which bearer token of the staff API. The name is recorded with every status change
 * (`by`) and may appear in log lines; a token never appears in a message, a log line or an error.
 *
 * Sources: INTAKE_STAFF_TOKEN (one token, held by `staff`, as before names existed) and INTAKE_STAFF_TOKENS, the path
 * of a file with one `name token` per line:
 *
 *     # who      token (openssl rand -hex 32)
 *     wang       3f9c…
 *     李明       a81d…
 *
 * Blank lines and lines starting with `#` are skipped. Revoking one person's access: delete their line and restart.
 */
import { readFileSync, statSync } from 'node:fs';

export interface StaffToken {
  name: string;
  token: string;
}

/** The name recorded for the holder of INTAKE_STAFF_TOKEN. */
export const DEFAULT_STAFF_NAME = 'staff';
/**
 * ASCII letters and digits, `.`, `_`, `-` and Chinese characters; 1–24 characters, starting with a letter, digit or
 * 汉字. At most 24, so a random token of the recommended length (32 or more) can never pass for a name in a message.
 */
export const STAFF_NAME_RE = /^[A-Za-z0-9\p{Script=Han}][A-Za-z0-9._\-\p{Script=Han}]{0,23}$/u;
/** Tokens shorter than this draw a warning (as the single INTAKE_STAFF_TOKEN always did). */
export const SHORT_TOKEN = 24;
/** Tokens in INTAKE_STAFF_TOKENS shorter than this are refused: too easy to guess, or the name and token swapped. */
export const MIN_FILE_TOKEN = 16;
/** What a bearer token may contain here: printable ASCII without spaces. */
const TOKEN_RE = /^[\x21-\x7e]+$/;

/** A configuration problem; the message names the entry and never contains a token. */
export class StaffTokenError extends Error {
  override name = 'StaffTokenError';
}

/** An entry with where it came from, for messages ("INTAKE_STAFF_TOKENS line 3"). */
export interface SourcedStaffToken extends StaffToken {
  source: string;
}

function describe(entry: SourcedStaffToken): string {
  return STAFF_NAME_RE.test(entry.name) ? `${entry.source} (${entry.name})` : entry.source;
}

/**
 * Checks names and tokens and that no name (case-insensitively) or token is given twice. Throws a StaffTokenError
 * naming the first bad entry; returns the entries as name/token pairs.
 */
export function checkStaffTokens(entries: readonly SourcedStaffToken[]): StaffToken[] {
  const names = new Map<string, SourcedStaffToken>();
  const out: StaffToken[] = [];
  for (const e of entries) {
    if (!STAFF_NAME_RE.test(e.name)) {
      // The bad name itself is not shown: it might be a token written in the name's place.
      throw new StaffTokenError(
        `${e.source}: the name is not valid. Names are 1–24 ASCII letters, digits, ".", "_", "-" or Chinese characters, starting with a letter, digit or Chinese character.`,
      );
    }
    if (!e.token) throw new StaffTokenError(`${describe(e)}: the token is empty.`);
    if (!TOKEN_RE.test(e.token)) {
      throw new StaffTokenError(`${describe(e)}: the token may contain only printable ASCII characters without spaces.`);
    }
    const key = e.name.toLowerCase();
    const same = names.get(key);
    if (same) throw new StaffTokenError(`${describe(e)}: the name is already given to ${describe(same)}.`);
    names.set(key, e);
    out.push({ name: e.name, token: e.token });
  }
  // Tokens compared with one another only here, at start; requests compare in constant time (secretEquals).
  for (let i = 0; i < entries.length; i++) {
    for (let j = 0; j < i; j++) {
      if (entries[i]!.token === entries[j]!.token) {
        throw new StaffTokenError(`${describe(entries[i]!)}: the same token as ${describe(entries[j]!)}. Every person needs a token of their own.`);
      }
    }
  }
  return out;
}

/** The entries of an INTAKE_STAFF_TOKENS file (`name token` per line), unchecked but for the line shape. */
export function parseStaffTokenFile(text: string, label = 'INTAKE_STAFF_TOKENS'): SourcedStaffToken[] {
  const entries: SourcedStaffToken[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const source = `${label} line ${i + 1}`;
    const parts = trimmed.split(/\s+/);
    // Line-shape problems name the line only: its first word may be a token (a line with no name, or name and token
    // swapped).
    if (parts.length !== 2) {
      throw new StaffTokenError(
        `${source}: expected a name and a token separated by spaces, found ${parts.length === 1 ? 'one word' : `${parts.length} words`}. ` +
          'The format is one "name token" per line; "#" starts a comment line.',
      );
    }
    const [name, token] = parts as [string, string];
    if (token.length < MIN_FILE_TOKEN) {
      throw new StaffTokenError(
        `${source}: the token is shorter than ${MIN_FILE_TOKEN} characters (is the order "name token"?). ` +
          'Use at least 32 random characters, e.g. openssl rand -hex 32.',
      );
    }
    entries.push({ name, token, source });
  });
  return entries;
}

/**
 * The staff tokens the environment gives: INTAKE_STAFF_TOKEN as `staff`, then the INTAKE_STAFF_TOKENS file's entries.
 * Throws a StaffTokenError (the server must not start) when the file is unreadable or an entry is bad. `warn` gets
 * a line when other users may read or change the file.
 */
export function staffTokensFromEnv(env: NodeJS.ProcessEnv, warn: (line: string) => void = () => {}): StaffToken[] {
  const entries: SourcedStaffToken[] = [];
  if (env.INTAKE_STAFF_TOKEN) entries.push({ name: DEFAULT_STAFF_NAME, token: env.INTAKE_STAFF_TOKEN, source: 'INTAKE_STAFF_TOKEN' });
  const path = env.INTAKE_STAFF_TOKENS?.trim();
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      // The value is not repeated: someone may have put the tokens themselves there.
      const code = (error as { code?: string }).code ?? 'error';
      const hint = /[=,]/.test(path) ? ' It looks like a list of tokens: write them into a file, one "name token" per line, and give its path.' : '';
      throw new StaffTokenError(`INTAKE_STAFF_TOKENS: the file it names cannot be read (${code}). It must be the path of a file with one "name token" per line.${hint}`);
    }
    try {
      const mode = statSync(path).mode & 0o777;
      if (process.platform !== 'win32' && mode & 0o077) {
        warn(`warning: the INTAKE_STAFF_TOKENS file ${path} is open to other users (mode ${mode.toString(8).padStart(4, '0')}); chmod 600 it`);
      }
    } catch {
      /* read a moment ago; the permission check is advice only */
    }
    entries.push(...parseStaffTokenFile(text));
  }
  return checkStaffTokens(entries);
}
