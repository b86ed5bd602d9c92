/**
 * Every use of chart.js in the library. Loaded on demand (load-charts.ts) only when an <annual-stats> draws a chart;
 * the CDN build ships it as a separate file. Only what is drawn is registered: bar charts (vertical and horizontal),
 * their category and linear scales, tooltip and legend.
 */
import { BarController, BarElement, CategoryScale, Chart, DomPlatform, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartHandle, ChartSpec, ChartTheme } from './chart-spec.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * Charts as sharp as the page shows them. The 无障碍 toolbars of government sites enlarge a page with CSS `zoom` or
 * with `transform: scale(1.5)` on <body> or a wrapper: a chart drawn for window.devicePixelRatio alone was stretched
 * and blurred. The scale is the canvas's size on screen over its layout size (both zoom and transforms count); read at
 * each resize, and again when the page may have been scaled (watchScale).
 */
class ZoomedPlatform extends DomPlatform {
  canvas?: HTMLCanvasElement;
  override acquireContext(canvas: HTMLCanvasElement, options?: CanvasRenderingContext2DSettings) {
    this.canvas = canvas;
    return super.acquireContext(canvas, options);
  }
  override getDevicePixelRatio(): number {
    const c = this.canvas;
    // Not laid out (or scaled to nothing): 1, and chart.js's resize observation draws it again once it is shown.
    return super.getDevicePixelRatio() * ((c && c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).width)) || 1);
  }
}

/**
 * The charts drawn, checked in the next frame after anything that may scale the page: no observer tells of a
 * transform (a resize observation counts layout sizes only). Checked: a style or class attribute changed anywhere in
 * the page's own DOM (how toolbars set the scale, and restore it when a page loads), a click (a toolbar adding a style
 * sheet), the end of a transition (a scale animated), a window resize (a scale set by a media query). A chart drawn
 * for another scale is drawn again; otherwise nothing is redrawn.
 */
const drawn = new Set<Chart>();
let frame = 0;
const recheck = () => {
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    // Stopped first: chart.js puts off a resize asked for during an animation until the animation draws again, which
    // it may never do (its animation loop ends for good when something throws in a draw).
    for (const c of drawn) if (c.canvas.offsetWidth && c.platform.getDevicePixelRatio() !== c.currentDevicePixelRatio) c.stop().resize();
  });
};
const scaled = new MutationObserver(recheck);
const SCALE_EVENTS = ['click', 'transitionend', 'resize'];
function watchScale(chart: Chart, on: boolean): void {
  if (on) drawn.add(chart);
  else drawn.delete(chart);
  if (drawn.size !== +on) return;
  for (const type of SCALE_EVENTS) (on ? addEventListener : removeEventListener)(type, recheck, true);
  if (on) scaled.observe(document.documentElement, { subtree: true, attributeFilter: ['style', 'class'] });
  else scaled.disconnect();
}

/** A word of Latin text with the spaces after it, or one CJK character (Chinese breaks between any two). */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g;

/** `text` broken into lines of at most `max` pixels (measured with `ctx`'s font); a word wider than a line by characters. */
function breakLines(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    for (const piece of ctx.measureText(token.trim()).width > max ? [...token] : [token]) {
      if (line && ctx.measureText((line + piece).trimEnd()).width > max) {
        out.push(line.trimEnd());
        line = piece.trimStart();
      } else line += piece;
    }
  }
  if (line.trim()) out.push(line.trimEnd());
  return out;
}

/**
 * A category label in at most `lines` lines of at most `max` pixels. When it does not fit, a "row · column" label
 * loses letters of its row part before the row's last word ("Admin… licensing · Decisions", "Admin… penalties ·
 * Decisions"), so that bars of one row still differ by their column and bars of rows that begin alike by their row's
 * last word; failing that, the row (so shortened) has a line of its own and the column the lines left. Any other label
 * loses its end. The whole label stays in the tooltip, the chart's text summary and its data table.
 */
