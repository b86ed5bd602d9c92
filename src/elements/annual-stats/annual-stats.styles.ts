import { css } from 'lit';

export const annualStyles = css`
  /* (A word longer than the line breaks: the common .root's overflow-wrap; table cells keep theirs whole, below: the
     table scrolls.) */
  .root {
    container-type: inline-size;
    --_chart-1: var(--de-chart-1, var(--_primary));
    --_chart-2: var(--de-chart-2, #c25400);
    --_chart-3: var(--de-chart-3, #1e6b34);
    --_chart-4: var(--de-chart-4, #7b3fa0);
    --_chart-5: var(--de-chart-5, #8a6d00);
    --_chart-6: var(--de-chart-6, #b3261e);
  }
  /* On the dark background the bars need lighter colours to keep 3:1 (WCAG 1.4.11). */
  .root.dark {
    --_chart-1: var(--de-dark-chart-1, var(--_primary));
    --_chart-2: var(--de-dark-chart-2, #ff9e5e);
    --_chart-3: var(--de-dark-chart-3, #6fcf8a);
    --_chart-4: var(--de-dark-chart-4, #c9a0f0);
    --_chart-5: var(--de-dark-chart-5, #e3c34a);
    --_chart-6: var(--de-dark-chart-6, #ff8a80);
  }
  header h2 { margin: 0 0 0.25em; font-size: 1.35em; line-height: 1.3; }
  header .meta { display: flex; flex-wrap: wrap; gap: 0.25em 1em; color: var(--_muted); margin: 0 0 0.75em; }
  .badge { border: 0.0625em solid var(--_warning); color: var(--_warning); border-radius: var(--_radius); padding: 0 0.4em; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin: 0 0 1em; }
  .toolbar label { font-weight: 700; }
  section { margin: 1.5em 0; }
  section h3 { font-size: 1.15em; margin: 0 0 0.5em; }
  section h4 { margin: 0.75em 0 0.25em; }
  p.text { margin: 0 0 0.75em; white-space: pre-line; }
  .panel ul { margin: 0.25em 0; padding-inline-start: 1.25em; }

  /* A table wider than its box is shaded on the side it goes on (a phone's or a Mac's scroll bar is not drawn until
     touched: Table 三's 总计 was out of sight, with nothing to say so). The shades stay put; a cover the colour of the
     page moves with the table and hides each one at its end. Over the figures (the headers keep their own ground). */
  .table-wrap {
    overflow-x: auto;
    margin: 0.5em 0;
    background: linear-gradient(90deg, var(--_bg) 40%, #0000) 0 / 2em no-repeat local,
      linear-gradient(270deg, var(--_bg) 40%, #0000) 100% / 2em no-repeat local,
      linear-gradient(90deg, color-mix(in srgb, var(--_text) 25%, #0000), #0000) 0 / 1em no-repeat,
      linear-gradient(270deg, color-mix(in srgb, var(--_text) 25%, #0000), #0000) 100% / 1em no-repeat;
  }
  /* The focused table's outline inside it: its box would cut off one drawn outside. Where :has() works, on the box
     instead, inside it: the table's own scrolled out of view with it (a browser without :has() drops the two rules that say so). */
  table:focus-visible { outline-offset: -0.2em; }
  .table-wrap:has(:focus-visible) { outline: 0.2em solid var(--_focus); outline-offset: -0.2em; }
  .table-wrap:has(:focus-visible) :focus-visible { outline: 0; box-shadow: none; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 100%; }
  /* A caption wraps in the width the reader sees (100cqi: .root's), not the width of a table that scrolls. */
  caption, .caption { text-align: start; font-weight: 700; padding: 0.25em 0; caption-side: top; margin: 0; max-width: 100cqi; }
  /* Table 二 as one table per clause block, drawn as one: same fixed columns, shared borders. */
  .split > table { table-layout: fixed; width: 100%; }
  .split > table+table { margin-top: -0.0625em; }
  .split col.label { width: 40%; }
  /* English words are not cut: on a phone, Table 二 is as wide as its longest words need, and its scroll area scrolls. */
  /* Its figures' columns (a fifth of it) hold a four-digit figure (1,380) in large text or at 200 %: 18em is the width of
     a 320px screen's column at the normal size, where nothing changes; in a larger font it scrolls (1,380 ran into the
     next cell in Chinese in large text). */
  .split { min-width: 18em; }
  .split:lang(en) { min-width: 36em; }
  /* (break-word: a cell is as wide as its longest word, but in Table 二's fixed columns a word wider than its column with
     a reader's letter spacing, such as "Procurement", breaks rather than running into the next cell.) */
  th, td { border: 0.0625em solid var(--_border); padding: 0.3em 0.5em; overflow-wrap: break-word; }
  th, td.corner { font-weight: 400; text-align: start; background: var(--_surface); }
  /* Every column or column-group header is in a thead (Table 二's column labels, in its blocks, stay as they are). */
  thead th { text-align: center; }
  thead th, th.clause, th.total { font-weight: 700; }
  /* A figure, and the header of a column of them (数值, which broke into 数/值 beside a long label and note). */
  .n { text-align: end; white-space: nowrap; }
  td.nr { background: repeating-linear-gradient(135deg, transparent 0 0.3em, var(--_surface) 0.3em 0.6em); }
  /* Smaller, muted text: the corner cell, notes, units, the legend. */
  td.corner, td.note, .unit, .legend { font-size: 0.875em; color: var(--_muted); }
  .table3 tbody th:not(.section, .group) { min-width: 12em; }
  /* A column header or row group breaks between words, not inside a Chinese one (商业/企业, 结果/维持, 不予/公开;
     before: 商业企/业, 结果维/持, 不予公/开): words() puts a <wbr> between them. So Tables 三 and 四 fit a portal's
     content column. English headers are at least 4.5em wide. */
  thead th, .section, .group { word-break: keep-all; }
  :is(.table3, .table4) thead th[scope='col']:lang(en) { min-width: 4.5em; }
  .legend { margin: 0.25em 0; }
  .legend::before { content: ''; display: inline-block; width: 1.5em; height: 0.9em; margin-inline-end: 0.4em; vertical-align: middle;
    border: 0.0625em solid var(--_border); background: repeating-linear-gradient(135deg, transparent 0 0.3em, var(--_surface) 0.3em 0.6em); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0.25em 0 1em; }

  figure { margin: 1em 0; }
  figcaption { font-weight: 700; margin-bottom: 0.25em; }
  /* A bar chart's box is as tall as its bars need (data-height, set in updated()). */
  .chart { position: relative; height: 18em; }
  .chart canvas { display: block; max-width: 100%; }

  @media print {
    .toolbar, .actions, .trend-pick { display: none !important; }
    .table-wrap { overflow: visible; background: none; }
    table { font-size: 9pt; min-width: 0; width: 100%; }
    .split { min-width: 0 !important; }
    /* Paper does not scroll: Table 三's 10 columns and Table 四's 15 must fit the page width, so header cells lose
       their screen minimum widths. */
    th { min-width: 0 !important; }
    /* English words are long and are not cut (no hyphenation dictionary on every system): smaller column headers, and
       Table 四's fifteen turned on their side, read bottom to top as on printed statistics. */
    thead th:lang(en) { font-size: 0.8em; }
    .table4 thead tr:last-child th:lang(en) { writing-mode: vertical-rl; transform: rotate(180deg); text-align: start; padding: 0.4em 0.2em; }
    .table3 thead th[scope='col'] { min-width: 5em !important; width: 1px; }
    th, td { padding: 0.2em 0.3em; background: none !important; }
    td.nr::after { content: '—'; }
    /* A row is kept whole, but not one that heads a span of rows (Table 三's 20-row 三、): kept whole with its span, it
       went to the next page, leaving most of a page blank, and was cut there all the same. A rule of its own: a browser
       without :has() drops the whole rule it is in. */
    figure, .chart { break-inside: avoid; }
    tr:not(:has([rowspan])) { break-inside: avoid; }
    /* On paper a chart takes less room, and a page holds even a chart of many bars with its caption: at most 22 cm
       (A4 is 29.7 cm; in em, large text or a reader's larger font would make it more than a page). */
    .chart { height: 16em; max-height: 22cm; }
    .panel { background: none; }
  }
  @media (forced-colors: active) {
    th, td { border-color: CanvasText; }
    .table-wrap { background: none; }
    /* A canvas is not recoloured by forced colours: the charts take system colours instead (canvas resolves them to
       the user's palette), or their labels would stay dark grey on a black background. */
    .root.root {
      --_text: CanvasText; --_border: GrayText;
      --_chart-1: Highlight; --_chart-2: LinkText; --_chart-3: CanvasText; --_chart-4: GrayText; --_chart-5: VisitedText;
      --_chart-6: ButtonText;
    }
  }
`;
