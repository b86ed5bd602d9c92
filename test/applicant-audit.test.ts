// What driving the demo portal's application flow as an elderly or disabled applicant found (keyboard only, 320 px with
// large text, forced colours, the accessibility tree, slow networks): each test was seen failing on the code before its fix.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/request-form.js';
import type { RequestForm } from '../src/request-form.js';
import { pastRightEdge, scriptEndpoint, shadowText, storeFeed } from './helpers.js';
import { $, answerToReview, fill, formFeed, next, waitUntil } from './request-fixtures.js';

type El = RequestForm & HTMLElement;
const RECEIPT = { requestId: 'r-1', queryCode: 'K7QM4XPA9R', receivedAt: '2026-09-30T02:00:00Z', dueDate: '2026-11-03', status: 'received' };

/** A form sending to an endpoint answering `steps`, filled up to its review. */
async function reviewed(steps: Parameters<typeof scriptEndpoint>[0], file = false): Promise<El> {
  const src = await storeFeed(formFeed({ mode: 'api', endpoint: await scriptEndpoint(steps), encoding: file ? 'multipart' : 'json' }));
  const el = await fixture<El>(html`<request-form src=${src}></request-form>`);
  await el.loaded;
  await fill(el, { applicantType: 'naturalPerson' });
  await answerToReview(el, file ? [new File(['x'.repeat(10)], 'id.pdf', { type: 'application/pdf' })] : undefined);
  return el;
}

afterEach(() => sessionStorage.clear());

describe('<request-form> as an applicant on a slow line uses it', () => {
  it('an upload still going on after 10 s is not said to be the server’s slowness: 服务器响应较慢 comes only 10 s after its last progress', async () => {
    // A slow line as XMLHttpRequest reports it: upload progress every 0.5 s for 10.5 s, then the receipt.
    const real = window.XMLHttpRequest;
    (window as { XMLHttpRequest: unknown }).XMLHttpRequest = class {
      upload: { onprogress?: (e: ProgressEvent) => void } = {};
      status = 0;
      responseText = '';
      onload?: () => void;
      open() {}
      setRequestHeader() {}
      getResponseHeader() {
        return null;
      }
      abort() {}
      send() {
        for (let ms = 500; ms <= 10500; ms += 500) {
          setTimeout(() => this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded: ms, total: 10500 })), ms);
        }
        setTimeout(() => Object.assign(this, { status: 201, responseText: JSON.stringify(RECEIPT) }).onload?.(), 10800);
      }
    };
    try {
      const el = await reviewed([{ status: 201, body: RECEIPT }], true);
      await next(el);
      await new Promise((r) => setTimeout(r, 10300));
      // The bar shows the upload going on: the words say it is being sent, not that the server is slow to answer.
      expect(Number($<HTMLProgressElement>(el, '.send progress').value)).to.be.within(90, 99);
      expect(shadowText(el, '[part="send-status"]')).to.contain('正在提交申请').and.not.contain('服务器响应较慢');
      // The status says its words only: the bar (named 上传进度) is beside it, else its name is said with no figure.
      expect(shadowText(el, '[role="status"][part="send-status"]')).to.equal('正在提交申请，请稍候…');
      expect($(el, '.send progress').closest('label')!.textContent!.trim()).to.equal('上传进度');
      await waitUntil(() => $(el, '[part="receipt"]'), 'the receipt', 2000);
    } finally {
      window.XMLHttpRequest = real;
    }
  });
});

describe('<request-form> on a phone with large text (320 px; 1280 px at 400 %)', () => {
  it('the receipt’s query code stays on one line, on the screen: a code broken over two lines reads as two, or loses its end', async () => {
    const el = await reviewed([{ status: 201, body: RECEIPT }]);
    // The portal's column on a 320 px phone, less its margins; 长者模式 (large text).
    el.style.width = '300px';
    el.setAttribute('large-text', '');
    await next(el);
    const code = await waitUntil(() => $(el, '[part="receipt"] .code'), 'the receipt');
    await el.updateComplete;
    expect(code.textContent).to.equal('K7QM4XPA9R');
    const r = document.createRange();
    r.selectNodeContents(code);
    expect(r.getClientRects().length, 'lines of the code').to.equal(1);
    expect(pastRightEdge(el)).to.deep.equal([]);
    // Still large: no smaller than the large text around it.
    expect(parseFloat(getComputedStyle(code).fontSize)).to.be.at.least(parseFloat(getComputedStyle($(el, '[part="receipt"] .help')).fontSize) * 1.4);
  });
});

describe('<request-form> as a screen reader has it', () => {
  it('its title and intro are no banner landmark: on a page without <main> (an old CMS template) the site’s banner, or none, is the only one', async () => {
    const el = await fixture<El>(html`<request-form src=${await storeFeed(formFeed())}></request-form>`);
    await el.loaded;
    interface AX { role: string; name: string; children?: AX[] }
    const roles: string[] = [];
    const walk = (n: AX) => {
      roles.push(n.role);
      n.children?.forEach(walk);
    };
    walk(await executeServerCommand<AX, undefined>('a11y-tree'));
    expect(roles).to.include('heading');
    expect(roles).to.not.include('banner');
  });
});

describe('<request-form> while its application is being sent', () => {
  it('修改 and 清空表单, unavailable then (aria-disabled), look it: muted like the other unavailable buttons, not links that do nothing when pressed', async () => {
    const el = await reviewed([{ status: 201, body: RECEIPT, delay: 1500 }]);
    const change = $(el, 'button[aria-label^="修改"]');
    const link = getComputedStyle(change).color;
    await next(el);
    await waitUntil(() => change.getAttribute('aria-disabled') === 'true', 'sending');
    const muted = getComputedStyle($(el, '.help')).color;
    for (const b of [change, $(el, '#clear-open')]) {
      expect(b.getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(b).color, b.textContent!).to.equal(muted);
      expect(muted).to.not.equal(link);
      expect(getComputedStyle(b).cursor).to.equal('not-allowed');
    }
    await waitUntil(() => $(el, '[part="receipt"]'), 'the receipt', 4000);
  });
});
