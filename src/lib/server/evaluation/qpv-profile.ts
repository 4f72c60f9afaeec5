// Everything the QPV profile shows, read from the evaluation tables: the QPV's canonical series by
// data year, its precomputed gaps (qpv_gaps), the 'Ensemble des QPV' series and its ranks by
// data year — a handful of indexed queries, no computation across files in JavaScript.
import { pillars, type Indicator, type Pillar } from '$lib/schemas/indicators';
import type { PeriodKind } from '$lib/schemas/evaluation';
import type { Provenance } from '$lib/schemas/provenance';
import { getQpvDistribution, listIndicators } from '../queries/observations';
import {
	getQpvPageReads,
	type QpvCommuneRow,
	type QpvIdentity,
	type QpvPageReads,
	type QpvRankRow
} from '../queries/quartiers';
import { getProvenance } from '../queries/sources';
import {
	getEnsembleSeries,
	getQpvGapSummaries,
	getQpvSeries,
	type QpvSeriesPoint
} from '../queries/evaluation';
import { buildIndicatorView, type GapRow, type IndicatorView } from './indicator-view';
import { qpvChartIndicators } from './key-indicators';

export interface QpvProfile {
	qpv: QpvIdentity;
	communes: QpvCommuneRow[];
	/** The territories the QPV is compared with (those of its gaps), each once. */
	references: { kind: string; label: string; code: string }[];
	pillars: { pillar: Pillar; views: IndicatorView[] }[];
	ranks: Map<string, QpvRankRow>;
	distributions: {
		indicator: Indicator;
		/** The QPV's latest point: data year (or vintage when unpublished) the distribution is drawn for. */
		period: number;
		periodKind: PeriodKind;
		rows: Awaited<ReturnType<typeof getQpvDistribution>>;
	}[];
	provenance: Map<string, Provenance>;
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = out.get(k);
		if (list) list.push(row);
		else out.set(k, [row]);
	}
	return out;
}

/**
 * The rank of the QPV's latest value: same indicator, period and kind of period (the page model
 * holds only latest ranks; the match to the view's latest point stays the rule).
 */
function latestRanks(views: IndicatorView[], rows: QpvRankRow[]): Map<string, QpvRankRow> {
	const latest = new Map(views.map((v) => [v.indicator.id, v.evolution.latest]));
	return new Map(
		rows
			.filter((r) => {
				const p = latest.get(r.indicator_id);
				return p && p.period === r.period && p.period_kind === r.period_kind;
			})
			.map((r) => [r.indicator_id, r])
	);
}

/** The QPV's reads issued first: its page reads (its charts start from them) and its whole series. */
export interface QpvOwnReads {
	qpv: Promise<QpvIdentity | undefined>;
	communes: Promise<QpvCommuneRow[]>;
	series: Promise<QpvSeriesPoint[]>;
	/**
	 * The one read that gives the identity and communes, the charts' references and their series,
	 * and the latest ranks.
	 */
	pageReads: Promise<QpvPageReads>;
}

/**
 * Starts the QPV page's first reads: the page draws its charts from its page reads while DuckDB
 * still reads its whole series and its gaps (issued after these, they queue behind them).
 */
export function startQpvOwnReads(code: string): QpvOwnReads {
	const pageReads = getQpvPageReads(code);
	return {
		qpv: pageReads.then((r) => r.qpv),
		communes: pageReads.then((r) => r.communes),
		series: getQpvSeries(code),
		pageReads
	};
}

export async function loadQpvProfile(
	code: string,
	own: QpvOwnReads = startQpvOwnReads(code)
): Promise<QpvProfile | undefined> {
	// All at once: a code that passed validation but names no QPV costs a few empty reads.
	const [qpv, communes, indicators, canonical, gaps, ensemble, rankRows, provenance] =
		await Promise.all([
			own.qpv,
			own.communes,
			listIndicators(),
			own.series,
			getQpvGapSummaries(code),
			getEnsembleSeries(),
			own.pageReads.then((r) => r.ranks),
			getProvenance()
		]);
	if (!qpv) return undefined;
	const byIndicator = groupBy(canonical, (p) => p.indicator_id);
	const gapsOf = groupBy<GapRow>(gaps, (g) => g.indicator_id);
	const views = indicators
		.filter((i) => byIndicator.has(i.id))
		.map((i) => buildIndicatorView(i, byIndicator.get(i.id)!, gapsOf.get(i.id) ?? [], ensemble));
	const distributions = await Promise.all(
		views
			.filter((v) => qpvChartIndicators.includes(v.indicator.id) && v.evolution.latest)
			.map(async (v) => {
				const latest: QpvSeriesPoint = v.evolution.latest!;
				return {
					indicator: v.indicator,
					period: latest.period,
					periodKind: latest.period_kind,
					rows: await getQpvDistribution(v.indicator.id, latest.period, latest.period_kind)
				};
			})
	);
	const references = [
		...new Map(
			views
				.flatMap((v) => v.references)
				.map((r) => [`${r.kind}|${r.label}`, { kind: r.kind, label: r.label, code: r.kind }])
		).values()
	];
	return {
		qpv,
		communes,
		references,
		pillars: pillars.map((pillar) => ({
			pillar,
			views: views.filter((v) => v.indicator.pillar === pillar)
		})),
		ranks: latestRanks(views, rankRows),
		distributions,
		provenance
	};
}
