import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { attr, commonArgTypes, elementIn, inShadow, logEvent, typeInto } from './helpers';
import '../src/request-form';

/** The attributes of `<request-form>` (names as in the Custom Elements Manifest), plus event actions. */
type Args = {
  src?: string;
  persist?: 'local' | 'session';
  theme?: 'light' | 'dark' | 'auto';
  'large-text'?: boolean;
  timeout?: number;
  lang?: string;
  retryDelays?: number[];
  onDisclosureLoad?: unknown;
  onDisclosureError?: unknown;
  onRequestSubmitted?: unknown;
};

const render = (a: Args) => html`<request-form
  src=${ifDefined(attr(a.src))}
  persist=${ifDefined(attr(a.persist))}
  theme=${ifDefined(attr(a.theme))}
  ?large-text=${a['large-text']}
  timeout=${ifDefined(attr(a.timeout))}
  lang=${ifDefined(attr(a.lang))}
  .retryDelays=${a.retryDelays ?? [1000, 2000, 4000]}
  @disclosure-load=${logEvent(a.onDisclosureLoad)}
  @disclosure-error=${logEvent(a.onDisclosureError)}
  @request-submitted=${logEvent(a.onRequestSubmitted)}
></request-form>`;

/**
 * The 依申请公开 application form. `mock/feed/request-form` is the sample `demo/feeds/request-form.json` with its
 * endpoints pointing at the in-page mock of the intake API (`mock/api/requests` answers 201 with a receipt).
 */
const meta = {
  title: 'Elements/request-form',
  component: 'request-form',
  tags: ['autodocs'],
  render,
  args: { src: 'mock/feed/request-form' },
  argTypes: { ...commonArgTypes, persist: { control: 'inline-radio', options: ['session', 'local'] } },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** api mode: the application is sent to the (mocked) intake API. Its first step: who applies, and their details. */
export const Default: Story = {
  tags: ['step:1'],
};

/**
 * A draft of the sample form's answers up to `step` (0-based: the step shown), as the form keeps it: the story opens
 * on that step, with the answers before it given.
 */
const atStep = (step: number) => () => {
  const key = `disclosure-elements:request-draft:${new URL('mock/feed/request-form', document.baseURI).href}`;
  sessionStorage.setItem(key, JSON.stringify({
    v: {
      applicantType: 'naturalPerson', name: '张三', idType: 'residentId', idNumber: '11010519491231002X', mobile: '13812345678',
      address: '湖南省岳阳市君山区柳林洲镇君山大道1号', infoTitle: '君山区2024年财政预算执行情况报告', description: '君山区2024年财政预算执行情况报告（君政发〔2024〕3号）',
    },
    step,
  }));
  return () => sessionStorage.removeItem(key);
};

/** Step 2 of the sample form: the information asked for (所需信息). */
export const Step2: Story = {
  name: 'Step 2 (the information asked for)',
  tags: ['step:2'],
  beforeEach: atStep(1),
};

/** Step 3: how the information is to be given (获取方式: paper, e-mail, …). */
export const Step3: Story = {
  name: 'Step 3 (how it is given)',
  tags: ['step:3'],
  beforeEach: atStep(2),
};

/** Step 4: attachments (the applicant's identity document) and the declaration. */
export const Step4: Story = {
  name: 'Step 4 (attachments, declaration)',
  tags: ['step:4'],
  beforeEach: atStep(3),
};

/** The form feed never answers: the loading skeleton (after 4 s it says the network is slow). */
export const Loading: Story = {
  args: { src: 'mock/slow/request-form', timeout: 600000 },
  tags: ['expect:loading'],
};

/** Markup and `javascript:` URLs in every text of the form feed (labels, help, options, the office, the status page). */
export const Hostile: Story = {
  name: 'Hostile feed',
  args: { src: 'mock/feed/request-form-hostile' },
  tags: ['hostile'],
};

/**
 * Long text at 320px: an agency name, a section title, labels, help and options without a place to break wrap inside
 * the form (WCAG 1.4.10).
 */
export const LongText: Story = {
  name: 'Long text (320px)',
  args: { src: 'mock/feed/request-form-long' },
  tags: ['long-text'],
  render: (a) => html`<div style="width: 320px; border: 1px dashed #999;">${render(a)}</div>`,
};

/**
 * print mode (`demo/feeds/request-form-print.json`): the answers make a printable paper form to post or hand in (see
 * "Paper form" for the filled 申请表).
 */
export const PrintMode: Story = {
  name: 'Print mode',
  args: { src: 'feeds/request-form-print.json' },
};

/** The applicant is a 法人或者其他组织: the form asks for the organisation's name, USCC and legal representative. */
export const Organisation: Story = {
  name: 'Organisation applicant',
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    const radio = await inShadow<HTMLInputElement>(el, 'input[name="applicantType"][value="organisation"]');
    radio.click();
    await inShadow(el, '#f-uscc');
  },
};

