// <request-form> and <request-status> given generated malformed and hostile form feeds and status answers (test/fuzz.ts).
import { fixture, html } from '@open-wc/testing';
import '../src/request-form.js';
import '../src/request-status.js';
import { scriptEndpoint, storeFeed } from './helpers.js';
import { formFeed } from './request-fixtures.js';
import { type El, fuzzSuite, raw, settle } from './fuzz.js';

const STATUS_FOUND = {
  queryCode: 'AB12-CD34', status: 'extended', outcome: 'partiallyDisclosed', receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29',
  history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }, { status: 'extended', at: '2026-09-25T03:00:00Z', note: '需要调取档案' }],
};

fuzzSuite('<request-form>, <request-status>: generated malformed and hostile feeds', [
  {
    name: '<request-form> (the tests’ form, the demo’s)',
    axe: true,
    bases: async () => [formFeed({ mode: 'api', endpoint: 'https://example.invalid/api' }), await raw('/demo/feeds/request-form.json')],
    mount: async (body) => fixture(html`<request-form src=${await storeFeed(body)} persist="session"></request-form>`),
  },
  {
    // The status lookup's answer, from the agency's server: looked up, then shown or refused.
    name: '<request-status> answer',
    axe: true,
    bases: async () => [STATUS_FOUND],
    mount: async (body) => {
      const endpoint = await scriptEndpoint([{ status: 200, body, type: 'application/json' }]);
      const el = await fixture<El>(html`<request-status src=${await storeFeed(formFeed({ mode: 'print' }, endpoint))}
        query-code="AB12-CD34" today="2026-10-12"></request-status>`);
      await settle(el);
      const root = el.shadowRoot!;
      const name = root.querySelector<HTMLInputElement>('#name')!;
      name.value = '张三';
      name.dispatchEvent(new Event('input'));
      root.querySelector<HTMLElement>('form .btn.primary')!.click();
      for (let i = 0; i < 100 && !root.querySelector('[part="result"], [part="lookup-error"]'); i++) await new Promise((r) => setTimeout(r, 20));
      return el;
    },
  },
]);
