import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../src/request-status.js';
import type { RequestStatus } from '../src/request-status.js';
import { cutOff, expectAccessible, expectNoSkippedLevel, misLanguaged, mountHtml, pastRightEdge, requestsTo, scriptEndpoint, shadowText, storeFeed, textSpacing } from './helpers.js';
import { $, $$, englishFormFeed, focusedIn, formFeed, waitUntil } from './request-fixtures.js';

type El = RequestStatus & HTMLElement;

const FOUND = {
  queryCode: 'AB12-CD34',
  status: 'extended',
  outcome: null,
  receivedAt: '2026-09-01T02:00:00Z',
  dueDate: '2026-09-29',
  history: [
    { status: 'received', at: '2026-09-01T02:00:00Z' },
    { status: 'extended', at: '2026-09-25T03:00:00Z', note: '需要调取档案<img src=x onerror="window.__pwned=1">' },
  ],
};

async function mount(steps: Parameters<typeof scriptEndpoint>[0], attrs: { code?: string; lang?: string } = {}) {
  const endpoint = await scriptEndpoint(steps);
  const src = await storeFeed(formFeed({ mode: 'print' }, endpoint));
  const el = await fixture<El>(html`<request-status src=${src} query-code=${attrs.code ?? ''} lang=${attrs.lang ?? 'zh-CN'} today="2026-10-12"></request-status>`);
  await el.loaded;
  return { el, endpoint };
}

async function lookup(el: El, code: string | null, name: string): Promise<void> {
  const set = (id: string, v: string) => {
    const i = $<HTMLInputElement>(el, `#${id}`);
    i.value = v;
    i.dispatchEvent(new Event('input'));
  };
  if (code !== null) set('code', code);
  set('name', name);
  $(el, 'form .btn.primary').click();
  await el.updateComplete;
}