export const English: Story = {
  args: { lang: 'en' },
};

/**
 * A US agency's Freedom of Information Act request form, in English (feed `demo/feeds/request-form-us-foia.json`,
 * jurisdiction `US-FOIA`): contact details (a ZIP code and a US telephone number are not checked as Chinese ones),
 * the records asked for, fee category and the most the requester will pay, and a certification.
 */
export const UsFoia: Story = {
  name: 'US FOIA request (English)',
  args: { src: 'mock/feed/request-form-us-foia', lang: 'en' },
  play: async ({ canvasElement }) => {
    // A FOIA request in a US office's words (not the Chinese form's “Application for government information”).
    const title = await inShadow(elementIn(canvasElement, 'request-form'), 'h2');
    await expect(title.textContent).toBe('FOIA request');
  },
};

/**
 * A UK public authority's request for information, in English (jurisdiction `UK-FOIA`): the same words as a US FOIA
 * request but a reference number (not a tracking number), the office's postcode, the day first on the paper form.
 */
export const UkFoia: Story = {
  name: 'UK request for information (English)',
  args: { src: 'mock/feed/request-form-uk-foia', lang: 'en' },
  play: async ({ canvasElement }) => {
    const title = await inShadow(elementIn(canvasElement, 'request-form'), 'h2');
    await expect(title.textContent).toBe('Request for information');
  },
};

/**
 * The US FOIA request sent: the receipt, received Friday 20 November 2026 in Washington, due 21 December 2026 (20
 * working days; Thanksgiving, a federal holiday listed in the feed's calendar, is not one).
 */
export const UsFoiaSubmitted: Story = {
  name: 'US FOIA request: receipt (English)',
  args: { src: 'mock/feed/request-form-us-foia', lang: 'en' },
  tags: ['expect:receipt'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    const step = async () => (await inShadow<HTMLFormElement>(el, 'form[part~="step"]')).requestSubmit();
    typeInto(await inShadow<HTMLInputElement>(el, '#f-name'), 'Jane Q. Public');
    typeInto(await inShadow<HTMLInputElement>(el, '#f-email'), 'jane@example.com');
    typeInto(await inShadow<HTMLTextAreaElement>(el, '#f-address'), '1 Main Street, Springfield, VA');
    typeInto(await inShadow<HTMLInputElement>(el, '#f-postcode'), '22150-1234');
    await step();
    typeInto(await inShadow<HTMLTextAreaElement>(el, '#f-description'), 'Contracts for the Springfield office lease, 2020 to 2025.');
    await step();
    await inShadow(el, '#f-feeCategory');
    await step();
    (await inShadow<HTMLInputElement>(el, '#f-declaration')).click();
    await step();
    (await inShadow<HTMLFormElement>(el, 'form[part~="review"]')).requestSubmit();
    const answers = await inShadow(el, '[part="receipt"] .answers');
    await expect(answers.textContent).toContain('Dec 21, 2026');
    // A FOIA request's receipt, with its tracking number (5 U.S.C. 552(a)(7)(A)), not an application's query code.
    await expect((await inShadow(el, '#receipt-h')).textContent).toBe('Request submitted');
    await expect((await inShadow(el, '#code')).previousElementSibling!.textContent).toBe('Tracking number');
  },
};

