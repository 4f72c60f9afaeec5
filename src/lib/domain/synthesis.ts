// The contrat synthesis: headline indicators, honest contrat-level figures (sum over the same QPV,
// population-weighted mean labelled as an approximation, median of the QPV) and peer readings.
import type { Indicator } from '../schemas/indicators';
import type { ContratSynthesisRow } from '../schemas/evaluation';
import { STABLE_RATE_POINTS, STABLE_RELATIVE_PERCENT } from './evolution';
import { median } from './peers';
import { isRate, unitKind } from './units';

/** What an évaluateur opens first: poverty, income, employment, job-seekers, social benefits. */
export const HEADLINE_INDICATORS = [
	'tx_pauvrete_60',
	'revenu_disponible_median',
	'taux_emploi',
	'demandeurs_emploi_abc',
	'part_prestations_sociales'
] as const;

/** The key indicators of each pillar: the contrat page's tables under the synthesis. */
export const KEY_INDICATORS_BY_PILLAR = {
	cohesion_sociale: [
		'pop_mun',
		'tx_pauvrete_60',
		'revenu_disponible_median',
		'part_minima_sociaux',
		'allocataires_rsa_socle',
		'part_0_24_ans'
	],
	emploi_developpement_economique: [
		'taux_emploi',
		'taux_emploi_femmes',
		'demandeurs_emploi_abc',
		'demandeurs_emploi_abc_25_ans_moins',
		'part_emploi_precaire',
		'part_emploi_duree_limitee'
	],
	cadre_de_vie: ['logements_sociaux', 'taux_vacance_logements_sociaux', 'loyer_ls_median']
} as const;

/** Indicators the build reads baseline → latest for every QPV and contrat (qpv_evolutions). */
export const EVALUATED_INDICATORS: string[] = [
	...new Set([...HEADLINE_INDICATORS, ...Object.values(KEY_INDICATORS_BY_PILLAR).flat()])
];

/** Contrats are signed by an EPCI: the synthesis reads each QPV's gap to its EPCI of the year. */
export const CONTRAT_GAP_REFERENCE = 'epci' as const;

/** Weights of the approximate contrat rate: QPV population of the 2013 census (RP 2013, DEMO). */
export const WEIGHTS_LABEL = 'population municipale 2013 des QPV (recensement)';

/** Gaps compare rates in points and amounts or ratios as a share; a count has no gap. */
export function gapMeasure(unit: string): 'points' | 'ratio' | null {
	const kind = unitKind(unit);
	if (kind === 'count') return null;
	return kind === 'rate' ? 'points' : 'ratio';
}

export interface QpvEndpoints {
	qpv_code: string;
	baseline: number;
	latest: number;
	weight?: number | null;
}

export interface ContratFigure {
	kind: ContratSynthesisRow['figure_kind'];
	label: string;
	baseline: number | null;
	latest: number | null;
	n: number;
}

/**
 * One figure for the contrat over QPV published at both dates (never a partial sum against a
 * full one): a sum for counts, a weighted mean of rates (approximation, weights named), else the
 * median of the QPV values.
 */
export function contratFigure(
	indicator: Pick<Indicator, 'aggregation' | 'unit'>,
	rows: QpvEndpoints[]
): ContratFigure {
	const n = rows.length;
	if (n === 0)
		return {
			kind: 'aucune',
			label: 'aucun QPV publié aux deux dates',
			baseline: null,
			latest: null,
			n
		};
	if (indicator.aggregation === 'sum') {
		return {
			kind: 'somme_memes_qpv',
			label: `somme sur les ${n} mêmes QPV aux deux dates`,
			baseline: rows.reduce((s, r) => s + r.baseline, 0),
			latest: rows.reduce((s, r) => s + r.latest, 0),
			n
		};
	}
	if (isRate(indicator.unit)) {
		const weighted = rows.filter((r) => r.weight != null && r.weight > 0);
		if (weighted.length === n) {
			const total = weighted.reduce((s, r) => s + r.weight!, 0);
			const mean = (pick: (r: QpvEndpoints) => number) =>
				weighted.reduce((s, r) => s + pick(r) * r.weight!, 0) / total;
			return {
				kind: 'moyenne_ponderee',
				label: `approximation : moyenne des taux de ${n} QPV pondérée par la ${WEIGHTS_LABEL}`,
				baseline: mean((r) => r.baseline),
				latest: mean((r) => r.latest),
				n
			};
		}
	}
	return {
		kind: 'mediane',
		label: `médiane des valeurs de ${n} QPV (pas une valeur du contrat)`,
		baseline: median(rows.map((r) => r.baseline)),
		latest: median(rows.map((r) => r.latest)),
		n
	};
}

