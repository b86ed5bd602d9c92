// A scriptable feed/API server for the browser tests (runs inside web-test-runner's dev server).
//
//   PUT  /__feeds/store/<name>        body = the response body to serve later; headers:
//        x-status (default 200), x-type (default application/json), x-delay (ms), x-etag (enables 304s)
//   GET  /__feeds/store/<name>        serves what was stored (honours If-None-Match when x-etag was given)
//   PUT  /__feeds/script/<name>       body = JSON array of responses [{status, body, type, delay, headers}], served
//                                      one per request to /__feeds/run/<name> (the last one repeats)
//   ANY  /__feeds/run/<name>          the next scripted response; the request is recorded. A response with
//                                      `byLanguage: { zh: body, en: body }` answers as the intake server does: the body
//                                      of the first of Chinese or English its Accept-Language names, else Chinese
//   GET  /__feeds/log/<name>          JSON array of recorded requests: {method, url, headers, body}
//   POST /__feeds/reset               forgets everything
const store = new Map();
const scripts = new Map();
const logs = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function record(name, ctx, body) {
  if (!logs.has(name)) logs.set(name, []);
  const type = ctx.request.headers['content-type'] ?? '';
  const text = type.startsWith('multipart/') ? body.toString('latin1') : body.toString('utf8');
  logs.get(name).push({ method: ctx.method, url: ctx.url, headers: ctx.request.headers, body: text });
}

export function testFeedsMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__feeds/')) return next();
    const [, , kind, ...rest] = ctx.path.split('/');
    const name = decodeURIComponent(rest.join('/'));
    if (kind === 'reset') {
      store.clear(); scripts.clear(); logs.clear();
      ctx.status = 204;
      return;
    }
    if (kind === 'store' && ctx.method === 'PUT') {
      const h = ctx.request.headers;
      store.set(name, {
        body: await readBody(ctx.req),
        status: Number(h['x-status'] ?? 200),
        type: h['x-type'] ?? 'application/json; charset=utf-8',
        delay: Number(h['x-delay'] ?? 0),
        etag: h['x-etag'],
      });
      ctx.status = 204;
      return;
    }
    if (kind === 'store') {
      record(name, ctx, Buffer.alloc(0));
      const entry = store.get(name);
      if (!entry) { ctx.status = 404; ctx.type = 'text/plain'; ctx.body = 'not stored'; return; }
      if (entry.delay) await sleep(entry.delay);
      if (entry.etag) {
        ctx.set('ETag', entry.etag);
        ctx.set('Cache-Control', 'no-cache');
        if (ctx.request.headers['if-none-match'] === entry.etag) { ctx.status = 304; return; }
      } else {
        ctx.set('Cache-Control', 'no-store');
      }
      ctx.status = entry.status;
      ctx.type = entry.type;
      ctx.body = entry.body;
      return;
    }
    if (kind === 'script' && ctx.method === 'PUT') {
      scripts.set(name, JSON.parse((await readBody(ctx.req)).toString('utf8')));
      ctx.status = 204;
      return;
    }
    if (kind === 'run') {
      record(name, ctx, await readBody(ctx.req));
      const queue = scripts.get(name) ?? [{ status: 404, body: { error: { code: 'noScript', message: 'no script' } } }];
      const step = queue.length > 1 ? queue.shift() : queue[0];
      if (step.delay) await sleep(step.delay);
      if (step.destroy) { ctx.req.socket.destroy(); return; }
      // The connection lost in the middle of the answer: a head and part of the body, then nothing. Unlike a drop before
      // any answer (`destroy`), Chrome does not resend the POST on its own, so the page always sees this failure.
      if (step.cut) {
        ctx.respond = false;
        ctx.res.writeHead(step.status ?? 201, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        ctx.res.write('{"queryCode":');
        setTimeout(() => ctx.res.socket?.destroy(), 50);
        return;
      }
      ctx.status = step.status ?? 200;
      for (const [k, v] of Object.entries(step.headers ?? {})) ctx.set(k, v);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = step.type ?? 'application/json; charset=utf-8';
      const lang = (ctx.request.headers['accept-language'] ?? '').toLowerCase().match(/\b(zh|en)\b/)?.[1] ?? 'zh';
      const body = step.byLanguage ? step.byLanguage[lang] : step.body;
      ctx.body = typeof body === 'string' ? body : JSON.stringify(body ?? null);
      return;
    }
    if (kind === 'log') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(logs.get(name) ?? []);
      return;
    }
    return next();
  };
}
