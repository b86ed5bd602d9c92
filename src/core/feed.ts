import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bare, parseJson } from './json.js';

/** What went wrong while loading a feed, in categories a reader can be told about in plain words. */
export type FeedErrorKind =
  | 'network' | 'timeout' | 'notFound' | 'http' | 'server' | 'invalidJson' | 'html' | 'schemaVersion' | 'invalidRoot'
  // Thrown by no request: a script broke reading the feed (a host page's broken built-in or polyfill, such as an old
  // Intl polyfill, or our own bug). Not the connection: the reader must not be sent to check it.
  | 'script';

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly url: string,
    readonly status?: number,
    /** For schemaVersion: the version found; for invalidRoot: what is missing; for notFound: the Content-Type, or null. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** One problem found in a feed: a JSON path and what was wrong there. */
export interface FeedIssue { path: string; message: string }

export type ParseResult<T> =
  | { ok: true; data: T; warnings: FeedIssue[] }
  | { ok: false; error: 'schemaVersion' | 'invalidRoot'; message: string; detail?: string };

export type FeedParser<T> = (json: unknown, feedUrl: string) => ParseResult<T>;

/** `headers`: sent besides `Accept` (a status lookup's `Accept-Language`). */
export interface FetchOptions { signal?: AbortSignal; timeout?: number; headers?: Record<string, string> }

/** The schema version this library reads; a feed with a higher major version is refused with a clear error. */
export const SCHEMA_VERSION = 1;

/**
 * Checks the root rule every feed shares: an object whose `schemaVersion` is 1.
 * Returns a failed ParseResult, or null when the root is fine.
 */
export function checkSchemaVersion(json: unknown): Extract<ParseResult<never>, { ok: false }> | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: 'invalidRoot', message: 'Not a JSON object.', detail: 'schemaVersion' };
  }
  const v = (json as { schemaVersion?: unknown }).schemaVersion;
  // (Number.isFinite is false for anything that is not a number.)
  if (!Number.isFinite(v)) {
    return { ok: false, error: 'invalidRoot', message: 'schemaVersion is missing.', detail: 'schemaVersion' };
  }
  if (Math.floor(v as number) > SCHEMA_VERSION) {
    return { ok: false, error: 'schemaVersion', message: `schemaVersion ${v} is newer than ${SCHEMA_VERSION}.`, detail: String(v) };
  }
  return null;
}

/**
 * Fetches JSON with a timeout and an abort signal, telling apart the failures a reader cares about.
 * `cache: 'no-cache'` makes the browser revalidate with ETag / Last-Modified (If-None-Match), so an unchanged feed
 * costs a 304 and no download, without adding a header that would need a CORS preflight.
 */
