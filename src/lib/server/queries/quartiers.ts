// One QPV: identity, communes, contrat, boundary, and the reference territories it is compared with.
import { query } from '../db';
import type { TerritoryRef } from './observations';

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

export async function getQpv(code: string): Promise<QpvIdentity | undefined> {
	const rows = await query<QpvIdentity>(
		`SELECT q.code, q.name, q.departement_code, d.name AS departement, q.region_code, r.name AS region,
		        q.main_commune_code, q.communes_label, q.population_2013, q.population_2018,
		        min(qc.contrat_code) AS contrat_code, min(c.name) AS contrat_name, min(qc.method) AS contrat_method,
		        count(qc.contrat_code)::INTEGER AS contrat_count, min(b.geometry) AS boundary
		 FROM qpv q
		 LEFT JOIN departements d ON d.code = q.departement_code
		 LEFT JOIN regions r ON r.code = q.region_code
		 LEFT JOIN qpv_contrat qc ON qc.qpv_code = q.code
		 LEFT JOIN contrats c ON c.code = qc.contrat_code
		 LEFT JOIN qpv_boundaries b ON b.qpv_code = q.code
		 WHERE q.code = $1
		 GROUP BY ALL`,
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

export interface ReferenceTerritory extends TerritoryRef {
	kind: 'commune' | 'epci' | 'departement' | 'region' | 'france' | 'ensemble_qpv' | 'contrat_qpv';
	label: string;
}

/** The territories a QPV is compared with: main commune (2015 and current code), EPCI, etc. */
export function referenceTerritories(
	qpv: QpvIdentity,
	communes: QpvCommuneRow[]
): ReferenceTerritory[] {
	const refs: ReferenceTerritory[] = [];
	const main = communes.find((c) => c.code === qpv.main_commune_code) ?? communes[0];
	if (main) {
		refs.push({ kind: 'commune', type: 'commune', code: main.code, label: main.name });
		if (main.current_code && main.current_code !== main.code) {
			refs.push({ kind: 'commune', type: 'commune', code: main.current_code, label: main.name });
		}
		if (main.epci2015_siren) {
			refs.push({
				kind: 'epci',
				type: 'epci',
				code: main.epci2015_siren,
				label: main.epci_name ?? main.epci2015_siren
			});
		}
	}
	refs.push({
		kind: 'departement',
		type: 'departement',
		code: qpv.departement_code,
		label: qpv.departement ?? qpv.departement_code
	});
	if (qpv.region_code) {
		refs.push({
			kind: 'region',
			type: 'region',
			code: qpv.region_code,
			label: qpv.region ?? qpv.region_code
		});
	}
	refs.push({
		kind: 'france',
		type: 'france_metropolitaine',
		code: 'FRM',
		label: 'France métropolitaine'
	});
	refs.push({
		kind: 'ensemble_qpv',
		type: 'ensemble_qpv',
		code: 'ENSEMBLE_QPV',
		label: 'Ensemble des QPV'
	});
	return refs;
}

export interface QpvRankRow {
	indicator_id: string;
	vintage: number;
	rank: number;
	n: number;
}

/** Rank (1 = lowest value) of the QPV among all QPV with a published value (table qpv_ranks). */
export function getQpvRanks(code: string): Promise<QpvRankRow[]> {
	return query<QpvRankRow>(
		`SELECT indicator_id, vintage, rank, n FROM qpv_ranks WHERE qpv_code = $1 ORDER BY indicator_id, vintage`,
		[code]
	);
}
