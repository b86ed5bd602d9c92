// A US agency's FOIA request form (jurisdiction US-FOIA, English feed, English UI), walked as a US requester would:
// nothing Chinese-specific from the library's own strings or rules (validators, examples, legal wording).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/request-form.js';
import '../src/request-status.js';
import type { RequestForm } from '../src/request-form.js';
import type { RequestStatus } from '../src/request-status.js';
import { expectAccessible, scriptEndpoint, shadowText, storeFeed } from './helpers.js';
import { $, $$, fill, next, stepTitle, waitUntil } from './request-fixtures.js';

type El = RequestForm & HTMLElement;
type Feed = Record<string, unknown> & { sections: { id: string; fields: Record<string, unknown>[] }[] };

/** The sample US-FOIA feed (demo/feeds/request-form-us-foia.json), its endpoints replaced. */
async function usFeed(submit?: string, status?: string): Promise<Feed> {
  const feed = (await (await fetch('/demo/feeds/request-form-us-foia.json')).json()) as Feed;
  if (submit) feed.submit = { mode: 'api', endpoint: submit, encoding: 'json' };
  if (status) feed.status = { endpoint: status };
  return feed;
}

async function mount(feed: unknown): Promise<El> {
  const el = await fixture<El>(html`<request-form src=${await storeFeed(feed)} lang="en" persist="session"></request-form>`);
  await el.loaded;
  el.retryDelays = [30, 30, 30];
  return el;
}

/** Chinese text (CJK ideographs, CJK punctuation, full-width forms) anywhere in the element's rendered text. */
const chinese = (el: Element) => shadowText(el).match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef][^\n]{0,20}/g) ?? [];
const errorOf = (el: El, name: string) => $(el, `#f-${name}-error`)?.textContent?.trim() ?? '';

const REQUESTER = { name: 'Jane Q. Public', email: 'jane@example.com', phone: '(202) 555-0123', address: '1 Main Street, Springfield, VA', postcode: '22150-1234' };

describe('US-FOIA form in English (a US requester)', () => {
  beforeEach(() => sessionStorage.clear());

  it('US ZIP codes and telephone numbers are accepted: no Chinese 6-digit postcode or 11-digit mobile check on a US form', async () => {
    const feed = await usFeed();
    // A webmaster may call the cell phone field by its standard name `mobile`.
    feed.sections[0]!.fields.push({ name: 'mobile', type: 'tel', label: 'Cell phone' });
    const el = await mount(feed);
    expect(chinese(el)).to.deep.equal([]);
    // A ZIP+4's hyphen: no digits-only keypad.
    expect($<HTMLInputElement>(el, '#f-postcode').inputMode).not.to.equal('numeric');
    await fill(el, { ...REQUESTER, mobile: '202-555-0199' });
    expect(errorOf(el, 'postcode')).to.equal('');
    expect(errorOf(el, 'phone')).to.equal('');
    expect(errorOf(el, 'mobile')).to.equal('');
    await fill(el, { postcode: '20530' });
    expect(errorOf(el, 'postcode')).to.equal('');
    await next(el);
    expect(stepTitle(el)).to.equal('Records you are asking for');
  });

  it('a telephone number with too few digits is explained without a Chinese example number', async () => {
    const el = await mount(await usFeed());
    await fill(el, { phone: '555-01' });
    const error = errorOf(el, 'phone');
    expect(error).to.match(/Telephone number/);
    expect(error).not.to.match(/0730|\d{4}-\d{7}/);
  });

  it('walked to the receipt: English steps, review and receipt with no Chinese from the library; due date counted over US federal holidays in New York', async () => {
    // Received Friday 20 November 2026, 10:00 in Washington; Thanksgiving (26 November) is not a working day.
    const endpoint = await scriptEndpoint([{ status: 201, body: { requestId: 'r-1', queryCode: 'K7QM4XPA9R', receivedAt: '2026-11-20T15:00:00Z', status: 'received' } }]);
    const el = await mount(await usFeed(endpoint));
    const seen: string[] = [];
    const look = async () => {
      seen.push(...chinese(el));
      await expectAccessible(el);
    };
    expect(shadowText(el, '.intro, header')).to.contain('within 20 working days');
    await look();
    await fill(el, REQUESTER);
    await next(el);
    await fill(el, { description: 'Contracts for the Springfield office lease, 2020 to 2025.', carrier: 'electronic' });
    await look();
    await next(el);
    await fill(el, { feeCategory: 'other', feeLimit: '25' });
    await look();
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('Check your answers');
    await look();
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    await look();
    expect(seen).to.deep.equal([]);
    const due = $$(el, '[part="receipt"] dt').find((d) => d.textContent!.trim() === 'Reply due by')!.nextElementSibling!.textContent!;
    expect(due).to.match(/^Dec 21, 2026 /);
  });

  it('the printed request asks for no copy of an identity document (a Chinese requirement, 条例 Art. 29; FOIA has none), and its date line says which blank is the month', async () => {
    const feed = await usFeed();
    feed.submit = { mode: 'print' };
    delete feed.status;
    const el = await mount(feed);
    await fill(el, REQUESTER);
    await next(el);
    await fill(el, { description: 'Contracts for the Springfield office lease, 2020 to 2025.' });
    await next(el);
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('Check your answers');
    await next(el);
    await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
    expect(shadowText(el, '[part="paper"] > p.help')).to.equal('Print this form, sign it and post or hand it in to Example Federal Agency.');
    // The date line is labelled (not '____ / __ / __', year first, which a US reader would fill in as month/day/year).
    const dateRow = $$(el, '[part="paper"] tr').find((tr) => tr.querySelector('th')?.textContent!.trim() === 'Date')!;
    expect(dateRow.querySelector('td')!.textContent!.trim()).to.equal('Month ____ Day ____ Year ________');
    expect(chinese(el)).to.deep.equal([]);
    await expectAccessible(el);
  });
});