export const LargeText: Story = {
  name: 'Large text (适老化)',
  args: { 'large-text': true },
};

export const ErrorNotFound: Story = {
  name: 'Error (404 feed)',
  args: { src: 'mock/404' },
  tags: ['expect:error'],
};

/** Next on an empty step: the error summary at the top, and each field's message next to it. */
export const Errors: Story = {
  name: 'Errors (empty required fields)',
  args: { src: 'mock/feed/request-form-short' },
  tags: ['expect:error-summary'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    (await inShadow<HTMLFormElement>(el, 'form[part~="step"]')).requestSubmit();
    await inShadow(el, '[part~="error-summary"]');
  },
};

/** The 核对申请信息 (check your answers) step, before 提交申请. */
export const Review: Story = {
  name: 'Review (check your answers)',
  args: { src: 'mock/feed/request-form-short' },
  tags: ['expect:review'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await answerShortForm(el);
    await inShadow(el, 'form[part~="review"]');
  },
};

/**
 * A draft restored after a reload (or a lost connection): the answers come back, the attachments cannot, and the draft
 * kept only their names. The form names the files to choose again at the top, by the file field (listed, each one
 * removable when no longer wanted), on the review step (a draft restored there) and in the error summary of a Next
 * without them.
 */
export const DraftRestored: Story = {
  name: 'Draft restored (files to choose again)',
  tags: ['expect:field'],
  beforeEach: () => {
    const key = `disclosure-elements:request-draft:${new URL('mock/feed/request-form', document.baseURI).href}`;
    sessionStorage.setItem(key, JSON.stringify({
      v: { applicantType: 'naturalPerson', name: '张三', mobile: '13812345678', description: '君山区2024年财政预算执行情况报告' },
      step: 3,
      files: { idProof: ['身份证正面.jpg', '身份证背面.jpg'] },
    }));
    return () => sessionStorage.removeItem(key);
  },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await waitFor(() => expect(el.shadowRoot!.querySelector('#f-idProof-error')?.textContent).toContain('身份证背面.jpg'));
  },
};

/**
 * Sent, and the server has not answered yet: 提交申请, 修改, 上一步 and 清空表单 are `aria-disabled`. After 10 s the status
 * line says the server is slow and the application is still being sent (do not close the page).
 */
export const Sending: Story = {
  args: { src: 'mock/feed/request-form-hanging' },
  tags: ['expect:send-status'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    await waitFor(() => expect(el.shadowRoot!.querySelector('#send')?.getAttribute('aria-disabled')).toBe('true'));
  },
};

/** The server answered 503: the element says so and waits before resending (here a long wait), with 重新提交 now. */
export const Retrying: Story = {
  name: 'Retrying (server error, waiting to resend)',
  args: { src: 'mock/feed/request-form-503', retryDelays: [600000] },
  tags: ['expect:send-status'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    await inShadow(el, '#retry');
    await waitFor(() => expect(el.shadowRoot!.querySelector('.panel.error[part~="send-status"]')).toBeNull());
  },
};

/** Offline (`isOnline()` overridden): the application waits for the connection and is sent when it is back. */
export const Offline: Story = {
  args: { src: 'mock/feed/request-form-short' },
  tags: ['expect:send-status'],
  play: async ({ canvasElement }) => {
    const el = elementIn<HTMLElement & { isOnline(): boolean }>(canvasElement, 'request-form');
    el.isOnline = () => false;
    await fillAndSend(el);
    await inShadow(el, '#retry');
  },
};

