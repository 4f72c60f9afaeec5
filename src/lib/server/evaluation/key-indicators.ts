// The headline indicators of each pillar for scorecards and charts (ids of the catalogue).
import type { Pillar } from '$lib/schemas/indicators';

export const keyIndicatorsByPillar: Record<Pillar, string[]> = {
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
};

/** Charted on the QPV page: the series against its references, and its place among all QPV. */
export const qpvChartIndicators = ['revenu_disponible_median', 'tx_pauvrete_60', 'taux_emploi'];
