/** The data a chart draws, and what the element passes to charts.ts. Types only: no chart code here. */
export interface ChartSpec {
  /** Horizontal bars (long category labels). */
  horizontal?: boolean;
  /** Category labels (bars, or years for a trend). */
  labels: string[];
  /** One series per dataset; null = not reported (no bar). */
  datasets: { label: string; data: (number | null)[] }[];
  /** A breakdown (the application outcomes): each bar in its own palette colour, `--de-chart-1` … `--de-chart-6`. */
  byCategory?: boolean;
  /** BCP 47 locale for number formatting in ticks and tooltips. */
  locale: string;
}

/** Colours and font read from the element's theme (custom properties on its root). */
export interface ChartTheme {
  /** `--de-chart-1` … `--de-chart-6`. */
  palette: string[];
  text: string;
  grid: string;
  font: string;
  /** Label size in px: 13 beside the default 16px text, and larger in large-text mode (适老化). */
  size: number;
}

export interface ChartHandle {
  destroy(): void;
  resize(): void;
}

export type DrawChart = (canvas: HTMLCanvasElement, spec: ChartSpec, theme: ChartTheme, reducedMotion: boolean) => ChartHandle;
