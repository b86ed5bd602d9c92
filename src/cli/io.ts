/// <reference types="node" />
/** Input, output, arguments and progress for the command-line tool. */
import { chmod, chown, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Exit codes: 0 ok, 1 invalid input or failed conversion, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

/**
 * An error's words for the reader. Reading recurses over a document's nesting, so one nested thousands of levels deep
 * (made to break readers; a report or a catalogue has a few dozen at most) overflows the stack: said as that.
 */
export const reason = (error: unknown): string =>
  error instanceof RangeError && /call stack/i.test(error.message)
    ? 'it is nested too deeply to be read (thousands of elements or tables inside one another; a report or a catalogue has a few dozen levels at most)'
    : (error as Error).message;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_FAIL) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, EXIT_USAGE);

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value`, `-o value` and flags. `valued` lists the options that take a value
 * (short aliases map to their long name).
 */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[], aliases: Record<string, string> = {}): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('-') && a !== '-') {
      let [name, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      name = name.replace(/^--?/, '');
      name = aliases[name] ?? name;
      if (valued.includes(name)) {
        if (value === undefined) {
          value = argv[++i];
          if (value === undefined) throw usageError(`--${name} needs a value`);
        }
        options[name] = value;
      } else if (flags.includes(name)) {
        options[name] = true;
      } else {
        throw usageError(`unknown option ${a}`);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** What the usual reasons a fetch fails mean, in words. */
const FETCH_FAILURES: Record<string, string> = {
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up (no network?)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  ETIMEDOUT: 'the server did not answer',
  UND_ERR_CONNECT_TIMEOUT: 'the server did not answer',
  TimeoutError: 'no answer within the time allowed',
  EHOSTUNREACH: 'the server cannot be reached from this machine',
  ENETUNREACH: 'the network cannot be reached (offline?)',
  CERT_HAS_EXPIRED: 'the server\'s certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server\'s certificate is self-signed, not one a browser trusts',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server\'s certificate is not one a browser trusts',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server\'s certificate could not be verified (an intermediate certificate missing?)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server\'s certificate is for another host name',
};

/** Reads a file or an http(s) URL as bytes; clear errors for what cannot be read. */
export async function readBytes(source: string, timeoutMs = 30000): Promise<{ bytes: Uint8Array; contentType?: string; url?: string }> {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(source) && !isUrl(source)) {
    throw new CliError(`${source}: only http and https URLs can be read`);
  }
  if (isUrl(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.message === 'bad port') {
        throw new CliError(`${source}: could not be fetched: browsers do not connect to port ${new URL(source).port} (a port kept for another ` +
          'service), so the elements could not either: serve the file on the site\'s usual port');
      }
      const code = cause?.code ?? (error as Error).name;
      const why = FETCH_FAILURES[code];
      throw new CliError(`${source}: could not be fetched` + (why ? `: ${why} (${code}); ${why.startsWith('the server\'s certificate') ? 'ask the site\'s administrator, or use http://' : 'check the address, and that the site is up'}`
        : ` (${cause?.code ?? cause?.message ?? (error as Error).message})`));
    }
    if (!response.ok) throw new CliError(`${source}: the server answered HTTP ${response.status}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? undefined, url: response.url || source };
  }
  try {
    const s = await stat(source);
    if (s.isDirectory()) throw new CliError(`${source}: is a directory, not a file`);
    return { bytes: new Uint8Array(await readFile(source)) };
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${source}: no such file`);
    if (code === 'EACCES') throw new CliError(`${source}: permission denied`);
    throw new CliError(`${source}: cannot be read (${(error as Error).message})`);
  }
}

/** The UTF-16 encoding a byte-order mark announces (Excel's "Unicode text" is UTF-16 LE with FF FE), else null. */
const utf16Bom = (b: Uint8Array): 'utf-16le' | 'utf-16be' | null =>
  b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null;

/** Whether `b` begins with the four bytes `sig`. */
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);
/** A zip archive (an .xlsx workbook, an .ods, any zip): a local file header, PK\x03\x04. */
export const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
/** An OLE compound file: an Excel 97–2003 workbook (.xls), a password-protected workbook, another old Office file. */
export const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]);
/** A PDF document (%PDF). */
export const isPdf = (b: Uint8Array) => startsWith(b, [0x25, 0x50, 0x44, 0x46]);

/** True for bytes that are clearly not text (NUL bytes in the first 8 KiB, or a known binary signature). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (utf16Bom(head)) return false; // UTF-16 text: every other byte of ASCII is NUL
  return isZip(head) || isOle(head) || isPdf(head) || head.includes(0);
}

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Set when the bytes are mostly in `encoding` but not all: the line (1-based) of the first bytes that are not. The
   * text then holds U+FFFD in their place (e.g. a UTF-8 export with one row pasted in from a GBK file).
   */
  damagedLine?: number;
  /**
   * Set with `damagedLine` when that line is in another encoding that can be told: 'utf-8' for a UTF-8 row in a GBK
   * file (its bytes are valid GB18030 too, so the text holds mojibake there, 鍏充簬 for 关于, not U+FFFD).
   */
  lineEncoding?: TextEncodingName;
  /** With `lineEncoding`: the start of that line as it reads in that encoding, to find it in the file. */
  lineText?: string;
}

/**
 * Counts the multi-byte UTF-8 sequences that are well formed and those that are not, and where the first bad one is.
 * GBK text forms a well-formed sequence only now and then (most of its byte pairs are not UTF-8); damaged UTF-8 is
 * well formed nearly everywhere.
 */
function utf8Tally(bytes: Uint8Array, from = 0, to = bytes.length): { good: number; bad: number; firstBad: number } {
  let good = 0;
  let bad = 0;
  let firstBad = -1;
  const cont = (b: number | undefined, lo = 0x80, hi = 0xbf) => b !== undefined && b >= lo && b <= hi;
  for (let i = from; i < to;) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let len = 0;
    if (b >= 0xc2 && b <= 0xdf) len = cont(bytes[i + 1]) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      len = cont(bytes[i + 1], lo, hi) && cont(bytes[i + 2]) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      len = cont(bytes[i + 1], lo, hi) && cont(bytes[i + 2]) && cont(bytes[i + 3]) ? 4 : 0;
    }
    if (len) { good++; i += len; continue; }
    bad++;
    if (firstBad < 0) firstBad = i;
    i++;
  }
  return { good, bad, firstBad };
}

/**
 * True when bytes from..to, read as GBK, hold a character outside GB2312 (two bytes not both A1–FE, or a GB18030
 * four-byte sequence) or bytes that are not GBK at all. Chinese text in a GBK file is GB2312 but for a rare
 * character in a name; UTF-8 read as GBK is not: the second byte of a UTF-8 sequence is 80–BF, of “ ” 、 。 — it is
 * 80 (“ is E2 80 9C), so most of its byte pairs fall outside GB2312 (鈥, 銆).
 */
function outsideGb2312(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const t = bytes[i + 1];
    if (i + 1 >= to || t === undefined || b < 0xa1 || b > 0xf7 || t < 0xa1 || t > 0xfe) return true;
    i += 2;
  }
  return false;
}

/**
 * The first line of a GBK text whose bytes are UTF-8 Chinese text (a row pasted in from a UTF-8 file), with its
 * number. Such bytes are often valid GB18030 as well and would be read as mojibake without an error. A line counts
 * only when it is valid UTF-8 with nothing but Han, CJK and general punctuation, full-width forms and ASCII, and either
 * at least two Han characters or bytes that read as GBK outside GB2312 (one Han character, or only “” 、 。: 关 reads
 * 鍏, 、 reads 銆). GBK text is valid UTF-8 only by chance, and then reads as Greek, Hebrew or combining marks
 * (通知 in GBK is U+0368 U+05AA), so real GBK rows do not count.
 */
function utf8LineInGb(bytes: Uint8Array): { line: number; text: string } | null {
  const utf8 = new TextDecoder('utf-8');
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let high = false;
    for (let i = start; i < end && !high; i++) high = bytes[i]! >= 0x80;
    if (high && utf8Tally(bytes, start, end).bad === 0) {
      const text = utf8.decode(bytes.subarray(start, end)).replace(/\r$/, '');
      if (/^[\x00-\x7f\u00b7\u00d7\u2000-\u206f\u2150-\u218f\u2460-\u24ff\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*$/.test(text) &&
        ((text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 || outsideGb2312(bytes, start, end))) return { line, text };
    }
    start = end + 1;
  }
  return null;
}

const lineAt = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** The charset an HTML page's <meta> declares (`<meta charset>`, or `http-equiv` Content-Type), among its first 4 KB. */
export const metaCharset = (bytes: Uint8Array) =>
  /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))?.[1];

/**
 * Decodes text: UTF-16 when a BOM says so, UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030
 * (a superset of GBK and GB2312). `declared` (an HTTP or <meta> charset) wins over UTF-8 when it names a GB encoding.
 * Bytes that are UTF-8 but for a few bad ones stay UTF-8, with `damagedLine` set: read as GB18030 they would turn the
 * whole text into mojibake (绱㈠紩鍙 for 索引号) without any error. A GB18030 text with a line of UTF-8 Chinese in it
 * has `damagedLine` and `lineEncoding` set: those bytes are valid GB18030 too and would be mojibake without an error.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const gb = declared && /gb(k|2312|18030)|x-gbk/i.test(declared);
  if (!gb) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch { /* not UTF-8 */ }
    const tally = utf8Tally(bytes);
    if (tally.good > tally.bad * 4) {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', damagedLine: lineAt(bytes, tally.firstBad) };
    }
  }
  let text: string;
  let bad: number | undefined;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    // Some bytes are not GB18030 either.
    text = new TextDecoder('gb18030').decode(bytes);
    bad = text.slice(0, text.indexOf('\ufffd')).split('\n').length;
  }
  const u = utf8LineInGb(bytes);
  if (u && (bad === undefined || u.line <= bad)) {
    return { text, encoding: 'gb18030', damagedLine: u.line, lineEncoding: 'utf-8', lineText: u.text.length > 40 ? `${u.text.slice(0, 40)}…` : u.text };
  }
  return { text, encoding: 'gb18030', damagedLine: bad };
}

const isEpipe = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/** Output piped into `head` and the like: when the reader has gone (EPIPE), stop quietly with status 0. */
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (e) => {
    if (isEpipe(e)) process.exit(EXIT_OK);
    throw e;
  });
}

/**
 * A usage error when `-o` names the input file itself (`-o 目录.csv` for `目录.csv`, or the same file by another path
 * or a link): writing the feed there would destroy the spreadsheet or page it was made from. Checked before anything
 * is converted.
 */
export async function refuseOverwritingInput(out: string | undefined, source: string): Promise<void> {
  if (!out || out === '-' || isUrl(source)) return;
  let same = resolve(out) === resolve(source);
  if (!same) {
    try {
      const [a, b] = await Promise.all([stat(out), stat(source)]);
      same = a.dev === b.dev && a.ino === b.ino;
    } catch { /* the output does not exist yet: not the input */ }
  }
  if (same) throw usageError(`-o ${out} is the input file; it is not overwritten: give the feed another name, e.g. -o feed.json`);
}

/**
 * Writes the output file, or stdout when `out` is absent or "-". `text` may come in pieces (see jsonPieces), written
 * about a megabyte at a time: a feed of 100,000 entries is then never one string, nor one buffer, in memory.
 */
export async function writeOutput(out: string | undefined, text: string | Iterable<string>): Promise<void> {
  const batches = function* () {
    if (typeof text === 'string') { yield text; return; }
    let batch = '';
    for (const piece of text) {
      batch += piece;
      if (batch.length >= 1 << 20) { yield batch; batch = ''; }
    }
    if (batch) yield batch;
  };
  if (!out || out === '-') {
    for (const batch of batches()) {
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(batch, (e) => (isEpipe(e) ? process.exit(EXIT_OK) : e ? reject(e) : resolve())));
    }
    return;
  }
  // Written beside the file under a temporary name, then renamed over it: a visitor never reads a half-written feed, and
  // a failure on the way (a full disk) leaves the old feed as it was. A link stays a link (its target is replaced); the
  // file keeps its mode (and, run as root, its owner). Where its folder cannot take a new file, it is written in place.
  let target = out;
  const old = await realpath(out).then((p) => stat((target = p)), () => undefined);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let file;
  let inPlace = false;
  try {
    try {
      file = await open(tmp, 'wx', old ? old.mode & 0o777 : 0o666);
    } catch {
      file = await open(target, 'w');
      inPlace = true;
    }
    for (const batch of batches()) await file.write(batch);
    await file.close();
    file = undefined;
    if (!inPlace) {
      if (old) {
        await chmod(tmp, old.mode & 0o7777);
        if (process.getuid?.() === 0) await chown(tmp, old.uid, old.gid);
      }
      await rename(tmp, target);
    }
  } catch (error) {
    await file?.close();
    if (!inPlace) await rm(tmp, { force: true });
    throw new CliError(`${out}: cannot be written (${(error as Error).message})${inPlace ? '' : '; the file was left as it was'}`);
  }
}

/**
 * `JSON.stringify(value, null, 2)` and a newline, in pieces: one per element of the list under `key` when that is the
 * last key (a catalogue's items), so a large feed is not one string in memory. The same text as the one string.
 */
export function* jsonPieces(value: Record<string, unknown>, key: string): Generator<string> {
  const list = value[key];
  const keys = Object.keys(value);
  if (!Array.isArray(list) || !list.length || keys[keys.length - 1] !== key) {
    yield `${JSON.stringify(value, null, 2)}\n`;
    return;
  }
  const head = JSON.stringify({ ...value, [key]: [] }, null, 2); // …"items": []\n}
  yield `${head.slice(0, -4)}[\n`;
  // An element's own lines, indented to its depth; strings in JSON hold no raw line breaks.
  for (let i = 0; i < list.length; i++) yield `    ${(JSON.stringify(list[i], null, 2) ?? 'null').replace(/\n/g, '\n    ')}${i < list.length - 1 ? ',' : ''}\n`;
  yield '  ]\n}\n';
}

/** Progress on stderr, only when stderr is a terminal and not --quiet. */
export class Progress {
  private readonly active: boolean;
  private shown = false;
  constructor(quiet: boolean, private readonly every = 1000) {
    this.active = !quiet && !!process.stderr.isTTY;
  }
  tick(n: number, what: string): void {
    if (!this.active || n % this.every !== 0) return;
    process.stderr.write(`\r${n.toLocaleString('en')} ${what}…`);
    this.shown = true;
  }
  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

export const fmt = (n: number) => n.toLocaleString('en');
export const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
