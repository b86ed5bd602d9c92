export const loadCharts = () => import('./charts.js');
