import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { attr, commonArgTypes, elementIn, inShadow, logEvent, typeInto } from './helpers';
import '../src/request-status';

/** The attributes of `<request-status>` (names as in the Custom Elements Manifest), plus event actions. */
type Args = {
  src?: string;
  'query-code'?: string;
  today?: string;
  theme?: 'light' | 'dark' | 'auto';
  'large-text'?: boolean;
  timeout?: number;
  lang?: string;
  onDisclosureLoad?: unknown;
  onDisclosureError?: unknown;
};

const render = (a: Args) => html`<request-status
  src=${ifDefined(attr(a.src))}
  query-code=${ifDefined(attr(a['query-code']))}
  today=${ifDefined(attr(a.today))}
  theme=${ifDefined(attr(a.theme))}
  ?large-text=${a['large-text']}
  timeout=${ifDefined(attr(a.timeout))}
  lang=${ifDefined(attr(a.lang))}
  @disclosure-load=${logEvent(a.onDisclosureLoad)}
  @disclosure-error=${logEvent(a.onDisclosureError)}
></request-status>`;

/**
 * Looks up an application by query code (查询码) and name. The form feed's `status.endpoint` is the in-page mock:
 * `K7QM4XPA9R` is answered (with its history), `R8TV3MWK6P` is received and within the period, `W3HN8TQ2LD` is extended and overdue, `P5RT2KCM8V` waits for a third
 * party (the reply period is stopped), `C4RQ7NXM2E` awaits a correction, `H6WD9KPT3N` was withdrawn, `U5FT8QKM3D` (with
 * the `request-form-us-foia` feed) is a US FOIA request consulting a third party past its due date, any other code is
 * not found.
 */
