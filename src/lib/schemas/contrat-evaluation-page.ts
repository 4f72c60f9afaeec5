// Page model of the contrat page: everything it reads by the contrat's code, as one JSON text per
// part and one row per contrat. Read in one lookup at each uncached render, it replaces about ten
// lookups by code (each a few tables' worth of DuckDB work: most of that page's query time).
import { z } from 'zod';
import { contratCode, defineTable } from './table';

export const contratEvaluationPageTable = defineTable({
	name: 'contrat_evaluation_page',
	schema: z.object({
		contrat_code: contratCode,
		/** The contrat's contrat_synthesis rows (all columns) by indicator_id, as a JSON array. */
		synthesis: z.string(),
		/** The qpv_evolutions rows of its QPV (contrat_qpv) by QPV and indicator, as a JSON array. */
		evolutions: z.string(),
		/** Its identity (contrats with its EPCI, département and région names), as a JSON object. */
		contrat: z.string(),
		/** Its contrat_qpv rows by QPV code (JSON array); the parts below likewise, in page order. */
		qpv: z.string(),
		posts: z.string(),
		cites: z.string(),
		pillar_projects: z.string(),
		post_rates: z.string(),
		shared_posts: z.string(),
		/** Where its funded-projects total comes from (JSON object), null without a count. */
		funded_total: z.string().nullable()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		synthesis: 'VARCHAR',
		evolutions: 'VARCHAR',
		contrat: 'VARCHAR',
		qpv: 'VARCHAR',
		posts: 'VARCHAR',
		cites: 'VARCHAR',
		pillar_projects: 'VARCHAR',
		post_rates: 'VARCHAR',
		shared_posts: 'VARCHAR',
		funded_total: 'VARCHAR'
	},
	orderBy: ['contrat_code']
});