describe('<request-status>', () => {
  it('the name field claims a person’s name (autocomplete="name") only when only citizens can apply; with organisations it is left to the browser’s own history (autocomplete="on")', async () => {
    const feed = formFeed({ mode: 'print' }, 'https://example.invalid/status');
    for (const [types, ac] of [
      [feed.applicantTypes, 'on'],
      [[{ id: 'organisation', label: '法人或者其他组织' }], 'on'],
      [[], 'on'],
      [[{ id: 'naturalPerson', label: '公民' }], 'name'],
    ] as const) {
      const el = await fixture<El>(html`<request-status src=${await storeFeed({ ...feed, applicantTypes: types })}></request-status>`);
      await el.loaded;
      expect($(el, '#name').getAttribute('autocomplete'), JSON.stringify(types)).to.equal(ac);
      expect($(el, '#code').getAttribute('autocomplete')).to.equal('off');
    }
  });

  it('`loaded`, asked for as soon as the element is in the page (before its first update), waits for the feed: the lookup form is there', async () => {
    // As a host page does: append, then wait. (Not fixture(), which waits for the first update itself.)
    const el = document.createElement('request-status') as El;
    el.src = await storeFeed(formFeed({ mode: 'print' }, 'https://example.invalid/status'));
    mountHtml(html``).append(el);
    await el.loaded;
    expect($(el, '#code'), 'the query-code field').to.exist;
    expect($(el, '#name'), 'the name field').to.exist;
  });

  it('follows a change of the provider’s feed-base', async () => {
    const src = await storeFeed(formFeed({ mode: 'print' }, 'https://example.invalid/status'));
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/missing/"><request-status src=${src.split('/').pop()!}></request-status></disclosure-provider>`);
    const el = wrap.querySelector('request-status') as El;
    await el.loaded;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error of the first feed-base');
    let loaded = 0;
    el.addEventListener('disclosure-load', () => loaded++);
    wrap.querySelector('disclosure-provider')!.setAttribute('feed-base', '/__feeds/store/');
    await waitUntil(() => loaded === 1 && !el.shadowRoot!.querySelector('[part~="error"]'), 'the feed from the new feed-base');
  });

  it('shows status, due date, overdue and the history; the query code is normalised', async () => {
    const { el, endpoint } = await mount([{ status: 200, body: FOUND }]);
    expect(shadowText(el, 'h2')).to.equal('申请进度查询');
    const before = new Date();
    await lookup(el, ' ab12-cd34 ', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    // When it was looked up, on the agency's clock (a page left open, a printout for the office): its last line.
    const clock = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d).filter((p) => p.type !== 'literal').map((p) => +p.value);
    const minute = (at: Date) => {
      const [y, mo, d, h, mi] = clock(at);
      return `${y}年${mo}月${d}日 ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
    };
    const asOf = shadowText(el, '[part="result"] .answers > div:last-child');
    expect(asOf).to.match(/^查询时间/);
    // (The minute of the lookup: the one before it, or after it where the minute turned meanwhile.)
    expect([minute(before), minute(new Date())].some((m) => asOf.includes(m)), asOf).to.equal(true);
    await focusedIn(el, '#result-h');
    const [req] = await requestsTo(endpoint);
    const q = new URL(req.url, location.href).searchParams;
    expect(q.get('queryCode')).to.equal('AB12-CD34');
    expect(q.get('name')).to.equal('张三');
    expect(shadowText(el, '#result-h')).to.equal('办理状态：已延长答复期限');
    const result = shadowText(el, '[part="result"]');
    expect(result).to.contain('2026年9月29日').and.contain('已超过答复期限');
    const items = $$(el, '[part="history"] li');
    expect(items.length).to.equal(2);
    expect(items[1].querySelector('time')!.getAttribute('datetime')).to.equal('2026-09-25T03:00:00Z');
    expect(items[1].textContent).to.contain('需要调取档案<img');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await expectAccessible(el);
  });

  it('a query code pasted with what came with it (查询码：, quotes, a full stop) is looked up as the code', async () => {
    for (const pasted of ['查询码：AB12-CD34。', '“ab12-cd34”', 'Query code: AB12-CD34.', '"AB12-CD34",']) {
      const { el, endpoint } = await mount([{ status: 200, body: FOUND }]);
      await lookup(el, pasted, '张三');
      await waitUntil(() => $(el, '[part="result"]'), 'result');
      const [req] = await requestsTo(endpoint);
      expect(new URL(req.url, location.href).searchParams.get('queryCode'), pasted).to.equal('AB12-CD34');
      expect($<HTMLInputElement>(el, '#code').value, pasted).to.equal('AB12-CD34');
    }
  });

  it('asks in the element’s language (Accept-Language, a CORS-safelisted value: zh-CN, then en once switched), so the server’s own words (a history note) come in it', async () => {
    const answer = (note: string) => ({ ...FOUND, history: [FOUND.history[0], { ...FOUND.history[1], note }] });
    const { el, endpoint } = await mount([{ status: 200, byLanguage: { zh: answer('需要调取档案'), en: answer('The archives are being retrieved') } }]);
    await lookup(el, 'AB12-CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(shadowText(el, '[part="history"] li:last-child')).to.contain('延长答复期限：需要调取档案');
    el.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el, 'h2') === 'Check the progress of an application', 'English');
    await lookup(el, null, '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result in English');
    expect(shadowText(el, '[part="history"] li:last-child')).to.contain('Time limit extended: The archives are being retrieved');
    expect((await requestsTo(endpoint)).map((r) => r.headers['accept-language'])).to.deep.equal(['zh-CN', 'en']);
  });

  it('puts the outcome in words (Table 三 keys), in Chinese and English, and trusts the server’s overdue flag', async () => {
    const body = { ...FOUND, status: 'answered', outcome: 'withheld.thirdPartyRights', overdue: false };
    let { el } = await mount([{ status: 200, body }]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(shadowText(el, '[part="result"]')).to.contain('不予公开：保护第三方合法权益').and.not.contain('已超过');
    ({ el } = await mount([{ status: 200, body: { ...body, outcome: 'unable.notHeld' } }], { lang: 'en' }));
    await lookup(el, 'AB12CD34', 'Zhang San');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(shadowText(el, '#result-h')).to.equal('Status: Answered');
    expect(shadowText(el, '[part="result"]')).to.contain('Cannot be provided: this agency does not hold the information');
  });

  it('no overdue mark while the reply period is stopped: third-party consultation (条例 Art. 33) or correction (Art. 30)', async () => {
    // today is 2026-10-12, after the due date of 2026-09-29; the server gives no overdue flag.
    let { el } = await mount([{ status: 200, body: { ...FOUND, status: 'consultingThirdParty' } }]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    let result = shadowText(el, '[part="result"]');
    expect(result).to.match(/2026年9月29日\s*（征求第三方意见期间，不计算在答复期限内，期限将相应顺延）/).and.not.contain('已超过');
    expect(el.shadowRoot!.querySelector('.overdue')).to.equal(null);
    await expectAccessible(el);
    ({ el } = await mount([{ status: 200, body: { ...FOUND, status: 'correctionRequested' } }], { lang: 'en' }));
    await lookup(el, 'AB12CD34', 'Zhang San');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    result = shadowText(el, '[part="result"]');
    expect(result).to.contain('(the due date will be set again when the agency receives what it asked you for)').and.not.contain('overdue');
    expect(shadowText(el, '[part="history"] li:last-child')).to.contain('Time limit extended: ');
  });

  it('a due date in a year whose holidays the form’s calendar does not list yet may move: said as the receipt says it (not when overdue, answered or in a listed year)', async () => {
    // The fixtures' calendar lists 2026's National Day; an application looked up on 2026-10-12 and due in January 2027.
    const shown = async (body: object, lang = 'zh-CN') => {
      const { el } = await mount([{ status: 200, body: { ...FOUND, ...body } }], { lang });
      await lookup(el, 'AB12CD34', '张三');
      await waitUntil(() => $(el, '[part="result"]'), 'result');
      const due = $$(el, '[part="result"] .answers > div').find((d) => /^(答复期限|Reply due)/.test(d.querySelector('dt')!.textContent!.trim()));
      return due!.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim();
    };
    expect(await shown({ status: 'received', dueDate: '2027-01-05' })).to.match(/^2027年1月5日\s*（未超过答复期限；本站尚未列入2027年的节假日安排，期限可能顺延）$/);
    expect(await shown({ status: 'received', dueDate: '2027-01-05' }, 'en')).to.match(/^Jan 5, 2027\s*\(within the time limit; this site does not list the 2027 holidays yet, so the date may be later\)$/);
    expect(await shown({ status: 'received', dueDate: '2026-11-05' })).to.match(/^2026年11月5日\s*（未超过答复期限）$/);
    expect(await shown({ status: 'received', dueDate: '2027-01-05', overdue: true })).to.match(/（已超过答复期限）$/);
    expect(await shown({ status: 'answered', outcome: 'granted', dueDate: '2027-01-05' })).to.equal('2027年1月5日');
  });

  it('says the reply is overdue when the server says so while paused (a consultation begun after the due date stops nothing)', async () => {
    let { el } = await mount([{ status: 200, body: { ...FOUND, status: 'consultingThirdParty', overdue: true } }]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(shadowText(el, '.overdue')).to.equal('（已超过答复期限）');
    expect(shadowText(el, '[part="result"]')).not.to.contain('不计算在答复期限内');
    ({ el } = await mount([{ status: 200, body: { ...FOUND, status: 'correctionRequested', overdue: false } }], { lang: 'en' }));
    await lookup(el, 'AB12CD34', 'Zhang San');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(shadowText(el, '[part="result"]')).to.contain('(the due date will be set again when the agency receives what it asked you for)');
  });

  it('while an application is open, says where to send corrections and whom to ask (the form feed’s office); not once answered', async () => {
    let { el } = await mount([{ status: 200, body: { ...FOUND, status: 'correctionRequested' } }]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(shadowText(el, '[part="result"] h4:last-of-type')).to.equal('联系办理机关');
    expect(shadowText(el, '[part="result"]')).to.contain('请按办理记录中的要求补正');
    const office = shadowText(el, '[part="office"]');
    expect(office).to.contain('测试区政务公开办').and.contain('测试路1号').and.contain('414000');
    await expectAccessible(el);
    ({ el } = await mount([{ status: 200, body: { ...FOUND, status: 'answered', outcome: 'granted' } }]));
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect($(el, '[part="office"]')).to.equal(null);
  });

  it('an invalid lookup after a result clears that result (it belonged to the last lookup)', async () => {
    const { el } = await mount([{ status: 200, body: FOUND }]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    await lookup(el, '', '');
    await el.updateComplete;
    expect($(el, '[part="result"]')).to.equal(null);
    expect($(el, '[aria-invalid="true"]')).to.exist;
  });

  it('a lookup still running when the name is cleared and 查询 pressed again: its late answer is not shown beside the field error, nor takes the focus', async () => {
    const { el, endpoint } = await mount([{ status: 200, body: FOUND, delay: 600 }]);
    await lookup(el, 'AB12CD34', '张三');
    await new Promise((r) => setTimeout(r, 150));
    expect((await requestsTo(endpoint)).length).to.equal(1);
    await lookup(el, null, '');
    await focusedIn(el, '#name');
    await new Promise((r) => setTimeout(r, 1000));
    await el.updateComplete;
    expect(shadowText(el, '[part="result"]'), 'no result').to.equal('');
    expect(shadowText(el, '[aria-live="polite"]')).to.equal('');
    expect($(el, 'form .btn.primary').getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.activeElement === $(el, '#name'), 'focus stays on the name field').to.equal(true);
  });

  it('查询 pressed twice while its lookup runs (a double click): one request (each counts against the lookups a code is allowed), one result; with a changed name it is a new lookup', async () => {
    const { el, endpoint } = await mount([{ status: 200, body: FOUND, delay: 500 }, { status: 200, body: FOUND, delay: 500 }, { status: 200, body: FOUND }]);
    await lookup(el, 'AB12CD34', '张三');
    $(el, 'form .btn.primary').click();
    // (The code as pasted, in another form of the same code: the same lookup.)
    await lookup(el, 'ab12 cd34', '张三 ');
    await waitUntil(() => $(el, '#result-h'), 'result');
    expect((await requestsTo(endpoint)).length, 'one request').to.equal(1);
    expect(el.shadowRoot!.activeElement === $(el, '#result-h'), 'focus on the result').to.equal(true);
    // Another name while a lookup runs: that lookup is dropped, the new one sent.
    await lookup(el, null, '李四');
    await new Promise((r) => setTimeout(r, 100));
    await lookup(el, null, '张三');
    await waitUntil(() => $(el, '#result-h'), 'result');
    const reqs = await requestsTo(endpoint);
    expect(reqs.map((r) => new URL(r.url, location.href).searchParams.get('name'))).to.deep.equal(['张三', '李四', '张三']);
  });

  it('says plainly when the code is unknown (404)', async () => {
    const { el } = await mount([{ status: 404, body: { error: { code: 'notFound', message: 'No application' } } }]);
    await lookup(el, 'ZZZZ-9999', '王五');
    await waitUntil(() => $(el, '[part="lookup-error"]'), 'error');
    expect(shadowText(el, '[part="lookup-error"]')).to.contain('没有找到与该查询码和姓名相符的申请');
    expect($(el, '[part="lookup-error"] button')).to.equal(null);
    await focusedIn(el, '#failure');
    await expectAccessible(el);
  });

  it('a lookup address that answers a web page’s 404 or 410 (a wrong status.endpoint: the web server’s or CMS’s error page, also as plain text or XML) says the lookup service answers wrongly, with the office, no retry: not that no application matches', async () => {
    const page = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';
    for (const [step, lang] of [
      [{ status: 404, body: page, type: 'text/html' }, 'zh-CN'],
      [{ status: 410, body: page, type: 'text/html; charset=utf-8' }, 'zh-CN'],
      [{ status: 404, body: '404 page not found', type: 'text/plain' }, 'zh-CN'],
      [{ status: 404, body: '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>', type: 'application/xml' }, 'zh-CN'],
      [{ status: 404, body: page, type: 'text/html' }, 'en'],
    ] as const) {
      const { el } = await mount([step], { lang });
      await lookup(el, 'ZZZZ-9999', '王五');
      await waitUntil(() => $(el, '[part="lookup-error"]'), 'error');
      const what = `${lang} ${JSON.stringify(step).slice(0, 60)}`;
      expect(shadowText(el, '#failure'), what).to.equal(lang === 'zh-CN' ? '查询服务出错了。请稍后再试，或联系办理机关。' : 'The lookup service is not working properly. Please try again later, or contact the office.');
      expect(shadowText(el, '[part="lookup-error"]'), what).to.contain('测试区政务公开办').and.contain('测试路1号');
      // The same address would answer the same page: no retry button, as after a refusal.
      expect($(el, '[part="lookup-error"] button'), what).to.equal(null);
      await focusedIn(el, '#failure');
      await expectAccessible(el);
      el.remove();
    }
  });

  it('a 404 of the lookup service’s own (JSON, also application/problem+json, or with no body and no Content-Type) still says no application matches', async () => {
    const { el, endpoint } = await mount([{ status: 404, body: { error: { code: 'notFound', message: 'No application' } }, type: 'application/problem+json' }]);
    await lookup(el, 'ZZZZ-9999', '王五');
    await waitUntil(() => $(el, '[part="lookup-error"]'), 'error');
    expect(shadowText(el, '#failure')).to.equal('没有找到与该查询码和姓名相符的申请。请核对查询码和姓名后重试。');
    // A body-less 404 (no Content-Type): the test server always sends one, so the page's fetch answers it.
    const native = window.fetch;
    window.fetch = async (input, init) => (String(input).includes(endpoint) ? new Response(null, { status: 404 }) : native(input, init));
    try {
      await lookup(el, 'ZZZZ-9998', '王五');
      await waitUntil(() => shadowText(el, '#failure') === '没有找到与该查询码和姓名相符的申请。请核对查询码和姓名后重试。', 'no match, for a body-less 404');
      expect($(el, '[part="lookup-error"] button')).to.equal(null);
    } finally {
      window.fetch = native;
    }
  });

  it('a lookup service that answers wrongly (a web page with 200, a 403, an answer that is no status): said in the applicant’s words, to try again later or ask the office (its details), not the data-file words of a feed', async () => {
    const page = '<!doctype html><html><title>登录</title><p>请先登录</p></html>';
    for (const [step, lang] of [
      [{ status: 200, body: page, type: 'text/html' }, 'zh-CN'],
      [{ status: 403, body: page, type: 'text/html' }, 'zh-CN'],
      [{ status: 403, body: { error: { code: 'forbidden', message: 'Forbidden' } } }, 'zh-CN'],
      [{ status: 200, body: { ok: true } }, 'zh-CN'],
      [{ status: 200, body: '{"status":', type: 'text/plain' }, 'zh-CN'],
      [{ status: 200, body: page, type: 'text/html' }, 'en'],
      [{ status: 403, body: page, type: 'text/html' }, 'en'],
    ] as const) {
      const { el } = await mount([step], { lang });
      await lookup(el, 'ZZZZ-9999', '王五');
      await waitUntil(() => $(el, '[part="lookup-error"]'), 'error');
      const said = shadowText(el, '#failure');
      const what = `${lang} ${JSON.stringify(step).slice(0, 60)}`;
      if (lang === 'zh-CN') expect(said, what).to.contain('查询服务').and.contain('稍后再试').and.contain('联系').and.not.contain('数据').and.not.contain('网站管理员');
      else expect(said, what).to.contain('lookup service').and.contain('try again later').and.contain('contact').and.not.contain('data file').and.not.contain('webmaster');
      // Whom to ask: the office of the form feed, with its address.
      expect(shadowText(el, '[part="lookup-error"]'), what).to.contain('测试区政务公开办').and.contain('测试路1号');
      // Its heading under the page's h2: level 3.
      expectNoSkippedLevel(el);
      await focusedIn(el, '#failure');
      await expectAccessible(el);
      el.remove();
    }
  });

  it('too many lookups (429, e.g. after wrong names): says to wait a few minutes and check code and name, not “refused (429)”', async () => {
    for (const [lang, words] of [['zh-CN', ['过几分钟', '核对查询码和姓名']], ['en', ['Wait a few minutes', 'query code and name']]] as const) {
      const { el } = await mount([{ status: 429, body: { error: { code: 'rateLimited', message: 'Too many requests' } } }], { lang });
      await lookup(el, 'ZZZZ-9999', '王五');
      await waitUntil(() => $(el, '[part="lookup-error"]'), 'error');
      const text = shadowText(el, '[part="lookup-error"]');
      for (const w of words) expect(text, lang).to.contain(w);
      expect(text, lang).to.not.contain('429');
      // Trying again at once would only be refused again.
      expect($(el, '[part="lookup-error"] button'), lang).to.equal(null);
      await focusedIn(el, '#failure');
    }
  });

  it('a failed lookup, said in Chinese, is said in English once the language is switched (unknown code, a server error)', async () => {
    for (const [step, zh, en] of [
      [{ status: 404, body: { error: { code: 'notFound', message: 'No application' } } }, '没有找到与该查询码和姓名相符的申请。请核对查询码和姓名后重试。', 'No application matches this query code and name. Check both and try again.'],
      [{ status: 502, body: {} }, '查询服务出错了。请稍后再试，或联系办理机关。', 'The lookup service is not working properly. Please try again later, or contact the office.'],
    ] as const) {
      const { el } = await mount([step]);
      await lookup(el, 'ZZZZ-9999', '王五');
      await waitUntil(() => $(el, '[part="lookup-error"]'), 'error', 8000);
      expect(shadowText(el, '[part="lookup-error"] p')).to.equal(zh);
      el.setAttribute('lang', 'en');
      await waitUntil(() => shadowText(el, 'h2') === 'Check the progress of an application', 'English');
      expect(shadowText(el, '[part="lookup-error"] p')).to.equal(en);
    }
  });

  it('offers a retry after a network error; while it runs, focus waits on the lookup button, then moves to the result', async () => {
    const { el, endpoint } = await mount([{ destroy: true }]);
    await lookup(el, 'AB12-CD34', '张三');
    await waitUntil(() => $(el, '[part="lookup-error"]'), 'error', 8000);
    expect(shadowText(el, '[part="lookup-error"]')).to.contain('无法连接服务器');
    const tries = (await requestsTo(endpoint)).length;
    await scriptEndpoint([{ status: 200, body: FOUND, delay: 800 }], endpoint.split('/').pop());
    const retry = $(el, '[part="lookup-error"] button');
    retry.focus();
    retry.click();
    await el.updateComplete;
    // The error panel and its focused retry button are gone: focus is not dropped to the page.
    expect($(el, '[part="lookup-error"]')).to.equal(null);
    expect($(el, '[part="result"]')).to.equal(null);
    expect(document.activeElement === el, 'focus in the element').to.equal(true);
    expect(el.shadowRoot!.activeElement === $(el, 'form .btn.primary'), 'focus on the lookup button').to.equal(true);
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    await focusedIn(el, '#result-h');
    expect((await requestsTo(endpoint)).length).to.equal(tries + 1);
  });

  it('is prefilled from the query-code attribute and asks for missing input', async () => {
    const { el, endpoint } = await mount([{ status: 200, body: FOUND }], { code: 'ab12 cd34' });
    expect($<HTMLInputElement>(el, '#code').value).to.equal('AB12CD34');
    $(el, 'form .btn.primary').click();
    await el.updateComplete;
    expect(shadowText(el, '#name-error')).to.contain('请填写“申请人姓名或名称”');
    await focusedIn(el, '#name');
    expect((await requestsTo(endpoint)).length).to.equal(0);
  });

  it('an empty query-code attribute does not stop the prefill from the page URL’s ?querycode=; a set one wins', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?querycode=ab12-cd34`);
    try {
      const { el } = await mount([{ status: 200, body: FOUND }], { code: '' });
      expect(el.getAttribute('query-code')).to.equal('');
      expect($<HTMLInputElement>(el, '#code').value).to.equal('AB12-CD34');
      const { el: set } = await mount([{ status: 200, body: FOUND }], { code: 'EF56-GH78' });
      expect($<HTMLInputElement>(set, '#code').value).to.equal('EF56-GH78');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('refuses a plain http status endpoint', async () => {
    const src = await storeFeed(formFeed({ mode: 'print' }, 'http://example.gov.cn/status'));
    const el = await fixture<El>(html`<request-status src=${src}></request-status>`);
    await el.loaded;
    await lookup(el, 'AB12-CD34', '张三');
    expect(shadowText(el, '[part="lookup-error"]')).to.contain('https');
  });

  it('a running lookup is said once, by the status line beside the button: the button keeps its name (no second 正在查询… from it)', async () => {
    const { el } = await mount([{ status: 200, body: FOUND, delay: 800 }]);
    await lookup(el, 'AB12-CD34', '张三');
    const button = $(el, 'form .btn.primary');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('查询');
    const live = $(el, '[aria-live="polite"]');
    expect(live.textContent!.trim()).to.equal('正在查询…');
    // Sighted users see it too, next to the button.
    expect(live.getBoundingClientRect().width).to.be.above(20);
    expect(live.closest('form')).to.exist;
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    expect(live.textContent!.trim()).to.equal('');
  });

  it('a history with entries that are not entries (null, a number) from a broken server: the rest is shown, not a page stuck at 正在查询', async () => {
    const { el } = await mount([{ status: 200, body: { ...FOUND, history: [null, 7, FOUND.history[0]] } }]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    await focusedIn(el, '#result-h');
    expect($$(el, '[part="history"] li').length).to.equal(1);
    expect(shadowText(el, '[aria-live="polite"]')).to.equal('');
  });
});

describe('<request-status> under forced colours (Windows high contrast)', () => {
  it('the lookup button, unavailable while a lookup runs, is drawn in the system’s GrayText, as a disabled button is', async () => {
    const { el } = await mount([{ status: 200, body: FOUND, delay: 1500 }]);
    const button = $(el, 'form .btn.primary');
    const probe = document.createElement('span');
    probe.style.color = 'GrayText';
    document.body.append(probe);
    try {
      await executeServerCommand('media-features', { 'forced-colors': 'active', 'prefers-color-scheme': 'dark' });
      await waitUntil(() => matchMedia('(forced-colors: active)').matches, 'forced colours on');
      const ready = getComputedStyle(button);
      const [readyText, readyBack] = [ready.color, ready.backgroundColor];
      await lookup(el, 'AB12-CD34', '张三');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      const busy = getComputedStyle(button);
      // Opacity alone (a white button at 60 % on black is a grey one) is not how Windows marks a control unavailable.
      expect(busy.color).to.equal(getComputedStyle(probe).color);
      expect(busy.backgroundColor).to.not.equal(readyBack);
      await waitUntil(() => $(el, '[part="result"]'), 'result');
      expect([getComputedStyle(button).color, getComputedStyle(button).backgroundColor]).to.deep.equal([readyText, readyBack]);
    } finally {
      await executeServerCommand('media-features', {});
      probe.remove();
    }
  });
});

describe('<request-status> times', () => {
  /** The result for `body` under a form of `jurisdiction`, in `lang`: the received time and each history time. */
  async function times(jurisdiction: string, lang: string, body: unknown): Promise<string[]> {
    const endpoint = await scriptEndpoint([{ status: 200, body }]);
    const src = await storeFeed({ ...formFeed({ mode: 'print' }, endpoint), jurisdiction });
    const el = await fixture<El>(html`<request-status src=${src} lang=${lang} today="2026-10-12"></request-status>`);
    await el.loaded;
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    const received = $$(el, '[part="result"] .answers > div').find((d) => /收到|received/i.test(d.querySelector('dt')!.textContent!))!;
    return [received.querySelector('dd')!.textContent!.trim(), ...$$(el, '[part="history"] time').map((t) => t.textContent!.trim())];
  }

  afterEach(() => executeServerCommand('time-zone', ''));
  const body = {
    ...FOUND, receivedAt: '2026-09-01',
    history: [{ status: 'received', at: '2026-09-01' }, { status: 'extended', at: '2026-09-30T10:00:00' }, { status: 'extended', at: '2026-09-30 10:00' }, { status: 'extended', at: '2026-09-30T02:00:00Z' }],
  };

  it('a date alone is shown as a date (no 08:00, not a day early in New York); a time without a zone as the agency\'s clock said it; an instant in the agency\'s zone', async () => {
    // Each read where the agency is: its times need no zone's name.
    await executeServerCommand('time-zone', 'Asia/Shanghai');
    const [received, ...history] = await times('CN-OGI-2019', 'zh-CN', body);
    expect(received).to.equal('2026年9月1日');
    expect(history[0]).to.equal('2026年9月1日');
    expect(history[1]).to.match(/^2026年9月30日\s*10:00$/);
    expect(history[2]).to.match(/^2026年9月30日\s*10:00$/);
    expect(history[3]).to.match(/^2026年9月30日\s*10:00$/); // 02:00 UTC is 10:00 in Beijing
    await executeServerCommand('time-zone', 'America/New_York');
    const [usReceived, ...usHistory] = await times('US-FOIA', 'en', body);
    expect(usReceived).to.equal('Sep 1, 2026');
    expect(usHistory[0]).to.equal('Sep 1, 2026');
    expect(usHistory[1]).to.match(/^Sep 30, 2026,\s*10:00\sAM$/);
    expect(usHistory[2]).to.match(/^Sep 30, 2026,\s*10:00\sAM$/);
    expect(usHistory[3]).to.match(/^Sep 29, 2026,\s*10:00\sPM$/); // 02:00 UTC is 22:00 the day before in New York
  });

  it('a reader in another time zone is told whose clock a time is (a date alone needs no zone)', async () => {
    await executeServerCommand('time-zone', 'Europe/London');
    const [received, ...history] = await times('CN-OGI-2019', 'zh-CN', body);
    expect(received).to.equal('2026年9月1日');
    expect(history[0]).to.equal('2026年9月1日');
    for (const h of history.slice(1)) expect(h).to.match(/^2026年9月30日\s*10:00 中国标准时间$/);
    const [usReceived, ...usHistory] = await times('US-FOIA', 'en', body);
    expect(usReceived).to.equal('Sep 1, 2026');
    expect(usHistory[1]).to.match(/^Sep 30, 2026,\s*10:00\sAM Eastern Daylight Time$/);
    expect(usHistory[3]).to.match(/^Sep 29, 2026,\s*10:00\sPM Eastern Daylight Time$/);
  });
});

describe('<request-status> language of parts (WCAG 3.1.2)', () => {
  /** An open application (the office is shown); the server's own notes are not feed text and stay out of the check. */
  const OPEN = { ...FOUND, status: 'correctionRequested', history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }] };
  const OFFICE = { name: '测试区政务公开办', address: '测试路1号', postcode: '414000', hours: '工作日 8:30—17:30', phone: '0730-1234567', email: 'gongkai@example.gov.cn' };
  /** An e-mail address is Latin in no language: marked with the rest of the office, left out of the check. */
  const EMAIL = /\S+@\S+/;

  async function mountFeed(feed: Record<string, unknown>, lang: string): Promise<El> {
    const src = await storeFeed(feed);
    const el = await fixture<El>(html`<request-status src=${src} lang=${lang} today="2026-10-12"></request-status>`);
    await el.loaded;
    return el;
  }
  async function zhFeed(): Promise<Record<string, unknown>> {
    const feed = formFeed({ mode: 'print' }, await scriptEndpoint([{ status: 200, body: OPEN }]));
    return { ...feed, lang: 'zh-CN', agency: { ...(feed.agency as object), office: OFFICE } };
  }
  /** The parts marked with a language of their own: the root declares the UI's, and the warnings are in English. */
  const marked = (el: El) => $$(el, '[lang]').filter((e) => e.getAttribute('part') != 'base' && !e.closest('[part~="warning"]'));

  it('English UI on a feed in zh-CN: the agency and the office are marked zh-CN, in the lookup form and the result', async () => {
    const el = await mountFeed(await zhFeed(), 'en');
    expect(misLanguaged(el), 'lookup form').to.deep.equal([]);
    expect($(el, '.agency').getAttribute('lang')).to.equal('zh-CN');
    await lookup(el, 'AB12CD34', 'Zhang San');
    await waitUntil(() => $(el, '[part="office"]'), 'office');
    expect(shadowText(el, '[part="office"]')).to.contain('工作日 8:30—17:30').and.contain('Opening hours');
    expect($$(el, '[part="office"] dd').map((d) => d.getAttribute('lang'))).to.deep.equal(Array(6).fill('zh-CN'));
    expect(misLanguaged(el, EMAIL), 'result').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('zh-CN UI on a feed in English: the agency and the office are marked en', async () => {
    const el = await mountFeed(englishFormFeed({ mode: 'print' }, await scriptEndpoint([{ status: 200, body: OPEN }])), 'zh-CN');
    expect(misLanguaged(el), 'lookup form').to.deep.equal([]);
    await lookup(el, 'AB12CD34', '张三');
    await waitUntil(() => $(el, '[part="office"]'), 'office');
    expect(shadowText(el, '[part="office"]')).to.contain('Open Government Office').and.contain('1 Test Road');
    // The query code, from the server, is a code in no language.
    expect(misLanguaged(el, /AB12-CD34/), 'result').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('same language (zh-CN UI, zh-CN feed): no lang attributes; switched to English, the feed text is marked', async () => {
    const el = await mountFeed(await zhFeed(), 'zh-CN');
    expect(marked(el), 'lookup form').to.deep.equal([]);
    await lookup(el, 'AB12CD34', 'Zhang San');
    await waitUntil(() => $(el, '[part="office"]'), 'office');
    expect(marked(el), 'result').to.deep.equal([]);
    el.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el, 'h2') === 'Check the progress of an application', 'English UI');
    expect(marked(el).length).to.be.greaterThan(0);
    expect(misLanguaged(el, EMAIL), 'result in English').to.deep.equal([]);
  });
});

describe('<request-status> timeout', () => {
  it('the timeout attribute limits the form feed’s load too, as on every element (it was only used for the lookup)', async () => {
    const src = await storeFeed(formFeed({ mode: 'print' }, '/api/status'), { delay: 3000 });
    const el = await fixture<El>(html`<request-status src=${src} timeout="1000" lang="zh-CN"></request-status>`);
    const t0 = performance.now();
    await waitUntil(() => $(el, '[part="error"]'), 'the timeout error', 2500);
    expect(performance.now() - t0).to.be.below(2500);
    expect(shadowText(el, '[part="error"]')).to.contain('服务器超过 1 秒没有响应');
  });

  it('a timeout under a second is said as it is (0.4 seconds), not rounded to 0', async () => {
    const src = await storeFeed(formFeed({ mode: 'print' }, '/api/status'), { delay: 3000 });
    const el = await fixture<El>(html`<request-status src=${src} timeout="400" lang="en"></request-status>`);
    await waitUntil(() => $(el, '[part="error"]'), 'the timeout error', 2500);
    expect(shadowText(el, '[part="error"]')).to.contain('did not answer within 0.4 seconds');
  });
});

describe('<request-status>: a phone and large text (WCAG 1.4.10, 1.4.12)', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 1280, height: 900 }));

  const LONG_EMAIL = 'zhengfuxinxigongkaishenqingbanli.junshanqurenminzhengfubangongshi@example.gov.cn';
  const OFFICE = {
    name: '岳阳市君山区人民政府办公室政府信息公开工作领导小组办公室（政务公开科）',
    address: '湖南省岳阳市君山区柳林洲街道芦花洲路君山区政务服务中心三楼东侧政府信息公开受理窗口',
    postcode: '414005', hours: 'Monday–Friday 08:30–12:00, 14:30–17:30', phone: '0730-1234567/0730-7654321',
    email: LONG_EMAIL,
  };
  const ANSWER = {
    ...FOUND, status: 'correctionRequested',
    history: [...FOUND.history, { status: 'correctionRequested', at: '2026-10-08T01:30:00Z', note: `请补正身份证明材料，发送至${LONG_EMAIL}或寄至https://www.junshan.gov.cn/zwgk/xxgk/ysqgk/bzcl/index_2026_correction.html` }],
  };

  /** Text past the element's right edge: a line that does not wrap runs out of a box that does not. */
  const textPast = (el: Element) => {
    const right = el.getBoundingClientRect().right;
    const out: string[] = [];
    const walk = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (!t.textContent!.trim() || t.parentElement!.closest('style, option')) continue;
      const r = document.createRange();
      r.selectNodeContents(t);
      if (r.getBoundingClientRect().right > right + 0.5) out.push(`${t.parentElement!.localName}: ${t.textContent!.trim().slice(0, 40)}`);
    }
    return out;
  };

  async function phone(lang: string, steps: Parameters<typeof scriptEndpoint>[0], style = ''): Promise<El> {
    const endpoint = await scriptEndpoint(steps);
    const feed = formFeed({ mode: 'print' }, endpoint) as { agency: Record<string, unknown> };
    feed.agency = { ...feed.agency, office: OFFICE };
    // 320px less a page's usual 16px margins.
    const box = mountHtml(html`<request-status src=${await storeFeed(feed)} lang=${lang} today="2026-10-12" style=${style}></request-status>`, 'width: 288px');
    const el = box.querySelector('request-status') as El;
    await el.updateComplete;
    await el.loaded;
    await el.updateComplete;
    return el;
  }

  /** The lookup form with its errors, the not-found panel, an open application with its history and the office. */
  async function* views(lang: string, style = '') {
    const el = await phone(lang, [{ status: 404, body: { error: { code: 'notFound', message: 'No application' } } }, { status: 200, body: ANSWER },
      { status: 200, body: { ...ANSWER, status: 'transferredToAnotherAgencyForHandling' } }], style);
    expect($(el, '#code'), shadowText(el)).to.exist;
    yield ['form', el] as const;
    await lookup(el, '', '');
    expect($(el, '[aria-invalid="true"]')).to.exist;
    yield ['errors', el] as const;
    await lookup(el, 'ZZZZ-9999', '欧阳娜娜·阿卜杜热合曼·买买提');
    await waitUntil(() => $(el, '[part="lookup-error"]'), 'not found');
    yield ['not found', el] as const;
    await lookup(el, 'AB12-CD34', '张三');
    await waitUntil(() => $(el, '[part="office"]'), 'result');
    expect(shadowText(el, '[part="history"]')).to.contain(LONG_EMAIL);
    yield ['found', el] as const;
    // A status word of a newer server, which the element shows as sent: one long word.
    await lookup(el, 'AB12-CD34', '张三');
    await waitUntil(() => shadowText(el, '#result-h').includes('transferredToAnotherAgencyForHandling'), 'unknown status');
    yield ['a status word it does not know', el] as const;
  }

  for (const lang of ['en', 'zh-CN']) {
    it(`reflows on a 320px screen (${lang}), with large text and an old CMS's html{font-size:62.5%} and *{box-sizing:content-box; line-height:1}: the form, its errors, not found, an application and the office`, async () => {
      document.documentElement.style.fontSize = '62.5%';
      // The page's `*` matches the element itself (inside, the fields were content-box too: 21px past its edge).
      const cms = document.head.appendChild(document.createElement('style'));
      cms.textContent = '* { box-sizing: content-box; line-height: 1 }';
      try {
        for await (const [what, el] of views(lang)) {
          for (const large of [false, true]) {
            el.largeText = large;
            await el.updateComplete;
            const w = `${what}${large ? ', large text' : ''}`;
            expect(pastRightEdge(el), w).to.deep.equal([]);
            expect(textPast(el), w).to.deep.equal([]);
          }
          el.largeText = false;
          await el.updateComplete;
        }
      } finally {
        document.documentElement.style.removeProperty('font-size');
        cms.remove();
      }
    });
  }

  it('text spacing (WCAG 1.4.12): nothing cut off, button text within its button (en and zh-CN, large text)', async () => {
    for (const lang of ['en', 'zh-CN']) {
      for await (const [what, el] of views(lang, 'line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em')) {
        textSpacing(el);
        for (const large of [false, true]) {
          el.largeText = large;
          await el.updateComplete;
          const w = `${lang} ${what}${large ? ', large text' : ''}`;
          expect(pastRightEdge(el), w).to.deep.equal([]);
          expect(textPast(el), w).to.deep.equal([]);
          expect(cutOff(el), w).to.deep.equal([]);
        }
        el.largeText = false;
        await el.updateComplete;
      }
    }
  });
});
