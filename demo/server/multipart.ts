/**
 * A small streaming multipart/form-data parser (RFC 7578 / RFC 2046). Feed it chunks with `write`, finish with
 * `end`; it calls back per part. Memory stays bounded: part bodies are handed out as they arrive (only a tail
 * as long as the delimiter is kept back), header blocks and the number of parts are limited.
 */

export class MultipartError extends Error {
  constructor(
    /** Machine-readable reason: badBoundary | headerTooLarge | tooManyParts | badPart | truncated */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'MultipartError';
  }
}

export interface PartInfo {
  /** The form field name (Content-Disposition `name`). */
  name: string;
  /** Present for file parts (may be '' for an empty file input); path components are removed. */
  filename?: string;
  /** The part's Content-Type as sent by the client (not trusted). */
  contentType?: string;
}

export interface PartHandlers {
  onPartStart(part: PartInfo): void;
  onPartData(chunk: Buffer): void;
  onPartEnd(): void;
}

export interface ParserLimits {
  /** Largest header block of one part, in bytes. */
  maxHeaderBytes: number;
  /** Most parts in one body. */
  maxParts: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary parameter of a multipart Content-Type, or null when absent or invalid (RFC 2046: 1–70 chars). */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const b = m ? (m[1] ?? m[2] ?? '') : '';
  if (!b || !/^[0-9A-Za-z'()+_,\-./:=? ]+$/.test(b) || b.endsWith(' ')) return null;
  return b;
}

/** Parameters of a header value such as `form-data; name="a"; filename="b.pdf"`, keys lower-cased. */
export function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    const key = m[1]!.toLowerCase();
    // Browsers percent-encode quotes (HTML spec) and send backslashes as they are (old IE: whole Windows paths);
    // other clients escape `"` and `\` with a backslash. Only those two escapes are undone.
    const v = m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : (m[3] ?? '').trim();
    if (!params.has(key)) params.set(key, v);
  }
  return params;
}

/** `filename*=UTF-8''%E7%94%B3.pdf` (RFC 5987) → '申.pdf'; null when malformed. */
function decodeExtValue(v: string): string | null {
  const m = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(v);
  if (!m || m[1]!.toLowerCase() !== 'utf-8') return null;
  try {
    return decodeURIComponent(m[2]!);
  } catch {
    return null;
  }
}

/** The last path component; browsers escape `"`, CR and LF in filenames as %22, %0D, %0A (HTML spec). */
function cleanFilename(name: string): string {
  const decoded = name.replace(/%22/gi, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
  return (decoded.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}

function parsePartHeaders(block: string): PartInfo {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('badPart', 'A part header line has no name.');
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value;
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MultipartError('badPart', 'A part has no "Content-Disposition: form-data" header.');
  }
  const params = headerParams(disposition);
  const name = params.get('name');
  if (name === undefined || name === '') throw new MultipartError('badPart', 'A part has no field name.');
  const part: PartInfo = { name };
  const ext = params.get('filename*');
  const plain = params.get('filename');
  const filename = ext !== undefined ? (decodeExtValue(ext) ?? plain) : plain;
  if (filename !== undefined) part.filename = cleanFilename(filename);
  if (contentType) part.contentType = contentType;
  return part;
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

export class MultipartParser {
  private readonly delimiter: Buffer;
  /** The body is read as if it started with CRLF, so every delimiter (the first one too) is `CRLF--boundary`. */
  private buf: Buffer = CRLF;
  private state: State = 'preamble';
  private parts = 0;

  constructor(
    boundary: string,
    private readonly handlers: PartHandlers,
    private readonly limits: ParserLimits,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  write(chunk: Buffer): void {
    if (this.state === 'done') return; // epilogue: ignored
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.run();
  }

  end(): void {
    if (this.state !== 'done') throw new MultipartError('truncated', 'The multipart body ended early.');
  }

  private run(): void {
    for (;;) {
      switch (this.state) {
        case 'preamble': {
          const i = this.buf.indexOf(this.delimiter);
          if (i < 0) {
            // Keep only what could still be the start of the delimiter; a preamble is never needed.
            const keep = this.delimiter.length - 1;
            if (this.buf.length > keep) this.buf = this.buf.subarray(this.buf.length - keep);
            if (this.buf.length > this.limits.maxHeaderBytes) throw new MultipartError('badBoundary', 'No boundary found.');
            return;
          }
          this.buf = this.buf.subarray(i + this.delimiter.length);
          this.state = 'afterDelimiter';
          break;
        }
        case 'afterDelimiter': {
          if (this.buf.length < 2) return;
          if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
            this.state = 'done';
            this.buf = Buffer.alloc(0);
            return;
          }
          // Transport padding (spaces, tabs) may follow the boundary before the CRLF.
          let j = 0;
          while (j < this.buf.length && (this.buf[j] === 0x20 || this.buf[j] === 0x09)) j++;
          if (j > 64) throw new MultipartError('badPart', 'Malformed boundary line.');
          if (this.buf.length < j + 2) return;
          if (this.buf[j] !== 0x0d || this.buf[j + 1] !== 0x0a) throw new MultipartError('badPart', 'Malformed boundary line.');
          // Keep the CRLF: the header block is then "CRLF headers CRLF CRLF", empty headers included.
          this.buf = this.buf.subarray(j);
          this.state = 'headers';
          break;
        }
        case 'headers': {
          const i = this.buf.indexOf(HEADER_END);
          if (i < 0) {
            if (this.buf.length > this.limits.maxHeaderBytes) throw new MultipartError('headerTooLarge', 'A part header is too large.');
            return;
          }
          if (i > this.limits.maxHeaderBytes) throw new MultipartError('headerTooLarge', 'A part header is too large.');
          if (++this.parts > this.limits.maxParts) throw new MultipartError('tooManyParts', 'Too many parts.');
          const block = i === 0 ? '' : this.buf.subarray(2, i).toString('utf8');
          const info = parsePartHeaders(block);
          this.buf = this.buf.subarray(i + HEADER_END.length);
          this.state = 'body';
          this.handlers.onPartStart(info);
          break;
        }
        case 'body': {
          const i = this.buf.indexOf(this.delimiter);
          if (i < 0) {
            const safe = this.buf.length - (this.delimiter.length - 1);
            if (safe > 0) {
              this.handlers.onPartData(this.buf.subarray(0, safe));
              this.buf = this.buf.subarray(safe);
            }
            return;
          }
          if (i > 0) this.handlers.onPartData(this.buf.subarray(0, i));
          this.handlers.onPartEnd();
          this.buf = this.buf.subarray(i + this.delimiter.length);
          this.state = 'afterDelimiter';
          break;
        }
        case 'done':
          return;
      }
    }
  }
}
