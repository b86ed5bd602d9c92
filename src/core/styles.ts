import { css } from 'lit';

/**
 * Design tokens and shared styles. The theming contract is the `--de-*` custom properties (documented in the
 * README); everything is sized in `em` from a host font size of `medium` (the reader's own default size), so a host
 * page's `html { font-size: 62.5% }` or a 12px CMS body does not shrink the elements.
 */
export const baseStyles = css`
  :host {
    --de-size: 1em;
    display: block;
    box-sizing: border-box;
    contain: layout style;
    direction: ltr;
  }
  :host([hidden]) { display: none; }
  /* Not inherited from the host: an old CMS's "* { box-sizing: content-box }" matches the host and wins over :host. */
  *, *::before, *::after { box-sizing: border-box; }

  /* Typography is set on .root, not :host: a host page's rules (e.g. "* { font-size: 12px }") match the host element
     itself and would win over :host, but they cannot reach inside the shadow root. */
  .root {
    font-size: var(--de-font-size, medium);
    line-height: var(--de-line-height, 1.6);
    font-family: var(--de-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    text-align: start;
    font-weight: normal;
    font-style: normal;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    /* A word longer than its line (an English heading at 200 % on a 320px screen) breaks rather than running past the
       element (WCAG 1.4.10). anywhere, not break-word: a box in a row or a grid column may then be narrower than
       its longest word (at 200 % text, large text and a reader's spacing together, the form's step list, the catalogue's
       publisher line, filters and details ran past the screen); boxes still take their words' width where the line
       has it, so nothing breaks that fits (test/reflow-spacing.test.ts looks for broken words). */
    overflow-wrap: anywhere;
    --_text: var(--de-color-text, #1f1f1f);
    --_muted: var(--de-color-text-muted, #595959);
    --_bg: var(--de-color-background, #ffffff);
    --_surface: var(--de-color-surface, #f5f6f7);
    --_border: var(--de-color-border, #c4c8cc);
    --_field: var(--de-color-field-border, #767676);
    --_primary: var(--de-color-primary, #0b5cad);
    --_on-primary: var(--de-color-primary-contrast, #ffffff);
    --_link: var(--de-color-link, #0b5cad);
    --_focus: var(--de-color-focus, #c25400);
    --_danger: var(--de-color-danger, #b3261e);
    --_danger-bg: var(--de-color-danger-background, #fdecea);
    --_warning: var(--de-color-warning, #7a4b00);
    --_warning-bg: var(--de-color-warning-background, #fff4d6);
    --_success: var(--de-color-success, #1e6b34);
    --_mark: var(--de-color-highlight, #ffe58f);
    --_radius: var(--de-radius, 0.25em);
    --_hand: var(--de-cursor-pointer, pointer);
    color: var(--_text);
    background: var(--_bg);
  }
  /* Large-text mode (适老化): every child of .root is scaled, so em-based sizes and targets grow together. Every child
     also takes the host's own size when that is larger (--de-size: the host's 1em in px, registered in base.ts), so
     an accessibility toolbar that enlarges text by setting each element's font-size reaches inside, while a smaller
     CMS size ("* { font-size: 12px }") still shrinks nothing. (:where: a child's own size, request-status's h2, wins.) */
  .root.large > * {
    font-size: max(1.25em, var(--de-size));
  }
  .root.large {
    line-height: 1.8;
  }
  :where(.root) > * {
    font-size: max(1em, var(--de-size));
  }
  /* Dark scheme: theme="dark", or theme="auto" while the system is dark (base.ts follows the media query). Its box,
     dark on a light page, has room inside: its text touched its edges. */
  .root.dark {
    padding: 0.75em;
    --_text: var(--de-dark-color-text, #ececec);
    --_muted: var(--de-dark-color-text-muted, #b8b8b8);
    --_bg: var(--de-dark-color-background, #16181b);
    --_surface: var(--de-dark-color-surface, #23272b);
    --_border: var(--de-dark-color-border, #5c636a);
    --_field: var(--de-dark-color-field-border, #8a9199);
    --_primary: var(--de-dark-color-primary, #8cc4ff);
    --_on-primary: var(--de-dark-color-primary-contrast, #0b1a2a);
    --_link: var(--de-dark-color-link, #8cc4ff);
    --_focus: var(--de-dark-color-focus, #ffb347);
    --_danger: var(--de-dark-color-danger, #ffb4ab);
    --_danger-bg: var(--de-dark-color-danger-background, #3b1512);
    --_warning: var(--de-dark-color-warning, #ffd27a);
    --_warning-bg: var(--de-dark-color-warning-background, #33280e);
    --_success: var(--de-dark-color-success, #8fd6a1);
    --_mark: var(--de-dark-color-highlight, #6b5400);
    /* Native controls (checkboxes, radios, the file button, scrollbars) follow the dark scheme too. */
    color-scheme: dark;
  }
  a { color: var(--_link); text-decoration: underline; text-underline-offset: 0.15em; }
  a:hover { text-decoration-thickness: 0.15em; }
  /* Focus: the outline (3:1 against the background) between two bands of the element's background, the gap inside it
     and a ring outside it (a box shadow, under the outline), so that it shows at 3:1 on a host page of the other
     lightness too (theme="dark" on a white page: the light outline alone was 1.8:1 there). A focusable <li> (a tree
     item) draws its own ring: a shadow round the whole item would cover its neighbours. */
  :not(li):focus-visible { outline: 0.2em solid var(--_focus); outline-offset: 0.15em; box-shadow: 0 0 0 0.5em var(--_bg); }
  mark { background: var(--_mark); color: var(--_text); padding: 0 0.05em; }

  /* The browser's own styles set these on controls; the reader's text spacing (WCAG 1.4.12) must reach them too. In a
     quirks-mode host page (old CMS templates have no doctype) tables do not inherit colour and font either: they would
     stay black and 16px inside a dark or large-text element (line-height too: the font shorthand includes it). */
  button, input, select, textarea, table {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    margin: 0;
  }
  /* An accessibility toolbar's 大鼠标 (big cursor) sets its own on the page, which does not reach these: its hand set
     here under the toolbar's class (README). */
  button, a[href] { cursor: var(--_hand); }
  .btn {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.5em;
    min-width: 2.5em;
    padding: 0.35em 0.9em;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    line-height: 1.3;
    text-decoration: none;
    /* Its text stays inside it when the line is narrower than the text's longest word (“Start a new application” on a
       receipt at 200 % with text spacing ran out of its button): the parts of a chip wrap, a word breaks where it must
       (.root's overflow-wrap). */
    flex-wrap: wrap;
  }
  .btn:hover { background: var(--_surface); }
  .btn.primary { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); }
  .btn.link { border-color: transparent; background: transparent; color: var(--_link); text-decoration: underline; padding-inline: 0.3em; }
  /* (.btn.link before the unavailable state, as specific: a link-styled button unavailable for now (修改 while sending) looks it too.) */
  /* Hover and unavailable states keep the text's contrast (AA) in any theme whose documented pairs have it: a primary
     button is underlined (it was brightened, which took white on a mid red such as #d32f2f under 4.5:1), and one
     unavailable is muted text on the surface colour (opacity took any button under 4.5:1, a primary one under 3:1). */
  .btn.primary:hover { text-decoration: underline; }
  .btn[disabled], .btn[aria-disabled='true'] { background: var(--_surface); color: var(--_muted); cursor: not-allowed; }

  /* Every <input> but boxes, radios and files: search, text, email, tel, date (the same specificity as input[type=…]). */
  input:not([type='checkbox'], [type='radio'], [type='file']), select, textarea {
    min-height: 2.5em;
    padding: 0.35em 0.6em;
    /* A field's border is all that shows where it is: at least 3:1 (WCAG 1.4.11), darker than separators. */
    border: 0.0625em solid var(--_field);
    border-radius: var(--_radius);
    background: var(--_bg);
    max-width: 100%;
  }
  /* A closed picker too narrow for its choice (a long name in large text, at 200 %, with wider letter spacing) ends it
     with an ellipsis: the reader sees that it goes on (the open list shows it whole). */
  select { text-overflow: ellipsis; }
  input[type='checkbox'], input[type='radio'] { width: 1.15em; height: 1.15em; accent-color: var(--_primary); }

  .vh {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    /* No border or padding reset: clip-path hides the whole box, and position takes it out of the flow. */
    margin: -1px !important;
  }

  .panel {
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin: 0.75em 0;
    color: var(--_text);
  }
  .panel.error { border-color: var(--_danger); background: var(--_danger-bg); }
  .panel.warning { border-color: var(--_warning); background: var(--_warning-bg); }
  .panel h2, .panel h3 { margin: 0 0 0.4em; font-size: 1.05em; }
  .panel p { margin: 0.25em 0; }
  .loading { min-height: 12em; color: var(--_muted); padding: 1em 0; }
  .skeleton { display: grid; gap: 0.6em; margin-top: 0.75em; }
  /* The pulse is not for readers who ask for reduced motion: the rule below stops every animation for them. */
  .skeleton span {
    display: block; height: 1.1em; border-radius: var(--_radius); background: var(--_surface);
    animation: de-pulse 1.4s ease-in-out infinite;
  }
  .skeleton .short { width: 70%; }
  @keyframes de-pulse { 50% { opacity: 0.5; } }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
  }
  @media (forced-colors: active) {
    .btn, input, select, textarea, .panel { border-color: CanvasText; }
    .btn.primary { background: ButtonText; color: ButtonFace; forced-color-adjust: none; }
    /* A button unavailable for now (aria-disabled, so it stays focusable) in the system's colour for that, as a disabled
       one is: opacity alone leaves a primary button looking pressable. */
    .btn[aria-disabled='true'] { background: Canvas; color: GrayText; border-color: GrayText; }
    /* Forced colours replace backgrounds, which is all that marks a search match, a chosen tree item (its .node) and
       the current page: they keep the system's highlight, over the elements' own (more specific) colours. */
    mark, [aria-selected='true'] > .node, [aria-current='page'] {
      forced-color-adjust: none; background: Highlight !important; color: HighlightText !important;
    }
    :focus-visible { outline-color: Highlight; }
  }
  @media print {
    .no-print, button, .btn { display: none !important; }
    /* Every outline here is a focus ring, and paper has no keyboard: an element focused on screen prints no frame. */
    * { outline: 0 !important; }
    /* Black on white whatever the theme: .root.root wins over .root.dark (earlier, as specific). */
    .root.root { --_text: #000; --_muted: #000; --_bg: #fff; --_surface: #fff; --_border: #000; --_link: #000; color-scheme: light; }
  }
`;
