// Search by contrat, EPCI, commune or QPV name (or code): answers contrats and QPV, each once.
// Accents, case, hyphens and apostrophes do not matter ("Bourg en Bresse" finds Bourg-en-Bresse).
import { query } from '../db';

export interface ContratHit {
	code: string;
	name: string;
	departement: string | null;
	qpv_count: number;
	/** Why it matched, e.g. 'commune Marseille' or 'intercommunalité CA …'; null on its own name. */
	via: string | null;
}

export interface QpvHit {
	code: string;
	name: string;
	communes: string | null;
	contrat_code: string | null;
	contrat_name: string | null;
}

export interface SearchResults {
	contrats: ContratHit[];
	qpv: QpvHit[];
	/** QPV matched beyond the ones listed (the list is capped). */
	moreQpv: number;
}

/** SQL that folds a text for matching: lower case, no accents, hyphens and apostrophes as spaces. */
export const fold = (sql: string) =>
	`trim(regexp_replace(strip_accents(lower(${sql})), '[-‐’''\\s]+', ' ', 'g'))`;

/** Pure SQL text; $1 is the user's text. */
export function searchSql(): { contrats: string; qpv: string } {
	const needle = fold('$1');
	const communes = `SELECT code, name FROM communes WHERE contains(${fold('name')}, ${needle})`;
	const qpvHits = `
  SELECT q.code, NULL AS via, 0 AS rank FROM qpv q
  WHERE contains(${fold('q.name')}, ${needle}) OR lower(q.code) = lower(trim($1))
  UNION ALL
  SELECT qc.qpv_code, 'commune ' || m.name, 1 FROM qpv_communes qc
  JOIN (${communes}) m ON m.code = qc.commune_code`;
	const contrats = `
WITH hits AS (
  SELECT c.code, NULL AS via, CASE WHEN starts_with(${fold('c.name')}, ${needle}) THEN 0 ELSE 1 END AS rank
  FROM contrats c WHERE contains(${fold('c.name')}, ${needle}) OR lower(c.code) = lower(trim($1))
  UNION ALL
  SELECT c.code, 'intercommunalité ' || e.name, 2 FROM epci e JOIN contrats c ON c.epci2015_siren = e.siren
  WHERE contains(${fold('e.name')}, ${needle})
  UNION ALL
  SELECT c.code, 'commune ' || m.name, 3 FROM contrats c JOIN (${communes}) m ON m.code = c.commune_code
  UNION ALL
  SELECT qk.contrat_code, 'commune ' || m.name, 3 FROM qpv_communes qc
  JOIN (${communes}) m ON m.code = qc.commune_code JOIN qpv_contrat qk ON qk.qpv_code = qc.qpv_code
), best AS (
  SELECT code, arg_min(via, rank) AS via, min(rank) AS rank FROM hits GROUP BY code
)
SELECT c.code, c.name, d.name AS departement, b.via,
       (SELECT count(*) FROM qpv_contrat k WHERE k.contrat_code = c.code)::INTEGER AS qpv_count
FROM best b JOIN contrats c ON c.code = b.code LEFT JOIN departements d ON d.code = c.departement_code
ORDER BY b.rank, c.name, c.code LIMIT 30`;
	const qpv = `
WITH hits AS (${qpvHits}), best AS (SELECT code, min(rank) AS rank FROM hits GROUP BY code)
SELECT q.code, coalesce(q.name, q.code) AS name, q.communes_label AS communes,
       k.contrat_code, c.name AS contrat_name, count(*) OVER () AS total
FROM best b JOIN qpv q ON q.code = b.code
LEFT JOIN (SELECT qpv_code, min(contrat_code) AS contrat_code FROM qpv_contrat GROUP BY qpv_code) k
  ON k.qpv_code = q.code
LEFT JOIN contrats c ON c.code = k.contrat_code
ORDER BY b.rank, q.name, q.code LIMIT 60`;
	return { contrats, qpv };
}

export async function search(text: string): Promise<SearchResults> {
	const sql = searchSql();
	const [contrats, qpv] = await Promise.all([
		query<ContratHit>(sql.contrats, [text]),
		query<QpvHit & { total: number | bigint }>(sql.qpv, [text])
	]);
	const total = qpv.length ? Number(qpv[0]!.total) : 0;
	return {
		contrats,
		qpv: qpv.map(({ total: _total, ...hit }) => hit),
		moreQpv: total - qpv.length
	};
}
