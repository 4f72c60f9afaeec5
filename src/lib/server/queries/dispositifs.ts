// Dispositifs present in a contrat: adultes-relais and FONJEP posts by year, cités in its communes.
import { query } from '../db';

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

/** Posts per year attached to the contrat: each post once, amounts of the records naming it. */
export function getContratPosts(code: string): Promise<PostsByYear[]> {
	// Page model built once by the data build (pipelines/steps/contrat-posts.ts).
	return query<PostsByYear>(
		`SELECT kind, year, posts, shared_posts, amount_eur, source_path
		 FROM contrat_posts WHERE contrat_code = $1 ORDER BY kind, year`,
		[code]
	);
}

export interface CiteRow {
	kind: 'cite_educative' | 'cite_emploi';
	id: string;
	name: string;
	communes_label: string;
	source_path: string;
}

/** Cités whose communes lie in the contrat: its EPCI of 2015, its commune, or its QPV's communes. */
export function getContratCites(code: string): Promise<CiteRow[]> {
	// Page model built once by the data build (pipelines/steps/contrat-cites.ts).
	return query<CiteRow>(
		`SELECT kind, id, name, communes_label, source_path
		 FROM contrat_cites WHERE contrat_code = $1 ORDER BY kind, name, id`,
		[code]
	);
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
