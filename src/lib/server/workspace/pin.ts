// Pins what an indicator showed for a contrat when an évaluateur links it, read on the canonical
// series (one value per QPV and data year, issue 9): the contrat figure of each data year by the
// catalogue's aggregation rule, the data year, the source files. A report never changes when the
// data are rebuilt; the page says when the current figures differ from the pinned ones.
import { aggregateQpv } from '$lib/domain/aggregation';
import { pillarLabels } from '$lib/schemas/indicators';
import type { PinnedFigure } from '$lib/schemas/workspace';
import { loadContratScorecard } from '../evaluation/contrat-scorecard';
import { getContratQpv } from '../queries/contrats';
import { getCanonicalSeries } from '../queries/evaluation';
import { getIndicator } from '../queries/observations';
import { getProvenance, sourceLine } from '../queries/sources';

export interface PinnableIndicator {
	id: string;
	label: string;
	pillar: string;
}

/** The contrats run to 2022: later data years are not part of their evaluation. */
const LAST_YEAR = 2022;

export async function pinFigure(code: string, indicatorId: string): Promise<PinnedFigure | null> {
	const indicator = await getIndicator(indicatorId);
	if (!indicator) return null;
	const qpv = await getContratQpv(code);
	const qpvCodes = qpv.map((q) => q.code);
	const ids = [indicator.id, indicator.numerator_id, indicator.denominator_id].filter(
		(id): id is string => !!id
	);
	const points = (
		await getCanonicalSeries(
			qpvCodes.map((c) => ({ type: 'qpv' as const, code: c })),
			ids
		)
	).filter((p) => p.period <= LAST_YEAR);
	const own = points.filter((p) => p.indicator_id === indicator.id);
	if (!own.length) return null;
	const periods = [...new Set(own.map((p) => p.period))].sort((a, b) => a - b);
	const segments = new Set(own.map((p) => p.segment));
	const values = periods.map((period) => {
		const at = points.filter((p) => p.period === period);
		const mine = own.filter((p) => p.period === period);
		const aggregate = aggregateQpv(indicator, qpvCodes, at);
		const segment = segments.size > 1 ? ` ; série comparable n° ${mine[0]!.segment}` : '';
		return {
			vintage: Math.max(...mine.map((p) => p.vintage)),
			reference_year: mine[0]!.period_kind === 'annee_donnees' ? mine[0]!.data_year : null,
			value: aggregate.kind === 'none' ? aggregate.distribution.median : aggregate.value,
			label:
				(aggregate.kind === 'none'
					? `médiane des QPV (${aggregate.distribution.n} valeurs)`
					: aggregate.label) + segment
		};
	});
	const paths = [...new Set(own.map((p) => p.source_path))].sort();
	return {
		indicator_label: indicator.label,
		unit: indicator.unit,
		values,
		data_year: values[values.length - 1]!.reference_year,
		source: sourceLine(paths, await getProvenance()),
		source_paths: paths
	};
}

export async function pinnableIndicators(code: string): Promise<PinnableIndicator[]> {
	const card = await loadContratScorecard(code);
	if (!card) return [];
	return card.pillars.flatMap((p) =>
		p.indicators.map((ci) => ({
			id: ci.indicator.id,
			label: ci.indicator.label,
			pillar: pillarLabels[p.pillar]
		}))
	);
}

/** Stored as jsonb, whose key order is not the insertion order: compare the values only. */
const valuesKey = (f: PinnedFigure) =>
	JSON.stringify(f.values.map((v) => [v.vintage, v.reference_year, v.value]));

/** Indicator ids whose current figures differ from the pinned ones (a newer data year, a fix). */
export async function changedSincePinned(
	code: string,
	pinned: { indicator_id: string; pinned: PinnedFigure }[]
): Promise<Set<string>> {
	const changed = new Set<string>();
	for (const id of new Set(pinned.map((l) => l.indicator_id))) {
		const current = await pinFigure(code, id);
		for (const link of pinned.filter((l) => l.indicator_id === id)) {
			if (current && valuesKey(current) !== valuesKey(link.pinned)) changed.add(id);
		}
	}
	return changed;
}
