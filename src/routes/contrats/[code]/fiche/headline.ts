// The fiche's headline figures read from the contrat synthesis: contrat figure from the start of
// the contrat to the latest year, its verdict in plain words, the gap to the EPCI and QPV counts.
import { verdictFor, verdictLabels, type Verdict } from '$lib/domain/evolution';
import { gapMeasure } from '$lib/domain/synthesis';
import { isRate } from '$lib/domain/units';
import { plural } from '$lib/french';
import { movementArrow, periodWhen, verdictWords } from '$lib/domain/headline';
import { formatChange, formatNumber, formatValue, NBSP } from '$lib/format';
import type { SynthesisIndicator } from '$lib/server/evaluation/contrat-synthesis';
import type { FicheIndicator } from './fiche';

/** Three words on what the contrat figure is; the full label is on the contrat page. */
const figureShort: Record<SynthesisIndicator['row']['figure_kind'], string | null> = {
	somme_memes_qpv: 'Somme des mêmes QPV aux deux dates.',
	moyenne_ponderee: 'Moyenne des QPV pondérée par leur population (approximation).',
	mediane: 'Médiane des QPV.',
	aucune: 'Aucun QPV publié aux deux dates.'
};

/** « Écart à l’EPCI : +17,0 → +18,0 pts » or « Niveau des QPV : 63 % → 62 % de celui de l’EPCI ». */
export function gapLine(row: SynthesisIndicator['row']): string | null {
	if (row.gap_measure === null || row.gap_latest === null) return null;
	const points = row.gap_measure === 'points';
	const fmt = (v: number) => (points ? formatNumber(v, 1, true) : `${formatNumber(v, 0)}${NBSP}%`);
	const span =
		row.gap_baseline === null || fmt(row.gap_baseline) === fmt(row.gap_latest)
			? fmt(row.gap_latest)
			: `${fmt(row.gap_baseline)} → ${fmt(row.gap_latest)}`;
	return points
		? `Écart à l’EPCI : ${span}${NBSP}pts`
		: `Niveau des QPV : ${span} de celui de l’EPCI`;
}

/** « 2 QPV : 1 en amélioration, 1 en dégradation » (zero counts left out). */
export function countsLine(row: SynthesisIndicator['row']): string {
	const parts = [
		`${row.n_improved} ${verdictLabels.amelioration}`,
		`${row.n_worsened} ${verdictLabels.degradation}`,
		plural(row.n_stable, 'stable'),
		plural(row.n_not_comparable, 'non comparable', 'non comparables')
	];
	const counts = [row.n_improved, row.n_worsened, row.n_stable, row.n_not_comparable];
	const shown = parts.filter((_, i) => counts[i]! > 0).map((p) => p.replace(/\u00a0/, ' '));
	return `${plural(row.n_qpv, 'QPV', 'QPV')} : ${shown.join(', ') || 'aucune évolution lisible'}`;
}

/** The contrat figure's verdict: the same thresholds as each QPV's, on the contrat figure. */
export function figureVerdict(s: SynthesisIndicator): Verdict | 'non_comparable' {
	const { row, indicator } = s;
	if (row.figure_baseline === null || row.figure_latest === null) return 'non_comparable';
	if (row.baseline_period === row.latest_period) return 'non_comparable';
	const change = row.figure_latest - row.figure_baseline;
	const relative =
		isRate(indicator.unit) || row.figure_baseline === 0
			? null
			: (change / row.figure_baseline) * 100;
	return verdictFor(indicator.direction, indicator.unit, change, relative);
}

export function headlineFigure(s: SynthesisIndicator): FicheIndicator {
	const { row, indicator } = s;
	const unit = indicator.unit;
	const verdict = figureVerdict(s);
	const comparable = verdict !== 'non_comparable';
	const change = comparable ? row.figure_latest! - row.figure_baseline! : null;
	return {
		id: indicator.id,
		pillar: '',
		label: indicator.label,
		value: formatValue(row.figure_latest, unit),
		when: periodWhen(row.latest_period, row.period_kind),
		baseline: comparable ? formatValue(row.figure_baseline, unit) : '—',
		baselineWhen: comparable ? periodWhen(row.baseline_period, row.period_kind) : '',
		change: change === null ? '—' : formatChange(change, unit),
		arrow: movementArrow(unit, comparable ? row.figure_baseline : null, row.figure_latest),
		verdict: comparable ? verdict : 'indetermine',
		verdictLabel: verdictWords(comparable ? verdict : 'indetermine', comparable),
		comparisons: [
			gapLine(row) ??
				// A count has no gap; a rate or an amount has one when the EPCI's value is published.
				(gapMeasure(unit) ? 'Écart à l’EPCI : valeur de l’EPCI non publiée' : null),
			countsLine(row)
		].filter((x): x is string => x !== null),
		note: figureShort[row.figure_kind]
	};
}
