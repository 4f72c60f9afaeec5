// Means of a contrat set against the others: funded projects per pillar and per 1,000 QPV
// inhabitants, posts per 1,000 inhabitants, and the national distribution, all computed in DuckDB.
import { memo, query } from '../db';
import type { FundedPillar } from '$lib/schemas/actions';
import { CONTRAT_POPULATION_SQL } from '$lib/schemas/contrat-means';

/**
 * Per pillar: the contrat's projects and rate, the distribution of rates among the contrats with
 * funded-project data, and the median of the `PEER_SPAN` contrats of nearest QPV population on each
 * side (contrat_pillar_projects, read through the contrat page model, queries/contrat-page.ts).
 */
export interface PillarProjects {
	pillar: FundedPillar;
	projects: number;
	per_1000: number;
	national_projects: number;
	national_q1: number;
	national_median: number;
	national_q3: number;
	contrats: number;
	/** Contrats with fewer projects per 1,000 inhabitants (rank among `contrats`). */
	below: number;
	peer_median: number | null;
	peers: number;
}

/** Distinct posts per year per 1,000 QPV inhabitants (2018), and France's (contrat_post_rates). */
export interface PostRate {
	kind: 'adulte_relais' | 'fonjep';
	year: number;
	posts: number;
	shared_posts: number;
	per_1000: number | null;
	national_per_1000: number;
}

/** A post of the contrat also attached to other contrats (contrat_shared_posts). */
export interface SharedPost {
	kind: 'adulte_relais' | 'fonjep';
	year: number;
	post_id: string;
	others: string;
	via_multi_code: boolean;
}

export interface FundedRowSource {
	source_path: string;
	source_line: number;
	published_name: string | null;
}

/** The rejected row of a contrat the source lists without a count, if any. */
export async function getFundedEmptyRow(code: string): Promise<{ line: number } | null> {
	const rows = await query<{ line: number }>(
		`SELECT min(line)::INTEGER AS line FROM rejects
		 WHERE path = 'actions-financees/cv_nb_projets.gpkg' AND "column" = 'nb_projets'
		   AND list_contains(string_split(split_part(value, 'code_cv ', 2), ' '), $1)`,
		[code]
	);
	return rows[0]?.line ? rows[0] : null;
}

export interface NationalPillar {
	pillar: FundedPillar;
	projects: number;
	contrats: number;
}

export const nationalPillars = memo(() =>
	query<NationalPillar>(
		`SELECT pillar, sum(projects)::INTEGER AS projects, count(*)::INTEGER AS contrats
		 FROM funded_projects GROUP BY 1 ORDER BY projects DESC`
	)
);

export interface DepartementProjects {
	departement_code: string;
	departement: string | null;
	/** A pillar, or `total` for all projects. */
	pillar: FundedPillar | 'total';
	projects: number;
	contrats: number;
	population: number;
	per_1000: number;
}

/**
 * Projects per pillar (and in all) in each département of the contrats (their QPV's when the
 * contrat has none, as in Corse), per 1,000 inhabitants of
 * the QPV of its contrats that have a count (contrats without a count are left out of both).
 */
export const departementProjects = memo(() =>
	query<DepartementProjects>(
		`WITH pop AS (${CONTRAT_POPULATION_SQL}),
		 qpv_dep AS (
		   SELECT qc.contrat_code, min(q.departement_code) AS departement_code
		   FROM qpv_contrat qc JOIN qpv q ON q.code = qc.qpv_code GROUP BY 1),
		 counted AS (
		   SELECT c.code, coalesce(c.departement_code, qd.departement_code) AS departement_code, p.population
		   FROM contrats c JOIN pop p ON p.contrat_code = c.code
		   LEFT JOIN qpv_dep qd ON qd.contrat_code = c.code
		   WHERE c.code IN (SELECT contrat_code FROM funded_project_totals)),
		 dep AS (SELECT departement_code, sum(population) AS population, count(*) AS contrats FROM counted GROUP BY 1),
		 rows AS (
		   SELECT k.departement_code, f.pillar, f.projects FROM funded_projects f JOIN counted k ON k.code = f.contrat_code
		   UNION ALL
		   SELECT k.departement_code, 'total', t.projects FROM funded_project_totals t JOIN counted k ON k.code = t.contrat_code)
		 SELECT r.departement_code, d.name AS departement, r.pillar, sum(r.projects)::INTEGER AS projects,
		        any_value(dep.contrats)::INTEGER AS contrats, any_value(dep.population) AS population,
		        1000.0 * sum(r.projects) / any_value(dep.population) AS per_1000
		 FROM rows r JOIN dep ON dep.departement_code = r.departement_code
		 LEFT JOIN departements d ON d.code = r.departement_code
		 GROUP BY 1, 2, 3 ORDER BY 1, 3`
	)
);

export interface FundedSummary {
	projects: number;
	contrats: number;
	contrats_total: number;
	rejected_rows: number;
}

export const fundedSummary = memo(async () => {
	const [row] = await query<FundedSummary>(
		`SELECT (SELECT sum(projects) FROM funded_project_totals)::INTEGER AS projects,
		        (SELECT count(*) FROM funded_project_totals)::INTEGER AS contrats,
		        (SELECT count(*) FROM contrats)::INTEGER AS contrats_total,
		        (SELECT count(*) FROM rejects WHERE path = 'actions-financees/cv_nb_projets.gpkg')::INTEGER AS rejected_rows`
	);
	return row!;
});
