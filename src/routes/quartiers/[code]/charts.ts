// The QPV page's charts: each charted indicator's series against its reference territories, drawn
// on the chart thread as soon as the QPV's own reads and its references' series are in (meanwhile
// DuckDB reads its gaps and the main thread builds its tables), and its place among all QPV, drawn
// from its profile.
import { curly } from '$lib/french';
import { indicatorSeriesChart, type IndicatorSeriesOptions } from '$lib/charts/indicator-series';
import { qpvDistributionChart } from '$lib/charts/qpv-distribution';
import { READABLE_FONT } from '$lib/charts/render';
import { periodKindLabels } from '$lib/schemas/evaluation';
import type { Indicator } from '$lib/schemas/indicators';
import type { Provenance } from '$lib/schemas/provenance';
import { drawChart } from '$lib/server/chart-thread';
import { qpvChartIndicators } from '$lib/server/evaluation/key-indicators';
import type { QpvOwnReads, QpvProfile } from '$lib/server/evaluation/qpv-profile';
import {
	qpvTimelines,
	type QpvReferenceSeries,
	type QpvTimeline
} from '$lib/server/evaluation/qpv-timelines';
import { periodLabel } from '$lib/server/evaluation/synthesis-view';
import { listIndicators } from '$lib/server/queries/observations';
import { getProvenance } from '$lib/server/queries/sources';
import { sourceLine, type ChartBlock } from './view';

/** One chart per charted indicator the QPV publishes (none for a code that names no QPV). */
export async function seriesCharts(
	own: QpvOwnReads,
	references: Promise<QpvReferenceSeries>
): Promise<ChartBlock[]> {
	const [qpv, communes, series, referenceSeries, indicators, provenance] = await Promise.all([
		own.qpv,
		own.communes,
		own.series,
		references,
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
	const timelines = qpvTimelines(name, qpvChartIndicators, series, referenceSeries, names);
	// The chart thread draws all but the last one, which the main thread draws meanwhile: all three
	// there kept the main thread waiting for them (measured: idle a third of a render).
	return Promise.all(
		timelines.flatMap((t, i) => {
			const chart = chartOf(t, name, indicators, provenance, i < timelines.length - 1);
			return chart ? [chart] : [];
		})
	);
}

function chartOf(
	t: QpvTimeline,
	name: string,
	indicators: Indicator[],
	provenance: Map<string, Provenance>,
	onThread: boolean
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
	const svg = onThread
		? drawChart('indicatorSeries', t.rows, options)
		: Promise.resolve(indicatorSeriesChart(t.rows, options));
	return svg.then((svg) => ({ title, svg, sources }));
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
