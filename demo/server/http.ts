/** HTTP plumbing for the intake server: errors, JSON answers, bounded body reading, security headers. */
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer with a 4xx/5xx status and the feeds.md error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** Members of the answer beside `error` (e.g. the stored `receipt` of `idempotencyKeyReused`). */
    readonly extra?: Record<string, unknown>,
    /** Optional members of `error` beside `code`, `message` and `fields` (e.g. the `limit` of `payloadTooLarge`). */
    readonly more?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Headers every answer carries. The API serves JSON and CSV only: nothing may be framed, run or sniffed. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

/**
 * The answer to a request Node's HTTP parser refused before the server saw it (a `clientError`: headers over 16 KiB, a
 * malformed Content-Length or chunk, a control character in a header, a request that took too long), in the API's
 * error shape, as raw bytes for the socket; and its status. Node's own answer is a bare status line.
 */
export function parserErrorAnswer(errorCode: string | undefined): { status: number; bytes: Buffer } {
  const [status, code, message] =
    errorCode === 'HPE_HEADER_OVERFLOW' ? [431, 'headersTooLarge', 'The request headers are too large.']
    : errorCode === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? [413, 'payloadTooLarge', 'The chunk extensions are too large.']
    : errorCode === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'requestTimeout', 'The request took too long.']
    : [400, 'badRequest', 'The request is not valid HTTP.'];
  const body = Buffer.from(JSON.stringify({ error: { code, message } }), 'utf8');
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${body.length}`,
    'Connection: close',
  ];
  return { status, bytes: Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]) };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(data.length));
  res.end(data);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
    ...error.extra,
    error: { code: error.code, message: error.message, ...error.more },
  };
  if (error.fields && Object.keys(error.fields).length) body.error.fields = error.fields;
  sendJson(res, error.status, body, error.headers);
}

/** Beyond this many extra bytes after a refused body the connection is cut instead of drained. */
const DRAIN_CAP = 32 * 1024 * 1024;

/**
 * Reads and throws away the rest of a request body we will not use, so the client can read our answer
 * (closing a socket with unread data makes TCP reset it, and the client may never see the 413). A client
 * that keeps sending past the cap is cut off.
 */
export function discardBody(req: IncomingMessage): void {
  if (req.readableEnded) return;
  let n = 0;
  req.on('data', (c: Buffer) => {
    n += c.length;
    if (n > DRAIN_CAP) req.destroy();
  });
  req.on('error', () => {});
  req.resume();
}

/**
 * Feeds the request body to `onChunk`, chunk by chunk, refusing more than `limit` bytes (413). When `onChunk`
 * returns a promise (a file write waiting for drain), reading pauses until it settles. On any failure the rest
 * of the body is drained (see discardBody) and the promise rejects.
 */
export function pumpBody(
  req: IncomingMessage, limit: number, onChunk: (chunk: Buffer) => void | Promise<void>, limitName: TooLarge = 'body',
): Promise<void> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardBody(req);
    return Promise.reject(tooLarge(limit, limitName));
  }
  return new Promise<void>((resolve, reject) => {
    let size = 0;
    let settled = false;
    let pending: Promise<void> | null = null;
    let ended = false;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      cleanup();
      if (!req.destroyed) discardBody(req);
      reject(error);
    };
    const succeed = (): void => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return fail(tooLarge(limit, limitName));
      let result: void | Promise<void>;
      try {
        result = onChunk(chunk);
      } catch (error) {
        return fail(error);
      }
      if (result && typeof (result as Promise<void>).then === 'function') {
        req.pause();
        const p = (result as Promise<void>).then(
          () => {
            if (pending === p) pending = null;
            if (settled) return;
            if (ended) succeed();
            else req.resume();
          },
          (error: unknown) => fail(error),
        );
        pending = p;
      }
    };
    const onEnd = (): void => {
      ended = true;
      if (!pending) succeed();
    };
    const onError = (error: unknown): void => fail(error);
    const onClose = (): void => {
      if (!ended) fail(new HttpError(400, 'aborted', 'The request was aborted.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * Which limit a `413 payloadTooLarge` answer says was passed (`error.limit`): `text`, the answers' text (a JSON body,
 * or a multipart body's text values together); `body`, a body's whole size (in multipart: mostly its files). A client
 * tells the applicant what to make smaller by it: the longest answers, or the attachments.
 */
export type TooLarge = 'text' | 'body';

export function tooLarge(limit: number, limitName: TooLarge = 'body', message = `The request body is larger than ${Math.floor(limit / 1024)} KiB.`): HttpError {
  return new HttpError(413, 'payloadTooLarge', message, undefined, undefined, undefined, { limit: limitName });
}

/** The whole body as one buffer, at most `limit` bytes (413 beyond, saying `limitName` was passed). */
export async function readBody(req: IncomingMessage, limit: number, limitName?: TooLarge): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pumpBody(req, limit, (c) => {
    chunks.push(c);
  }, limitName);
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON body (UTF-8, an optional BOM); 400 when it is not valid UTF-8 JSON. */
export async function readJson(req: IncomingMessage, limit: number, limitName?: TooLarge): Promise<unknown> {
  const body = await readBody(req, limit, limitName);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new HttpError(400, 'invalidBody', 'The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Never echo parser messages: they quote the body.
    throw new HttpError(400, 'invalidBody', 'The body is not valid JSON.');
  }
}

/** The languages an answer's words are written in (the field messages of a 422), the first the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language of the words in an answer to `req`: of Chinese and English, the one its Accept-Language weighs most (the
 * element sends the page's language), by primary tag (`zh-TW` and `zh` are Chinese, `en-GB` English); Chinese when it
 * names neither, or gives neither a weight above 0.
 */
export function answerLanguage(req: IncomingMessage): Language {
  let best: Language = 'zh-CN';
  let weight = 0;
  for (const range of (req.headers['accept-language'] ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';').map((x) => x.trim().toLowerCase());
    const q = Number(/^q=([\d.]+)$/.exec(params.find((p) => p.startsWith('q=')) ?? 'q=1')?.[1] ?? 0);
    const lang = LANGUAGES.find((l) => l.slice(0, 2) === tag.split('-')[0]);
    if (lang && q > weight) [best, weight] = [lang, q];
  }
  return best;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}
