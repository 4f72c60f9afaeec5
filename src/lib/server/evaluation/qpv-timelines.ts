// The QPV charts' data: each charted indicator's canonical series for the QPV and for the
// territories it is compared with in each data year (its communes, EPCI of the year, département,
// France métropolitaine for a metropolitan QPV), with the declared breaks.
import type { PeriodKind, QpvReference, SeriesBreak } from '$lib/schemas/evaluation';
import { QPV_CHART_INDICATORS } from '$lib/schemas/page-models';
import { getSeriesBreaks, type QpvChartPoint, type QpvOwnChartPoint } from '../queries/evaluation';
import type { QpvPageReads } from '../queries/quartiers';

export interface TimelineRow {
	series: string;
	year: number;
	value: number | null;
	status: string;
}

export interface QpvTimeline {
	indicatorId: string;
	periodKind: PeriodKind;
	rows: TimelineRow[];
	breaks: SeriesBreak[];
	sourcePaths: string[];
}

const kindLabels: Record<string, string> = {
	epci: 'EPCI de l’année',
	departement: 'Département',
	france_metropolitaine: 'France métropolitaine'
};

/**
 * The charted indicators' series of the QPV itself and of the territories it is compared with,
 * and the breaks.
 */
export interface QpvChartSeries {
	/** The QPV's own points, by indicator and period. */
	own: QpvOwnChartPoint[];
	references: Pick<QpvReference, 'territory_type' | 'territory_code' | 'data_year'>[];
	points: QpvChartPoint[];
	breaks: SeriesBreak[];
}

/**
 * The charts' series, all from the QPV's page reads (issued by the page first, qpv-profile.ts'
 * startQpvOwnReads): the charts need not wait for the QPV's whole series, read for its tables.
 * `indicatorIds`: among QPV_CHART_INDICATORS, the indicators the page model holds.
 */
export async function loadQpvChartSeries(
	indicatorIds: string[],
	pageReads: Promise<QpvPageReads>
): Promise<QpvChartSeries> {
	const unknown = indicatorIds.filter((id) => !QPV_CHART_INDICATORS.includes(id));
	if (unknown.length) throw new Error(`indicateurs absents de qpv_page_rows : ${unknown}`);
	const [{ references, chartSeries, ownChartSeries }, breaks] = await Promise.all([
		pageReads,
		getSeriesBreaks()
	]);
	const charted = (p: { indicator_id: string }) => indicatorIds.includes(p.indicator_id);
	return {
		own: ownChartSeries.filter(charted),
		references,
		points: chartSeries.filter(charted),
		breaks
	};
}

export function qpvTimelines(
	qpvName: string,
	indicatorIds: string[],
	{ own, references, points, breaks }: QpvChartSeries,
	communeNames: Map<string, string>
): QpvTimeline[] {
	// A reference counts only in the years it is this QPV's reference (the EPCI changes in 2017).
	const usedIn = new Set(
		references.map((r) => `${r.territory_type}|${r.territory_code}|${r.data_year}`)
	);
	// The QPV's own points carry no territory code (the page reads only its own series).
	const label = (p: { territory_type: string; territory_code?: string }) =>
		p.territory_type === 'qpv'
			? qpvName
			: p.territory_type === 'commune'
				? `Commune ${communeNames.get(p.territory_code!) ?? p.territory_code}`
				: (kindLabels[p.territory_type] ?? p.territory_type);
	return indicatorIds.flatMap((id) => {
		const mine = own.filter((p) => p.indicator_id === id);
		if (mine.length === 0) return [];
		const refs = points.filter(
			(p) =>
				p.indicator_id === id &&
				p.period_kind === mine[0]!.period_kind &&
				usedIn.has(`${p.territory_type}|${p.territory_code}|${p.period}`)
		);
		const shown = [...mine, ...refs];
		return [
			{
				indicatorId: id,
				periodKind: mine[0]!.period_kind,
				rows: shown.map((p) => ({
					series: label(p),
					year: p.period,
					value: p.value,
					status: p.status
				})),
				breaks: breaks.filter((b) => b.indicator_id === id),
				sourcePaths: [...new Set(shown.map((p) => p.source_path))].sort()
			}
		];
	});
}
