/**
 * Elements moved in the page: a tab widget or a CMS script that re-parents its panels, jQuery's appendTo on an
 * existing node, a framework moving a subtree, or a single-page app that detaches a view and attaches it again later.
 * Each is a disconnect followed by a connect; whatever the element was loading must still arrive.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-status.js';
import { scriptEndpoint, shadowText, storeFeed, waitUntil, waitUntilRendered } from './helpers.js';
import { manyItems, smallCatalogue } from './fixtures/catalogue.js';
import { chartOn } from '../src/elements/annual-stats/charts.js';
import { formFeed } from './request-fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const made: Element[] = [];
afterEach(() => made.splice(0).forEach((w) => w.remove()));

/**
 * Two boxes; `el` starts in the first. Not open-wc's fixture: for a plain element it waits for an animation frame,
 * which a page in the background (two test files run at once) never gets.
 */
async function boxes(el: HTMLElement): Promise<{ a: HTMLElement; b: HTMLElement }> {
  const wrap = document.createElement('div');
  const [a, b] = [document.createElement('section'), document.createElement('section')];
  wrap.append(a, b);
  document.body.append(wrap);
  made.push(wrap);
  a.append(el);
  return { a, b };
}

function catalogue(src: string): HTMLElement {
  const el = document.createElement('disclosure-catalogue');
  el.setAttribute('no-url-state', '');
  el.setAttribute('src', src);
  return el;
}

const items = (el: Element) => el.shadowRoot!.querySelectorAll('li.item').length;

