// Figures of the small ONPV 2018 report tables (school moves at entry to collège, QPV vs non-QPV),
// one row per published cell, kept as published: row label and column key of the source table.
import { z } from 'zod';
import { defineTable } from './table';

export const onpvFiguresTable = defineTable({
	name: 'onpv_figures',
	schema: z.object({
		/** The source file name without extension, e.g. 'onpv_graph2_chart'. */
		source_table: z.string().min(1),
		/** The first column of the row as published, e.g. 'Catégories sociales favorisées'. */
		row_label: z.string().min(1),
		/** The column header as published, e.g. 'qpv', 'h_qpv', 'pub_priv'. */
		column_key: z.string().min(1),
		/** Null when the cell is empty in the source. */
		value: z.number().nullable(),
		/** '%' or 'effectif' as far as the source shows it, null otherwise. */
		unit: z.enum(['%', 'effectif']).nullable(),
		source_path: z.string(),
		source_line: z.number().int().positive()
	}),
	columns: {
		source_table: 'VARCHAR',
		row_label: 'VARCHAR',
		column_key: 'VARCHAR',
		value: 'DOUBLE',
		unit: 'VARCHAR',
		source_path: 'VARCHAR',
		source_line: 'INTEGER'
	},
	orderBy: ['source_table', 'source_line', 'column_key']
});

export type OnpvFigure = z.infer<typeof onpvFiguresTable.schema>;