/**
 * The contrat's level at one period when no evolution can be read (a single data year since 2015,
 * or a break): a sum only when every QPV of the contrat is published that year, never a partial
 * one; rates and amounts as the median of the QPV values.
 */
export function contratLevel(
	indicator: Pick<Indicator, 'aggregation' | 'unit'>,
	period: number,
	values: number[],
	nQpv: number
): ContratFigure {
	const n = values.length;
	if (n === 0)
		return { kind: 'aucune', label: 'aucun QPV publié', baseline: null, latest: null, n };
	if (indicator.aggregation === 'sum') {
		return n === nQpv
			? {
					kind: 'somme_memes_qpv',
					label: `somme des ${n} QPV du contrat en ${period}`,
					baseline: null,
					latest: values.reduce((s, v) => s + v, 0),
					n
				}
			: {
					kind: 'aucune',
					label: `pas de somme : ${n} QPV publiés sur ${nQpv} en ${period} (une somme partielle sous-estimerait le contrat)`,
					baseline: null,
					latest: null,
					n
				};
	}
	return {
		kind: 'mediane',
		label: `médiane des valeurs de ${n} QPV en ${period} (pas une valeur du contrat)`,
		baseline: null,
		latest: median(values),
		n
	};
}

/** How a change is compared across QPV of different sizes: points for rates, % otherwise. */
export function comparableChange(unit: string, baseline: number, latest: number): number | null {
	if (isRate(unit)) return latest - baseline;
	return baseline === 0 ? null : ((latest - baseline) / Math.abs(baseline)) * 100;
}

/** Peer groups need at least this many comparable QPV for a reading. */
export const MIN_PEERS = 5;

/** Population bands of the peer groups (RP 2013 population of the QPV). */
export const POPULATION_BANDS = [
	{ max: 2000, label: 'moins de 2 000 habitants' },
	{ max: 5000, label: '2 000 à 4 999 habitants' },
	{ max: Infinity, label: '5 000 habitants ou plus' }
];

export function populationBand(population: number | null): number | null {
	if (population === null) return null;
	return POPULATION_BANDS.findIndex((b) => population < b.max);
}

/** Quartile (0–3) of a value among sorted cut points [q1, q2, q3]. */
export function quartileBand(value: number | null, cuts: number[]): number | null {
	if (value === null) return null;
	const i = cuts.findIndex((c) => value < c);
	return i === -1 ? cuts.length : i;
}

export type PeerReading = 'plus_favorable' | 'moins_favorable' | 'comme' | 'indetermine';

/** The QPV's change against its peers' median change, in the indicator's direction. */
export function peerReading(
	indicator: Pick<Indicator, 'direction' | 'unit'>,
	qpvChange: number | null,
	peerChanges: number[]
): { reading: PeerReading; peerMedian: number | null } {
	const peerMedian = median(peerChanges);
	if (qpvChange === null || peerMedian === null || peerChanges.length < MIN_PEERS)
		return { reading: 'indetermine', peerMedian };
	if (indicator.direction === 'neutral') return { reading: 'indetermine', peerMedian };
	const diff = qpvChange - peerMedian;
	const threshold = isRate(indicator.unit) ? STABLE_RATE_POINTS : STABLE_RELATIVE_PERCENT;
	if (Math.abs(diff) < threshold) return { reading: 'comme', peerMedian };
	const better = indicator.direction === 'up' ? diff > 0 : diff < 0;
	return { reading: better ? 'plus_favorable' : 'moins_favorable', peerMedian };
}

export const peerReadingLabels: Record<PeerReading, string> = {
	plus_favorable: 'a évolué plus favorablement que des quartiers comparables',
	moins_favorable: 'a évolué moins favorablement que des quartiers comparables',
	comme: 'a évolué comme des quartiers comparables',
	indetermine: 'pas de lecture possible face à des quartiers comparables'
};