/** Offline, then 修改 and back to the review: the automatic submission is called off, said so; 提交申请 sends it. */
export const OfflineChanged: Story = {
  name: 'Offline, changed (automatic submission called off)',
  args: { src: 'mock/feed/request-form-short' },
  tags: ['expect:send-status'],
  play: async (context) => {
    // (The Offline story's steps first.)
    await Offline.play!(context);
    const el = elementIn(context.canvasElement, 'request-form');
    (await inShadow(el, '[part="review"] dd .btn')).click();
    (await inShadow(el, '[part="step"] .btn.primary')).click();
    await inShadow(el, '[part="review"]');
    await waitFor(() => expect(el.shadowRoot!.querySelector('#retry')).toBeNull());
  },
};

/**
 * Fills a two-question form and sends it to the mocked API: the receipt with the query code, and a link (the feed's
 * `status.page`) to the request-status story with the code filled in (`?querycode=`).
 */
export const Submitted: Story = {
  args: { src: 'mock/feed/request-form-short' },
  tags: ['expect:receipt'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    const link = await inShadow<HTMLAnchorElement>(el, '[part="receipt"] a');
    await expect(new URL(link.href).searchParams.get('querycode')).toBe('K7QM4XPA9R');
  },
};

/**
 * The receipt's 填写新的申请 pressed: it asks first (the receipt is not shown again after a new application is started),
 * with the query code in the question and focus on 取消; 取消 or Escape keeps the receipt.
 */
export const NewApplicationAsked: Story = {
  name: 'Receipt: starting a new application asks first',
  args: { src: 'mock/feed/request-form-short' },
  tags: ['expect:receipt'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    // (The review has a #clear-open too, 清空表单: the receipt's is waited for.)
    (await inShadow<HTMLButtonElement>(el, '[part="receipt"] #clear-open')).click();
    const ask = await inShadow(el, '[part="receipt"] [role="alertdialog"]');
    await expect(ask.textContent).toContain('K7QM4XPA9R');
  },
};

/**
 * Received on 10 December 2026 by a form whose calendar lists 2026's holidays only: the due date, 7 January 2027, is
 * counted over weekends only past 2026, so the receipt says that the 2027 holidays are not listed yet and that the date
 * may be later (the State Council publishes the next year's arrangement in November or December).
 */
export const DueNextYear: Story = {
  name: 'Receipt: due in a year whose holidays are not listed yet',
  args: { src: 'mock/feed/request-form-next-year' },
  tags: ['expect:receipt'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    const answers = await inShadow(el, '[part="receipt"] .answers');
    await expect(answers.textContent).toContain('2027年1月7日');
    await expect(answers.textContent).toContain('本站尚未列入2027年的节假日安排，期限可能顺延');
  },
};

/**
 * A failure that lasts: the intake server answers 503 to every attempt. The element resends with the same
 * Idempotency-Key (after 1, 2 and 4 s by default; here `retryDelays` is 50 ms twice, so the story is quick), then gives
 * up: the alert says the agency's server has a problem and the application was not sent (the answers stay, as a draft;
 * 重新提交 sends it again with the same key), then 联系办理机关 with the office's details and 生成申请表, for when it goes
 * on: the paper 申请表 of the answers, to post or hand in.
 */
export const ServerError: Story = {
  name: 'Server error after all retries (mock 503 each time)',
  args: { src: 'mock/feed/request-form-503', retryDelays: [50, 50] },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await stuck(el);
    await expect(buttonIn(el.shadowRoot!, '重新提交')).toBeTruthy();
  },
};

/**
 * The submission address answers 200 with a web page (`text/html`, from the address posted to, not redirected): the
 * endpoint names the website's home page, or an app's fallback page, not the intake API. The element resends once with
 * the same Idempotency-Key (here after 50 ms), then says that the online application service is not working properly
 * and did not accept the submission, not the applicant's connection or answers; the answers stay, with 重新提交 (to try
 * later), then 联系办理机关 with the office's details and 生成申请表. (A Wi-Fi login page, reached by a redirect, is still
 * resent like a network failure, and then said as one.)
 */