describe('elements moved in the page keep loading', () => {
  it('a catalogue moved (in one go) while its feed loads shows its entries', async () => {
    const el = catalogue(await storeFeed(smallCatalogue(), { delay: 400 }));
    const { b } = await boxes(el);
    await sleep(100);
    b.append(el);
    await waitUntil(() => items(el) > 0, 'entries after the move', 4000);
  });

  it('a catalogue taken out while loading and put back later (a cached view) loads all the same', async () => {
    const el = catalogue(await storeFeed(smallCatalogue(), { delay: 300 }));
    const { b } = await boxes(el);
    await sleep(50);
    el.remove();
    await sleep(500);
    b.append(el);
    await waitUntil(() => items(el) > 0, 'entries after the return', 4000);
  });

  it('a catalogue in pages, moved while the later pages load, loads them all and stops saying it is loading', async () => {
    const p3 = await storeFeed({ schemaVersion: 1, items: manyItems(5, 'c') }, { delay: 300 });
    const p2 = await storeFeed({ schemaVersion: 1, items: manyItems(5, 'b'), page: { next: p3.split('/').pop() } }, { delay: 300 });
    const el = catalogue(await storeFeed({ ...smallCatalogue(), page: { total: 14, next: p2.split('/').pop() } }));
    const { b } = await boxes(el);
    await waitUntil(() => items(el) > 0, 'first page');
    await sleep(100);
    b.append(el);
    await waitUntil(() => !el.shadowRoot!.querySelector('.progress') && shadowText(el, '#summary').includes('14'), 'every page loaded', 5000);
  });

  it('an annual index moved while its years load shows the year and its trend', async () => {
    // The years' feeds answer slowly (a year file served through the test server's delay).
    const year = async (y: number) => storeFeed(await (await fetch(`/demo/feeds/annual/${y}.json`)).json(), { delay: 400 });
    const index = { schemaVersion: 1, reports: [{ year: 2020, url: await year(2020) }, { year: 2022, url: await year(2022) }] };
    const el = document.createElement('annual-stats');
    el.setAttribute('no-url-state', '');
    el.setAttribute('src', await storeFeed(index));
    const { b } = await boxes(el);
    await sleep(150);
    b.append(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('table').length > 2, 'the year\'s tables', 5000);
    await waitUntil(() => !!el.shadowRoot!.querySelector('[data-chart="trend"]'), 'the trend', 5000);
  });

  it('an annual report moved after its charts were drawn draws them again', async () => {
    // Charts are sized and drawn in rendering steps, which a page in the background (two test files run at once)
    // does not get: this page is brought to the front (media-features, web-test-runner.config.mjs), and again while
    // waiting whenever the other file's page has taken the front (waitUntilRendered).
    await executeServerCommand('media-features', {});
    const el = document.createElement('annual-stats');
    el.setAttribute('no-url-state', '');
    el.setAttribute('src', '/demo/feeds/annual/2022.json');
    const { b } = await boxes(el);
    const painted = () => [...el.shadowRoot!.querySelectorAll('canvas')].filter((c) => {
      if (!c.width || !c.height) return false;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < px.length; i += 4) if (px[i]) return true;
      return false;
    }).length;
    await waitUntilRendered(() => painted() === 2, 'charts drawn', 8000);
    const live = () => [...el.shadowRoot!.querySelectorAll('canvas')].filter((c) => chartOn(c)).length;
    expect(live()).to.equal(2);
    el.remove();
    expect(live(), 'destroyed with the removal').to.equal(0);
    b.append(el);
    await waitUntilRendered(() => live() === 2 && painted() === 2, 'charts drawn again after the move', 8000);
  });

  it('an annual report moved to another box: its tables become Tab stops there when they start to scroll; off the page, its size is not observed', async () => {
    // (What the element's ResizeObserver watches, whichever made it: no charts, whose chart.js watches its own.)
    const observed = new Set<Element>();
    const proto = ResizeObserver.prototype;
    const { observe, unobserve } = proto;
    proto.observe = function (this: ResizeObserver, t: Element, o?: ResizeObserverOptions) {
      observed.add(t);
      observe.call(this, t, o);
    };
    proto.unobserve = function (this: ResizeObserver, t: Element) {
      observed.delete(t);
      unobserve.call(this, t);
    };
    try {
      const el = document.createElement('annual-stats');
      el.setAttribute('no-url-state', '');
      el.setAttribute('no-charts', '');
      el.setAttribute('src', '/demo/feeds/annual/2022.json');
      const { a, b } = await boxes(el);
      a.style.width = b.style.width = '1200px';
      await waitUntil(() => el.shadowRoot!.querySelector('#t3'), 'Table 三');
      const t3 = () => el.shadowRoot!.querySelector<HTMLTableElement>('#t3')!;
      await waitUntilRendered(() => t3().tabIndex === -1, 'Table 三 fits: no Tab stop');
      expect(observed.has(el), 'observed on the page').to.equal(true);
      el.remove();
      expect(observed.has(el), 'not observed off the page').to.equal(false);
      b.append(el);
      expect(observed.has(el), 'observed again').to.equal(true);
      await waitUntilRendered(() => t3().tabIndex === -1, 'Table 三 fits in its new box');
      b.style.width = '300px';
      await waitUntilRendered(() => t3().tabIndex === 0, 'Table 三 scrolls in the narrowed box: a Tab stop');
    } finally {
      Object.assign(proto, { observe, unobserve });
    }
  });

  it('a status lookup in flight when the element is moved still shows its answer', async () => {
    const endpoint = await scriptEndpoint([{ status: 200, delay: 400, body: { queryCode: 'AB12-CD34', status: 'received', receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29', history: [] } }]);
    const el = document.createElement('request-status');
    el.setAttribute('src', await storeFeed(formFeed({ mode: 'print' }, endpoint)));
    el.setAttribute('today', '2026-09-10');
    const { b } = await boxes(el);
    await waitUntil(() => !!el.shadowRoot!.querySelector('#code'), 'the form');
    for (const [id, v] of [['code', 'AB12CD34'], ['name', '张三']]) {
      const i = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      i.value = v;
      i.dispatchEvent(new Event('input'));
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('form .btn.primary')!.click();
    await sleep(100);
    b.append(el);
    await waitUntil(() => shadowText(el, '[part="result"]').includes('AB12-CD34') || shadowText(el, '[part="result"]').includes('2026'), 'the answer', 5000);
  });
});
