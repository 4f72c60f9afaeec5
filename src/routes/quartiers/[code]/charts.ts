// The QPV page's charts: each charted indicator's series against its reference territories and its
// boundary, drawn on the chart thread as soon as the QPV's page reads are in (meanwhile DuckDB reads
// its whole series and its gaps, and the main thread builds its tables), and its place among all
// QPV, drawn from its profile (on the main thread: the histograms are memoised there).
import { curly } from '$lib/french';
import type { IndicatorSeriesOptions } from '$lib/charts/indicator-series';
import { qpvDistributionChart } from '$lib/charts/qpv-distribution';
import { READABLE_FONT } from '$lib/charts/render';
import { periodKindLabels } from '$lib/schemas/evaluation';
import type { Indicator } from '$lib/schemas/indicators';
import type { Provenance } from '$lib/schemas/provenance';
import type { ChartBatch } from '$lib/server/chart-thread';
import { qpvChartIndicators } from '$lib/server/evaluation/key-indicators';
import type { QpvOwnReads, QpvProfile } from '$lib/server/evaluation/qpv-profile';
import {
	qpvTimelines,
	type QpvChartSeries,
	type QpvTimeline
} from '$lib/server/evaluation/qpv-timelines';
import { periodLabel } from '$lib/server/evaluation/synthesis-view';
import { listIndicators } from '$lib/server/queries/observations';
import type { QpvIdentity } from '$lib/server/queries/quartiers';
import { getProvenance } from '$lib/server/queries/sources';
import { sourceLine, type ChartBlock } from './view';

/** One chart per charted indicator the QPV publishes (none for a code that names no QPV). */
export async function seriesCharts(
	own: QpvOwnReads,
	chartSeries: Promise<QpvChartSeries>,
	batch: ChartBatch
): Promise<ChartBlock[]> {
	const [qpv, communes, series, indicators, provenance] = await Promise.all([
		own.qpv,
		own.communes,
		chartSeries,
		listIndicators(),
		getProvenance()
	]);
	if (!qpv) return [];
	const name = qpv.name ?? qpv.code;
	const names = new Map(
		communes.flatMap((c) => [
			[c.code, c.name],
			[c.current_code ?? c.code, c.name]
		])
	);
	const timelines = qpvTimelines(name, qpvChartIndicators, series, names);
	// Posted to the chart thread from the page reads: the main thread has the QPV's whole series
	// and gaps to read and its tables to build meanwhile, then draws those not started yet.
	return Promise.all(
		timelines.flatMap((t) => {
			const chart = chartOf(t, name, indicators, provenance, batch);
			return chart ? [chart] : [];
		})
	);
}

function chartOf(
	t: QpvTimeline,
	name: string,
	indicators: Indicator[],
	provenance: Map<string, Provenance>,
	batch: ChartBatch
): Promise<ChartBlock> | null {
	// The profile's view of an indicator is the catalogue's entry of a series the QPV has.
	const indicator = indicators.find((i) => i.id === t.indicatorId);
	if (!indicator) return null;
	const xLabel = periodKindLabels[t.periodKind];
	const title = `${curly(indicator.label)} : ${name}`;
	const sources = sourceLine(t.sourcePaths, provenance);
	const options: IndicatorSeriesOptions = {
		title: `${curly(indicator.label)}, ${name}, par ${xLabel.toLowerCase()}`,
		unit: indicator.unit,
		indicatorLabel: curly(indicator.label),
		xLabel,
		breaks: t.breaks.map((b) => b.period),
		width: 440,
		height: 280,
		fontSize: READABLE_FONT
	};
	return batch.draw('indicatorSeries', t.rows, options).then((svg) => ({ title, svg, sources }));
}

/** The QPV's boundary, drawn on the chart thread once its identity is read (null without one). */
export async function boundaryMap(
	identity: Promise<QpvIdentity | undefined>,
	batch: ChartBatch
): Promise<string | null> {
	const qpv = await identity;
	if (!qpv?.boundary) return null;
	const name = qpv.name ?? qpv.code;
	return batch.draw(
		'qpvBoundaryMap',
		{ code: qpv.code, name, geometry: qpv.boundary },
		{ title: `Contour du quartier ${name}`, width: 320, height: 320 }
	);
}

/** The QPV's latest value of each charted indicator on the distribution of all QPV. */
export function distributionCharts(profile: QpvProfile): ChartBlock[] {
	const { qpv, provenance } = profile;
	const views = profile.pillars.flatMap((p) => p.views);
	return profile.distributions.map((d) => ({
		title: `${curly(d.indicator.label)} : place parmi tous les QPV (${periodLabel(d.period, d.periodKind)})`,
		svg: qpvDistributionChart(d.rows, {
			title: `Répartition des QPV selon ${d.indicator.label.toLowerCase()}, ${periodLabel(d.period, d.periodKind)}`,
			unit: d.indicator.unit,
			indicatorLabel: d.indicator.label,
			selectedCode: qpv.code,
			selectedLabel: 'ce quartier',
			width: 400,
			height: 240,
			fontSize: READABLE_FONT
		}),
		sources: sourceLine(
			views
				.find((v) => v.indicator.id === d.indicator.id)
				?.series.filter((o) => (o.period ?? o.vintage) === d.period)
				.map((o) => o.source_path) ?? [],
			provenance
		)
	}));
}
