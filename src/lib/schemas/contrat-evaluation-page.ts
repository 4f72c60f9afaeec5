// Page model of the contrat page's evaluation: its synthesis rows and its QPV's evolutions as one
// JSON text each per contrat. Read by code at each uncached render, they replace two lookups that
// scanned every column of contrat_synthesis and qpv_evolutions (most of that page's DuckDB time).
import { z } from 'zod';
import { contratCode, defineTable } from './table';

export const contratEvaluationPageTable = defineTable({
	name: 'contrat_evaluation_page',
	schema: z.object({
		contrat_code: contratCode,
		/** The contrat's contrat_synthesis rows (all columns) by indicator_id, as a JSON array. */
		synthesis: z.string(),
		/** The qpv_evolutions rows of its QPV (contrat_qpv) by QPV and indicator, as a JSON array. */
		evolutions: z.string()
	}),
	columns: { contrat_code: 'VARCHAR', synthesis: 'VARCHAR', evolutions: 'VARCHAR' },
	orderBy: ['contrat_code']
});
