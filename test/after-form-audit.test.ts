// What using the steps after the form (the receipt, the paper application form, <request-status>) as an elderly or
// disabled applicant found: keyboard only, 200 % text and large-text at 320 px, print, the accessibility tree. Each test
// was seen failing on the code before its fix.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/request-form.js';
import '../src/request-status.js';
import type { RequestForm } from '../src/request-form.js';
import type { RequestStatus } from '../src/request-status.js';
import { pastRightEdge, requestsTo, scriptEndpoint, shadowText, storeFeed, textSpacing } from './helpers.js';
import { $, answerToReview, englishFormFeed, fill, focusedIn, formFeed, next, waitUntil } from './request-fixtures.js';

const FOUND = { queryCode: 'K7QM4XPA9R', status: 'accepted', receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29', history: [] };

/** A status page for the sample form (print mode) whose lookups go to `endpoint`. */
async function statusPage(endpoint?: string) {
  const st = await fixture<RequestStatus & HTMLElement>(html`<request-status src=${await storeFeed(formFeed({ mode: 'print' }, endpoint))} today="2026-09-10"></request-status>`);
  await st.loaded;
  return st;
}

/** A lookup from the keyboard: `code` typed, Tab, 张三, Enter. */
async function typeLookup(st: Element, code = 'K7QM4XPA9R') {
  $(st, '#code').focus();
  await sendKeys({ type: code });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: '张三' });
  await sendKeys({ press: 'Enter' });
}

afterEach(async () => {
  await emulateMedia({ media: 'screen' });
  sessionStorage.clear();
});

describe('after the form, on paper', () => {
  it('a heading focused by keyboard (the lookup’s result, the paper form’s title) prints without its focus ring: Ctrl+P right after 查询 or 生成申请表 drew a frame on the sheet', async () => {
    const st = await statusPage(await scriptEndpoint([{ status: 200, body: FOUND }]));
    await typeLookup(st);
    const h = await waitUntil(() => $(st, '#result-h'), 'the result');
    await focusedIn(st, '#result-h');
    // On screen the focused heading shows where the keyboard is …
    expect(getComputedStyle(h).outlineStyle).to.equal('solid');
    await emulateMedia({ media: 'print' });
    // … on paper there is no keyboard: no frame around it.
    expect(getComputedStyle(h).outlineStyle).to.equal('none');
    await emulateMedia({ media: 'screen' });
    st.remove();

    const el = await fixture<RequestForm & HTMLElement>(html`<request-form src=${await storeFeed(formFeed({ mode: 'print' }))}></request-form>`);
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson' });
    await answerToReview(el);
    $(el, '#send').focus();
    await sendKeys({ press: 'Enter' });
    const p = await waitUntil(() => $(el, '#paper-h'), 'the paper form');
    await focusedIn(el, '#paper-h');
    expect(getComputedStyle(p).outlineStyle).to.equal('solid');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(p).outlineStyle).to.equal('none');
  });
});

describe('<request-status> on paper', () => {
  it('Ctrl+P after a lookup prints the answer without the lookup form above it (the code and name fields, 查询); with no answer shown the form prints', async () => {
    const st = await statusPage(await scriptEndpoint([{ status: 200, body: FOUND }]));
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(st, 'form')).display, 'no answer yet').to.not.equal('none');
    await emulateMedia({ media: 'screen' });
    await typeLookup(st);
    await waitUntil(() => $(st, '#result-h'), 'the result');
    expect(getComputedStyle($(st, 'form')).display, 'on screen').to.not.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(st, 'form')).display, 'printed with the answer').to.equal('none');
    expect(getComputedStyle($(st, '[part="result"]')).display).to.not.equal('none');
    // The page's title and the agency still head the sheet.
    expect(getComputedStyle($(st, '#status-h')).display).to.not.equal('none');
  });
});

describe('<request-status>: typing the query code on a phone', () => {
  it('the code field is not spell-checked (no red underline under K7QM4XPA9R), and a phone keyboard types capitals (codes are capital letters and digits); no autofill', async () => {
    const st = await statusPage();
    const code = $<HTMLInputElement>(st, '#code');
    expect(code.getAttribute('spellcheck')).to.equal('false');
    expect(code.spellcheck).to.equal(false);
    expect(code.getAttribute('autocapitalize')).to.equal('characters');
    expect(code.getAttribute('autocomplete')).to.equal('off');
  });
});

describe('<request-status> where this page cannot look applications up', () => {
  it('no lookup address, or a plain http one: the applicant is told progress cannot be checked here and whom to ask (the office), not “申请未发送” (they are not applying) nor a setting’s name', async () => {
    for (const endpoint of ['http://example.gov.cn/status', undefined]) {
      const st = await statusPage(endpoint);
      await typeLookup(st);
      await focusedIn(st, '#failure');
      const said = shadowText(st, '#failure');
      expect(said, String(endpoint)).to.contain('不能在线查询').and.not.contain('申请未发送').and.not.contain('status.endpoint');
      // Whom to ask instead: the office of the form feed, with its address.
      const panel = shadowText(st, '[part="lookup-error"]');
      expect(panel, String(endpoint)).to.contain('测试区政务公开办').and.contain('测试路1号');
      st.remove();
    }
  });
});

