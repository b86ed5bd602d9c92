// Browser side of the benchmark (classic script, loaded by the bench pages). The same measuring method for every
// library: a MutationObserver notices the DOM state we wait for; then a forced style and layout of the document
// (shadow trees included) gives the time the updated rows are rendered — the primary figure, free of the 16.7 ms
// frame quantization; then one requestAnimationFrame plus a setTimeout 0 gives "next frame", printed beside it.
// A page describes its widget with `bench.target = { root, ready(), rows(), count(), input() }` and the feed URL.
(() => {
  const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  /** Forces style recalculation and layout of everything that changed, and returns the time after it. */
  const laidOut = () => {
    void document.documentElement.getBoundingClientRect().height;
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) void el.shadowRoot.firstElementChild?.getBoundingClientRect();
    return performance.now();
  };

  /** Resolves with performance.now() at the first mutation batch of `root` after which `predicate()` holds. */
  function when(root, predicate, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      if (predicate()) return resolve(performance.now());
      const mo = new MutationObserver(() => {
        if (!predicate()) return;
        const t = performance.now();
        mo.disconnect();
        clearTimeout(timer);
        resolve(t);
      });
      mo.observe(root, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for the DOM`));
      }, timeoutMs);
    });
  }

  /** Resource Timing entry of a URL (absolute or page-relative), waiting for it to be recorded. */
  async function responseEnd(url, timeoutMs = 30000) {
    const abs = new URL(url, location.href).href;
    const start = performance.now();
    for (;;) {
      const e = performance.getEntriesByName(abs, 'resource')[0];
      if (e && e.responseEnd > 0) return e.responseEnd;
      if (performance.now() - start > timeoutMs) throw new Error(`no Resource Timing entry for ${abs}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Every node matching `selector`, across nested shadow roots. */
  function deepAll(root, selector) {
    const out = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll(el.shadowRoot, selector));
    return out;
  }

  const bench = {
    target: null,
    feedUrl: null,
    error: null,
    deepAll,
    painted,
    /** Arms the first-rows watch; call before the widget can render rows. */
    watchFirstRows() {
      const t = bench.target;
      bench.firstRowsPromise = when(t.root(), () => t.ready()).then(async (tDom) => {
        const tLayout = laidOut();
        await painted();
        const tPaint = performance.now();
        const tFeed = await responseEnd(bench.feedUrl);
        return { firstRows: tLayout - tFeed, firstRowsDom: tDom - tFeed, firstRowsFrame: tPaint - tFeed, feedResponseEnd: tFeed };
      });
      bench.firstRowsPromise.catch(() => {});
    },
    firstRows() {
      if (bench.error) return Promise.reject(new Error(bench.error));
      return bench.firstRowsPromise;
    },
    /** One "keystroke": sets the search box value, dispatches `input`, waits for the updated rows to be painted. */
    async search(query) {
      const t = bench.target;
      const snap = () => [t.count(), t.rows()];
      const [count0, rows0] = snap();
      const input = t.input();
      if (!input) throw new Error('search input not found');
      const waiting = when(t.root(), () => {
        const [c, r] = snap();
        return c !== count0 && r !== rows0;
      });
      const t0 = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const tDom = await waiting;
      const tLayout = laidOut();
      await painted();
      const tPaint = performance.now();
      return { ms: tLayout - t0, domMs: tDom - t0, frameMs: tPaint - t0, count: t.count().replace(/\s+/g, ' ').trim() };
    },
  };
  window.bench = bench;
  addEventListener('error', (e) => { bench.error ??= String(e.message || e.error); });
  addEventListener('unhandledrejection', (e) => { bench.error ??= String(e.reason?.message ?? e.reason); });
})();
