// contrat_pillar_projects: for every contrat with a funded-project count, per pillar, its projects
// per 1,000 QPV inhabitants against the distribution over all such contrats (a contrat without a
// row in a pillar has 0 there) and the median of the contrats of nearest QPV population: the
// page reads one contrat's four rows instead of ranking every contrat on each render.
import {
	CONTRAT_POPULATION_SQL,
	contratPillarProjectsTable,
	PEER_SPAN
} from '../../src/lib/schemas/contrat-means';
import { fundedPillars } from '../../src/lib/schemas/actions';
import type { Step } from '../lib/step';

export const contratPillarProjectsStep: Step = {
	table: contratPillarProjectsTable.name,
	async run(ctx) {
		const pillarList = fundedPillars.map((p) => `('${p}')`).join(', ');
		await ctx.db.insertSorted(
			contratPillarProjectsTable,
			`WITH pop AS (${CONTRAT_POPULATION_SQL}),
			 ranked AS (
			   SELECT p.contrat_code, p.population,
			          row_number() OVER (ORDER BY p.population, p.contrat_code) AS r
			   FROM pop p WHERE p.contrat_code IN (SELECT contrat_code FROM funded_project_totals)),
			 rates AS (
			   SELECT k.contrat_code, k.r, p.pillar, coalesce(f.projects, 0) AS projects,
			          1000.0 * coalesce(f.projects, 0) / k.population AS rate
			   FROM ranked k CROSS JOIN (VALUES ${pillarList}) p(pillar)
			   LEFT JOIN funded_projects f ON f.contrat_code = k.contrat_code AND f.pillar = p.pillar),
			 national AS (
			   SELECT pillar, sum(projects)::INTEGER AS projects, quantile_cont(rate, 0.25) AS q1,
			          median(rate) AS median, quantile_cont(rate, 0.75) AS q3, count(*)::INTEGER AS n
			   FROM rates GROUP BY pillar),
			 peers AS (
			   SELECT m.contrat_code, m.pillar, median(r.rate) AS median, count(r.rate)::INTEGER AS n
			   FROM rates m LEFT JOIN rates r ON r.pillar = m.pillar AND r.r <> m.r
			     AND r.r BETWEEN m.r - ${PEER_SPAN} AND m.r + ${PEER_SPAN}
			   GROUP BY m.contrat_code, m.pillar)
			 SELECT m.contrat_code, m.pillar, m.projects::INTEGER AS projects, m.rate AS per_1000,
			        n.projects AS national_projects, n.q1 AS national_q1, n.median AS national_median,
			        n.q3 AS national_q3, n.n AS contrats,
			        -- rank() - 1: the contrats with a strictly lower rate
			        (rank() OVER (PARTITION BY m.pillar ORDER BY m.rate) - 1)::INTEGER AS below,
			        p.median AS peer_median, p.n AS peers
			 FROM rates m JOIN national n ON n.pillar = m.pillar
			 JOIN peers p ON p.contrat_code = m.contrat_code AND p.pillar = m.pillar`
		);
	}
};
