// Headline figures of the élus' fiches (contrat and QPV): when a figure is dated, its arrow in words,
// its plain verdict and the one sentence on data years; one rule for both fiches.
import { verdictFor, verdictLabels, type Verdict } from './evolution';

export type PeriodKind = 'annee_donnees' | 'millesime';

export interface Arrow {
	symbol: '↗' | '↘' | '→' | '–';
	/** Text alternative of the symbol. */
	label: string;
}

/** « données 2019 » for a data year, « millésime 2022 » when only the publication year is known. */
export function periodWhen(period: number | null, kind: PeriodKind): string {
	if (period === null) return '';
	return kind === 'annee_donnees' ? `données ${period}` : `millésime ${period}`;
}

const arrowWords = { '↗': 'en hausse', '↘': 'en baisse', '→': 'quasi stable' } as const;

/**
 * The movement from baseline to latest, whatever the indicator's desirable direction: stable under
 * the verdict thresholds (0.5 point for a rate, 1 % otherwise), else up or down.
 */
export function movementArrow(unit: string, baseline: number | null, latest: number | null): Arrow {
	if (baseline === null || latest === null) {
		return { symbol: '–', label: 'évolution non mesurable' };
	}
	const change = latest - baseline;
	const relative = baseline === 0 ? null : (change / baseline) * 100;
	const symbol =
		verdictFor('up', unit, change, relative) === 'stable' ? '→' : change > 0 ? '↗' : '↘';
	return { symbol, label: `${arrowWords[symbol]} depuis le départ` };
}

/** « en amélioration », « décrit, pas jugé » (neutral indicator) or « non comparable ». */
export function verdictWords(verdict: Verdict, comparable: boolean): string {
	if (!comparable) return 'non comparable';
	return verdict === 'indetermine' ? 'décrit, pas jugé' : verdictLabels[verdict];
}

export interface DatedPair {
	period_kind: PeriodKind;
	baseline_period: number | null;
	latest_period: number | null;
}

/** « Années des données : 2015 à 2019. » and, when only publication years are known, what they are. */
export function dataYearsSentence(items: DatedPair[]): string {
	const span = (kind: PeriodKind) => {
		const ys = items
			.filter((s) => s.period_kind === kind)
			.flatMap((s) => [s.baseline_period, s.latest_period])
			.filter((y): y is number => y !== null);
		return ys.length ? `${Math.min(...ys)} à ${Math.max(...ys)}` : null;
	};
	const data = span('annee_donnees');
	const pub = span('millesime');
	const parts = [
		data ? `Années des données : ${data}.` : null,
		pub
			? `« Millésime » : année de publication (${pub}), l’année des données n’étant pas publiée.`
			: null
	];
	return parts.filter(Boolean).join(' ') || 'Aucun chiffre publié sur cette fiche.';
}
