// The QPV charts' data: each charted indicator's canonical series for the QPV and for the
// territories it is compared with in each data year (its communes, EPCI of the year, département,
// France métropolitaine for a metropolitan QPV), with the declared breaks.
import type { CanonicalPoint, PeriodKind, SeriesBreak } from '$lib/schemas/evaluation';
import type { TerritoryRef } from '../queries/observations';
import { getCanonicalSeries, getQpvReferences, getSeriesBreaks } from '../queries/evaluation';

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

export async function loadQpvTimelines(
	code: string,
	qpvName: string,
	indicatorIds: string[],
	communeNames: Map<string, string>
): Promise<QpvTimeline[]> {
	const references = await getQpvReferences(code);
	const territories = new Map<string, TerritoryRef>([[`qpv|${code}`, { type: 'qpv', code }]]);
	for (const r of references) {
		territories.set(`${r.territory_type}|${r.territory_code}`, {
			type: r.territory_type,
			code: r.territory_code
		});
	}
	const [points, breaks] = await Promise.all([
		getCanonicalSeries([...territories.values()], indicatorIds),
		getSeriesBreaks()
	]);
	// A reference counts only in the years it is this QPV's reference (the EPCI changes in 2017).
	const usedIn = new Set(
		references.map((r) => `${r.territory_type}|${r.territory_code}|${r.data_year}`)
	);
	const label = (p: CanonicalPoint) =>
		p.territory_type === 'qpv'
			? qpvName
			: p.territory_type === 'commune'
				? `Commune ${communeNames.get(p.territory_code) ?? p.territory_code}`
				: (kindLabels[p.territory_type] ?? p.territory_type);
	return indicatorIds.flatMap((id) => {
		const own = points.filter((p) => p.indicator_id === id && p.territory_type === 'qpv');
		if (own.length === 0) return [];
		const refs = points.filter(
			(p) =>
				p.indicator_id === id &&
				p.territory_type !== 'qpv' &&
				p.period_kind === own[0]!.period_kind &&
				usedIn.has(`${p.territory_type}|${p.territory_code}|${p.period}`)
		);
		const shown = [...own, ...refs];
		return [
			{
				indicatorId: id,
				periodKind: own[0]!.period_kind,
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
