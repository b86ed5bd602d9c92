/// <reference types="node" />
/** Input, output, arguments and progress for the command-line tool. */
import { readFile, writeFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Exit codes: 0 ok, 1 invalid input or failed conversion, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

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
      throw new CliError(`${source}: could not be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`);
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

/** True for bytes that are clearly not text (NUL bytes in the first 8 KiB, or a known binary signature). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (utf16Bom(head)) return false; // UTF-16 text: every other byte of ASCII is NUL
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return true; // zip (xlsx)
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return true; // OLE (xls)
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return true; // %PDF
  return head.includes(0);
}

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes text: UTF-16 when a BOM says so, UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030
 * (a superset of GBK and GB2312). `declared` (an HTTP or <meta> charset) wins over UTF-8 when it names a GB encoding.
 */
export function decodeText(bytes: Uint8Array, declared?: string): { text: string; encoding: TextEncodingName } {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const gb = declared && /gb(k|2312|18030)|x-gbk/i.test(declared);
  if (!gb) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch { /* not UTF-8 */ }
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
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

/** Writes the output file, or stdout when `out` is absent or "-". */
export async function writeOutput(out: string | undefined, text: string): Promise<void> {
  if (!out || out === '-') {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (e) => (isEpipe(e) ? process.exit(EXIT_OK) : e ? reject(e) : resolve())));
    return;
  }
  try {
    await writeFile(out, text);
  } catch (error) {
    throw new CliError(`${out}: cannot be written (${(error as Error).message})`);
  }
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
