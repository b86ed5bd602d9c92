/**
 * The chart loader of the single-file CDN builds (swapped in for load-charts.ts by scripts/build.mjs): chart.js is
 * not inside dist/disclosure-elements.js but in dist/disclosure-elements.charts.js beside it, fetched by URL only
 * when an <annual-stats> draws its first chart.
 */
import { scriptBase } from '../../core/script-base.js';

type ChartsModule = typeof import('./charts.js');

export const loadCharts = (): Promise<ChartsModule> =>
  import(/* @vite-ignore */ new URL('disclosure-elements.charts.js', scriptBase()).href) as Promise<ChartsModule>;
