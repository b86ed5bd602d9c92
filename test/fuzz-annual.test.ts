// <annual-stats> given generated malformed and hostile reports and indexes of years (test/fuzz.ts).
import { fixture, html } from '@open-wc/testing';
import '../src/annual-stats.js';
import { storeFeed } from './helpers.js';
import { fuzzSuite, raw } from './fuzz.js';

fuzzSuite('<annual-stats>: generated malformed and hostile feeds', [
  {
    name: 'a report (2013 CN-legacy, 2022 CN-2021)',
    axe: true,
    bases: async () => Promise.all(['2013.json', '2022.json'].map((f) => raw(`/demo/feeds/annual/${f}`))),
    mount: async (body) => fixture(html`<annual-stats src=${await storeFeed(body)} no-url-state></annual-stats>`),
  },
  {
    // An index of years (its own list of reports; the year files are the demo's).
    name: 'an index',
    bases: async () => [{
      schemaVersion: 1, lang: 'zh-CN', publisher: { name: '岳阳市君山区人民政府', id: '430611' },
      reports: [2013, 2020, 2022].map((year) => ({ year, url: `/demo/feeds/annual/${year}.json` })),
    }],
    mount: async (body) => fixture(html`<annual-stats src=${await storeFeed(body)} no-url-state></annual-stats>`),
  },
  {
    // One year of an index broken, the other fine: the trend over both.
    name: 'a year of an index',
    bases: async () => [await raw('/demo/feeds/annual/2022.json')],
    mount: async (body) => {
      const reports = [{ year: 2020, url: '/demo/feeds/annual/2020.json' }, { year: 2022, url: await storeFeed(body) }];
      return fixture(html`<annual-stats src=${await storeFeed({ schemaVersion: 1, reports })} year="2022" no-url-state></annual-stats>`);
    },
  },
]);
