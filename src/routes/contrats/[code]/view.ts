// Formats the contrat scorecard for the page: one row per key indicator, read on the canonical
// series by data year (the precomputed contrat_synthesis rows), French numbers.
import { numberReadingNotes } from '$lib/domain/reading-notes';
import { distribution } from '$lib/domain/aggregation';
import { verdictLabels } from '$lib/domain/evolution';
import { curly } from '$lib/french';
import { formatChange, formatNumber, formatValue } from '$lib/format';
import type { Provenance } from '$lib/schemas/provenance';
import type { ContratIndicator } from '$lib/server/evaluation/contrat-scorecard';
import { sourceNote as sourceLine } from '$lib/domain/source-note';

export interface ScorecardRow {
	id: string;
	label: string;
	/** What the contrat figure is (sum over the same QPV, weighted mean, median). */
	rule: string;
	latest: string;
	/** 'données 2019', or 'fichier 2022' when the data year is unpublished (see the note). */
	latestWhen: string;
	baseline: string;
	change: string;
	verdict: string;
	verdictLabel: string;
	allQpv: string;
	/** The range of the QPV's values at the latest period ('2 QPV, de 41,9 % à 48,2 %'). */
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

function when(period: number | null, kind: ContratIndicator['row']['period_kind']): string {
	if (period === null) return '';
	return kind === 'annee_donnees' ? `données ${period}` : `fichier ${period}`;
}

/** Said once for the page, cited by the rows dated by their file (IPRO, DEMO shares, RPLS). */
export const UNPUBLISHED_YEAR_NOTE =
	'« fichier 2022 » : la source ne publie pas l’année que décrivent ses chiffres ; ils sont datés par l’année du fichier (millésime), jamais mis sur le même axe qu’une année des données.';

/** The QPV values published at the contrat figure's latest period, as a distribution. */
export function latestDistribution(ci: ContratIndicator) {
	return distribution(
		ci.qpv.map((q) => ({
			code: q.qpv_code,
			value: q.latest_period === ci.row.latest_period ? q.latest_value : null,
			status:
				q.latest_period === ci.row.latest_period && q.latest_value !== null
					? ('ok' as const)
					: ('missing' as const)
		}))
	);
}

/** Three words under the indicator; the full label (weights named) goes to the notes. */
const ruleLabels: Record<ContratIndicator['row']['figure_kind'], string> = {
	somme_memes_qpv: 'somme des QPV',
	moyenne_ponderee: 'moyenne pondérée (approximation)',
	mediane: 'médiane des QPV',
	aucune: ''
};

function notesOf(ci: ContratIndicator): string[] {
	const { row } = ci;
	const notes = ci.breaks.map((b) => `${b.reason} ${b.evidence}`);
	if (row.figure_kind === 'moyenne_ponderee' || row.figure_kind === 'aucune') {
		notes.push(`Chiffre du contrat : ${row.figure_label}.`);
	}
	if (row.period_kind === 'millesime') notes.push(UNPUBLISHED_YEAR_NOTE);
	const lacking = row.n_qpv - row.figure_n_qpv;
	if (row.baseline_period !== null && lacking > 0) {
		notes.push(
			`Chiffre du contrat calculé sur les ${row.figure_n_qpv} QPV publiés aux deux dates (${lacking} QPV sans valeur comparable : secret, autre année ou rupture).`
		);
	}
	if (row.baseline_period === null && row.latest_period !== null) {
		notes.push('Une seule année publiée depuis 2015 (ou rupture de série) : pas d’évolution.');
	}
	return notes;
}

export function toScorecardRow(
	ci: ContratIndicator,
	provenance: Map<string, Provenance>
): ScorecardRow {
	const { row, indicator } = ci;
	const unit = indicator.unit;
	const d = latestDistribution(ci);
	const ensemble = ci.allQpv;
	return {
		id: indicator.id,
		label: curly(indicator.label),
		rule: ruleLabels[row.figure_kind],
		latest:
			row.figure_latest === null
				? 'pas de valeur du contrat'
				: formatValue(row.figure_latest, unit),
		latestWhen: when(row.latest_period, row.period_kind),
		baseline:
			row.figure_baseline === null
				? '—'
				: `${formatValue(row.figure_baseline, unit)} (${when(row.baseline_period, row.period_kind)})`,
		change: row.figure_change === null ? '—' : formatChange(row.figure_change, unit),
		verdict: row.figure_verdict,
		verdictLabel:
			indicator.direction === 'neutral' && row.figure_change !== null
				? 'décrit, pas jugé'
				: row.figure_change === null
					? 'pas d’évolution'
					: verdictLabels[row.figure_verdict],
		allQpv: !ensemble
			? 'non publié'
			: ensemble.status === 'ok'
				? formatValue(ensemble.value, unit)
				: 'secret statistique',
		distribution:
			row.figure_kind === 'somme_memes_qpv' || d.n < 2
				? null
				: `${formatNumber(d.n)} QPV, de ${formatValue(d.min, unit)} à ${formatValue(d.max, unit)}`,
		notes: notesOf(ci),
		sources: sourceLine(ci.sourcePaths, provenance),
		sourcePaths: ci.sourcePaths,
		noteIds: []
	};
}

export function toScorecardRows(
	items: ContratIndicator[],
	provenance: Map<string, Provenance>
): ScorecardRow[] {
	return items.map((ci) => toScorecardRow(ci, provenance));
}

export function formatEuros(value: number | null): string {
	return value === null ? 'non disponible' : `${formatNumber(value)} €`;
}
