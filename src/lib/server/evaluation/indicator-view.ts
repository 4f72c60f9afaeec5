// Turns one indicator's observations for a territory and its references into what a page shows:
// series, evolution, gaps to each reference (same reference year), rank, warnings and sources.
import { computeEvolution, type Evolution } from '$lib/domain/evolution';
import { gapTrend, computeGap, type Gap, type GapEvolution } from '$lib/domain/gaps';
import type { Indicator } from '$lib/schemas/indicators';
import type { SeriesPoint } from '$lib/domain/series';
import type { ObservationRow } from '../queries/observations';

export interface ReferenceLike {
	kind: string;
	type: string;
	code: string;
	label: string;
}

export interface ReferenceComparison {
	kind: string;
	label: string;
	latest: ObservationRow | null;
	gap: Gap | null;
	trend: GapEvolution | null;
}

export interface IndicatorView {
	indicator: Indicator;
	series: (ObservationRow & SeriesPoint)[];
	evolution: Evolution;
	references: ReferenceComparison[];
	/** Each reference territory's own series, for charts. */
	referenceSeries: { kind: string; label: string; rows: ObservationRow[] }[];
	sourcePaths: string[];
}

/** The reference value matching a QPV point: same reference year when known, else same vintage. */
export function matchReference(
	point: ObservationRow | null,
	candidates: ObservationRow[]
): ObservationRow | null {
	if (!point) return null;
	const sameYear = (o: ObservationRow) =>
		point.reference_year !== null && o.reference_year === point.reference_year;
	const found =
		candidates.find((o) => o.territory_type !== 'ensemble_qpv' && sameYear(o)) ??
		candidates.find((o) => o.vintage === point.vintage && o.source_path === point.source_path) ??
		candidates.find((o) => o.vintage === point.vintage);
	return found ?? null;
}

export function buildIndicatorView(
	indicator: Indicator,
	own: ObservationRow[],
	references: ReferenceLike[],
	referenceRows: ObservationRow[]
): IndicatorView {
	const evolution = computeEvolution(indicator, own);
	const comparable = evolution.comparability?.comparable ?? true;
	const comparisons = references.map((ref) => {
		const rows = referenceRows.filter(
			(o) => o.territory_type === ref.type && o.territory_code === ref.code
		);
		const latestRef = matchReference(evolution.latest as ObservationRow | null, rows);
		const baseRef = matchReference(evolution.baseline as ObservationRow | null, rows);
		const gap = latestRef
			? computeGap(
					indicator,
					evolution.latest?.value ?? null,
					latestRef.status === 'ok' ? latestRef.value : null
				)
			: null;
		const trend =
			latestRef &&
			baseRef &&
			evolution.baseline &&
			evolution.latest &&
			evolution.baseline.vintage !== evolution.latest.vintage
				? gapTrend(
						indicator,
						{
							qpv: evolution.baseline.value,
							reference: baseRef.status === 'ok' ? baseRef.value : null
						},
						{
							qpv: evolution.latest.value,
							reference: latestRef.status === 'ok' ? latestRef.value : null
						},
						{ comparable }
					)
				: null;
		return { kind: ref.kind, label: ref.label, latest: latestRef, gap, trend, rows };
	});
	const used = comparisons.filter((c) => c.latest);
	const sourcePaths = [
		...new Set([...own.map((o) => o.source_path), ...used.map((c) => c.latest!.source_path)])
	].sort();
	return {
		indicator,
		series: evolution.series as (ObservationRow & SeriesPoint)[],
		evolution,
		references: used.map(({ rows: _rows, ...c }) => c),
		referenceSeries: comparisons
			.filter((c) => c.rows.length > 0)
			.map((c) => ({ kind: c.kind, label: c.label, rows: c.rows })),
		sourcePaths
	};
}
