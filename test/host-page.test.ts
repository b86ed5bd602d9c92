// What an old portal page's own scripts do to the elements: the keys pressed inside them, a broken built-in.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/request-form.js';
import '../src/request-status.js';
import '../src/annual-stats.js';
import { scriptEndpoint, storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { formFeed, stepTitle } from './request-fixtures.js';

const made: Element[] = [];
afterEach(() => made.splice(0).forEach((w) => w.remove()));

function mount(tag: string, src: string, lang?: string): HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> } {
  const el = document.createElement(tag) as HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> };
  el.setAttribute('no-url-state', '');
  // (An annual report draws no charts here: only its feed state is looked at.)
  if (tag == 'annual-stats') el.setAttribute('no-charts', '');
  if (lang) el.lang = lang;
  el.setAttribute('src', src);
  document.body.append(el);
  made.push(el);
  return el;
}

describe('an old page’s key handlers', () => {
  it('Enter pressed in an element does not reach the page (its “Enter anywhere searches the site” handler, ASP.NET’s default button); other keys do', async () => {
    // Old CMS templates: document.onkeydown = function (e) { if (e.keyCode == 13) $('#searchBtn').click(); }, which took
    // the reader away to the site's search from the middle of an application; ASP.NET WebForms' DefaultButton listens
    // to keypress on the page's form, jQuery templates to keyup.
    const heard: string[] = [];
    const hear = (e: KeyboardEvent) => heard.push(`${e.type} ${e.key}`);
    document.onkeydown = hear;
    document.addEventListener('keypress', hear);
    document.addEventListener('keyup', hear);
    try {
      const cat = mount('disclosure-catalogue', await storeFeed(smallCatalogue()));
      const form = mount('request-form', await storeFeed(formFeed()));
      const status = mount('request-status', await storeFeed(formFeed()));
      await Promise.all([cat.loaded, form.loaded, status.loaded]);
      const press = async (el: HTMLElement, sel: string, key: string) => {
        (el.shadowRoot!.querySelector(sel) as HTMLElement).focus();
        await sendKeys({ press: key });
      };
      await press(cat, '#q', 'Enter');
      await press(form, 'input[type="radio"]', 'Enter');
      await press(status, '#code', 'Enter');
      expect(heard).to.deep.equal([]);
      // The elements' own Enter still works: the form's step is submitted (an answer missing: its error summary), the
      // lookup asked (the query code missing: its message).
      await waitUntil(() => !!form.shadowRoot!.querySelector('[part~="error-summary"], .error-summary'), 'the form’s error summary');
      expect(stepTitle(form as never)).to.equal('申请人信息');
      await waitUntil(() => status.shadowRoot!.querySelector('#code')!.getAttribute('aria-invalid') === 'true', 'the lookup’s field error');
      // Other keys reach the page (an accessibility toolbar's shortcuts listen there).
      await press(cat, '#q', 'a');
      expect(heard).to.deep.equal(['keydown a', 'keypress a', 'keyup a']);
    } finally {
      document.onkeydown = null;
      document.removeEventListener('keypress', hear);
      document.removeEventListener('keyup', hear);
    }
  });
});

describe('an old page’s broken built-ins', () => {
  it('an ES-class Intl polyfill that throws when called without new: every element works as on a clean page', async () => {
    // Old portals carried Intl.js for IE; a polyfill written as an ES class throws "Class constructor … cannot be invoked
    // without 'new'". Every formatter of ours is made with `new`; the feed loader's warm-up called Intl.DateTimeFormat()
    // without it, so every element failed to load on such a page, and a receipt's or status's time threw.
    const Real = Intl.DateTimeFormat;
    Intl.DateTimeFormat = new Proxy(Real, {
      apply() {
        throw new TypeError("Class constructor DateTimeFormat cannot be invoked without 'new'");
      },
    });
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind);
    document.addEventListener('disclosure-error', onError);
    try {
      const code = 'AB12-CD34';
      const endpoint = await scriptEndpoint([{ status: 200, body: { queryCode: code, status: 'received', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29', history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }] } }]);
      const els = [mount('disclosure-catalogue', await storeFeed(smallCatalogue())), mount('annual-stats', '/demo/feeds/annual/2022.json', 'en'),
        mount('request-status', await storeFeed(formFeed({ mode: 'print' }, endpoint)))];
      for (const el of els) await el.loaded;
      const [catalogue, annual, status] = els;
      await waitUntil(() => catalogue.shadowRoot!.querySelector('li.item'), 'the entries');
      expect(catalogue.shadowRoot!.querySelector('li.item')!.textContent).to.match(/\d{4}年\d{1,2}月\d{1,2}日/);
      await waitUntil(() => annual.shadowRoot!.querySelector('table'), 'the tables');
      const input = (id: string, v: string) => {
        const i = status.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
        i.value = v;
        i.dispatchEvent(new Event('input'));
      };
      input('code', code);
      input('name', '张三');
      status.shadowRoot!.querySelector<HTMLButtonElement>('form .btn.primary')!.click();
      const result = await waitUntil(() => status.shadowRoot!.querySelector('[part~="result"]'), 'the status');
      expect(result.textContent).to.contain('2026年9月1日');
      expect(errors).to.deep.equal([]);
      expect(els.map((el) => !!el.shadowRoot!.querySelector('[part~="error"]'))).to.deep.equal([false, false, false]);
    } finally {
      Intl.DateTimeFormat = Real;
      document.removeEventListener('disclosure-error', onError);
    }
  });

  it('a broken Intl (a polyfill that throws however it is called): the elements say the page went wrong, not the connection, and the event says kind script', async () => {
    // Such a failure was said as 无法连接服务器: the reader was sent to check a connection that works.
    const Real = Intl.DateTimeFormat;
    const broken = () => {
      throw new TypeError('DateTimeFormat is not supported');
    };
    Intl.DateTimeFormat = new Proxy(Real, { apply: broken, construct: broken });
    const kinds: string[] = [];
    const onError = (e: Event) => kinds.push((e as CustomEvent<{ kind: string }>).detail.kind);
    document.addEventListener('disclosure-error', onError);
    // Said by the elements, and not also thrown at the page (the formats' warm-up threw from a timer).
    const thrown: string[] = [];
    const onThrown = (e: ErrorEvent) => thrown.push(e.message);
    window.addEventListener('error', onThrown);
    try {
      const els = [mount('disclosure-catalogue', await storeFeed(smallCatalogue())), mount('annual-stats', '/demo/feeds/annual/2022.json', 'en')];
      for (const el of els) {
        await el.updateComplete;
        await el.loaded;
        await el.updateComplete;
      }
      const panel = (el: Element) => el.shadowRoot!.querySelector('[part~="error"]');
      await waitUntil(() => panel(els[1])?.textContent!.includes('A program'), 'the English strings');
      const [zh, en] = els.map((el) => panel(el)!);
      expect(zh.getAttribute('role')).to.equal('alert');
      expect(zh.textContent).to.contain('本页的程序出错，数据未能显示（不是网络问题）');
      expect(zh.textContent!.includes('无法连接服务器')).to.equal(false);
      expect(en.textContent).to.contain('A program on this page went wrong');
      expect(en.textContent!.includes('connection.')).to.equal(false);
      expect(kinds).to.deep.equal(['script', 'script']);
      await new Promise((r) => setTimeout(r, 50));
      expect(thrown).to.deep.equal([]);
    } finally {
      Intl.DateTimeFormat = Real;
      window.removeEventListener('error', onThrown);
      document.removeEventListener('disclosure-error', onError);
    }
  });
});
