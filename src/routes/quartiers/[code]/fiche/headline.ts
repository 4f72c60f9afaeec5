// The QPV fiche's headline figures, read from the evaluation core: each headline indicator from the
// start of the contrat to the latest year (qpv_evolutions) and its gap to the commune and to
// France métropolitaine at the same data year (qpv_gaps).
import { dataYearsSentence, movementArrow, periodWhen, verdictWords } from '$lib/domain/headline';
import { HEADLINE_INDICATORS } from '$lib/domain/synthesis';
import { formatChange, formatNumber, formatValue, NBSP } from '$lib/format';
import type { QpvEvolution, QpvGap } from '$lib/schemas/evaluation';
import type { Indicator } from '$lib/schemas/indicators';
import type { FicheIndicator } from '../../../contrats/[code]/fiche/fiche';

type NamedGap = QpvGap & { reference_name: string | null };

const trendWords: Record<QpvGap['trend'], string> = {
	resserre: 'écart resserré',
	creuse: 'écart creusé',
	stable: 'écart stable',
	indetermine: ''
};

/** « Bourg-en-Bresse (commune) : 19 290 € · quartier à 74 % · écart stable depuis 2015 ». */
export function gapLine(gap: NamedGap, unit: string): string | null {
	if (gap.latest_reference === null || gap.latest_gap === null) return null;
	const name =
		gap.reference_kind === 'commune'
			? `${gap.reference_name ?? gap.reference_code} (commune)`
			: (gap.reference_name ?? 'France métropolitaine');
	const reading =
		gap.measure === 'points'
			? `écart ${formatNumber(gap.latest_gap, 1, true)}${NBSP}${Math.abs(gap.latest_gap) >= 2 ? 'pts' : 'pt'}`
			: `quartier à ${formatNumber(gap.latest_gap, 0)}${NBSP}%`;
	const trend = trendWords[gap.trend];
	const since =
		trend && gap.baseline_year !== null && gap.baseline_year !== gap.latest_year
			? ` · ${trend} depuis ${gap.baseline_year}`
			: '';
	return `${name} : ${formatValue(gap.latest_reference, unit)} · ${reading}${since}`;
}

export function qpvHeadline(
	indicators: Indicator[],
	evolutions: QpvEvolution[],
	gaps: NamedGap[]
): FicheIndicator[] {
	const byId = new Map(indicators.map((i) => [i.id, i]));
	return HEADLINE_INDICATORS.flatMap((id) => {
		const indicator = byId.get(id);
		const ev = evolutions.find((e) => e.indicator_id === id);
		if (!indicator || !ev || ev.latest_value === null) return [];
		const unit = indicator.unit;
		const both = ev.baseline_value !== null && ev.baseline_period !== ev.latest_period;
		const change = both ? ev.change : null;
		const comparisons = ['commune', 'france_metropolitaine'].flatMap((kind) => {
			const gap = gaps.find((g) => g.indicator_id === id && g.reference_kind === kind);
			const line = gap ? gapLine(gap, unit) : null;
			return line ? [line] : [];
		});
		return [
			{
				id,
				pillar: '',
				label: indicator.label,
				value: formatValue(ev.latest_value, unit),
				when: periodWhen(ev.latest_period, ev.period_kind),
				baseline: both ? formatValue(ev.baseline_value, unit) : '—',
				baselineWhen: both ? periodWhen(ev.baseline_period, ev.period_kind) : '',
				change: change === null ? '—' : formatChange(change, unit),
				arrow: movementArrow(unit, both ? ev.baseline_value : null, ev.latest_value),
				verdict: ev.verdict,
				verdictLabel: verdictWords(ev.verdict, both || ev.verdict !== 'indetermine'),
				comparisons: comparisons.length
					? comparisons
					: ['Pas de valeur de la commune ni de la France publiée la même année.'],
				note: ev.reason
			}
		];
	});
}

/** The files the figures were read from, without their line numbers. */
export function evolutionPaths(evolutions: QpvEvolution[]): string[] {
	return evolutions
		.filter((e) => (HEADLINE_INDICATORS as readonly string[]).includes(e.indicator_id))
		.flatMap((e) => [e.baseline_source, e.latest_source])
		.filter((p): p is string => p !== null)
		.map((p) => p.replace(/ l\.\d+$/, ''));
}

/** Data years once for the page, and what « millésime » means when only that is published. */
export function dataYearsNote(evolutions: QpvEvolution[]): string {
	return dataYearsSentence(
		evolutions.filter((e) => (HEADLINE_INDICATORS as readonly string[]).includes(e.indicator_id))
	);
}
