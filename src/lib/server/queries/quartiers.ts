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

/** The QPV's identity, from the page model qpv_identity (pipelines/steps/qpv-identity.ts). */
export async function getQpv(code: string): Promise<QpvIdentity | undefined> {
	const rows = await query<QpvIdentity>(`SELECT * FROM qpv_identity WHERE code = $1`, [code]);
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
