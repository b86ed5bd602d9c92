// A small static file server for the demo portal, the end-to-end tests and the benchmark: serves the project folder,
// forwards /api/ to the intake server, serves the demo portal's pages under a strict Content-Security-Policy (DEMO_CSP),
// and can add response headers (e.g. a strict Content-Security-Policy) per path.
import { createServer, request as httpRequest } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8', '.pdf': 'application/pdf', '.woff2': 'font/woff2',
};

/**
 * The Content-Security-Policy of the demo portal's pages: strict, with Trusted Types, to show the elements need nothing
 * more (a webmaster's page works with it or without it). Only what the pages load: their own scripts, style sheets,
 * feeds and the intake server (/api, the same origin through the proxy below); `data:` images for the page's empty
 * favicon (`<link rel="icon" href="data:,">`, which keeps the browser from asking for /favicon.ico); `lit-html` is the
 * one Trusted Types policy the elements create (chart.js needs none).
 */
export const DEMO_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  "require-trusted-types-for 'script'", 'trusted-types lit-html',
].join('; ');

/**
 * The demo portal's pages as a CMS produces them: the body of `demo/pages/<name>.html` (first line
 * `<!-- title: … -->`) put into `demo/_layout.html` at {{content}}, its title at {{title}}, its side-column link marked.
 * Returns null when there is no such page.
 */
export function renderDemoPage(rootDir, pathname) {
  const m = /^\/demo\/([a-z0-9-]+)\.html$/.exec(pathname);
  if (!m) return null;
  const page = join(rootDir, 'demo', 'pages', `${m[1]}.html`);
  if (!existsSync(page)) return null;
  const source = readFileSync(page, 'utf8');
  const title = /^<!-- title: (.*?) -->\n/.exec(source);
  const content = title ? source.slice(title[0].length) : source;
  return readFileSync(join(rootDir, 'demo', '_layout.html'), 'utf8')
    .replaceAll('{{title}}', title?.[1] ?? '')
    .replace('{{content}}', () => content)
    .replace(`<li><a href="${m[1]}.html">`, `<li class=on><a href="${m[1]}.html">`);
}

/**
 * @param {{ root?: string, port?: number, host?: string, apiTarget?: string | null, apiTargets?: Record<string, string>,
 *           headers?: (path: string) => Record<string, string> | undefined, home?: string | null }} options
 *   apiTarget: where /api/ is forwarded; apiTargets: other intake servers, by path prefix, tried first (the demo's
 *   FOIA office: `{ '/api/foia/': url }` forwards /api/foia/requests to url/api/requests);
 *   home: where "/" redirects to (the demo's start page)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic({ root = fileURLToPath(new URL('..', import.meta.url)), port = 0, host = '127.0.0.1', apiTarget = null, apiTargets = {}, headers, home = null } = {}) {
  const rootDir = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const [prefix, target] of Object.entries(apiTargets)) {
      if (req.url.startsWith(prefix)) return proxy(req, res, target, `/api/${req.url.slice(prefix.length)}`);
    }
    if (apiTarget && url.pathname.startsWith('/api/')) return proxy(req, res, apiTarget);
    if (home && url.pathname === '/') {
      res.writeHead(302, { location: home }).end();
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const demoPage = renderDemoPage(rootDir, path);
    if (demoPage !== null) {
      res.writeHead(200, {
        'content-type': TYPES['.html'], 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff',
        'content-security-policy': DEMO_CSP, ...(headers?.(url.pathname) ?? {}),
      });
      res.end(req.method === 'HEAD' ? undefined : demoPage);
      return;
    }
    const file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir) || path.includes('\0')) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (stat.isDirectory()) {
      res.writeHead(302, { location: `${url.pathname}/` }).end();
      return;
    }
    const etag = `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`;
    const extra = headers?.(url.pathname) ?? {};
    const common = { etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...extra };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, common).end();
      return;
    }
    res.writeHead(200, { ...common, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': stat.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, rejectPromise) => {
    server.once('error', rejectPromise); // EADDRINUSE and the like: the caller says what to do
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

function proxy(req, res, target, path = req.url) {
  const t = new URL(target);
  const upstream = httpRequest(
    { host: t.hostname, port: t.port, method: req.method, path, headers: { ...req.headers, host: t.host, 'x-forwarded-for': req.socket.remoteAddress } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'intakeUnavailable', message: 'The intake server is not running.' } }));
  });
  req.pipe(upstream);
}