export async function fetchJson(url: string, options: FetchOptions = {}): Promise<{ json: unknown; etag: string | null }> {
  const timeout = options.timeout ?? 20000;
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  // A failed fetch or body read: the timeout, the caller's abort (its reason is passed on), or the network.
  const failure = (error: unknown) => {
    throw timedOut ? new FeedError('timeout', `No answer within ${timeout} ms`, url)
      : options.signal?.aborted ? options.signal.reason : new FeedError('network', String(error), url);
  };
  // Settles with the abort too: a host page's fetch polyfill (old CMS templates carry whatwg-fetch) may ignore the
  // signal, and a timeout must still end the wait. Raced from the start, so its rejection is always handled.
  const aborted = new Promise<never>((_, reject) => (controller.signal.onabort = reject));
  const settle = <R>(promise: Promise<R>) => Promise.race([promise, aborted]).catch(failure);
  try {
    // (bare: fetch() reads `mode`, `method`, `body` … it is not given from a host page's polluted Object.prototype.)
    const response = await settle(fetch(url, bare({
      signal: controller.signal,
      cache: 'no-cache',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...options.headers },
    })));
    const { status, headers } = response;
    // Told before the body is read (a missing feed is missing, whatever page says so). Its Content-Type goes with it: a
    // status lookup tells a web page (a wrong lookup address) from the service's own JSON 404 by it.
    if (status === 404 || status === 410) throw new FeedError('notFound', 'Not found', url, status, headers.get('content-type') as string);
    if (status >= 500) throw new FeedError('server', `Server error ${status}`, url, status);
    if (!response.ok) throw new FeedError('http', `HTTP ${status}`, url, status);
    // Decoded piece by piece as it comes: response.text() decodes all of it once the feed has ended (in Chromium, 10 ms
    // of the main thread for 4.5 MB; the bench's 10,000 entries show after 5–6 ms less of it this way). A host page's
    // fetch polyfill may give no body stream. (An answer sent with Cache-Control: no-store and read this way to its end
    // is now and then shown by Chromium's DevTools, and reported to Playwright, as canceled, net::ERR_ABORTED, although
    // the page got all of it: microsoft/playwright#42742. Reading such answers whole would cost the runtime 13 B.)
    const reader = response.body?.getReader();
    let text = reader ? '' : await settle(response.text());
    for (let c: ReadableStreamReadResult<Uint8Array> | undefined, d = new TextDecoder(); reader && !c?.done; ) {
      text += d.decode((c = await settle(reader.read())).value, { stream: !c.done });
    }
    // The first non-blank character tells an HTML page (a login or error page served with 200) from JSON. No
    // Content-Type is tested as "null".
    if (/text\/html/.test(headers.get('content-type') as string) || /^\s*</.test(text)) {
      throw new FeedError('html', 'An HTML page, not JSON', url, status);
    }
    try {
      // A UTF-8 byte-order mark in front of the JSON is allowed: text() has already dropped it.
      return { json: parseJson(text), etag: headers.get('etag') };
    } catch (error) {
      throw new FeedError('invalidJson', String(error), url, status);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** A language tag as a `lang` attribute may hold (LANG_PATTERN of the feed schemas, kept in step by a test). */
const langTag = (value: unknown): value is string => typeof value == 'string' && /^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(value);

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Parsed feeds by URL, ETag and parser: an unchanged feed (same ETag) is not parsed and validated again by the same
 * parser. Another parser's result is not reused: one URL may be read as different feeds (an annual index listed as a
 * year of an index, a catalogue given to <annual-stats>), and must then fail as its parser decides.
 */
const parsedCache = new Map<string, { etag: string; parse: unknown; result: { data: unknown; warnings: FeedIssue[] } }>();

export interface FeedLoadDetail<T> { url: string; data: T; warnings: FeedIssue[] }
export interface FeedErrorDetail { url: string; kind: FeedErrorKind; status?: number; message: string }

/**
 * Loads one feed for an element: a new `load()` aborts the previous request; states for rendering; the events
 * `disclosure-load` and `disclosure-error` (bubbling, composed) on the host.
 */
export class FeedController<T> implements ReactiveController {
  status: FeedStatus = 'idle';
  data: T | undefined;
  /** The feed's problems: set by every load that ends (read once loaded; no initial value, which ships as code). */
  warnings!: FeedIssue[];
  error: FeedError | undefined;
  url: string | undefined;
  /**
   * The language of the feed's text: its root `lang` (a BCP 47 tag, optional), else undefined (unknown: the text is
   * taken to be in the element's language). Elements mark feed text with it (DisclosureElement.textLang).
   */
  lang: string | undefined;
  /** True once a load has taken longer than `slowAfter` ms. */
  slow?: boolean;
  /** Resolves when the current load has settled (successfully or not). */
  loaded: Promise<void> = Promise.resolve();
  /** Ms before a load is given up: the element's `timeout`; none, fetchJson's default (20 s). */
  timeout?: number;
  slowAfter = 4000;
  private abort: AbortController | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parse: FeedParser<T>,
    /**
     * Called each time a load succeeds (first load, retry, new URL), before `disclosure-load` is dispatched. When it
     * returns a promise (the element finishes its work after a first paint), the event and `loaded` wait for it.
     */
    private readonly onReady?: (data: T) => void | Promise<void>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /**
   * Back in the page after its removal stopped a load midway (moved by a tab widget, a CMS script or a framework, a
   * view detached and attached again): loads again.
   */
  hostConnected(): void {
    if (this.status === 'loading' && !this.abort) void this.load(this.url!);
  }

  /** Stops the request in flight, if any. */
  cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.slowTimer);
  }

  /** Loads `url` (absolute), replacing whatever was loading. `null` clears the element. */
  load(url: string | null): Promise<void> {
    this.cancel();
    this.url = url ?? undefined;
    this.slow = false;
    this.error = undefined;
    this.status = url ? 'loading' : 'idle';
    // (An update is asynchronous: it sees what is set below too.)
    this.host.requestUpdate();
    if (!url) {
      this.data = undefined;
      this.warnings = [];
      return (this.loaded = Promise.resolve());
    }
    const abort = (this.abort = new AbortController());
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.host.requestUpdate();
    }, this.slowAfter);
    return (this.loaded = this.run(url, abort.signal));
  }

  /** Loads the same URL again (the retry button). */
  retry(): Promise<void> {
    return this.load(this.url as string);
  }

  private async run(url: string, signal: AbortSignal): Promise<void> {
    try {
      const response = fetchJson(url, { signal, timeout: this.timeout });
      // The page's first Intl date format costs 10–20 ms in Chromium (loading its ICU data), whatever its language, and
      // its first number format 2 ms more (the count and page numbers shown with the rows). Made now, while the main
      // thread only waits for the feed, they no longer delay the rows after the feed arrives. (With `new`, as every
      // formatter of ours is made: an ES-class Intl polyfill of an old page throws when called without it.)
      new Intl.DateTimeFormat();
      new Intl.NumberFormat();
      const { json, etag } = await response;
      if (signal.aborted) return;
      const cached = etag && parsedCache.get(url);
      const lang = (json as { lang?: unknown }).lang;
      let result = cached && cached.etag === etag && cached.parse === this.parse ? cached.result : undefined;
      if (!result) {
        // (What the elements read of it has no prototype on a page that polluted Object.prototype, see bare.)
        const parsed = bare(this.parse(json, url));
        if (!parsed.ok) throw new FeedError(parsed.error, parsed.message, url, undefined, parsed.detail);
        if (lang !== undefined && !langTag(lang)) parsed.warnings.push({ path: 'lang', message: 'must be a language tag' });
        result = parsed;
        if (etag) parsedCache.set(url, { etag, parse: this.parse, result });
      }
      const { data, warnings } = result as { data: T; warnings: FeedIssue[] };
      this.data = data;
      this.warnings = warnings;
      this.lang = langTag(lang) ? lang : undefined;
      this.status = 'ready';
      this.finish();
      await this.onReady?.(data);
      // No event when a newer load has started meanwhile (or the element was disconnected).
      if (signal.aborted) return;
      this.host.dispatchEvent(
        new CustomEvent<FeedLoadDetail<T>>('disclosure-load', { bubbles: true, composed: true, detail: { url, data, warnings } }),
      );
    } catch (error) {
      if (signal.aborted) return;
      const feedError = error instanceof FeedError ? error : new FeedError('script', String(error), url);
      this.error = feedError;
      this.data = undefined;
      this.warnings = [];
      this.status = 'error';
      this.finish();
      this.host.dispatchEvent(
        new CustomEvent<FeedErrorDetail>('disclosure-error', {
          bubbles: true,
          composed: true,
          detail: { url, kind: feedError.kind, status: feedError.status, message: feedError.message },
        }),
      );
    }
  }

  private finish(): void {
    clearTimeout(this.slowTimer);
    this.slow = false;
    this.host.requestUpdate();
  }
}
