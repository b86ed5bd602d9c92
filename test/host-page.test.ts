// What an old portal page's own scripts do with the keys pressed inside the elements.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { formFeed, stepTitle } from './request-fixtures.js';

const made: Element[] = [];
afterEach(() => made.splice(0).forEach((w) => w.remove()));

function mount(tag: string, src: string): HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> } {
  const el = document.createElement(tag) as HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> };
  el.setAttribute('no-url-state', '');
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