export const WebPageAnswer: Story = {
  name: 'Web page instead of an answer (mock 200 HTML each time)',
  args: { src: 'mock/feed/request-form-web-page', retryDelays: [50, 50] },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    const alert = await stuck(el);
    await expect(alert.querySelector('[role="alert"]')?.textContent).toContain('网上申请服务工作不正常');
    await expect(buttonIn(el.shadowRoot!, '重新提交')).toBeTruthy();
  },
};

/**
 * The submission address answers 403 with a web page (a web application firewall's block page), not the intake
 * server's JSON refusal: said at once, as the web page of "Web page instead of an answer" (the service is not working
 * properly), not as a refusal of the answers. 提交申请 stays available and 重新提交 is there, with the office's details
 * and 生成申请表.
 */
export const BlockedByFirewall: Story = {
  name: 'Blocked by a firewall (mock 403 web page)',
  args: { src: 'mock/feed/request-form-blocked' },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    const alert = await stuck(el);
    await expect(alert.textContent).toContain('网上申请服务工作不正常');
    await expect(alert.textContent).not.toContain('内容不变');
    await expect(buttonIn(el.shadowRoot!, '提交申请')!.getAttribute('aria-disabled')).toBe('false');
    await expect(buttonIn(el.shadowRoot!, '重新提交')).toBeTruthy();
  },
};

/**
 * A refusal the applicant cannot fix: the intake server answers 422 with a code the element does not know
 * (`intakeSuspended`) and no field to correct. The alert gives the code and the server's own words, then 联系办理机关
 * with the office's details, and 生成申请表: applying in writing stays open (条例 Art. 29). No 重新提交, and 提交申请 is
 * unavailable (`aria-disabled`, described by the alert's last sentence): sending the same answers again would be refused
 * again. Pressed all the same, it sends nothing and says why again; it is available once an answer is changed (see
 * "Refused, then an answer changed").
 */
export const RefusedUnfixable: Story = {
  name: 'Refused, not fixable on the page (unknown code)',
  args: { src: 'mock/feed/request-form-refused' },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    const alert = await refuse(el);
    await expect(alert.textContent).toContain('intakeSuspended');
    await expect(buttonIn(el.shadowRoot!, '重新提交')).toBeUndefined();
    const send = buttonIn(el.shadowRoot!, '提交申请')!;
    await expect(send.getAttribute('aria-disabled')).toBe('true');
    await expect(alert.querySelector(`#${send.getAttribute('aria-describedby')}`)?.textContent).toContain('修改任一项后');
    (await inShadow<HTMLFormElement>(el, 'form[part~="review"]')).requestSubmit();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent).toContain('修改任一项后'));
    await expect(el.shadowRoot!.querySelector('[part~="send-status"][role="status"]')?.textContent?.trim()).toBe('');
  },
};

/**
 * The unknown-code refusal, then the applicant changed an answer (修改, a new name, 保存并返回核对页): 提交申请 is
 * available again and would send the changed application (with the same Idempotency-Key). The refusal, the office's
 * details and 生成申请表 stay until it is sent.
 */
export const RefusedThenChanged: Story = {
  name: 'Refused, then an answer changed (提交申请 available again)',
  args: { src: 'mock/feed/request-form-refused' },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await refuse(el);
    (await inShadow<HTMLButtonElement>(el, 'button[aria-label="修改：姓名"]')).click();
    typeInto(await inShadow<HTMLInputElement>(el, '#f-name'), '张三丰');
    (await inShadow<HTMLFormElement>(el, 'form[part~="step"]')).requestSubmit();
    const send = await inShadow<HTMLButtonElement>(el, '#send');
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBe('false'));
    await expect(el.shadowRoot!.querySelector('.panel[part~="send-status"] [part~="office"]')).toBeTruthy();
  },
};

