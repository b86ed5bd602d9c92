/**
 * What the accessibility toolbars (无障碍/适老化 工具条) that Chinese government sites carry do to a page, modelled
 * on how real ones work (read, not copied): the 太阳湾/“canyou” toolbar (`gemgin/AmblyopiaTool`,
 * `mythxiaoai/test` 插件/无障碍), `qiutian00/assist-tool`, and a current class-based plugin (AccessibilityPlugin:
 * zoomTarget/contrastTarget/textOnlyTarget). Each function is one mode, written the way those scripts do it: none of
 * them looks into a shadow root.
 */

/** 页面缩放 (assist-tool): CSS `zoom` on each child of <body>. */
export function zoomBodyChildren(factor: number): () => void {
  const kids = [...document.body.children] as HTMLElement[];
  for (const el of kids) el.style.zoom = String(factor);
  return () => kids.forEach((el) => (el.style.zoom = ''));
}

/** 页面缩放 (AccessibilityPlugin): `transform: scale()` on <body>, from its top left corner. */
export function scaleBody(factor: number): () => void {
  const s = document.body.style;
  s.transform = `scale(${factor})`;
  s.transformOrigin = 'top left';
  return () => ((s.transform = ''), (s.transformOrigin = ''));
}

/**
 * 文字放大 as the common “font size walker” does it: every element under <body>
 * (`getElementsByTagName('*')`) gets an inline `font-size` of its computed size times `factor`, in px. Custom
 * elements are in that list (their own tag); what is inside their shadow roots is not.
 */
export function enlargeEveryElement(factor: number): () => void {
  const all = [...document.body.getElementsByTagName('*')] as HTMLElement[];
  const sizes = all.map((el) => parseFloat(getComputedStyle(el).fontSize));
  all.forEach((el, i) => (el.style.fontSize = `${sizes[i] * factor}px`));
  return () => all.forEach((el) => (el.style.fontSize = ''));
}

/**
 * A class on <body> that the toolbar's own stylesheet styles (high contrast, 纯文本, 大鼠标, the 适老 elder mode of
 * canyou's wza_elder.js): its rules are `body.cls *` with `!important`, which match the custom element's tag but
 * nothing in its shadow root.
 */
export function bodyClassMode(cls: string, rules: string): () => void {
  const style = document.createElement('style');
  style.textContent = rules;
  document.head.append(style);
  document.body.classList.add(cls);
  return () => (style.remove(), document.body.classList.remove(cls));
}

/** 配色 (canyou): inline `color` and `background-color` on every element of a list of HTML tags, found by walking `childNodes`. */
export function paintTags(color: string, background: string): () => void {
  const tags = /^(A|BODY|DIV|SPAN|P|TD|LI|UL|TABLE|H1|H2|H3|LABEL|INPUT|BUTTON|SELECT|TEXTAREA)$/;
  const painted: HTMLElement[] = [];
  const walk = (n: Node) => {
    if (n instanceof HTMLElement && tags.test(n.tagName)) {
      n.style.color = color;
      n.style.backgroundColor = background;
      painted.push(n);
    }
    n.childNodes.forEach(walk);
  };
  walk(document.body);
  return () => painted.forEach((el) => ((el.style.color = ''), (el.style.backgroundColor = '')));
}

/** 纯文本 (canyou): every stylesheet of the document disabled. */
export function disableStyleSheets(): () => void {
  const sheets = [...document.styleSheets].filter((s) => !s.disabled);
  sheets.forEach((s) => (s.disabled = true));
  return () => sheets.forEach((s) => (s.disabled = false));
}

/** The text a node gives without a layout (canyou's first try: text nodes' values, links and images named, title last). */
function canyouNodeText(n: Node): string {
  if (n.nodeType === Node.TEXT_NODE) return n.nodeValue!.trim();
  if (!(n instanceof Element)) return '';
  let out = '';
  if (n.tagName === 'IMG') out = n.getAttribute('alt') || n.getAttribute('title') || '';
  else for (const c of n.childNodes) out += canyouNodeText(c);
  if (n.tagName === 'A' && out) out = `链接 ${out}`;
  return out || n.getAttribute('title') || '';
}

/**
 * 指读/大字幕 as each toolbar picks the text of what the mouse is over, from a `mouseover` heard on the page. All but
 * the last take `event.target`, which for anything inside a shadow root is the custom element itself.
 */
export const readers = {
  /** assist-tool: by tag or role; a leaf, or an element of fewer than five children, by alt, title or innerText. */
  assistTool(e: Event): string {
    const t = e.target as HTMLElement;
    const text = (t as HTMLImageElement).alt || t.title || t.innerText;
    if (t.tagName === 'A') return `链接 ${text}`;
    return t.children.length < 5 && text ? `文本 ${text}` : '';
  },
  /** canyou: the child nodes' text, else innerText (textContent where there is none), else the title. */
  canyou(e: Event): string {
    const t = e.target as HTMLElement;
    return canyouNodeText(t) || (t.innerText ?? t.textContent ?? '').trim();
  },
  /**
   * AccessibilityPlugin's 大字幕: alt, title, placeholder, value or the element's own text nodes; an element without
   * any, and without children, by its tag's name (an unknown tag: the tag itself, lower case).
   */
  largeCaption(e: Event): string {
    const t = e.target as HTMLElement & { alt?: string; placeholder?: string; value?: string };
    const own = t.alt || t.title || t.placeholder || (typeof t.value == 'string' && t.value.trim()) ||
      [...t.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
    if (own) return own;
    if (t.children.length) return '';
    return ({ A: '链接', BUTTON: '按钮', INPUT: '输入框', IMG: '图片', SELECT: '下拉框' } as Record<string, string>)[t.tagName] ?? t.tagName.toLowerCase();
  },
  /** A reader that takes the innermost element of the event's path (`composedPath()[0]`), open shadow roots included. */
  composed(e: Event): string {
    const t = e.composedPath()[0] as HTMLElement;
    return (t.innerText ?? '').trim();
  },
};

/** 连读 (AccessibilityPlugin, canyou): the page's text, in order, from a TreeWalker (or a childNodes walk) over <body>. */
export function readPage(): string {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (/^(SCRIPT|STYLE)$/.test(n.parentElement!.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const out: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim()) out.push(n.textContent!.trim());
  return out.join(' ');
}