describe('<request-status> of a US-FOIA request in English', () => {
  const FOUND = {
    queryCode: 'K7QM4XPA9R', status: 'received', outcome: null, receivedAt: '2026-11-20T15:00:00Z', dueDate: '2026-12-21',
    history: [{ status: 'received', at: '2026-11-20T15:00:00Z' }],
  };
  async function look(answer: Record<string, unknown>, today = '2026-12-22'): Promise<RequestStatus & HTMLElement> {
    const endpoint = await scriptEndpoint([{ status: 200, body: { ...FOUND, ...answer } }]);
    const el = await fixture<RequestStatus & HTMLElement>(html`<request-status src=${await storeFeed(await usFeed(undefined, endpoint))}
      lang="en" today=${today}></request-status>`);
    await el.loaded;
    for (const [id, v] of [['code', FOUND.queryCode], ['name', 'Jane Q. Public']]) {
      const i = $<HTMLInputElement>(el, `#${id}`);
      i.value = v!;
      i.dispatchEvent(new Event('input'));
    }
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '#result-h'), 'the result');
    return el;
  }
  const due = (el: Element) => $$(el, '[part="result"] dt').find((d) => d.textContent!.trim() === 'Reply due by')!.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim();

  it('consulting a third party does not stop a FOIA reply period: past the due date the request is overdue, and no Chinese rule is cited', async () => {
    const el = await look({ status: 'consultingThirdParty' });
    expect(shadowText(el, '#result-h')).to.equal('Status: Consulting a third party');
    expect(due(el)).to.equal('Dec 21, 2026 (The reply is overdue)');
    expect(chinese(el)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('a correction (clarification) asked for: the due date is said to change, not that the period starts again (a Chinese rule; FOIA tolls it)', async () => {
    const el = await look({ status: 'correctionRequested' });
    expect(shadowText(el, '#result-h')).to.equal('Status: Clarification or correction requested');
    expect(due(el)).to.equal('Dec 21, 2026 (the due date will be set again when the agency receives what it asked you for)');
    expect(shadowText(el, '[part="result"]')).not.to.match(/post them or hand them in/);
  });

  it('outcomes read as plain English to a US requester (Table 三 keys, words without Chinese legal jargon)', async () => {
    const words = async (outcome: string) => {
      const el = await look({ status: 'answered', outcome });
      return $$(el, '[part="result"] dt').find((d) => d.textContent!.trim() === 'Outcome')!.nextElementSibling!.textContent!.trim();
    };
    expect(await words('granted')).to.equal('Disclosed in full');
    expect(await words('partiallyGranted')).to.equal('Disclosed in part');
    expect(await words('withheld.processInfo')).to.equal('Withheld: internal deliberations (discussion records, drafts, consultations, reports asking for instructions)');
    expect(await words('unable.needsCreation')).to.equal('Cannot be provided: no such record exists, and the agency need not create one');
    expect(await words('other.unpaidFee')).to.equal('Other: the fees were not paid in time');
  });
});
