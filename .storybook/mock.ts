/**
 * A tiny fetch + XMLHttpRequest mock for the stories. Only same-origin URLs with a `/mock/` path segment are answered
 * here; everything else goes to the network (in Storybook: the static files, e.g. `feeds/catalogue.json`).
 *
 *   mock/feed/<name>              200, the fixture FEEDS[name] (stories/fixtures.ts), else 404
 *   mock/slow/…                   never answers (until aborted): the loading state
 *   mock/late/<name>              200, the fixture FEEDS[name], after LATE ms: past the 4 s "still loading" notice
 *   mock/404, mock/500, mock/503  that status
 *   mock/429                      429 (too many requests, e.g. status lookups after wrong names)
 *   mock/html                     200 with an HTML page (a CMS error page instead of JSON)
 *   mock/html-404                 404 with the web server's HTML page (an address that is no lookup service)
 *   mock/badjson                  200, application/json, but cut off
 *   mock/v2                       200, a feed with schemaVersion 2
 *   mock/api/requests             POST → 201 with a receipt
 *   mock/api/requests-next-year   POST → 201 with a receipt received on 10 December 2026, no due date (counted into 2027)
 *   mock/api/requests-changed     POST → 422 idempotencyKeyReused with the receipt of the application stored earlier
 *   mock/api/requests-invalid     POST → 422 with field errors (`error.fields`: a known code and a server's own words)
 *   mock/api/requests-other-fields POST → 422 with field errors about a field of the form and one it does not have
 *   mock/api/requests-reused      POST → 422 idempotencyKeyReused without the receipt of the application stored earlier
 *   mock/api/requests-refused     POST → 422 with a code the element does not know (a refusal the page cannot fix)
 *   mock/api/requests-home        POST → 200 with a web page (a wrong endpoint: the website's home page, not the API)
 *   mock/api/requests-blocked     POST → 403 with a web page (a web application firewall's block page)
 *   mock/api/requests-too-large   POST → 413 payloadTooLarge as the intake server says it: `limit: text` for a JSON
 *                                 body (the answers), `limit: body` for a multipart one (with attachments)
 *   mock/network-error/…          no answer at all (the connection fails): fetch rejects, XMLHttpRequest errors
 *   mock/api/requests/status      GET ?queryCode=… → 200 with the status and history, else 404
 *   mock/api/search               GET ?q=&category=&page=&pageSize= → 200, a page of the small catalogue (remote mode)
 *   mock/api/search-uncounted     the same without facetCounts
 *
 * One other origin is answered too, CORS_REFUSING_ORIGIN (stories/fixtures.ts): an intake server that does not allow
 * this page's origin. The browser gives the page no answer from it (XMLHttpRequest: status 0 and `error`, as a
 * network failure; a CORS fetch rejects), while a `no-cors` request gets through (the browser resolves it with an
 * opaque response, which a script cannot make: a readable empty 200 stands in, and the element reads nothing of it).
 */
import { CORS_REFUSING_ORIGIN, FEEDS, receipt, remoteSearch, statusAnswers } from '../stories/fixtures';

/** `delay`: ms before the answer (default LATENCY). */
/** `network`: no answer (the connection failed); `cors`: an answer the browser keeps from the page (see above). */
type Answer = { status: number; type: string; body: string; delay?: number } | 'hang' | 'network' | 'cors';

