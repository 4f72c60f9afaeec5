// Turns the contrat synthesis into the rows the page, the fiche and the Excel annex show: values
// with their data year (or vintage when the data year is unpublished), gaps, counts and sources.
import { formatChange, formatNumber, formatSigned, formatValue } from '$lib/format';
import { verdictLabels } from '$lib/domain/evolution';
import type { PeriodKind } from '$lib/schemas/evaluation';
import type { Provenance } from '$lib/schemas/provenance';
import { sourceNote as sourceLine } from '$lib/domain/source-note';
import type { ContratSynthesis, SynthesisIndicator } from './contrat-synthesis';

export interface SynthesisQpvRow {
	code: string;
	name: string;
	baseline: string;
	latest: string;
	change: string;
	verdict: string;
	note: string | null;
}

export interface SynthesisRowView {
	id: string;
	label: string;
	periods: string;
	figure: string;
	figureLabel: string;
	/** Three words for the fiche: what the contrat figure is. */
	figureShort: string;
	counts: string;
	gap: string;
	furthest: string;
	peers: string;
	notes: string[];
	sources: string;
	qpv: SynthesisQpvRow[];
}

const figureShort: Record<SynthesisIndicator['row']['figure_kind'], string> = {
	somme_memes_qpv: 'somme des mêmes QPV',
	moyenne_ponderee: 'moyenne pondérée (approx.)',
	mediane: 'médiane des QPV',
	aucune: ''
};

/** The files the QPV values of one indicator were read from (without line numbers). */
function indicatorPaths(s: SynthesisIndicator): string[] {
	return s.qpv
		.flatMap((q) => [q.baseline_source, q.latest_source])
		.filter((p): p is string => p !== null)
		.map((p) => p.replace(/ l\.\d+$/, ''));
}

/** Every file the synthesis reads, for a page's or a fiche's source line. */
export function synthesisPaths(synthesis: ContratSynthesis): string[] {
	return [...new Set(synthesis.indicators.flatMap(indicatorPaths))].sort();
}

/** '2015' for a data year, 'millésime 2019' when the data year is unpublished. */
export function periodLabel(period: number | null, kind: PeriodKind): string {
	if (period === null) return '—';
	return kind === 'annee_donnees' ? String(period) : `millésime ${period}`;
}

function gapText(measure: string | null, value: number | null): string {
	if (value === null || measure === null) return '—';
	return measure === 'points'
		? formatSigned(value, 'pts')
		: `${formatNumber(value, 1)} % du niveau de l’EPCI`;
}

function counts(s: SynthesisIndicator): string {
	const r = s.row;
	if (s.indicator.direction === 'neutral') {
		return `${r.n_qpv} QPV : indicateur décrit, pas jugé (pas de sens d’amélioration)`;
	}
	const parts = [
		`${r.n_improved} ${verdictLabels.amelioration}`,
		`${r.n_worsened} ${verdictLabels.degradation}`,
		`${r.n_stable} stable${r.n_stable > 1 ? 's' : ''}`,
		`${r.n_not_comparable} non comparable${r.n_not_comparable > 1 ? 's' : ''}`
	];
	return parts.join(', ');
}

export function synthesisRowView(
	s: SynthesisIndicator,
	provenance: Map<string, Provenance>
): SynthesisRowView {
	const { row, indicator } = s;
	const unit = indicator.unit;
	const kind = row.period_kind;
	const from = periodLabel(row.baseline_period, kind);
	const to = periodLabel(row.latest_period, kind);
	const figure =
		row.figure_kind === 'aucune'
			? 'pas de valeur du contrat'
			: row.figure_baseline === null
				? `${formatValue(row.figure_latest, unit, { withUnit: true })} (${to})`
				: `${formatValue(row.figure_baseline, unit, { withUnit: true })} → ${formatValue(row.figure_latest, unit, { withUnit: true })}`;
	const furthestValue =
		row.gap_measure !== null && row.furthest_value !== null
			? gapText(row.gap_measure, row.furthest_value)
			: formatValue(row.furthest_value, unit, { withUnit: true });
	const notes = [...new Set(s.qpv.map((q) => q.reason).filter((r): r is string => Boolean(r)))];
	const paths = indicatorPaths(s);
	return {
		id: indicator.id,
		label: indicator.label,
		periods:
			(kind === 'annee_donnees'
				? `données ${from} → ${to}`
				: `${from} → ${to} (année des données non publiée)`) +
			s.breaks.map((b) => ` · rupture de série en ${b.period}`).join(''),
		figure,
		figureLabel: row.figure_label,
		figureShort: figureShort[row.figure_kind],
		counts: counts(s),
		gap:
			row.gap_measure === null
				? '— (non publié pour l’EPCI)'
				: `${gapText(row.gap_measure, row.gap_baseline)} → ${gapText(row.gap_measure, row.gap_latest)} (médiane des QPV)`,
		furthest: row.furthest_qpv_code
			? `${s.furthestName ?? row.furthest_qpv_code} (${row.furthest_qpv_code}) : ${furthestValue}`
			: '—',
		peers:
			row.n_peers_more + row.n_peers_less + row.n_peers_same === 0
				? 'pas de lecture possible'
				: `${row.n_peers_more} QPV plus favorablement, ${row.n_peers_less} moins favorablement, ${row.n_peers_same} comme des quartiers comparables`,
		notes: [...s.breaks.map((b) => `${b.reason} ${b.evidence}`), ...notes],
		sources: sourceLine(paths, provenance),
		qpv: s.qpv.map((q) => ({
			code: q.qpv_code,
			name: q.name ?? q.qpv_code,
			baseline: `${formatValue(q.baseline_value, unit, { withUnit: true })} (${periodLabel(q.baseline_period, q.period_kind)})`,
			latest: `${formatValue(q.latest_value, unit, { withUnit: true })} (${periodLabel(q.latest_period, q.period_kind)})`,
			change: q.change === null ? '—' : formatChange(q.change, unit),
			verdict: verdictLabels[q.verdict],
			note: q.reason
		}))
	};
}

export function synthesisView(
	synthesis: ContratSynthesis,
	provenance: Map<string, Provenance>
): SynthesisRowView[] {
	return synthesis.indicators.map((s) => synthesisRowView(s, provenance));
}