const meta = {
  title: 'Elements/request-status',
  component: 'request-status',
  tags: ['autodocs'],
  render,
  args: { src: 'mock/feed/request-form' },
  argTypes: commonArgTypes,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Fills in the name and presses 查询. */
const lookUp = (name: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = elementIn(canvasElement, 'request-status');
  typeInto(await inShadow<HTMLInputElement>(el, '#name'), name);
  (await inShadow<HTMLFormElement>(el, 'form[part~="lookup"]')).requestSubmit();
};

/** The empty lookup form. */
export const Default: Story = {
  name: 'Default (lookup form)',
};

/** `query-code` fills in the code (as a link from the receipt e-mail would, via `?querycode=`); the name is typed. */
export const Found: Story = {
  name: 'Prefilled query code, found',
  args: { 'query-code': 'k7qm 4xpa9r' },
  tags: ['expect:result', 'expect:history'],
  play: lookUp('张三'),
};

/** Received and within the reply period: the due date, no overdue mark, and the office to contact. */
export const WithinPeriod: Story = {
  name: 'Received, within the period',
  args: { 'query-code': 'R8TV3MWK6P', today: '2026-03-10' },
  tags: ['expect:result', 'expect:history'],
  play: lookUp('周八'),
};

/** Past its due date and not answered: marked overdue (`today` fixes the date the check uses). */
export const Overdue: Story = {
  args: { 'query-code': 'W3HN8TQ2LD', today: '2026-03-20' },
  tags: ['expect:result'],
  play: lookUp('李四'),
};

/**
 * A third party is being consulted: the reply period is stopped (条例 Art. 33), so the date may still move and no
 * overdue mark is shown, although `today` is after it.
 */
export const ConsultingThirdParty: Story = {
  name: 'Consulting a third party (period stopped)',
  args: { 'query-code': 'P5RT2KCM8V', today: '2026-03-20' },
  tags: ['expect:result', 'expect:history'],
  play: lookUp('赵六'),
};

/**
 * A US FOIA request (English form feed, jurisdiction US-FOIA) whose agency consults a third party past the due date:
 * under FOIA that stops no reply period, so it is marked overdue (in China it would be stopped).
 */
export const UsFoiaOverdue: Story = {
  name: 'US FOIA: consulting a third party, overdue (English)',
  args: { src: 'mock/feed/request-form-us-foia', lang: 'en', 'query-code': 'U5FT8QKM3D', today: '2026-12-22' },
  tags: ['expect:result', 'expect:history'],
  play: async (context) => {
    await lookUp('Jane Q. Public')(context);
    // A FOIA request's status, found by its tracking number (not an application's query code).
    const el = elementIn(context.canvasElement, 'request-status');
    await expect((await inShadow(el, 'h2')).textContent).toBe('Check the status of a request');
    await expect((await inShadow(el, '[part="result"] dt')).textContent).toBe('Tracking number');
  },
};

/** The lookup of a UK request for information (jurisdiction UK-FOIA) in English: by its reference number. */
export const UkFoia: Story = {
  name: 'UK request for information: lookup form (English)',
  args: { src: 'mock/feed/request-form-uk-foia', lang: 'en' },
  play: async ({ canvasElement }) => {
    const label = await inShadow(elementIn(canvasElement, 'request-status'), 'label[for="code"]');
    await expect(label.textContent).toContain('Reference number');
  },
};

/**
 * A UK request for information found (the US record `U5FT8QKM3D` under the UK feed): its dates written the British way,
 * 20 Nov 2026 and 21 Dec 2026, not Nov 20, 2026; its times in London time.
 */
export const UkFoiaFound: Story = {
  name: 'UK request for information: status, British dates (English)',
  args: { src: 'mock/feed/request-form-uk-foia', lang: 'en', 'query-code': 'U5FT8QKM3D', today: '2026-12-22' },
  tags: ['expect:result', 'expect:history'],
  play: async (context) => {
    await lookUp('Jane Q. Public')(context);
    const result = await inShadow(elementIn(context.canvasElement, 'request-status'), '[part="result"] .answers');
    await expect(result.textContent).toContain('20 Nov 2026, 15:00');
    await expect(result.textContent).toContain('21 Dec 2026');
  },
};

/** A correction was asked for: the history says what, and the office's address and telephone say where to send it. */
export const CorrectionRequested: Story = {
  name: 'Correction requested (where to send it)',
  args: { 'query-code': 'C4RQ7NXM2E', today: '2026-02-20' },
  tags: ['expect:result', 'expect:history', 'expect:office'],
  play: lookUp('孙七'),
};

/** Withdrawn by the applicant: a final status, so no due-date note and no office to contact; the history says when. */
export const Withdrawn: Story = {
  args: { 'query-code': 'H6WD9KPT3N', today: '2026-03-20' },
  tags: ['expect:result', 'expect:history'],
  play: lookUp('钱九'),
};

export const NotFound: Story = {
  name: 'Not found',
  args: { 'query-code': 'ZZZZ2222ZZ' },
  tags: ['expect:lookup-error'],
  play: lookUp('王五'),
};

/**
 * The status endpoint answers 503: the lookup service is not working (查询服务出错了), try again later (重试) or contact
 * the office, whose details follow (the form stays filled in).
 */
export const LookupServerError: Story = {
  name: 'Lookup error (server 503)',
  args: { src: 'mock/feed/request-form-status-down', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-error', 'expect:office'],
  play: lookUp('张三'),
};

/** Looks up as 张三 and expects the lookup service's failure in the applicant's words (not `unlike`), the office's details. */
const brokenLookup = (unlike: string, noRetry?: boolean): Story['play'] => async (context) => {
  await lookUp('张三')(context);
  const el = elementIn(context.canvasElement, 'request-status');
  const failure = await inShadow(el, '[part~="lookup-error"]');
  await waitFor(() => expect(failure.textContent).toContain('查询服务出错了'));
  await expect(failure.textContent).not.toContain(unlike);
  if (noRetry) await expect(failure.querySelector('button')).toBeNull();
  await expect(failure.querySelector('[part~="office"]')).toBeTruthy();
};

/**
 * The status endpoint answers with a web page (200, HTML: a CMS error or login page instead of JSON), as a 403 or an
 * answer that is no status would: said in the applicant's words, not the data file's (数据文件): the lookup service is not
 * working, try again later, or contact the office (its details follow).
 */
export const LookupBroken: Story = {
  name: 'Lookup error (a web page instead of an answer)',
  args: { src: 'mock/feed/request-form-status-html', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-error', 'expect:office'],
  play: brokenLookup('数据文件'),
};

/**
 * The feed's `status.endpoint` is a wrong address: the web server answers its own 404 page (HTML), not the lookup
 * service's JSON 404. Not said as "no application matches" (an applicant might think it lost, or apply again): the
 * lookup service is not working, contact the office (its details follow); no retry button, as the same address would
 * answer the same page.
 */
export const LookupWrongAddress: Story = {
  name: 'Lookup error (a 404 web page: a wrong lookup address)',
  args: { src: 'mock/feed/request-form-status-wrong-address', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-error', 'expect:office'],
  play: brokenLookup('没有找到', true),
};

/**
 * The lookup never reaches the server (the connection fails; `mock/network-error`): the applicant is told to check
 * their connection, with 重试 (the form stays filled in). Nothing is said about the code or the name: they may be right.
 */
export const LookupNetworkFailure: Story = {
  name: 'Lookup error (network failure)',
  args: { src: 'mock/feed/request-form-status-offline', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-error'],
  play: async (context) => {
    await lookUp('张三')(context);
    const el = elementIn(context.canvasElement, 'request-status');
    const failure = await inShadow(el, '[part~="lookup-error"]');
    await waitFor(() => expect(failure.textContent).toContain('无法连接服务器'));
    await expect(failure.querySelector('button')?.textContent).toBe('重试');
  },
};

/**
 * A page that cannot look applications up (its feed's `status.endpoint` is plain http, or missing): the applicant is
 * told so, not that an application was not sent, and given the office to ask; nothing is sent.
 */
export const NoLookupHere: Story = {
  name: 'Lookup not possible on this page (plain http address)',
  args: { src: 'mock/feed/request-form-status-http', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-error', 'expect:office'],
  play: async (context) => {
    await lookUp('张三')(context);
    const el = elementIn(context.canvasElement, 'request-status');
    const failure = await inShadow(el, '[part~="lookup-error"]');
    await waitFor(() => expect(failure.textContent).toContain('本页不能在线查询办理进度'));
    await expect(failure.querySelector('[part~="office"]')).toBeTruthy();
  },
};

/**
 * The portal's language switch pressed after a lookup (here `lang="en"` set on the element, as a portal's English
 * switch sets it): the result is said again in English, without a new lookup: the headings, labels, status and
 * outcome names, and the dates in English form. Text the agency wrote stays as written: the agency's name (from the
 * feed, marked `lang="zh-CN"` for screen readers) and the server's notes in the history.
 */
export const LanguageSwitched: Story = {
  name: 'Language switched after a lookup (中文 → English)',
  args: { 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:result', 'expect:history'],
  play: async (context) => {
    await lookUp('张三')(context);
    const el = elementIn(context.canvasElement, 'request-status');
    const heading = await inShadow(el, '#result-h');
    await waitFor(() => expect(heading.textContent).toContain('已答复'));
    el.setAttribute('lang', 'en');
    await waitFor(() => expect(el.shadowRoot!.querySelector('#result-h')?.textContent).toContain('Status: Answered'));
    await expect(el.shadowRoot!.querySelector('[part~="history"]')?.textContent).toContain('已邮寄');
  },
};

/** The status endpoint answers 429 (too many lookups): what to do (wait a few minutes, check code and name), no retry. */
export const LookupLimited: Story = {
  name: 'Lookup limited (server 429)',
  args: { src: 'mock/feed/request-form-status-limited', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-error'],
  play: lookUp('张三'),
};

export const English: Story = {
  args: { lang: 'en', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:result'],
  play: lookUp('Zhang San'),
};

export const ErrorNotFound: Story = {
  name: 'Error (404 feed)',
  args: { src: 'mock/404' },
  tags: ['expect:error'],
};

/** The form feed never answers: the loading skeleton. */
export const Loading: Story = {
  args: { src: 'mock/slow/request-form', timeout: 600000 },
  tags: ['expect:loading'],
};

/** The lookup is on its way (the status endpoint does not answer): 查询 is unavailable and 正在查询… is said. */
export const LookingUp: Story = {
  name: 'Looking up (no answer yet)',
  args: { src: 'mock/feed/request-form-status-hanging', 'query-code': 'K7QM4XPA9R' },
  tags: ['expect:lookup-busy'],
  play: lookUp('张三'),
};

/** Markup in every text of the server's answer (status, outcome, history notes): shown as text. */
export const Hostile: Story = {
  name: 'Hostile answer',
  args: { 'query-code': 'X5SS9HTL2Q' },
  tags: ['expect:result', 'hostile'],
  play: lookUp('张三'),
};

/** At 320px: a status word of a newer server, long and unknown to the element, and a long note wrap. */
export const LongText: Story = {
  name: 'Long text (320px)',
  args: { 'query-code': 'L9NG4TXT7W' },
  tags: ['expect:result', 'long-text'],
  render: (a) => html`<div style="width: 320px; border: 1px dashed #999;">${render(a)}</div>`,
  play: lookUp('张三'),
};
