import { expect, fixture, html } from '@open-wc/testing';
import '../src/catalogue.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import { expectAccessible, shadowText, storeFeed } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';

async function mount(feed: unknown = smallCatalogue(), attrs = ''): Promise<DisclosureCatalogue> {
  const src = await storeFeed(feed);
  const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
  void attrs;
  await el.loaded;
  await el.updateComplete;
  return el;
}

const titles = (el: Element) => [...el.shadowRoot!.querySelectorAll('.item h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());

describe('<disclosure-catalogue> rendering', () => {
  it('renders the entries from the feed, newest first', async () => {
    const el = await mount();
    expect(titles(el)).to.deep.equal([
      '关于印发农业补贴办法的通知', '县教育局关于义务教育招生工作的公告', '关于做好春季农业生产工作的通知', '防汛抗旱工作会议召开',
    ]);
    expect(shadowText(el, 'header h2')).to.equal('测试目录');
    expect(shadowText(el, '.summary')).to.contain('4');
    await expectAccessible(el);
  });
});
