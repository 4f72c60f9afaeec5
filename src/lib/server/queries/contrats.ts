// Contrats de ville: the filtered, sorted list and one contrat's identity, QPV and communes.
import { z } from 'zod';
import { query, type Param } from '../db';
import { latestQpvPeriodSql } from './latest';

export const contratSortKeys = [
	'code',
	'name',
	'departement',
	'region',
	'qpv_count',
	'population',
	'adultes_relais',
	'pauvrete'
] as const;

export const contratListFilters = z.object({
	region: z
		.string()
		.regex(/^\d{2}$/, 'code région invalide')
		.optional(),
	departement: z
		.string()
		.regex(/^(\d{2}|2[AB]|97\d)$/, 'code département invalide')
		.optional(),
	q: z.string().trim().max(100, 'recherche trop longue').optional(),
	tri: z
		.enum(contratSortKeys, {
			error: `tri inconnu (valeurs possibles : ${contratSortKeys.join(', ')})`
		})
		.default('code'),
	ordre: z.enum(['asc', 'desc'], { error: 'ordre inconnu (asc ou desc)' }).default('asc')
});
export type ContratListFilters = z.infer<typeof contratListFilters>;

export interface ContratListRow {
	code: string;
	name: string;
	perimeter: string;
	departement_code: string | null;
	departement: string | null;
	region_code: string | null;
	region: string | null;
	qpv_count: number;
	population: number | null;
	population_known: number;
	/** Adultes-relais posts of the latest year of the source (which lists every funded post). */
	adultes_relais: number;
	adultes_relais_year: number | null;
	/** Poverty rate range across the contrat's QPV, latest vintage (null without observations). */
	poverty_min: number | null;
	poverty_max: number | null;
	poverty_known: number | null;
}

export interface ContratListOptions {
	/**
	 * Indicator giving the poverty-rate range ('tx_pauvrete_60'); null when the build has no
	 * observations table, the columns are then null.
	 */
	povertyIndicator?: string | null;
}

const sortColumns: Record<(typeof contratSortKeys)[number], string> = {
	code: 'code',
	name: 'name',
	departement: 'departement_code',
	region: 'region',
	qpv_count: 'qpv_count',
	population: 'population',
	adultes_relais: 'adultes_relais',
	pauvrete: 'poverty_max'
};

/**
 * Pure builder: filters become positional parameters, the sort comes from a whitelist. Posts and
 * poverty are aggregated per contrat in subqueries so that they do not multiply the QPV rows.
 */
export function contratListQuery(
	filters: ContratListFilters,
	options: ContratListOptions = {}
): { sql: string; params: Param[] } {
	const where: string[] = [];
	const params: Param[] = [];
	if (filters.region) {
		params.push(filters.region);
		where.push(`d.region_code = $${params.length}`);
	}
	if (filters.departement) {
		params.push(filters.departement);
		where.push(`c.departement_code = $${params.length}`);
	}
	if (filters.q) {
		params.push(filters.q);
		where.push(
			`(contains(strip_accents(lower(c.name)), strip_accents(lower($${params.length}))) OR lower(c.code) = lower($${params.length}))`
		);
	}
	let poverty = `SELECT NULL::VARCHAR AS contrat_code, NULL::DOUBLE AS poverty_min,
         NULL::DOUBLE AS poverty_max, NULL::INTEGER AS poverty_known WHERE FALSE`;
	if (options.povertyIndicator) {
		params.push(options.povertyIndicator);
		const p = `$${params.length}`;
		// The latest period of the canonical series, as on the overview (queries/latest.ts).
		poverty = `WITH pick AS (${latestQpvPeriodSql(p)})
  SELECT qc2.contrat_code, min(o.value) AS poverty_min, max(o.value) AS poverty_max,
         count(o.value)::INTEGER AS poverty_known
  FROM qpv_contrat qc2
  JOIN canonical_series o ON o.territory_code = qc2.qpv_code AND o.territory_type = 'qpv'
   AND o.indicator_id = ${p} AND o.status = 'ok'
  JOIN pick ON pick.period = o.period AND pick.period_kind = o.period_kind
  GROUP BY qc2.contrat_code`;
	}
	const order = `${sortColumns[filters.tri]} ${filters.ordre === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, code`;
	const sql = `
SELECT c.code, c.name, c.perimeter, c.departement_code, d.name AS departement,
       d.region_code, r.name AS region,
       count(qc.qpv_code)::INTEGER AS qpv_count,
       sum(q.population_2018)::INTEGER AS population,
       count(q.population_2018)::INTEGER AS population_known,
       coalesce(ar.posts, 0)::INTEGER AS adultes_relais,
       (SELECT max(year) FROM dispositif_posts WHERE kind = 'adulte_relais') AS adultes_relais_year,
       pov.poverty_min, pov.poverty_max, pov.poverty_known
FROM contrats c
LEFT JOIN departements d ON d.code = c.departement_code
LEFT JOIN regions r ON r.code = d.region_code
LEFT JOIN qpv_contrat qc ON qc.contrat_code = c.code
LEFT JOIN qpv q ON q.code = qc.qpv_code
LEFT JOIN (
  SELECT contrat_code, count(DISTINCT post_id)::INTEGER AS posts FROM post_contrats
  WHERE kind = 'adulte_relais'
    AND year = (SELECT max(year) FROM dispositif_posts WHERE kind = 'adulte_relais')
  GROUP BY contrat_code
) ar ON ar.contrat_code = c.code
LEFT JOIN (${poverty}) pov ON pov.contrat_code = c.code
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
GROUP BY ALL
ORDER BY ${order}`;
	return { sql, params };
}

export function listContrats(
	filters: ContratListFilters,
	options: ContratListOptions = {}
): Promise<ContratListRow[]> {
	const { sql, params } = contratListQuery(filters, options);
	return query<ContratListRow>(sql, params);
}

export interface ContratIdentity {
	code: string;
	name: string;
	perimeter: string;
	commune_count: number | null;
	epci2015_siren: string | null;
	epci_name: string | null;
	commune_code: string | null;
	departement_code: string | null;
	departement: string | null;
	region: string | null;
	population_qpv_published: number | null;
	geometry: string | null;
}

export async function getContrat(code: string): Promise<ContratIdentity | undefined> {
	const rows = await query<ContratIdentity>(
		`SELECT c.code, c.name, c.perimeter, c.commune_count, c.epci2015_siren, e.name AS epci_name,
		        c.commune_code, c.departement_code, d.name AS departement, r.name AS region,
		        c.population_qpv_published, c.geometry
		 FROM contrats c
		 LEFT JOIN epci e ON e.siren = c.epci2015_siren
		 LEFT JOIN departements d ON d.code = c.departement_code
		 LEFT JOIN regions r ON r.code = d.region_code
		 WHERE c.code = $1`,
		[code]
	);
	return rows[0];
}

export interface ContratQpvRow {
	code: string;
	name: string | null;
	communes: string | null;
	population_2013: number | null;
	population_2018: number | null;
	method: string;
}

/** The contrat's QPV, from the page model contrat_qpv (pipelines/steps/contrat-qpv.ts). */
export function getContratQpv(code: string): Promise<ContratQpvRow[]> {
	return query<ContratQpvRow>(
		`SELECT code, name, communes, population_2013, population_2018, method
		 FROM contrat_qpv WHERE contrat_code = $1 ORDER BY code`,
		[code]
	);
}
