// A US agency's FOIA request form (jurisdiction US-FOIA, English feed, English UI), walked as a US requester would:
// nothing Chinese-specific from the library's own strings or rules (validators, examples, legal wording).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/request-form.js';
import '../src/request-status.js';
import type { RequestForm } from '../src/request-form.js';
import type { RequestStatus } from '../src/request-status.js';
import { expectAccessible, scriptEndpoint, shadowText, storeFeed } from './helpers.js';
import { $, $$, englishFormFeed, fill, next, stepTitle, waitUntil } from './request-fixtures.js';

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

/** Fills the sample US form (the requester, `description`, the declaration) step by step to its review. */
async function toReview(el: El, description: string) {
  await fill(el, REQUESTER);
  await next(el);
  await fill(el, { description });
  await next(el);
  await next(el);
  await fill(el, { declaration: true });
  await next(el);
}

/** Types the sample tracking number and requester's name into a <request-status>'s lookup form. */
function typeLookup(el: Element) {
  for (const [id, v] of [['code', 'K7QM4XPA9R'], ['name', 'Jane Q. Public']]) {
    const i = $<HTMLInputElement>(el, `#${id}`);
    i.value = v!;
    i.dispatchEvent(new Event('input'));
  }
}

/** Whether the FOIA words (src/locales/en/foia.ts, a chunk of their own) were downloaded by this page. */
const foiaLoaded = () => performance.getEntriesByType('resource').some((e) => /\/locales\/en\/foia\./.test(e.name));
/** The words of China's procedure (依申请公开 translated: an application, the applicant, its query code, a seal). */
const CHINESE_PROCEDURE = /applica|applicant|query code|\bapply|\bseal\b|progress of/i;
/** All a reader sees or hears of an element: its text and its accessible names (aria-label). */
const allWords = (el: Element) => [shadowText(el), ...$$(el, '[aria-label]').map((n) => n.getAttribute('aria-label'))].join(' | ');
/** The parts of an element's words in China's procedure's terms, with a little context. */
const procedureWords = (el: Element) => allWords(el).match(new RegExp(`.{0,30}(${CHINESE_PROCEDURE.source}).{0,20}`, 'gi')) ?? [];

/** `lang` of a fixture: the element's own, set after it loaded (a language switch). */
async function switchTo(el: HTMLElement & { updateComplete: Promise<boolean> }, lang: string, check: () => boolean, what: string) {
  el.lang = lang;
  await waitUntil(() => check(), what);
  await el.updateComplete;
}

