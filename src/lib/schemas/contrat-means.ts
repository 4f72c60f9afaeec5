// Page models of a contrat's means, computed once by the data build for every contrat: funded
// projects per pillar against all contrats and the comparable ones, posts per 1,000 inhabitants.
import { z } from 'zod';
import { fundedPillars } from './actions';
import { contratCode, defineTable } from './table';

/** How many contrats of nearest QPV population (on each side) make the comparison group. */
export const PEER_SPAN = 10;

/** QPV population 2018 of each contrat, through the derived QPV → contrat link. */
export const CONTRAT_POPULATION_SQL = `
  SELECT qc.contrat_code, sum(q.population_2018)::DOUBLE AS population
  FROM qpv_contrat qc JOIN qpv q ON q.code = qc.qpv_code
  GROUP BY 1 HAVING count(q.population_2018) = count(*) AND sum(q.population_2018) > 0`;

export const contratPillarProjectsTable = defineTable({
	name: 'contrat_pillar_projects',
	schema: z.object({
		contrat_code: contratCode,
		pillar: z.enum(fundedPillars),
		projects: z.number().int().nonnegative(),
		per_1000: z.number(),
		national_projects: z.number().int(),
		national_q1: z.number(),
		national_median: z.number(),
		national_q3: z.number(),
		/** Contrats with a count and a known QPV population (the distribution's size). */
		contrats: z.number().int(),
		/** Contrats with fewer projects per 1,000 inhabitants. */
		below: z.number().int(),
		/** Median rate of the `PEER_SPAN` contrats of nearest QPV population on each side. */
		peer_median: z.number().nullable(),
		peers: z.number().int()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		pillar: 'VARCHAR',
		projects: 'INTEGER',
		per_1000: 'DOUBLE',
		national_projects: 'INTEGER',
		national_q1: 'DOUBLE',
		national_median: 'DOUBLE',
		national_q3: 'DOUBLE',
		contrats: 'INTEGER',
		below: 'INTEGER',
		peer_median: 'DOUBLE',
		peers: 'INTEGER'
	},
	orderBy: ['contrat_code', 'pillar']
});

export const contratPostRatesTable = defineTable({
	name: 'contrat_post_rates',
	schema: z.object({
		contrat_code: contratCode,
		kind: z.enum(['adulte_relais', 'fonjep']),
		year: z.number().int(),
		/** Distinct posts attached to the contrat that year (0 when none). */
		posts: z.number().int().nonnegative(),
		/** Of which attached to another contrat too. */
		shared_posts: z.number().int().nonnegative(),
		/** Per 1,000 QPV inhabitants (2018); null when the contrat's QPV population is not known. */
		per_1000: z.number().nullable(),
		/** France's rate: posts of the contrats with a known population over their population. */
		national_per_1000: z.number()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		kind: 'VARCHAR',
		year: 'INTEGER',
		posts: 'INTEGER',
		shared_posts: 'INTEGER',
		per_1000: 'DOUBLE',
		national_per_1000: 'DOUBLE'
	},
	orderBy: ['contrat_code', 'kind', 'year']
});
