import { css } from 'lit';

/** Styles shared by <request-form> and <request-status>. */
export const requestFormStyles = css`
  h2 { font-size: 1.4em; margin: 0 0 0.3em; }
  /* A heading right inside the root (request-status' title) in large text: 1.4 × 1.25, not the other children's 1.25. */
  .root.large > h2 { font-size: 1.75em; }
  h3 { font-size: 1.2em; margin: 0.8em 0 0.4em; }
  h4 { font-size: 1.05em; margin: 1em 0 0.3em; }
  [tabindex='-1']:focus { outline: none; }
  [tabindex='-1']:focus-visible, .summary h3:focus { outline: 0.2em solid var(--_focus); }
  .agency { font-weight: bold; margin: 0 0 0.5em; }
  .help, .count, .timeline time { color: var(--_muted); }
  .help { margin: 0.2em 0 0.4em; }
  .req { font-weight: normal; color: var(--_danger); }
  .progress p { margin: 0.8em 0 0.3em; font-weight: bold; }
  .progress ol { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; margin: 0; padding: 0; list-style: none; counter-reset: s; color: var(--_muted); }
  .progress li { counter-increment: s; }
  .progress li::before { content: counter(s) '. '; }
  .progress li[aria-current] { color: var(--_text); font-weight: bold; text-decoration: underline; text-underline-offset: 0.3em; }
  .progress li.past { color: var(--_text); }
  /* Done steps are marked by more than their colour (WCAG 1.4.1); the mark is not read (the hidden （已完成） is). */
  .progress li.past::after { content: ' ✓' / ''; }
  .field { margin: 0 0 1.2em; padding: 0; border: 0; min-width: 0; }
  .field > label, legend { display: block; font-weight: bold; margin-bottom: 0.2em; padding: 0; }
  .field.invalid { border-inline-start: 0.25em solid var(--_danger); padding-inline-start: 0.75em; }
  .field.invalid input:not([type='checkbox'], [type='radio']), .field.invalid select, .field.invalid textarea { border-color: var(--_danger); border-width: 0.125em; }
  .field-error, .count.over, .summary a, .overdue { color: var(--_danger); font-weight: bold; }
  .field-error, .count { margin: 0.2em 0; }
  input[type='text'], input[type='email'], input[type='tel'], textarea, select { width: 100%; max-width: 36em; }
  input[type='file'] { max-width: 100%; }
  textarea { min-height: 6em; }
  .choice { display: flex; align-items: center; gap: 0.5em; margin: 0.3em 0; min-height: 2em; }
  .choice input { flex: none; }
  /* (min-width: a label's long word breaks beside its radio button rather than running past the element.) */
  .choice label { font-weight: normal; min-width: 0; }
  .files, .summary ul { margin: 0.3em 0; padding-inline-start: 1.2em; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 1.2em 0; }
  .answers { margin: 0; }
  .answers > div { display: grid; grid-template-columns: minmax(8em, 1fr) 2fr auto; gap: 0.5em; padding: 0.5em 0; border-bottom: 0.0625em solid var(--_border); }
  .answers dt { font-weight: bold; }
  .answers dd { margin: 0; }
  .answers dd.v, .paper td { white-space: pre-wrap; }
  .send progress { display: block; width: 100%; max-width: 24em; height: 1em; }
  .clear { margin-top: 1.5em; }
  /* A query code of ten characters fits the receipt's width on one line (a phone with large text broke it in two),
     also with a reader's wider letter spacing (WCAG 1.4.12: 0.12em). */
  .code { font-size: min(2em, 13cqi); font-weight: bold; letter-spacing: 0.08em; font-family: ui-monospace, monospace; margin: 0.1em 0; user-select: all; }
  .receipt, .paper { border: 0.0625em solid var(--_border); border-radius: var(--_radius); padding: 1em; }
  /* The receipt of a submitted application: the confirmation colour (--de-color-success) along its side. */
  [part='receipt'] { border-inline-start: 0.375em solid var(--_success); }
  .paper h2 { text-align: center; }
  .paper table { width: 100%; border-collapse: collapse; }
  /* An answer breaks anywhere (a long address or link would widen the table past the screen); a question only where a
     word cannot fit, in a column of 6em at least (8em on paper): a long answer beside it took the width, squeezing
     questions to two characters a line (Descri|ption). */
  .paper th, .paper td { border: 0.0625em solid var(--_border); padding: 0.4em 0.5em; text-align: start; vertical-align: top; overflow-wrap: break-word; }
  .paper td { overflow-wrap: anywhere; }
  .paper th[scope='row'] { min-width: 6em; }
  /* A phone with large text has room for about 14 characters a line: a question's long word (Correspondence) took half
     of it, its answer two characters a line, and with text spacing (WCAG 1.4.12) the table ran past the screen. There
     a question breaks where it must, and the answer keeps a column of its own width. */
  .paper, .receipt { container-type: inline-size; }
  @container (max-width: 24em) { .paper th[scope='row'] { min-width: 4em; overflow-wrap: anywhere; } }
  .paper th.block { width: 2.5em; text-align: center; }
  /* A section's title, at its start (on paper, the page where it starts), written downwards in a box of its own: a
     cell in another writing mode cannot break across pages (Chromium), and took the section's rows to the next page
     with it, however many pages they filled. Chinese is stacked a character a line, not set in vertical-rl, where a
     font without vertical metrics (WenQuanYi Zen Hei) gives each character no height: all painted on one spot, and
     over the rows below. English is turned on its side. */
  .block span { display: inline-block; width: min-content; }
  .block span:lang(en) { writing-mode: vertical-rl; }
  .paper td.sign { height: 3em; }
  /* Narrower still (a 320px screen with the browser's text at 200 %), the cells one under another: a section's title,
     then each question and its answer (side by side, the section's column and the questions' took the whole width). */
  @container (max-width: 10em) {
    .paper :is(table, tbody, tr, th, td) { display: block; }
    .paper th.block { width: auto; }
    .paper .block span { display: inline; }
  }
  /* The rows to sign and date stay together on one page. */
  .paper tbody:last-child { break-inside: avoid; }
  .timeline { list-style: none; padding: 0; border-inline-start: 0.2em solid var(--_border); margin: 0.5em 0 0 0.4em; }
  .timeline li { padding: 0 0 0.8em 1em; }
  .timeline time { display: block; }
  @media print {
    header, .progress, .clear, [part='warning'], [part='insecure'] { display: none !important; }
    /* The status page's answer (a .receipt) prints without the lookup form above it. A rule of its own: where :has is
       unknown, only it is dropped (the form prints). */
    form:has(~ .receipt) { display: none; }
    .receipt, .paper { border: 0; padding: 0; }
    /* On paper the link to the status page is its address. */
    [part='receipt'] a::after { content: ' ' attr(href); }
    /* A row breaks across pages only inside a cell of 6 lines or more, 3 kept on each side (and not in the space to
       sign): a short row stays whole; a long answer runs on over the next page, where kept whole it went to the next
       page, leaving the rest of this one blank, and was broken there all the same if taller than a page. (Firefox has
       no orphans/widows: any row may break between lines.) A long answer leaves the questions a column of 8em, not
       one of a character. */
    .paper th, .paper td { border-color: #000; orphans: 3; widows: 3; }
    .paper th[scope='row'] { min-width: 8em; }
    .paper h2 { break-after: avoid; }
  }
  @media (max-width: 40em) {
    /* (minmax: a term longer than the line breaks in it.) */
    .answers > div { grid-template-columns: minmax(0, 1fr); }
  }
`;
