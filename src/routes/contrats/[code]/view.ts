// Formats the contrat scorecard for the page: one row per key indicator, French numbers.
import { numberReadingNotes } from '$lib/domain/reading-notes';
import { curly, dataYear } from '$lib/french';
import { formatChange, formatNumber, formatValue } from '$lib/format';
import type { Provenance } from '$lib/schemas/provenance';
import type { ContratIndicator } from '$lib/server/evaluation/contrat-scorecard';
import { sourceNote as sourceLine } from '$lib/domain/source-note';

export interface ScorecardRow {
	id: string;
	label: string;
	rule: string;
	latest: string;
	latestWhen: string;
	baseline: string;
	change: string;
	verdict: string;
	verdictLabel: string;
	allQpv: string;
	distribution: string | null;
	notes: string[];
	sources: string;
	sourcePaths: string[];
	/** Numbers of the page's reading notes that apply (see numberScorecardNotes). */
	noteIds: number[];
}

/** Each distinct caveat once for the page; rows cite it by number. */
export function numberScorecardNotes(rows: ScorecardRow[]): string[] {
	return numberReadingNotes(rows, (row) => row.notes);
}

function ruleLabel(ci: ContratIndicator): string {
	const a = ci.indicator.aggregation;
	if (a === 'sum') return 'somme des QPV';
	if (a === 'ratio') return 'taux recalculé sur l’ensemble des QPV';
	return '';
}

export function toScorecardRows(
	items: ContratIndicator[],
	provenance: Map<string, Provenance>
): ScorecardRow[] {
	return items.map((ci) => {
		const unit = ci.indicator.unit;
		const last = ci.byVintage[ci.byVintage.length - 1];
		const agg = last?.aggregate;
		const when = last
			? dataYear({ vintage: last.vintage, reference_year: last.referenceYear })
			: '';
		const notes: string[] = [];
		let latest = '—';
		let distribution: string | null = null;
		if (agg && agg.kind !== 'none') {
			latest = agg.value === null ? 'non disponible' : formatValue(agg.value, unit);
			if (agg.nSecret + agg.nMissing > 0) {
				notes.push(
					`Calcul partiel : ${agg.nSecret} QPV sous secret statistique, ${agg.nMissing} sans valeur.`
				);
			}
		} else if (agg && agg.kind === 'none') {
			const d = agg.distribution;
			distribution =
				d.n > 0
					? `min ${formatValue(d.min, unit)} · médiane ${formatValue(d.median, unit)} · max ${formatValue(d.max, unit)} (${d.n} QPV)`
					: 'aucune valeur publiée';
			if (agg.nSecret > 0) notes.push(`${agg.nSecret} QPV sous secret statistique (non comptés).`);
		}
		const ev = ci.evolution;
		if (ev) notes.push(...ev.warnings);
		return {
			id: ci.indicator.id,
			label: curly(ci.indicator.label),
			rule: ruleLabel(ci),
			latest,
			latestWhen: when,
			baseline: ev?.baseline
				? `${formatValue(ev.baseline.value, unit)} (${dataYear(ev.baseline)})`
				: '—',
			change: ev && ev.change !== null ? formatChange(ev.change, unit) : '—',
			verdict: ev?.verdict ?? 'indetermine',
			verdictLabel: ev?.verdictLabel ?? 'non agrégeable',
			allQpv: ci.allQpv
				? ci.allQpv.status === 'ok'
					? formatValue(ci.allQpv.value, unit)
					: 'secret statistique'
				: 'non publié',
			distribution,
			notes,
			sources: sourceLine(ci.sourcePaths, provenance),
			sourcePaths: ci.sourcePaths,
			noteIds: []
		};
	});
}

export function formatEuros(value: number | null): string {
	return value === null ? 'non disponible' : `${formatNumber(value)} €`;
}