// First in the file: nothing before has loaded the FOIA words.
describe('The FOIA words: only on a US or UK FOIA form shown in English', () => {
  it('a Chinese form in English keeps the 依申请公开 words (Application, Query code), a US form in Chinese speaks Chinese, and neither downloads the FOIA words', async () => {
    const endpoint = await scriptEndpoint([]);
    const cn = await fixture<El>(html`<request-form src=${await storeFeed(englishFormFeed())} lang="en"></request-form>`);
    await cn.loaded;
    expect(shadowText(cn, 'h2')).to.equal('Application for government information');
    expect($(cn, 'nav').getAttribute('aria-label')).to.equal('Application steps');
    const status = await fixture<RequestStatus & HTMLElement>(html`<request-status src=${await storeFeed(englishFormFeed(undefined, endpoint))} lang="en"></request-status>`);
    await status.loaded;
    expect(shadowText(status, 'h2')).to.equal('Check the progress of an application');
    expect($$(status, 'label').map((l) => l.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Query code (required)', 'Name of the applicant (required)']);
    const us = await fixture<El>(html`<request-form src=${await storeFeed(await usFeed())} lang="zh-CN"></request-form>`);
    await us.loaded;
    expect(shadowText(us, 'h2')).to.equal('政府信息公开申请');
    expect(foiaLoaded()).to.equal(false);
  });
});

describe('US-FOIA and UK-FOIA forms in English: the words of a FOIA request, never of a Chinese application', () => {
  beforeEach(() => sessionStorage.clear());

  it('the US form, each step, the review, the receipt: a FOIA request, the requester, its tracking number', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: { requestId: 'r-1', queryCode: 'K7QM4XPA9R', receivedAt: '2026-11-20T15:00:00Z', status: 'received' } }]);
    const feed = await usFeed(endpoint);
    feed.status = { endpoint: 'https://foia.example.gov/api/status', page: 'https://foia.example.gov/status' };
    const el = await mount(feed);
    const seen: string[] = [];
    const look = async () => {
      seen.push(...procedureWords(el));
      await expectAccessible(el);
    };
    expect(foiaLoaded()).to.equal(true);
    expect(shadowText(el, 'h2')).to.equal('FOIA request');
    expect($(el, 'nav').getAttribute('aria-label')).to.equal('Request steps');
    expect(shadowText(el, '.intro, header')).to.contain('within 20 working days of receiving your request');
    await look();
    await fill(el, REQUESTER);
    await next(el);
    await fill(el, { description: 'Contracts for the Springfield office lease, 2020 to 2025.' });
    await look();
    await next(el);
    await look();
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('Check your answers');
    expect(shadowText(el, 'form .btn.primary')).to.equal('Submit request');
    // A box is checked in the US (ticked in the UK and in the Chinese form's English).
    expect(shadowText(el, '[part="review"]')).to.contain('Checked');
    await look();
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '#receipt-h')).to.equal('Request submitted');
    const receipt = shadowText(el, '[part="receipt"]');
    expect(receipt).to.contain('Tracking number K7QM4XPA9R Write down or print the tracking number. With it and the requester’s name you can check the status of your request.');
    expect($$(el, '[part="receipt"] a, [part="receipt"] button').map((b) => b.textContent!.trim())).to.deep.equal(
      ['Check the status', 'Copy tracking number', 'Print', 'Start a new request']);
    await look();
    $(el, '#clear-open').click();
    await el.updateComplete;
    expect(shadowText(el, '[part="receipt"]')).to.contain('A new request removes this receipt from the page. Write down the tracking number K7QM4XPA9R or print the receipt first.');
    await look();
    expect(seen).to.deep.equal([]);
  });

  it('sending that fails says the request was not sent (a server error, then a refusal that names the tracking number)', async () => {
    const endpoint = await scriptEndpoint([
      ...Array(4).fill({ status: 500, body: {} }),
      { status: 422, body: { error: { code: 'idempotencyKeyReused', message: 'used' } } },
    ]);
    const el = await mount(await usFeed(endpoint));
    await toReview(el, 'Contracts for the Springfield office lease, 2020 to 2025.');
    $(el, 'form .btn.primary').click();
    // (Their wording may change: what matters is that they speak of the request and its tracking number.)
    const failure = () => shadowText(el, '.panel.error[part="send-status"]');
    await waitUntil(() => failure(), 'the server error');
    expect(failure()).to.match(/\byour request\b/);
    expect(procedureWords(el)).to.deep.equal([]);
    await expectAccessible(el);
    const first = failure();
    $(el, '#retry').click();
    await waitUntil(() => failure() && failure() != first, 'the refusal');
    expect(failure()).to.match(/\btracking number\b/);
    expect(failure()).to.match(/\byour request\b/);
    expect(procedureWords(el)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('the paper form: a FOIA request to the agency, signed by the requester; the office’s ZIP code', async () => {
    const feed = await usFeed();
    feed.submit = { mode: 'print' };
    delete feed.status;
    const el = await mount(feed);
    await toReview(el, 'Contracts for the Springfield office lease, 2020 to 2025.');
    expect(shadowText(el, 'form .btn.primary')).to.equal('Create the request form');
    await next(el);
    await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
    expect(shadowText(el, '#paper-h')).to.equal('FOIA request to Example Federal Agency');
    expect($$(el, '[part="paper"] th').map((th) => th.textContent!.trim())).to.include('Signature of the requester');
    expect($$(el, '[part="office"] dt').map((dt) => dt.textContent!.trim())).to.deep.equal(['Office', 'Address', 'ZIP code', 'Office hours', 'Telephone', 'Email']);
    expect(procedureWords(el)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('<request-status>: check the status of a request by its tracking number and the requester’s name; not found, and found', async () => {
    const endpoint = await scriptEndpoint([
      { status: 404, body: { error: { code: 'notFound' } } },
      { status: 200, body: { queryCode: 'K7QM4XPA9R', status: 'correctionRequested', outcome: null, receivedAt: '2026-11-20T15:00:00Z', dueDate: '2026-12-21', history: [] } },
    ]);
    const el = await fixture<RequestStatus & HTMLElement>(html`<request-status src=${await storeFeed(await usFeed(undefined, endpoint))} lang="en" today="2026-12-01"></request-status>`);
    await el.loaded;
    expect(shadowText(el, 'h2')).to.equal('Check the status of a request');
    $(el, 'form .btn.primary').click();
    await el.updateComplete;
    expect($$(el, '.field-error').map((e) => e.textContent!.trim())).to.deep.equal(['Error: Enter “Tracking number”.', 'Error: Enter “Name of the requester”.']);
    expect(shadowText(el, '#code-help')).to.equal('The tracking number is on the receipt you got after submitting, e.g. K7QM4XPA9R.');
    expect(procedureWords(el)).to.deep.equal([]);
    await expectAccessible(el);
    typeLookup(el);
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '#failure'), 'not found');
    expect(shadowText(el, '#failure')).to.equal('No request matches this tracking number and name. Check both and try again.');
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '#result-h'), 'the result');
    expect($$(el, '[part="result"] dt').map((d) => d.textContent!.trim())).to.deep.equal(
      ['Tracking number', 'Received', 'Reply due by', 'Status as of', 'Office', 'Address', 'ZIP code', 'Office hours', 'Telephone', 'Email']);
    expect(procedureWords(el)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('a UK form: a request for information and its reference number, the office’s postcode, the day first on the paper form', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: { requestId: 'r-2', queryCode: 'R4K7QM9XPA', receivedAt: '2026-11-20T10:00:00Z', status: 'received' } }]);
    const feed = { ...(await usFeed(endpoint)), jurisdiction: 'UK-FOIA', agency: { name: 'Example Borough Council', office: { name: 'Information Governance Team', postcode: 'SW1A 1AA', email: 'foi@example.gov.uk' } } };
    delete (feed as Record<string, unknown>).rules;
    const el = await mount(feed);
    expect(shadowText(el, 'h2')).to.equal('Request for information');
    await toReview(el, 'Minutes of the planning committee, 2025.');
    expect(shadowText(el, 'form .btn.primary')).to.equal('Submit request');
    expect(shadowText(el, '[part="review"]')).to.contain('Ticked');
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '[part="receipt"]')).to.contain('Reference number R4K7QM9XPA Write down or print the reference number.');
    expect(procedureWords(el)).to.deep.equal([]);
    await expectAccessible(el);

    const paper = await mount({ ...feed, submit: { mode: 'print' }, status: undefined });
    await fill(paper, REQUESTER);
    await next(paper);
    await fill(paper, { description: 'Minutes of the planning committee, 2025.' });
    await next(paper);
    await next(paper);
    await fill(paper, { declaration: true });
    await next(paper);
    await next(paper);
    await waitUntil(() => $(paper, '[part="paper"]'), 'the paper form');
    expect(shadowText(paper, '#paper-h')).to.equal('Request for information to Example Borough Council');
    const dateRow = $$(paper, '[part="paper"] tr').find((tr) => tr.querySelector('th')?.textContent!.trim() === 'Date')!;
    expect(dateRow.querySelector('td')!.textContent!.trim()).to.equal('Day ____ Month ____ Year ________');
    expect($$(paper, '[part="office"] dt').map((dt) => dt.textContent!.trim())).to.deep.equal(['Office', 'Postcode', 'Email']);
    expect(procedureWords(paper)).to.deep.equal([]);
    await expectAccessible(paper);
  });

  it('switched from Chinese to English and back: the FOIA words in English, the Chinese ones in Chinese (form and lookup)', async () => {
    const form = await fixture<El>(html`<request-form src=${await storeFeed(await usFeed())} lang="zh-CN"></request-form>`);
    await form.loaded;
    expect(shadowText(form, 'h2')).to.equal('政府信息公开申请');
    await switchTo(form, 'en', () => shadowText(form, 'h2') === 'FOIA request', 'the English title');
    expect($(form, 'nav').getAttribute('aria-label')).to.equal('Request steps');
    expect(procedureWords(form)).to.deep.equal([]);
    await expectAccessible(form);
    await switchTo(form, 'zh-CN', () => shadowText(form, 'h2') === '政府信息公开申请', 'the Chinese title');
    expect($(form, 'nav').getAttribute('aria-label')).to.equal('申请步骤');

    const status = await fixture<RequestStatus & HTMLElement>(html`<request-status src=${await storeFeed(await usFeed(undefined, await scriptEndpoint([])))} lang="zh-CN"></request-status>`);
    await status.loaded;
    expect(shadowText(status, 'label')).to.equal('查询码 （必填）');
    await switchTo(status, 'en', () => shadowText(status, 'label') === 'Tracking number (required)', 'the English label');
    expect(shadowText(status, 'h2')).to.equal('Check the status of a request');
    expect(procedureWords(status)).to.deep.equal([]);
    await expectAccessible(status);
    await switchTo(status, 'zh-CN', () => shadowText(status, 'label') === '查询码 （必填）', 'the Chinese label');
  });

  it('no string of the FOIA words speaks of an application, the applicant, a query code or a seal', async () => {
    const { default: words } = await import('../src/locales/en/foia.js');
    for (const [j, t] of Object.entries(words)) {
      const texts = Object.values(t!).flatMap((v): unknown[] =>
        typeof v == 'function' ? [1, 2, 'a message'].map((a) => (v as (...a: unknown[]) => string)(a, a === 1 ? 2 : 'X1')) : typeof v == 'object' ? Object.values(v) : [v]);
      expect(texts.filter((s) => CHINESE_PROCEDURE.test(String(s))), j).to.deep.equal([]);
    }
  });
});