/**
 * Another refusal the page cannot fix: 422 `idempotencyKeyReused` without a receipt (the applicant changed an answer
 * after an attempt whose answer was lost; the server stored that first version but gives no receipt of it). The alert
 * says the earlier version arrived and the changes did not, then 联系办理机关 with the office's details (with no receipt
 * given, the agency is the way to the stored application) and 生成申请表. The application's key is spent: 提交申请 stays
 * unavailable even after an answer is changed, and says why (清空表单 starts a new application, with a new key).
 */
export const RefusedKeyReused: Story = {
  name: 'Refused, not fixable on the page (key reused, no receipt)',
  args: { src: 'mock/feed/request-form-reused' },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const alert = await stuck(elementIn(canvasElement, 'request-form'));
    await expect(alert.textContent).toContain('这份申请此前已经提交过');
    await expect(alert.textContent).toContain('本页不能再次提交这份申请，修改内容后也不能');
  },
};

/**
 * The unknown-code refusal, and the applicant pressed 生成申请表: the paper 申请表 of the answers given, every option of the
 * choices printed with ☑ for the chosen ones and ☐ for the others, then where to post or hand it in and the office's
 * details. 返回修改 goes back to the form.
 */
export const RefusedPaperForm: Story = {
  name: 'Refused, paper form made (生成申请表 pressed)',
  args: { src: 'mock/feed/request-form-refused' },
  tags: ['expect:paper', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    buttonIn(await refuse(el), '生成申请表')!.click();
    const paper = await inShadow(el, '[part~="paper"]');
    await waitFor(() => expect(paper.textContent).toContain('☑'));
    await expect(paper.textContent).toContain('☐');
    await expect(paper.querySelector('[part~="office"]')?.textContent).toContain('0730-1234567');
  },
};

/**
 * The server answers 413 (`payloadTooLarge`, `limit: text`) to a form without attachments: it was the answers that were
 * too long. The alert asks to shorten the longest ones; the answers stay on the page, 修改 reaches them. Nothing about
 * attachments, and no office to contact: the applicant can fix it. Until they change an answer, 提交申请 is unavailable
 * (the same answers would be refused again), which the alert's last sentence says.
 */
export const TextTooLarge: Story = {
  name: 'Too large: the answers (413, no attachments)',
  args: { src: 'mock/feed/request-form-text-too-large' },
  tags: ['expect:send-status'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    const alert = await inShadow(el, '.panel.error[part~="send-status"]');
    await waitFor(() => expect(alert.textContent).toContain('填写的内容合计超过了网站允许的长度'));
    await expect(alert.querySelector('[part~="office"]')).toBeNull();
    await expect(alert.textContent).toContain('修改任一项后');
    await expect((await inShadow(el, '#send')).getAttribute('aria-disabled')).toBe('true');
  },
};

/**
 * The server answers 413 (`payloadTooLarge`, `limit: body`) to an application with an attachment: the attachments are
 * too large. The alert asks to remove some or compress the scans; the answers stay, and the files can be changed with
 * 修改. No office to contact: the applicant can fix it.
 */
export const FilesTooLarge: Story = {
  name: 'Too large: the attachments (413 with files)',
  args: { src: 'mock/feed/request-form-files-too-large' },
  tags: ['expect:send-status'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    typeInto(await inShadow<HTMLInputElement>(el, '#f-name'), '张三');
    typeInto(await inShadow<HTMLTextAreaElement>(el, '#f-description'), '君山区2024年财政预算执行情况报告（君政发〔2024〕3号）');
    const input = await inShadow<HTMLInputElement>(el, '#f-attachments');
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4 扫描件'], '身份证扫描件.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    (await inShadow<HTMLFormElement>(el, 'form[part~="step"]')).requestSubmit();
    (await inShadow<HTMLFormElement>(el, 'form[part~="review"]')).requestSubmit();
    const alert = await inShadow(el, '.panel.error[part~="send-status"]');
    await waitFor(() => expect(alert.textContent).toContain('附件合计超过了网站允许的大小'));
    await expect(alert.querySelector('[part~="office"]')).toBeNull();
  },
};

