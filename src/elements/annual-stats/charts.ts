/**
 * Every use of chart.js in the library. Loaded on demand (load-charts.ts) only when an <annual-stats> draws a chart;
 * the CDN build ships it as a separate file. Only what is drawn is registered: bar charts (vertical and horizontal),
 * their category and linear scales, tooltip and legend.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartHandle, ChartSpec, ChartTheme } from './chart-spec.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Draws a bar chart of `spec` on `canvas` (whose parent is a relatively positioned, sized box). */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, theme: ChartTheme, reducedMotion: boolean): ChartHandle {
  const multi = spec.datasets.length > 1;
  const colour = (i: number) => theme.palette[i % theme.palette.length];
  const axis = { ticks: { color: theme.text }, grid: { color: theme.grid }, border: { color: theme.grid } };
  const fmt = new Intl.NumberFormat(spec.locale);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        backgroundColor: multi ? colour(i) : colour(0),
        borderWidth: 0,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 400 },
      locale: spec.locale,
      font: { family: theme.font },
      color: theme.text,
      plugins: {
        legend: { display: multi, labels: { color: theme.text, font: { family: theme.font } } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${fmt.format(c.parsed[spec.horizontal ? 'x' : 'y'] ?? 0)}` } },
      },
      scales: {
        x: { ...axis, beginAtZero: true },
        y: { ...axis, beginAtZero: true },
      },
    },
  });
  return { destroy: () => chart.destroy(), resize: () => chart.resize() };
}

/** Test hook: how many charts exist, and the chart on a canvas (undefined once destroyed). */
export const chartCount = (): number => Object.keys(Chart.instances).length;
export const chartOn = (canvas: HTMLCanvasElement): unknown => Chart.getChart(canvas);
