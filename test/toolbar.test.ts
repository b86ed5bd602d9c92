// What a reader gets from the elements when the page's accessibility toolbar (无障碍/适老化 工具条) is on. The toolbars'
// modes are modelled in test/toolbars.ts, the way the real scripts do them.
import { expect, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/request-status.js';
import '../src/request-form.js';
import '../src/annual-stats.js';
import { chartOn } from '../src/elements/annual-stats/charts.js';
import { expectAccessible, mountHtml, storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { formFeed } from './request-fixtures.js';
import { bodyClassMode, disableStyleSheets, enlargeEveryElement, paintTags, readers, readPage, scaleBody, zoomBodyChildren } from './toolbars.js';

type El = HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> };
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);

/** A catalogue and a status lookup in a page with `css` (an old CMS's 12px, say), the catalogue with a fallback link. */
async function page(css = '', large = false): Promise<[El, El]> {
  const wrap = mountHtml(html`<style>${css}</style
    ><disclosure-catalogue src=${await storeFeed(smallCatalogue())} no-url-state ?large-text=${large}
      ><a href="/xxgk/list.html">查看旧版目录</a></disclosure-catalogue
    ><request-status src=${await storeFeed(formFeed())} no-url-state ?large-text=${large}></request-status>`);
  const els = [...wrap.querySelectorAll('disclosure-catalogue, request-status')] as El[];
  for (const el of els) await el.loaded;
  for (const el of els) await el.updateComplete;
  return els as [El, El];
}

