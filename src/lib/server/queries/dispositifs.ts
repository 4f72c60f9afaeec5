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
	return query<PostsByYear>(
		`WITH links AS (SELECT * FROM post_contrats WHERE contrat_code = $1),
		 amounts AS (
		   SELECT d.kind, d.year, sum(d.amount_eur) AS amount_eur FROM dispositif_posts d
		   -- contains() first: a cheap scan that the exact list test then confirms
		   WHERE contains(d.contrat_codes, $1) AND list_contains(string_split(d.contrat_codes, ','), $1)
		   GROUP BY ALL)
		 SELECT l.kind, l.year, count(DISTINCT l.post_id)::INTEGER AS posts,
		        (count(DISTINCT l.post_id) FILTER (WHERE l.contrat_count > 1))::INTEGER AS shared_posts,
		        any_value(a.amount_eur) AS amount_eur, min(l.source_path) AS source_path
		 FROM links l LEFT JOIN amounts a ON a.kind = l.kind AND a.year = l.year
		 GROUP BY l.kind, l.year ORDER BY l.kind, l.year`,
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
	return query<CiteRow>(
		`WITH perimeter AS (
		   -- two equality joins, not one join on an OR (which DuckDB runs as a nested loop)
		   SELECT m.code FROM contrats c JOIN communes m ON m.epci2015_siren = c.epci2015_siren
		   WHERE c.code = $1
		   UNION
		   SELECT m.code FROM contrats c JOIN communes m ON m.code = c.commune_code
		   WHERE c.code = $1
		   UNION
		   SELECT x.commune_code FROM qpv_contrat qc JOIN qpv_communes x ON x.qpv_code = qc.qpv_code
		   WHERE qc.contrat_code = $1
		   UNION
		   SELECT m.current_code FROM contrats c JOIN communes m ON m.epci2015_siren = c.epci2015_siren
		   WHERE c.code = $1 AND m.current_code IS NOT NULL)
		 SELECT DISTINCT t.kind, t.id, t.name, t.communes_label, t.source_path
		 FROM cites t JOIN cite_communes cc ON cc.kind = t.kind AND cc.cite_id = t.id
		 WHERE cc.commune_code IN (SELECT code FROM perimeter)
		 ORDER BY t.kind, t.name`,
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