/**
 * The intake API is on another origin that does not allow this page (its CORS answer lists other origins): the page
 * gets no answer it may read, as after a network failure. After the retries (here one, after 50 ms) the element sends a
 * `no-cors` request to the endpoint, whose answer the browser lets through: the connection is fine, so the alert says
 * the website is set up wrongly (not "check your connection"), with 联系办理机关, the office's details and 生成申请表.
 * A second origin is simulated by `.storybook/mock.ts` as the browser treats it (nothing is requested); the browser's
 * own CORS check against a real second origin is in test/request-form.test.ts.
 */
export const CorsRefused: Story = {
  name: 'Refused by CORS (endpoint on another origin)',
  args: { src: 'mock/feed/request-form-cors', retryDelays: [50] },
  tags: ['expect:send-status', 'expect:office'],
  play: async ({ canvasElement }) => {
    const alert = await stuck(elementIn(canvasElement, 'request-form'));
    await expect(alert.textContent).toContain('网站设置有误，申请无法送达');
  },
};

/**
 * The server refuses some answers (422 with `error.fields`): the form goes back to their step, with the error summary
 * and each field's message beside it: a code the element knows (`charset`) in its own words, other text as the server
 * wrote it.
 */
export const ServerFieldErrors: Story = {
  name: 'Server field errors (422)',
  args: { src: 'mock/feed/request-form-invalid' },
  tags: ['expect:error-summary'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    const summary = await inShadow(el, '[part~="error-summary"]');
    await waitFor(() => expect(summary.querySelectorAll('li')).toHaveLength(2));
    await waitFor(() => expect(el.shadowRoot!.querySelector('form[part~="step"]')?.textContent).toContain('无法检索'));
  },
};

/**
 * The server names a field of the form and one the form does not have (the feed and the server disagree): the second is
 * listed apart in the error summary, which says it cannot be fixed on this page and whom to contact (联系办理机关, the
 * office's details from the feed). Fixing the name and submitting again sends the application anew.
 */
export const ServerErrorsOffForm: Story = {
  name: 'Server errors about fields not on the form (422)',
  args: { src: 'mock/feed/request-form-other-fields' },
  tags: ['expect:error-summary', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    const summary = await inShadow(el, '[part~="error-summary"]');
    await waitFor(() => expect(summary.querySelector('[part~="office"]')?.textContent).toContain('0730-1234567'));
    await waitFor(() => expect(summary.textContent).toContain('passportNo'));
  },
};

/**
 * The paper 申请表 of print mode: every option of a select, radio buttons and checkboxes is printed, ☑ for the chosen
 * ones, ☐ for the others (a screen reader hears 已勾选 / 未勾选); the declaration prints as ☑ and its words. Under the
 * table: where to post or hand it in, the agency by name, then 联系办理机关 with the office's details (opening hours
 * included; not there when the feed gives no `agency.office`).
 */
export const PaperForm: Story = {
  name: 'Paper form (print mode): every choice with ☑/☐',
  args: { src: 'mock/feed/request-form-paper' },
  tags: ['expect:paper', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await answerChoices(el);
    (await inShadow<HTMLFormElement>(el, 'form[part~="review"]')).requestSubmit();
    const paper = await inShadow(el, '[part~="paper"]');
    await waitFor(() => expect(paper.textContent).toContain('☐'));
  },
};

/**
 * The form's endpoint is plain `http:` on another host: the element never sends personal data there. It says so above
 * every step, with 联系办理机关 and the office's details on the first; the review offers 生成申请表 instead of 提交申请,
 * and the paper form to sign and post or hand in says so again under its title (not printed) and gives the office's
 * details again (nothing is sent). A feed loaded anew while an application is being sent (a new `src`), whose endpoint
 * is now plain http, ends the same way: nothing more is sent, the paper form.
 */
