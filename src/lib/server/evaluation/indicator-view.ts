// Turns one indicator's canonical series for a QPV and its precomputed gaps (qpv_gaps: same data
// year, EPCI of that year, every commune of the QPV, France métropolitaine only for metropolitan
// QPV) into what a page shows: series, evolution, gaps to each reference, warnings and sources.
import { computeEvolution, type Evolution } from '$lib/domain/evolution';
import { computeGap, gapTrendLabels, type Gap } from '$lib/domain/gaps';
import { unitKind } from '$lib/domain/units';
import type { CanonicalPoint, ReferenceKind } from '$lib/schemas/evaluation';
import type { QpvGapSummary, QpvSeriesPoint } from '../queries/evaluation';
import type { Indicator } from '$lib/schemas/indicators';

export type GapRow = QpvGapSummary & { reference_name: string | null };

export interface ReferenceComparison {
	kind: ReferenceKind | 'ensemble_qpv';
	label: string;
	/** The reference's value in the year of the gap (the latest year both publish). */
	latest: { value: number | null; status: string } | null;
	/** Year the gap is read in (data year, or vintage when unpublished). */
	year: number | null;
	gap: Gap | null;
	/** 'écart réduit', 'écart creusé'… from the baseline year to the latest one; null without one. */
	trend: { label: string; baselineYear: number | null } | null;
}

export interface IndicatorView {
	indicator: Indicator;
	series: QpvSeriesPoint[];
	evolution: Evolution<QpvSeriesPoint>;
	references: ReferenceComparison[];
	sourcePaths: string[];
}

const kindOrder: Record<ReferenceComparison['kind'], number> = {
	commune: 0,
	epci: 1,
	departement: 2,
	france_metropolitaine: 3,
	ensemble_qpv: 4
};

function referenceLabel(g: GapRow): string {
	const name = g.reference_name ?? g.reference_code;
	if (g.reference_kind === 'commune') return `Commune ${name}`;
	if (g.reference_kind === 'epci') return `EPCI ${name}`;
	if (g.reference_kind === 'departement') return `Département ${name}`;
	return 'France métropolitaine';
}

function fromGap(indicator: Indicator, g: GapRow): ReferenceComparison {
	return {
		kind: g.reference_kind,
		label: referenceLabel(g),
		latest: g.latest_year === null ? null : { value: g.latest_reference, status: 'ok' },
		year: g.latest_year,
		gap: g.latest_year === null ? null : computeGap(indicator, g.latest_qpv, g.latest_reference),
		trend:
			g.baseline_year === null
				? null
				: { label: gapTrendLabels[g.trend], baselineYear: g.baseline_year }
	};
}

/** Each ensemble series (the memoised one: never mutated) indexed once by indicator and period. */
const ensembleIndexes = new WeakMap<CanonicalPoint[], Map<string, CanonicalPoint>>();

function ensembleIndex(ensemble: CanonicalPoint[]): Map<string, CanonicalPoint> {
	let index = ensembleIndexes.get(ensemble);
	if (!index) {
		index = new Map();
		// The first point of each key, as a search from the start finds it.
		for (const p of ensemble) {
			const key = `${p.indicator_id}|${p.period}|${p.period_kind}`;
			if (!index.has(key)) index.set(key, p);
		}
		ensembleIndexes.set(ensemble, index);
	}
	return index;
}

/**
 * The published 'Ensemble des QPV' value of the QPV's latest period (IPRO employment rates have no
 * territory reference). Never for a count: a count is not compared with a count.
 */
function fromEnsemble(
	indicator: Indicator,
	latest: QpvSeriesPoint | null,
	ensemble: CanonicalPoint[]
): ReferenceComparison | null {
	if (!latest || unitKind(indicator.unit) === 'count') return null;
	const e = ensembleIndex(ensemble).get(`${indicator.id}|${latest.period}|${latest.period_kind}`);
	if (!e) return null;
	return {
		kind: 'ensemble_qpv',
		label: 'Ensemble des QPV',
		latest: { value: e.value, status: e.status },
		year: e.period,
		gap: computeGap(indicator, latest.value, e.status === 'ok' ? e.value : null),
		trend: null
	};
}

export function buildIndicatorView(
	indicator: Indicator,
	own: QpvSeriesPoint[],
	gaps: GapRow[],
	ensemble: CanonicalPoint[]
): IndicatorView {
	const evolution = computeEvolution(indicator, own);
	const counted = unitKind(indicator.unit) === 'count';
	const references = [
		...(counted ? [] : gaps.map((g) => fromGap(indicator, g))),
		fromEnsemble(indicator, evolution.latest, ensemble)
	]
		.filter((r): r is ReferenceComparison => r !== null)
		.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.label.localeCompare(b.label));
	const sourcePaths = [...new Set(evolution.series.map((p) => p.source_path))].sort();
	return { indicator, series: evolution.series, evolution, references, sourcePaths };
}