const json = (status: number, value: unknown): Answer => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) });
const apiError = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** The mock's answer for a URL (`body`: the request's), or null when the URL is not mocked. */
export function mockAnswer(method: string, href: string, body?: unknown): Answer | null {
  let url: URL;
  try {
    url = new URL(href, location.href);
  } catch {
    return null;
  }
  if (url.origin === CORS_REFUSING_ORIGIN) return 'cors';
  if (url.origin !== location.origin) return null;
  const at = url.pathname.lastIndexOf('/mock/');
  if (at < 0) return null;
  const path = url.pathname.slice(at + '/mock/'.length).replace(/\/+$/, '');
  if (path.startsWith('slow/') || path === 'slow') return 'hang';
  if (path.startsWith('network-error/')) return 'network';
  if (path.startsWith('late/')) {
    const feed = FEEDS[decodeURIComponent(path.slice(5))];
    return feed === undefined ? apiError(404, 'notFound', 'No such mock feed') : { ...json(200, feed), delay: LATE };
  }
  if (path.startsWith('feed/')) {
    const feed = FEEDS[decodeURIComponent(path.slice(5))];
    return feed === undefined ? apiError(404, 'notFound', 'No such mock feed') : json(200, feed);
  }
  // The intake server's submission address answers POST only.
  const postOnly = (answer: Answer) => (method === 'POST' ? answer : apiError(405, 'method', 'POST only'));
  switch (path) {
    case '404': return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' };
    case '500': return { status: 500, type: 'text/plain; charset=utf-8', body: 'Internal Server Error' };
    case '503': return apiError(503, 'unavailable', 'The intake server is down for maintenance.');
    case '429': return apiError(429, 'rateLimited', 'Too many requests; try again later.');
    case 'html':
      return { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>页面不存在</title></head><body><h1>您访问的页面不存在</h1></body></html>' };
    case 'html-404':
      return { status: 404, type: 'text/html; charset=utf-8', body: '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>' };
    case 'badjson': return { status: 200, type: 'application/json; charset=utf-8', body: '{"schemaVersion": 1, "items": [{"id": "a", "title": "截断' };
    case 'v2': return json(200, { schemaVersion: 2, items: [], reports: [], sections: [] });
    case 'api/requests':
      // Received now; no due date, as a server may answer: the element computes it from the form's rules. (The
      // fixture's March due date beside today's date was a receipt no server would give.)
      return postOnly(json(201, { ...receipt, receivedAt: new Date().toISOString(), dueDate: undefined }));
    case 'api/requests-us':
      // A US-FOIA request received on Friday 20 November 2026, 10:00 in Washington: due 21 December (Thanksgiving skipped).
      return postOnly(json(201, { ...receipt, queryCode: 'U5FT8QKM3D', receivedAt: '2026-11-20T15:00:00Z', dueDate: undefined }));
    case 'api/requests-next-year':
      return postOnly(json(201, { ...receipt, receivedAt: '2026-12-10T10:00:00+08:00', dueDate: undefined }));
    case 'api/requests-changed':
      return json(422, { error: { code: 'idempotencyKeyReused', message: 'This Idempotency-Key was already used for a different application.' }, receipt });
    case 'api/requests-reused':
      return postOnly(apiError(422, 'idempotencyKeyReused', 'This Idempotency-Key was already used for a different application.'));
    case 'api/requests-invalid':
      return postOnly(json(422, {
        error: {
          code: 'validation',
          message: 'Some answers were not accepted.',
          fields: { name: 'charset', description: '请写明所需信息的文号、标题或者发布时间，以便查找（“全部文件”无法检索）。' },
        },
      }));
    case 'api/requests-other-fields':
      return postOnly(json(422, { error: { code: 'validation', message: 'Some answers were not accepted.', fields: { name: 'charset', passportNo: '护照号码格式不对' } } }));
    case 'api/requests-refused':
      return postOnly(apiError(422, 'intakeSuspended', '系统迁移期间暂停受理网上申请。'));
    case 'api/requests-home':
      return postOnly({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>岳阳市君山区人民政府</title></head><body><h1>首页</h1></body></html>' });
    case 'api/requests-blocked':
      return postOnly({ status: 403, type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>403 Forbidden</title></head><body><h1>您的访问已被网站防火墙拦截</h1><p>事件编号 8f2c0a</p></body></html>' });
    case 'api/requests-too-large':
      // As demo/server answers: a JSON body is all answers (their text is too long), a multipart one carries the files.
      return postOnly(json(413, {
        error: { code: 'payloadTooLarge', message: 'The request body is larger than 1024 KiB.', limit: body instanceof FormData ? 'body' : 'text' },
      }));
    case 'api/search': return json(200, remoteSearch(url.searchParams));
    case 'api/search-uncounted': return json(200, { ...(remoteSearch(url.searchParams) as object), facetCounts: undefined });
    case 'api/requests/status': {
      const code = (url.searchParams.get('queryCode') ?? '').toUpperCase();
      const answer = statusAnswers[code];
      return answer ? json(200, answer) : apiError(404, 'notFound', 'No application with this query code and name.');
    }
    default: return apiError(404, 'notFound', `No mock route "${path}"`);
  }
}

/** A short delay, so the loading state flashes as it would on a real network. */
const LATENCY = 120;
/** A slow network (`mock/late/…`): longer than the 4 s after which the elements say they are still loading. */
const LATE = 5500;

function abortError(signal: AbortSignal | null | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = ms === Infinity ? undefined : setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortError(signal));
    }, { once: true });
  });
}

interface MockedXhr extends XMLHttpRequest { __mock?: { method: string; url: string } }

let installed = false;

export function installMock(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;

  const realFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const answer = mockAnswer(method, href, init?.body);
    if (!answer) return realFetch(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    await wait(answer === 'hang' ? Infinity : typeof answer === 'string' ? LATENCY : answer.delay ?? LATENCY, signal);
    if (answer === 'hang') throw abortError(signal);
    if (answer === 'cors' && (init?.mode ?? (input instanceof Request ? input.mode : 'cors')) === 'no-cors') return new Response(null, { status: 200 });
    if (answer === 'cors' || answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.type } });
  };

  const proto = XMLHttpRequest.prototype;
  const realOpen = proto.open;
  const realSend = proto.send;
  proto.open = function open(this: MockedXhr, method: string, url: string | URL, ...rest: unknown[]) {
    this.__mock = { method: method.toUpperCase(), url: String(url) };
    return (realOpen as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof proto.open;
  proto.send = function send(this: MockedXhr, body?: Document | XMLHttpRequestBodyInit | null) {
    const answer = this.__mock ? mockAnswer(this.__mock.method, this.__mock.url, body) : null;
    if (!answer) return realSend.call(this, body);
    if (answer === 'hang') return;
    const define = (name: string, value: unknown) => Object.defineProperty(this, name, { configurable: true, value });
    if (answer === 'network' || answer === 'cors') {
      // What the page sees of a failed connection, and of an answer the browser keeps from it: status 0, `error`.
      setTimeout(() => {
        define('readyState', 4);
        define('status', 0);
        this.dispatchEvent(new Event('readystatechange'));
        this.dispatchEvent(new ProgressEvent('error'));
        this.dispatchEvent(new ProgressEvent('loadend'));
      }, LATENCY);
      return;
    }
    setTimeout(() => {
      define('readyState', 4);
      define('status', answer.status);
      define('statusText', String(answer.status));
      define('responseText', answer.body);
      define('response', answer.body);
      define('responseURL', new URL(this.__mock!.url, location.href).href);
      define('getResponseHeader', (name: string) => (name.toLowerCase() === 'content-type' ? answer.type : null));
      this.dispatchEvent(new Event('readystatechange'));
      this.dispatchEvent(new ProgressEvent('load'));
      this.dispatchEvent(new ProgressEvent('loadend'));
    }, answer.delay ?? LATENCY);
  };
}
