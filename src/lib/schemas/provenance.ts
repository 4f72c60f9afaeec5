// Provenance of every source file and the rows the build could not load.
import { z } from 'zod';
import { defineTable } from './table';

export const provenanceTable = defineTable({
	name: 'provenance',
	schema: z.object({
		path: z.string().min(1),
		sha256: z.string().regex(/^[0-9a-f]{64}$/),
		producer: z.string().min(1),
		vintage: z.string().min(1),
		licence: z.string().min(1),
		rows_read: z.number().int().nonnegative(),
		rows_loaded: z.number().int().nonnegative(),
		rows_rejected: z.number().int().nonnegative(),
		/** Aggregate rows (e.g. `Ensemble des QPV`) and notes, loaded elsewhere or set aside. */
		rows_aggregate: z.number().int().nonnegative(),
		/** Tables fed by the file, comma separated. */
		tables: z.string()
	}),
	columns: {
		path: 'VARCHAR',
		sha256: 'VARCHAR',
		producer: 'VARCHAR',
		vintage: 'VARCHAR',
		licence: 'VARCHAR',
		rows_read: 'INTEGER',
		rows_loaded: 'INTEGER',
		rows_rejected: 'INTEGER',
		rows_aggregate: 'INTEGER',
		tables: 'VARCHAR'
	},
	orderBy: ['path']
});

export const rejectsTable = defineTable({
	name: 'rejects',
	schema: z.object({
		path: z.string(),
		line: z.number().int().nonnegative(),
		column: z.string(),
		value: z.string(),
		reason: z.string()
	}),
	columns: {
		path: 'VARCHAR',
		line: 'INTEGER',
		column: 'VARCHAR',
		value: 'VARCHAR',
		reason: 'VARCHAR'
	},
	orderBy: ['path', 'line', 'column']
});

export type Provenance = z.infer<typeof provenanceTable.schema>;
export type Reject = z.infer<typeof rejectsTable.schema>;
