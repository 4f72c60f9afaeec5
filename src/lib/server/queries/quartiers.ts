// One QPV: identity, communes, contrat, boundary, and its ranks among all QPV by data year.
import { query } from '../db';

export interface QpvIdentity {
	code: string;
	name: string | null;
	departement_code: string;
	departement: string | null;
	region_code: string | null;
	region: string | null;
	main_commune_code: string | null;
	communes_label: string | null;
	population_2013: number | null;
	population_2018: number | null;
	contrat_code: string | null;
	contrat_name: string | null;
	contrat_method: string | null;
	contrat_count: number;
	boundary: string | null;
}

/**
 * The contrat link and the boundary are read by the QPV's code in their own subqueries: grouping
 * the QPV row with its boundary text (GROUP BY ALL) cost three times as much.
 */
export async function getQpv(code: string): Promise<QpvIdentity | undefined> {
	const rows = await query<QpvIdentity>(
		`WITH links AS (
		   SELECT min(qc.contrat_code) AS contrat_code, min(c.name) AS contrat_name,
		          min(qc.method) AS contrat_method, count(qc.contrat_code)::INTEGER AS contrat_count
		   FROM qpv_contrat qc LEFT JOIN contrats c ON c.code = qc.contrat_code
		   WHERE qc.qpv_code = $1)
		 SELECT q.code, q.name, q.departement_code, d.name AS departement, q.region_code, r.name AS region,
		        q.main_commune_code, q.communes_label, q.population_2013, q.population_2018,
		        l.contrat_code, l.contrat_name, l.contrat_method, l.contrat_count,
		        (SELECT min(b.geometry) FROM qpv_boundaries b WHERE b.qpv_code = $1) AS boundary
		 FROM qpv q CROSS JOIN links l
		 LEFT JOIN departements d ON d.code = q.departement_code
		 LEFT JOIN regions r ON r.code = q.region_code
		 WHERE q.code = $1`,
		[code]
	);
	return rows[0];
}

export interface QpvCommuneRow {
	code: string;
	name: string;
	kind: string;
	current_code: string | null;
	epci2015_siren: string | null;
	epci_name: string | null;
	method: string;
}

export function getQpvCommunes(code: string): Promise<QpvCommuneRow[]> {
	return query<QpvCommuneRow>(
		`SELECT m.code, m.name, m.kind, m.current_code, m.epci2015_siren, e.name AS epci_name, x.method
		 FROM qpv_communes x JOIN communes m ON m.code = x.commune_code
		 LEFT JOIN epci e ON e.siren = m.epci2015_siren
		 WHERE x.qpv_code = $1 ORDER BY x.method <> 'qpv_info_nom_commune', m.code`,
		[code]
	);
}

export interface QpvRankRow {
	indicator_id: string;
	/** Data year, or vintage when the data year is unpublished. */
	period: number;
	period_kind: 'annee_donnees' | 'millesime';
	rank: number;
	n: number;
}

/** Rank (1 = lowest value) of the QPV among all QPV published in each data year (qpv_ranks). */
export function getQpvRanks(code: string): Promise<QpvRankRow[]> {
	return query<QpvRankRow>(
		`SELECT indicator_id, period, period_kind, rank, n FROM qpv_ranks WHERE qpv_code = $1 ORDER BY indicator_id, period`,
		[code]
	);
}