describe('The agency’s time zone (rules.timeZone) and a UK reader’s dates', () => {
  beforeEach(() => sessionStorage.clear());
  const dd = (el: Element, part: string, label: string) => $$(el, `[part="${part}"] dt`).find((d) => d.textContent!.trim() === label)!
    .nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim();
  async function lookUp(feed: unknown, answer: Record<string, unknown>): Promise<RequestStatus & HTMLElement> {
    const endpoint = await scriptEndpoint([{ status: 200, body: { queryCode: 'K7QM4XPA9R', status: 'received', outcome: null, history: [], ...answer } }]);
    const el = await fixture<RequestStatus & HTMLElement>(html`<request-status src=${await storeFeed({ ...(feed as object), status: { endpoint } })} lang="en" today="2026-12-01"></request-status>`);
    await el.loaded;
    typeLookup(el);
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '#result-h'), 'the result');
    return el;
  }

  /** The sample US form with `rules.timeZone`, sent and received at 09:30 UTC on 20 November (23:30 the day before in Honolulu). */
  async function sentAt2330InHonolulu(timeZone: string) {
    const endpoint = await scriptEndpoint([{ status: 201, body: { requestId: 'r-1', queryCode: 'K7QM4XPA9R', receivedAt: '2026-11-20T09:30:00Z', status: 'received' } }]);
    const feed = await usFeed(endpoint);
    (feed.rules as Record<string, unknown>).timeZone = timeZone;
    const el = await mount(feed);
    await toReview(el, 'Contracts for the office lease, 2020 to 2025.');
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    return { feed, el };
  }

  it('a US agency in Honolulu: a request sent at 23:30 there on Thursday 19 November is received that day (not Friday, New York’s date), its time shown in Hawaii time, due 20 working days after it', async () => {
    // 2026-11-20T09:30Z: 23:30 on Thu 19 Nov in Honolulu, 04:30 on Fri 20 Nov in New York.
    const { feed, el } = await sentAt2330InHonolulu('Pacific/Honolulu');
    expect(dd(el, 'receipt', 'Received')).to.match(/^Nov 19, 2026, 11:30\sPM Hawaii/);
    // Thanksgiving (26 Nov) is off: 19 Nov + 20 working days = 18 Dec (from New York's 20 Nov it was 21 Dec).
    expect(dd(el, 'receipt', 'Reply due by')).to.match(/^Dec 18, 2026 /);
    await expectAccessible(el);
    const status = await lookUp(feed, { receivedAt: '2026-11-20T09:30:00Z', dueDate: '2026-12-18', history: [{ status: 'received', at: '2026-11-20T09:30:00Z' }] });
    expect(dd(status, 'result', 'Received')).to.match(/^Nov 19, 2026, 11:30\sPM Hawaii/);
    expect(shadowText(status, '[part="history"] time')).to.match(/^Nov 19, 2026, 11:30\sPM Hawaii/);
    await expectAccessible(status);
  });

  it('an unknown rules.timeZone is ignored: the jurisdiction’s (New York) applies', async () => {
    const { el } = await sentAt2330InHonolulu('America/Springfield');
    expect(dd(el, 'receipt', 'Received')).to.match(/^Nov 20, 2026, 4:30\sAM Eastern/);
    expect(dd(el, 'receipt', 'Reply due by')).to.match(/^Dec 21, 2026 /);
  });

  it('a UK form in English shows dates the British way (18 Dec 2026, 20 Nov 2026, 10:00), on the receipt and the status; a US form keeps Dec 18, 2026', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: { requestId: 'r-2', queryCode: 'R4K7QM9XPA', receivedAt: '2026-11-20T10:00:00Z', status: 'received' } }]);
    const feed = { ...(await usFeed(endpoint)), jurisdiction: 'UK-FOIA', agency: { name: 'Example Borough Council' } };
    delete (feed as Record<string, unknown>).rules;
    const el = await mount(feed);
    await toReview(el, 'Minutes of the planning committee, 2025.');
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(dd(el, 'receipt', 'Received')).to.match(/^20 Nov 2026, 10:00 /);
    expect(dd(el, 'receipt', 'Reply due by')).to.match(/^18 Dec 2026 /);
    await expectAccessible(el);
    const status = await lookUp(feed, { receivedAt: '2026-11-20T10:00:00Z', dueDate: '2026-12-18' });
    expect(dd(status, 'result', 'Received')).to.match(/^20 Nov 2026, 10:00 /);
    expect(dd(status, 'result', 'Reply due by')).to.match(/^18 Dec 2026 /);
    const us = await lookUp({ ...feed, jurisdiction: 'US-FOIA' }, { receivedAt: '2026-11-20T10:00:00Z', dueDate: '2026-12-18' });
    expect(dd(us, 'result', 'Reply due by')).to.match(/^Dec 18, 2026 /);
  });
});

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
    await toReview(el, 'Contracts for the Springfield office lease, 2020 to 2025.');
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
    expect(due(el)).to.equal('Dec 21, 2026 (the reply is overdue)');
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
