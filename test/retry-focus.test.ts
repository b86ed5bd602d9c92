import { expect, fixture, html } from '@open-wc/testing';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { expectAccessible, sendKeys, storeFeed, uniqueName } from './helpers.js';
import { formFeed } from './request-fixtures.js';

type El = HTMLElement & { updateComplete: Promise<boolean>; loaded: Promise<void> };

/** What has focus: in the element's shadow root, "tag#id part: its first words"; else "page" or "outside: tag". */
const focused = (el: El) => {
  if (document.activeElement === document.body) return 'page';
  if (document.activeElement !== el) return `outside: ${document.activeElement?.localName}`;
  const a = el.shadowRoot!.activeElement!;
  return `${a.localName}${a.getAttribute('part') ? ` ${a.getAttribute('part')}` : ''}: ${a.textContent!.replace(/\s+/g, ' ').trim().slice(0, 12)}`;
};

const report = async () => (await fetch('/demo/feeds/annual/2013.json')).json();
const STATUS = 'https://example.invalid/status';

/** Each element with a feed that fails, what it shows once the feed has come, and its heading then. */
const elements: { tag: string; mount: (src: string) => Promise<El>; feed: () => Promise<unknown>; shown: string; heading: string }[] = [
  { tag: 'annual-stats', mount: (src) => fixture<El>(html`<annual-stats src=${src} no-charts no-url-state></annual-stats>`), feed: report,
    shown: '主动公开政府信息情况', heading: 'h2: 2013年君山区政府信息' },
  { tag: 'request-form', mount: (src) => fixture<El>(html`<request-form src=${src}></request-form>`), feed: async () => formFeed(),
    shown: '下一步', heading: 'h2: 政府信息公开申请' },
  { tag: 'request-status', mount: (src) => fixture<El>(html`<request-status src=${src}></request-status>`), feed: async () => formFeed({ mode: 'print' }, STATUS),
    shown: '查询码', heading: 'h2: 申请进度查询' },
];


describe('the feed’s retry button, pressed from the keyboard', () => {
  for (const e of elements) {
    it(`${e.tag}: shows what the feed holds; focus waits on the loading panel, then goes to the heading that takes its place (it fell to the page)`, async () => {
      const name = uniqueName();
      const el = await e.mount(await storeFeed('x', { status: 500, type: 'text/plain' }, name));
      await el.loaded;
      await el.updateComplete;
      await storeFeed(await e.feed(), { delay: 300 }, name);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)).to.equal('div loading: 正在加载…');
      await el.loaded;
      await el.updateComplete;
      expect(el.shadowRoot!.textContent, 'the feed is shown').to.contain(e.shown);
      expect(focused(el)).to.equal(e.heading);
      await expectAccessible(el);
    });

    it(`${e.tag}: failing again, focus goes to the new error panel; focus the reader moved out of the element meanwhile stays there`, async () => {
      const name = uniqueName();
      const el = await e.mount(await storeFeed('x', { status: 500, type: 'text/plain' }, name));
      await el.loaded;
      await el.updateComplete;
      await storeFeed('x', { status: 503, delay: 300, type: 'text/plain' }, name);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.loaded;
      await el.updateComplete;
      expect(focused(el)).to.match(/^div error: /);
      // Retried again, the reader goes on to a link of the page while it loads: focus is left there.
      const link = document.createElement('a');
      link.href = '#elsewhere';
      link.textContent = 'elsewhere';
      document.body.append(link);
      await storeFeed(await e.feed(), { delay: 300 }, name);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      link.focus();
      await el.loaded;
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain(e.shown);
      expect(focused(el)).to.equal('outside: a');
      link.remove();
    });
  }
});