describe('a page’s accessibility toolbar (无障碍/适老化 工具条)', () => {
  const undo: (() => void)[] = [];
  afterEach(async () => {
    undo.splice(0).reverse().forEach((f) => f());
    await resetMouse();
  });

  it('文字放大 by setting every element’s font-size (the common walker): the elements’ text grows with the size their tag is given; a smaller CMS size still does not shrink it', async () => {
    for (const [css, large] of [['', false], ['* { font-size: 12px }', false], ['', true]] as const) {
      const [cat, status] = await page(css, large);
      const title = $(cat, '.item h3');
      const field = $(status, '#code');
      const before = [px(title), px(field)];
      // On a 12px CMS page the elements are as on a plain page: sized from the reader's medium (16px), as before.
      expect(before[0], `${css} large ${large}`).to.equal((large ? 1.25 : 1) * 16 * 1.075);
      undo.push(enlargeEveryElement(1.5));
      await cat.updateComplete;
      const host = px(cat);
      const grown = [px(title) / before[0], px(field) / before[1]];
      const what = `${css || 'plain page'}${large ? ', large text' : ''}: host ${host}px, title ${px(title)}px`;
      // The host went from the page's size to 1.5 times it: 24px on a plain page, 18px on the 12px page. Inside, the
      // text is at least the host's size (a large-text element: it was 20px already, and is now 24px at the least).
      expect(host, what).to.equal(css ? 18 : 24);
      const factor = Math.max(1, host / ((large ? 1.25 : 1) * 16));
      expect(grown[0], what).to.be.closeTo(factor, 0.01);
      expect(grown[1], what).to.be.closeTo(factor, 0.01);
      // Twice (a second press of 放大): 27px on the 12px page; the text follows.
      undo.push(enlargeEveryElement(1.5));
      expect(px(title) / before[0], what).to.be.closeTo(Math.max(1, px(cat) / ((large ? 1.25 : 1) * 16)), 0.01);
      await expectAccessible(cat);
      undo.splice(0).reverse().forEach((f) => f());
      expect(px(title), `${what}, reset`).to.equal(before[0]);
      cat.parentElement!.remove();
    }
  });

  it('文字放大 on an annual report: its charts’ labels grow with its text (drawn again at the new size)', async () => {
    const wrap = mountHtml(html`<annual-stats src="/demo/feeds/annual/2022.json" no-url-state></annual-stats>`);
    const el = wrap.firstElementChild as El;
    await el.loaded;
    const canvases = () => [...el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
    type Ticks = { options: { scales: { x: { ticks: { font: { size: number } } } } } };
    const labelSize = () => canvases().map((c) => (chartOn(c) as Ticks | undefined)?.options.scales.x.ticks.font.size);
    await waitUntil(() => canvases().length && labelSize().every(Boolean), 'charts drawn', 8000);
    expect(new Set(labelSize())).to.deep.equal(new Set([13]));
    undo.push(enlargeEveryElement(1.5));
    // The text around them is 24px now: the labels are 24 × 0.8125.
    await waitUntil(() => labelSize().every((s) => s == 20), `labels at 20px (${labelSize()})`, 8000);
  });

  it('文字放大 by the walker on an application form: its step heading and its fields grow with the tag', async () => {
    const wrap = mountHtml(html`<request-form src=${await storeFeed(formFeed())} no-url-state></request-form>`);
    const form = wrap.firstElementChild as El;
    await form.loaded;
    await form.updateComplete;
    const parts = [$(form, '#step-h'), $(form, 'label'), $(form, 'button.primary')];
    const before = parts.map(px);
    undo.push(enlargeEveryElement(1.5));
    parts.forEach((p, i) => expect(px(p) / before[i], p.tagName).to.be.closeTo(1.5, 0.01));
    await expectAccessible(form);
  });

  it('the host’s size is a registered property: once per page (a second copy of the script finds it so, and goes on)', () => {
    expect(() => CSS.registerProperty({ name: '--de-size', syntax: '<length>', inherits: true, initialValue: '0' })).to.throw();
  });

  it('文字放大 or 适老模式 by a class and the toolbar’s own “body.cls * { font-size }” rule: the elements’ text takes that size', async () => {
    const [cat, status] = await page('* { font-size: 12px }');
    undo.push(bodyClassMode('elderClass', 'body.elderClass * { font-size: 22px !important; }'));
    await cat.updateComplete;
    expect(px(cat)).to.equal(22);
    // Each child of the element's box is 22px at the least; a heading inside it larger still (1.075em of it).
    expect(px($(cat, '.item h3'))).to.be.closeTo(22 * 1.075, 0.01);
    expect(px($(status, '#code'))).to.equal(22);
    await expectAccessible(cat);
  });

  it('大鼠标 (the toolbar’s cursor on “body.cls *”) reaches the elements’ text, and their buttons and links once the page sets --de-cursor-pointer (their own pointer before); 十字光标 hears the mouse move over them', async () => {
    const [cat] = await page();
    undo.push(bodyClassMode('wza-cursor', 'body.wza-cursor * { cursor: url("data:image/png;base64,AA=="), auto !important; }'));
    expect(getComputedStyle($(cat, '.item h3')).cursor).to.match(/^url\(/);
    expect(getComputedStyle($(cat, 'button')).cursor).to.equal('pointer');
    expect(getComputedStyle($(cat, '.item h3 a')).cursor).to.equal('pointer');
    // The page gives them the toolbar's hand under its class (README): buttons and links take it.
    const hand = document.createElement('style');
    hand.textContent = 'body.wza-cursor disclosure-catalogue { --de-cursor-pointer: url("data:image/png;base64,AQ=="), pointer; }';
    document.head.append(hand);
    undo.push(() => hand.remove());
    expect(getComputedStyle($(cat, 'button')).cursor).to.match(/^url\(.*AQ==.*pointer$/);
    expect(getComputedStyle($(cat, '.item h3 a')).cursor).to.match(/^url\(.*AQ==.*pointer$/);
    // And the catalogue's clickable rows: a filter's label, a category.
    for (const sel of ['.facet label', '.node']) expect(getComputedStyle($(cat, sel)).cursor, sel).to.match(/^url\(.*AQ==.*pointer$/);
    const moves: [number, number][] = [];
    const move = (e: MouseEvent) => moves.push([e.clientX, e.clientY]);
    document.addEventListener('mousemove', move);
    undo.push(() => document.removeEventListener('mousemove', move));
    const r = $(cat, '.item h3').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.x + 5), Math.round(r.y + 5)] });
    await waitUntil(() => moves.length, 'a mousemove');
    expect(moves.at(-1)).to.deep.equal([Math.round(r.x + 5), Math.round(r.y + 5)]);
  });

  it('文字放大 on <html> alone: followed where the page’s body sets no size of its own (the tag inherits it), not under a CMS’s own size', async () => {
    const html = document.documentElement.style;
    undo.push(() => (html.fontSize = ''));
    for (const css of ['', 'body { font-size: 12px }']) {
      const [cat] = await page(css);
      const before = px($(cat, '.item h3'));
      html.fontSize = '24px';
      expect(px($(cat, '.item h3')) / before, css || 'plain page').to.be.closeTo(css ? 1 : 1.5, 0.01);
      html.fontSize = '';
      cat.parentElement!.remove();
    }
  });

  it('keyboard 指读 (focusin heard on the page): its target is the element’s tag too; composedPath()[0] is the field', async () => {
    const [, status] = await page();
    const heard: [EventTarget | null, EventTarget][] = [];
    const hear = (e: FocusEvent) => heard.push([e.target, e.composedPath()[0]]);
    document.addEventListener('focusin', hear);
    undo.push(() => document.removeEventListener('focusin', hear));
    $(status, '#code').focus();
    expect(heard.at(-1)).to.deep.equal([status, $(status, '#code')]);
  });

  it('页面缩放 (zoom on the page’s blocks, or a scale transform on <body>): everything inside grows with the page', async () => {
    const [cat] = await page();
    const h = () => $(cat, '.item h3').getBoundingClientRect().height;
    const before = h();
    undo.push(zoomBodyChildren(1.5));
    expect(h() / before).to.be.closeTo(1.5, 0.05);
    undo.pop()!();
    undo.push(scaleBody(1.5));
    expect(h() / before).to.be.closeTo(1.5, 0.05);
  });

  it('指读/大字幕: a toolbar reading event.target hears only the element’s tag (or its fallback link); one reading composedPath()[0] hears what is pointed at', async () => {
    const [cat] = await page();
    // Read in the handler, as the toolbars do (an event's path is empty once it has been dispatched).
    const heard: { target: EventTarget | null; read: Record<keyof typeof readers, string> }[] = [];
    const hear = (e: Event) => heard.push({ target: e.target, read: { assistTool: readers.assistTool(e), canyou: readers.canyou(e), largeCaption: readers.largeCaption(e), composed: readers.composed(e) } });
    document.body.addEventListener('mouseover', hear);
    undo.push(() => document.body.removeEventListener('mouseover', hear));
    const title = $(cat, '.item h3 a');
    const r = title.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.x + 10), Math.round(r.y + r.height / 2)] });
    const e = await waitUntil(() => heard.at(-1), 'a mouseover');
    expect(e.target).to.equal(cat);
    expect(document.elementFromPoint(r.x + 10, r.y + r.height / 2)).to.equal(cat);
    expect(e.read.composed).to.have.length.above(5);
    expect(title.textContent).to.contain(e.read.composed);
    // What the toolbars that read event.target get, anywhere over the catalogue (see README, “Accessibility toolbars”):
    // assist-tool nothing (the host's innerText is empty), canyou the fallback link that the page put inside the tag
    // (not shown), the plugin's caption the tag's name.
    expect(e.read.assistTool).to.equal('');
    expect(e.read.canyou).to.equal('链接 查看旧版目录');
    expect(e.read.largeCaption).to.equal('');
    // Without the fallback link, the plugin's caption shows “disclosure-catalogue”.
    cat.replaceChildren();
    await resetMouse();
    const n = heard.length;
    await sendMouse({ type: 'move', position: [Math.round(r.x + 10), Math.round(r.y + r.height / 2)] });
    await waitUntil(() => heard.length > n, 'another mouseover');
    expect(heard.at(-1)!.read.largeCaption).to.equal('disclosure-catalogue');
    expect(heard.at(-1)!.read.composed).to.equal(e.read.composed);
  });

  it('连读 (a TreeWalker over the page’s text) does not go into the elements', async () => {
    await page();
    expect(readPage()).not.to.contain('关于做好春季农业生产工作的通知').and.not.to.contain('关于印发农业补贴办法的通知');
  });

  it('高对比度/配色 and 纯文本: the elements keep their own colours and layout (accessible); a toolbar’s class can set their --de-* colours', async () => {
    const [cat] = await page();
    const root = $(cat, '.root');
    const own = getComputedStyle(root).backgroundColor;
    undo.push(paintTags('rgb(255, 255, 0)', 'rgb(0, 0, 0)'));
    expect(getComputedStyle(root).backgroundColor).to.equal(own);
    await expectAccessible(cat);
    undo.pop()!();
    undo.push(disableStyleSheets());
    expect(getComputedStyle(root).backgroundColor).to.equal(own);
    expect(getComputedStyle($(cat, '.item h3')).fontWeight).to.not.equal('');
    await expectAccessible(cat);
    undo.pop()!();
    // The toolbar's own stylesheet: `body.cls *` with !important reaches the tag only; the tokens set there reach in.
    undo.push(bodyClassMode('wza-contrast', `body.wza-contrast * { color: #ff0 !important; background: #000 !important; }
      body.wza-contrast :is(disclosure-catalogue, request-status) { --de-color-text: #ff0; --de-color-text-muted: #ff0;
        --de-color-background: #000; --de-color-surface: #000; --de-color-link: #0ff; --de-color-primary: #ff0;
        --de-color-primary-contrast: #000; --de-color-border: #ff0; --de-color-field-border: #ff0; --de-color-danger: #ff0;
        --de-color-danger-background: #000; --de-color-warning: #ff0; --de-color-warning-background: #000;
        --de-color-success: #ff0; --de-color-highlight: #00f; }`));
    expect(getComputedStyle(root).backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(root).color).to.equal('rgb(255, 255, 0)');
    await expectAccessible(cat);
  });
});
