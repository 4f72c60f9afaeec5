// Dispositifs present in a contrat: adultes-relais and FONJEP posts by year, cités in its communes.
import { query } from '../db';

/** Posts per year attached to a contrat, each post once (contrat_posts, in the contrat page model). */
export interface PostsByYear {
	kind: 'adulte_relais' | 'fonjep';
	year: number;
	/** Distinct posts (identical records were rejected; a post under two contrats counts here). */
	posts: number;
	/** Of which attached to this contrat and another one (two records or a code like CV380CV384). */
	shared_posts: number;
	amount_eur: number | null;
	source_path: string;
}

/** A cité in the contrat's communes: EPCI of 2015, commune or QPV communes (contrat_cites). */
export interface CiteRow {
	kind: 'cite_educative' | 'cite_emploi';
	id: string;
	name: string;
	communes_label: string;
	source_path: string;
}

export interface TimelineFact {
	id: string;
	date: string | null;
	statement: string;
	source_urls: string;
}

export function getTimelineFacts(ids: string[]): Promise<TimelineFact[]> {
	const marks = ids.map((_, i) => `$${i + 1}`).join(', ');
	return query<TimelineFact>(
		`SELECT id, date, statement, source_urls FROM faits_attestes WHERE id IN (${marks}) ORDER BY date NULLS LAST, id`,
		ids
	);
}
