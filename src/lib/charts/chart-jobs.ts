// The charts a worker thread may draw for the server (src/lib/server/chart-thread.ts): pure
// functions by name, and the URL of this module as it runs, which the worker imports.
import { indicatorSeriesChart } from './indicator-series';
import { qpvBoundaryMap } from './maps';

export const chartJobs = { indicatorSeries: indicatorSeriesChart, qpvBoundaryMap };
export type ChartJobName = keyof typeof chartJobs;

/** `file:` URL of this module: of its bundled chunk in the built server, of this source in dev. */
export const chartJobsUrl: string = import.meta.url;
