// Pins what an indicator showed for a contrat when an évaluateur links it (every data year's contrat
// figure, the data year, the source files) from the DuckDB scorecard, so that a report never changes
// when the data are rebuilt; and tells whether the current data differ from the pinned figure.
import { pillarLabels } from '$lib/schemas/indicators';
import type { PinnedFigure } from '$lib/schemas/workspace';
import { loadContratScorecard, type ContratIndicator } from '../evaluation/contrat-scorecard';
import { sourceLine } from '../queries/sources';

export interface PinnableIndicator {
	id: string;
	label: string;
	pillar: string;
}

function figureOf(ci: ContratIndicator, source: string): PinnedFigure {
	const values = ci.byVintage.map((b) => ({
		vintage: b.vintage,
		reference_year: b.referenceYear,
		value: b.aggregate.kind === 'none' ? b.aggregate.distribution.median : b.aggregate.value,
		label:
			b.aggregate.kind === 'none'
				? `médiane des QPV (${b.aggregate.distribution.n} valeurs)`
				: b.aggregate.label
	}));
	return {
		indicator_label: ci.indicator.label,
		unit: ci.indicator.unit,
		values,
		data_year: values[values.length - 1]?.reference_year ?? null,
		source,
		source_paths: ci.sourcePaths
	};
}

async function contratFigures(code: string): Promise<Map<string, PinnedFigure>> {
	const card = await loadContratScorecard(code);
	const out = new Map<string, PinnedFigure>();
	if (!card) return out;
	for (const p of card.pillars) {
		for (const ci of p.indicators) {
			out.set(ci.indicator.id, figureOf(ci, sourceLine(ci.sourcePaths, card.provenance)));
		}
	}
	return out;
}

export async function pinFigure(code: string, indicatorId: string): Promise<PinnedFigure | null> {
	return (await contratFigures(code)).get(indicatorId) ?? null;
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
	if (!pinned.length) return new Set();
	const now = await contratFigures(code);
	const changed = new Set<string>();
	for (const link of pinned) {
		const current = now.get(link.indicator_id);
		if (current && valuesKey(current) !== valuesKey(link.pinned)) {
			changed.add(link.indicator_id);
		}
	}
	return changed;
}