export const InsecureEndpoint: Story = {
  name: 'Insecure endpoint refused (http)',
  args: { src: 'mock/feed/request-form-insecure' },
  tags: ['expect:paper', 'expect:office'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'request-form');
    await fillAndSend(el);
    const paper = await inShadow(el, '[part~="paper"]');
    await waitFor(() => expect(paper.querySelector('[part~="office"]')?.textContent).toContain('0730-1234567'));
    await expect(paper.querySelector('[part~="insecure"]')?.textContent).toContain('https');
  },
};

/**
 * The applicant changed an answer after an attempt whose answer was lost, and sent again: the server had stored the
 * first version, so it answers with that application's receipt, and the element says the changes were not sent, with
 * the office's details to send them to.
 */
export const ChangedAfterLostAnswer: Story = {
  name: 'Receipt of the earlier version (changed after a lost answer)',
  args: { src: 'mock/feed/request-form-changed' },
  tags: ['expect:receipt', 'expect:office'],
  play: async ({ canvasElement }) => fillAndSend(elementIn(canvasElement, 'request-form')),
};

/** Answers the fixture form with choices (paper, refused): name, description, a select, checkboxes, a radio, the declaration; to the review. */
async function answerChoices(el: HTMLElement): Promise<void> {
  typeInto(await inShadow<HTMLInputElement>(el, '#f-name'), '张三');
  typeInto(await inShadow<HTMLTextAreaElement>(el, '#f-description'), '君山区2024年财政预算执行情况报告（君政发〔2024〕3号）');
  const select = await inShadow<HTMLSelectElement>(el, '#f-purpose');
  select.value = 'o0';
  select.dispatchEvent(new Event('change'));
  for (const id of ['#f-carrier-0', '#f-carrier-1', '#f-delivery-0', '#f-declaration']) (await inShadow<HTMLInputElement>(el, id)).click();
  (await inShadow<HTMLFormElement>(el, 'form[part~="step"]')).requestSubmit();
}

/** Answers the refused form, sends it, and returns the alert once it gives the office's details and 生成申请表. */
/**
 * Sends the answers (`fill`, then 提交申请) and waits for a refusal or failure the page cannot fix: the alert with the
 * office's details and 生成申请表.
 */
async function stuck(el: HTMLElement, fill = answerShortForm): Promise<HTMLElement> {
  await fill(el);
  (await inShadow<HTMLFormElement>(el, 'form[part~="review"]')).requestSubmit();
  const alert = await inShadow(el, '.panel.error[part~="send-status"]');
  await waitFor(() => expect(alert.querySelector('[part~="office"]')?.textContent).toContain('0730-1234567'));
  await waitFor(() => expect(buttonIn(alert, '生成申请表')).toBeTruthy());
  return alert;
}

/** The same, with the choices answered (the paper form prints them). */
const refuse = (el: HTMLElement) => stuck(el, answerChoices);

/** The button of `root` whose text is `text`. */
const buttonIn = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);

/** Answers the short fixture form (name, description) and goes to the review step. */
async function answerShortForm(el: HTMLElement): Promise<void> {
  typeInto(await inShadow<HTMLInputElement>(el, '#f-name'), '张三');
  typeInto(await inShadow<HTMLTextAreaElement>(el, '#f-description'), '君山区2024年财政预算执行情况报告（君政发〔2024〕3号）');
  (await inShadow<HTMLFormElement>(el, 'form[part~="step"]')).requestSubmit();
}

/** Answers the short fixture form, goes to the review step and submits. */
async function fillAndSend(el: HTMLElement): Promise<void> {
  await answerShortForm(el);
  (await inShadow<HTMLFormElement>(el, 'form[part~="review"]')).requestSubmit();
}