export function wrapLabel(ctx: CanvasRenderingContext2D, text: string, max: number, lines = 2): string[] {
  let out = breakLines(ctx, text, max);
  const cut = text.lastIndexOf(' · ');
  if (out.length > lines && cut > 0) {
    const sp = text.lastIndexOf(' ', cut - 1) + 1;
    const last = sp ? text.slice(sp - 1, cut) : '';
    const rows = [text.slice(0, cut)];
    for (let head = text.slice(0, sp ? sp - 1 : cut); head;) rows.push(`${head = head.slice(0, -1).trimEnd()}…${last}`);
    let own: string[] | undefined;
    for (const row of rows) {
      const o = breakLines(ctx, row + text.slice(cut), max);
      if (o.length <= lines) return o;
      own ??= ctx.measureText(`${row} ·`).width <= max ? [`${row} ·`, ...breakLines(ctx, text.slice(cut + 3), max)] : undefined;
    }
    out = own ?? out;
  }
  if (out.length <= lines) return out;
  let end = out[lines - 1];
  while (end && ctx.measureText(`${end}…`).width > max) end = end.slice(0, -1);
  return [...out.slice(0, lines - 1), `${end.trimEnd()}…`];
}

/** Draws a bar chart of `spec` on `canvas` (whose parent is a relatively positioned, sized box). */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, theme: ChartTheme, reducedMotion: boolean): ChartHandle {
  const multi = spec.datasets.length > 1;
  const colour = (i: number) => theme.palette[i % theme.palette.length];
  // Sized from the element's text, so large-text mode enlarges the charts' labels too (Chart.js's default is 12px).
  const font = { family: theme.font, size: theme.size };
  const axis = { ticks: { color: theme.text, font }, grid: { color: theme.grid }, border: { color: theme.grid } };
  const fmt = new Intl.NumberFormat(spec.locale);
  // Counts get whole-number ticks (no 0.2 … 1.8 applications on a small trend); amounts keep their fractions.
  const whole = spec.datasets.every((d) => d.data.every((v) => v === null || Number.isInteger(v)));
  const chart = new Chart(canvas, {
    platform: ZoomedPlatform,
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        backgroundColor: multi ? colour(i) : spec.byCategory ? d.data.map((_, k) => colour(k)) : colour(0),
        borderWidth: 0,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      // None: chart.js then asks the platform at each resize (its default, a scripted option, is read once per update,
      // a resize late for a new scale).
      devicePixelRatio: 0,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 400 },
      locale: spec.locale,
      font,
      color: theme.text,
      plugins: {
        legend: { display: multi, labels: { color: theme.text, font } },
        tooltip: { titleFont: { ...font, weight: 'bold' }, bodyFont: font, callbacks: { label: (c) => `${c.dataset.label}: ${fmt.format(c.parsed[spec.horizontal ? 'x' : 'y'] ?? 0)}` } },
      },
      scales: {
        // A horizontal chart's figures level, with a gap of a character's size between them: on a phone in large-text
        // mode chart.js kept every one, reckoning them tilted, or with its 3 px gap, and they ran together (1,0002,0003,000).
        x: { ...axis, beginAtZero: true, ...(spec.horizontal && { ticks: { ...axis.ticks, maxRotation: 0, autoSkipPadding: font.size, ...(whole && { precision: 0 }) } }) },
        y: {
          ...axis,
          beginAtZero: true,
          // Horizontal bars' long labels (Table 二 rows) on a narrow screen: wrapped into two lines of at most 45 % of
          // the chart's width instead of cut at the canvas edge, and none skipped.
          ...(spec.horizontal ? {
            ticks: {
              ...axis.ticks,
              autoSkip: false,
              callback(value) {
                const ctx = this.chart.ctx;
                const saved = ctx.font;
                ctx.font = `${theme.size}px ${theme.font}`;
                const lines = wrapLabel(ctx, this.getLabelForValue(Number(value)), this.chart.width * 0.45);
                ctx.font = saved;
                return lines;
              },
            },
          } : whole && { ticks: { ...axis.ticks, precision: 0 } }),
        },
      },
    },
  });
  // Escape hides a hover tooltip (WCAG 1.4.13: content on hover can be dismissed without moving the pointer).
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !chart.tooltip?.getActiveElements().length) return;
    chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  };
  document.addEventListener('keydown', onKey);
  watchScale(chart, true);
  return {
    destroy: () => {
      document.removeEventListener('keydown', onKey);
      watchScale(chart, false);
      chart.destroy();
    },
    resize: () => chart.resize(),
  };
}

/** Test hook: how many charts exist, and the chart on a canvas (undefined once destroyed). */
export const chartCount = (): number => Object.keys(Chart.instances).length;
export const chartOn = (canvas: HTMLCanvasElement): unknown => Chart.getChart(canvas);
