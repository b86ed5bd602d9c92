// <disclosure-catalogue> given generated malformed and hostile feeds, later pages and search answers (test/fuzz.ts).
import { fixture, html } from '@open-wc/testing';
import '../src/catalogue.js';
import { scriptEndpoint, storeFeed } from './helpers.js';
import { manyItems, smallCatalogue } from './fixtures/catalogue.js';
import { type El, fuzzSuite, settle } from './fuzz.js';

fuzzSuite('<disclosure-catalogue>: generated malformed and hostile feeds', [
  {
    name: 'the feed',
    axe: true,
    bases: async () => [smallCatalogue()],
    mount: async (body) => fixture(html`<disclosure-catalogue src=${await storeFeed(body)} no-url-state page-size="2"></disclosure-catalogue>`),
  },
  {
    // A later page of a catalogue split into pages (loaded after the first is shown).
    name: 'page 2',
    bases: async () => [{ schemaVersion: 1, items: manyItems(3, 'p'), page: { total: 8 } }],
    mount: async (body) => {
      const next = await storeFeed(body);
      return fixture(html`<disclosure-catalogue src=${await storeFeed({ ...smallCatalogue(), page: { total: 8, next } })} no-url-state page-size="2"></disclosure-catalogue>`);
    },
  },
  {
    // A search server's answers (remote mode): the first page, then each search or filter.
    name: 'a search answer',
    bases: async () => [{ schemaVersion: 1, items: manyItems(3, 'r'), page: { total: 57 }, facetCounts: { genre: { tz: 4, gg: 1 } } }],
    mount: async (body) => {
      const endpoint = await scriptEndpoint(Array.from({ length: 40 }, () => ({ status: 200, body, type: 'application/json' })));
      const el = await fixture<El>(html`<disclosure-catalogue src=${await storeFeed({ ...smallCatalogue(), search: { endpoint } })} no-url-state></disclosure-catalogue>`);
      await settle(el);
      const root = el.shadowRoot!;
      for (let i = 0; i < 100 && !root.querySelector('#summary:not(:empty), [role="alert"]'); i++) await new Promise((r) => setTimeout(r, 20));
      return el;
    },
  },
]);
