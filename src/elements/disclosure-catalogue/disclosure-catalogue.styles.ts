import { css } from 'lit';

export const catalogueStyles = css`
  .root { container-type: inline-size; }
  /* The rows that wrap: the title area (.hd), the search form, the toolbar's labels (flex items: inline-flex would
     compute to flex), the chips, the page links and the toolbar. */
  .hd, .search, .toolbar label, .chips, .pages ul, .toolbar { display: flex; flex-wrap: wrap; align-items: center; }
  .hd { margin-bottom: 0.75em; align-items: baseline; gap: 0.25em 1em; }
  /* (A title's long word breaks in the line rather than running past the element: the .root's overflow-wrap.) */
  .hd h2 { margin: 0; font-size: 1.35em; line-height: 1.3; }
  .hd .publisher { color: var(--_muted); }
  .cols { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1em 1.5em; }
  /* Narrow: the filters behind their button (the three a row each, the rows' gap between them); wide: beside the
     results, always shown (.filters.filters wins). */
  .filters:not(.open) { display: none; }
  .filters-toggle { justify-self: start; }
  /* The skip link, first in the filters: seen when focused (a transform keeps it in the accessibility tree); not
     there when no filter is (its button alone in the column). */
  .skip:not(:focus) { scale: 0; position: absolute; }
  .skip:only-child { display: none; }
  @container (min-width: 44em) {
    .cols { grid-template-columns: 15em minmax(0, 1fr); }
    .filters-toggle { display: none; }
    .filters.filters { display: grid; }
  }
  /* No paint containment here: it would cut off the focus rings of the categories and facet values at the side. */
  .filters { display: grid; gap: 1em; contain: layout; align-content: start; }
  .filters legend, .filters h3 { margin: 0 0 0.3em; font-size: 1em; padding: 0; font-weight: 700; }
  fieldset { border: 0; margin: 0; padding: 0; }
  .facet label { display: flex; align-items: center; gap: 0.5em; min-height: 2em; padding: 0.2em 0; cursor: var(--_hand); }
  /* The label of a facet value or a category. */
  .text { flex: 1; }
  .count { color: var(--_muted); font-variant-numeric: tabular-nums; }

  .facet ul, .items, [role='tree'], [role='group'], .chips, .pages ul { margin: 0; list-style: none; padding: 0; }
  [role='group'] { padding-inline-start: 1.1em; }
  [role='treeitem'] { outline: none; }
  /* (A .node is a tree item's row: only tree items have one.) */
  .node {
    display: flex; align-items: center; gap: 0.3em; min-height: 2.2em; padding: 0.1em 0.3em;
    border-radius: var(--_radius); cursor: var(--_hand);
  }
  .node:hover { background: var(--_surface); }
  /* The focus ring inside the row (WCAG 2.4.13), on the element's own background, not the host page's at the side; on
     the chosen row, in its text colour (primary-contrast; HighlightText under forced colours), which the focus colour
     on the primary one is not (1.5:1 by default, 1:1 in the dark theme). (The chosen row's rule comes after, as
     specific: its outline colour wins.) */
  :focus-visible > .node { outline: 0.2em solid var(--_focus); outline-offset: -0.2em; }
  [aria-selected='true'] > .node { background: var(--_primary); color: var(--_on-primary); outline-color: currentColor; }
  [aria-selected='true'] > .node .count { color: inherit; }
  .twisty { flex: none; text-align: center; width: 1.5em; }

  .search { margin-bottom: 0.75em; gap: 0.5em; }
  .search label { font-weight: 700; }
  .search input { flex: 1 1 12em; }
  /* The browser's own grey is 3.9:1 on a dark or grey background: the placeholder is text, in the muted colour. */
  ::placeholder { color: var(--_muted); }
  .hint { color: var(--_muted); margin: 0.25em 0 0; font-size: 0.875em; width: 100%; }
  .toolbar { gap: 0.5em 1em; margin: 0.75em 0; }
  .toolbar .summary { font-weight: 700; margin: 0; flex: 1 1 100%; }
  .toolbar label { max-width: 100%; gap: 0.4em; }
  .chips { margin: 0 0 0.75em; gap: 0.4em; }
  .chips .btn { padding: 0.1em 0.6em; border-radius: calc(var(--_radius) * 4); min-height: 2em; }

  .items { border-top: 0.0625em solid var(--_border); }
  /* The side padding keeps the focus ring of an entry's title link and details button (0.35em outside them) whole: its
     containment clips what is painted outside it. */
  .items > li { border-bottom: 0.0625em solid var(--_border); padding: 0.75em 0.4em; contain: content; }
  /* Until the filter column is drawn (empty until then: filtersReady), the entries below the fold are not laid out, so
     the first rows appear sooner (bench: 182 -> 158 ms at 10,000 entries); each holds 10em meanwhile. Laid out once
     the first rows are shown: on a phone with large text an entry is taller than 10em, and the page grew under a
     reader who pressed End or focused 下一页, leaving the page links below the screen. */
  .filters:empty~* .items > li { content-visibility: auto; contain-intrinsic-size: auto 10em; }
  .item h3 { margin: 0 0 0.3em; font-size: 1.075em; line-height: 1.4; }
  .meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.1em 0.75em; margin: 0; font-size: 0.9375em; }
  /* An element 12em wide or less (a 320px screen at 200 %): a term above its value (beside it, the terms' column left
     the values none). */
  @container (max-width: 12em) { .meta { display: block; } }
  .meta > div { display: contents; }
  .meta dt { color: var(--_muted); }
  .meta dd { margin: 0; }
  /* Under each title: as many term-value pairs on a line as the list column holds (its width, not the element's,
     which also holds the filters), a pair broken only when it cannot fit on a line of its own: then its value goes
     under its term (a long publisher name), so the term keeps its words whole (squeezed beside the value, Publisher
     broke as Publishe / r). */
  .summary-meta { display: flex; flex-wrap: wrap; gap: 0.1em 1.5em; }
  .summary-meta > div { display: flex; flex-wrap: wrap; gap: 0 0.5em; }
  .validity-expired, .validity-repealed { color: var(--_danger); }
  .detail { margin-top: 0.5em; background: var(--_surface); padding: 0.75em; border-radius: var(--_radius); }
  .detail p { margin: 0 0 0.5em; white-space: pre-line; }
  .detail ul { margin: 0.25em 0; padding-inline-start: 1.25em; }
  .item .actions { margin-top: 0.3em; }

  .empty { padding: 1.5em 1em; text-align: center; border: 0.0625em dashed var(--_border); border-radius: var(--_radius); }
  .empty p { margin: 0 0 0.75em; }
  .pages ul { margin: 1em 0 0; gap: 0.3em; }
  .pages .btn[aria-current='page'] { background: var(--_primary); color: var(--_on-primary); border-color: var(--_primary); font-weight: 700; }
  .pages .gap { padding: 0 0.3em; color: var(--_muted); }
  .progress { color: var(--_muted); margin: 0.5em 0; }
  /* Entries of the last answer while the server works on the next: tinted, never faded (they stay readable: 1.4.3). */
  [aria-busy='true'] .items { background: var(--_surface); cursor: progress; }

  /* On paper the conditions searched stay, as framed text (检索：防汛 类别：…; not their × or 清除全部条件; the common
     styles print no button): without them a printed list did not say what it held. */
  @media print {
    .chips .btn { display: inline !important; }
    .filters, .search, .toolbar label, .chips .link, [aria-hidden], .pages, .actions { display: none !important; }
    .cols { display: block; }
    .detail { background: none; padding: 0; }
    .items > li { break-inside: avoid; }
  }
`;
