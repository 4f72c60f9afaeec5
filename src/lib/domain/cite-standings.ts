// Cités (éducatives, de l'emploi) per département or contrat over a base: cités per 100,000 QPV
// inhabitants, and the share of the QPV population living in a commune that hosts a cité.
import { ratePer } from './measure-progress';

export const CITES_PER = 100_000;

export interface CitesRow {
	code: string;
	name: string | null;
	departement_code: string | null;
	qpv_population: number | null;
	covered_population: number;
	cites: number;
	source_path: string;
}

export interface CiteStanding extends CitesRow {
	rank: number;
	name: string;
	/** Cités per 100,000 QPV inhabitants (2018 population); null without QPV population. */
	rate: number | null;
	/** % of the QPV population in a commune hosting a cité: an upper bound of the population covered. */
	coverage: number | null;
}

/**
 * Ranked by cités per 100,000 QPV inhabitants, highest first; among equal rates (0 above all) the
 * largest QPV population first, so the territories with most QPV inhabitants and no cité lead
 * the list of those without; territories without QPV population last.
 */
export function citeStandings(rows: CitesRow[]): CiteStanding[] {
	const withRates = rows.map((r) => ({
		...r,
		name: r.name ?? r.code,
		rank: 0,
		rate: ratePer(r.cites, r.qpv_population, CITES_PER),
		coverage: ratePer(r.covered_population, r.qpv_population, 100)
	}));
	withRates.sort((a, b) => {
		if (a.rate === null || b.rate === null)
			return a.rate === b.rate ? a.code.localeCompare(b.code) : a.rate === null ? 1 : -1;
		return (
			b.rate - a.rate ||
			(b.qpv_population ?? 0) - (a.qpv_population ?? 0) ||
			a.code.localeCompare(b.code)
		);
	});
	return withRates.map((r, i) => ({ ...r, rank: i + 1 }));
}