describe('the receipt on a phone with large text and the reader’s own text spacing (WCAG 1.4.12)', () => {
  it('the query code stays on one line, on the screen: with wider letter spacing it broke before its last character (K7QM4XPA9 / R), and the first line reads as the whole code', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const [feed, lang] of [[formFeed, 'zh-CN'], [englishFormFeed, 'en']] as const) {
        const RECEIPT = { requestId: 'r-1', queryCode: 'K7QM4XPA9R', receivedAt: '2026-09-30T02:00:00Z', dueDate: '2026-11-03', status: 'received' };
        const src = await storeFeed(feed({ mode: 'api', endpoint: await scriptEndpoint([{ status: 201, body: RECEIPT }]), encoding: 'json' }));
        const el = await fixture<RequestForm & HTMLElement>(html`<request-form large-text lang=${lang} src=${src}></request-form>`);
        await el.loaded;
        await fill(el, { applicantType: 'naturalPerson' });
        await answerToReview(el);
        await next(el);
        const code = await waitUntil(() => $(el, '[part="receipt"] .code'), 'the receipt');
        // A text-spacing bookmarklet's rules: letters 0.12em apart, words 0.16em, lines 1.5.
        textSpacing(el);
        await el.updateComplete;
        expect(code.textContent).to.equal('K7QM4XPA9R');
        const r = document.createRange();
        r.selectNodeContents(code);
        expect(r.getClientRects().length, `${lang}: lines of the code`).to.equal(1);
        expect(pastRightEdge(el), lang).to.deep.equal([]);
        el.remove();
        sessionStorage.clear();
      }
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });
});

describe('<request-status> on a slow line', () => {
  /** A status page whose server answers after `delay` ms, looked up from the keyboard with `code`. */
  async function lookUp(delay: number, code: string) {
    const st = await statusPage(await scriptEndpoint([{ status: 200, body: FOUND, delay }]));
    await typeLookup(st, code);
    return st;
  }

  it('an applicant who moves on while the lookup runs (back to the code, to correct it) keeps the focus there: the answer no longer pulls it to the result, and what they type is not lost', async () => {
    const st = await lookUp(700, 'K7QM4XPA9');
    // Back to the code while 正在查询… shows.
    // (As Shift+Tab or a tap takes it there.)
    $(st, '#code').focus();
    expect(st.shadowRoot!.activeElement?.id).to.equal('code');
    await waitUntil(() => $(st, '#result-h'), 'the answer');
    await st.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(st.shadowRoot!.activeElement?.id, 'focus after the answer').to.equal('code');
    await sendKeys({ type: 'R' });
    expect($<HTMLInputElement>(st, '#code').value).to.equal('K7QM4XPA9R');
  });

  it('one who keeps typing in the code field where Enter was pressed keeps the focus there and every key: the lookup of the code as it was is stopped (its answer would not be about the code now typed); Enter asks again', async () => {
    const endpoint = await scriptEndpoint([{ status: 200, body: FOUND, delay: 700 }, { status: 200, body: FOUND }]);
    const st = await statusPage(endpoint);
    $(st, '#name').focus();
    await sendKeys({ type: '张三' });
    $(st, '#code').focus();
    await sendKeys({ type: 'K7QM4XPA9' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(st, '[role="status"]'), '正在查询…');
    await sendKeys({ type: 'R' });
    await new Promise((r) => setTimeout(r, 1000));
    await st.updateComplete;
    expect(st.shadowRoot!.activeElement?.id, 'focus after the slow answer was due').to.equal('code');
    await sendKeys({ type: ' ' });
    expect($<HTMLInputElement>(st, '#code').value).to.equal('K7QM4XPA9R ');
    // Not the answer about K7QM4XPA9 shown under the field that now says K7QM4XPA9R, nor still 正在查询….
    expect($(st, '[part="result"]'), 'no stale result').to.equal(null);
    expect(shadowText(st, '[role="status"]')).to.equal('');
    await sendKeys({ press: 'Enter' });
    await focusedIn(st, '#result-h');
    expect((await requestsTo(endpoint)).map((r) => new URL(r.url, location.href).searchParams.get('queryCode'))).to.deep.equal(['K7QM4XPA9', 'K7QM4XPA9R']);
  });

  it('one who waits where they pressed Enter is taken to the result, as before', async () => {
    const st = await lookUp(300, 'K7QM4XPA9R');
    await focusedIn(st, '#result-h');
  });
});
