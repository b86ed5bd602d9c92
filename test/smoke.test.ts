import { expect } from '@open-wc/testing';
import { storeFeed, requestsTo } from './helpers.js';

describe('test server', () => {
  it('serves a stored feed and records the request', async () => {
    const url = await storeFeed({ schemaVersion: 1 });
    const r = await fetch(url);
    expect(await r.json()).to.deep.equal({ schemaVersion: 1 });
    expect((await requestsTo(url)).length).to.equal(1);
  });
});
