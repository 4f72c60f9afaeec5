// Baromètre des résultats de l'action publique (Etalab 2017–2022 and DITP 2021–2024 series).
import { z } from 'zod';
import { defineTable } from './table';

export const barometreIndicatorsTable = defineTable({
	name: 'barometre_indicators',
	schema: z.object({
		/** Etalab slug (e.g. 'nb-maisons-sante') or DITP id (e.g. 'IND-223'). */
		id: z.string().min(1),
		source: z.enum(['etalab', 'ditp']),
		label: z.string().min(1),
		/** The government measure (Etalab `mesure`) or DITP chantier name. */
		measure: z.string().nullable(),
		unit: z.string().nullable(),
		/** 'hausse' / 'baisse' as published by the DITP, null when not published. */
		trend: z.string().nullable(),
		description: z.string().nullable()
	}),
	columns: {
		id: 'VARCHAR',
		source: 'VARCHAR',
		label: 'VARCHAR',
		measure: 'VARCHAR',
		unit: 'VARCHAR',
		trend: 'VARCHAR',
		description: 'VARCHAR'
	},
	orderBy: ['source', 'id']
});

export const barometreValuesTable = defineTable({
	name: 'barometre_values',
	schema: z.object({
		indicator_id: z.string().min(1),
		level: z.enum(['national', 'regional', 'departemental']),
		/** '' never: 'FR' for national, région or département code otherwise. */
		territory_code: z.string().min(1),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
		value: z.number().nullable(),
		/** DITP only: initial and target values (`indic_vi`, `indic_vc`). */
		value_initial: z.number().nullable(),
		value_target: z.number().nullable(),
		source_path: z.string(),
		source_line: z.number().int().positive()
	}),
	columns: {
		indicator_id: 'VARCHAR',
		level: 'VARCHAR',
		territory_code: 'VARCHAR',
		date: 'VARCHAR',
		value: 'DOUBLE',
		value_initial: 'DOUBLE',
		value_target: 'DOUBLE',
		source_path: 'VARCHAR',
		source_line: 'INTEGER'
	},
	orderBy: ['indicator_id', 'level', 'territory_code', 'date', 'source_path', 'source_line']
});

export type BarometreIndicator = z.infer<typeof barometreIndicatorsTable.schema>;
export type BarometreValue = z.infer<typeof barometreValuesTable.schema>;

/** One indicator of a DITP method note (barometre-documentation/*.md), in the note's own words. */
export const barometreDocumentationTable = defineTable({
	name: 'barometre_documentation',
	schema: z.object({
		file: z.string().min(1),
		/** Number of the indicator in the note (1 when the note has a single indicator). */
		indicator: z.number().int().positive(),
		title: z.string().min(1),
		name: z.string().nullable(),
		definition: z.string().nullable(),
		production: z.string().nullable(),
		frequency: z.string().nullable(),
		temporal_coverage: z.string().nullable(),
		spatial_coverage: z.string().nullable(),
		granularity: z.string().nullable()
	}),
	columns: {
		file: 'VARCHAR',
		indicator: 'INTEGER',
		title: 'VARCHAR',
		name: 'VARCHAR',
		definition: 'VARCHAR',
		production: 'VARCHAR',
		frequency: 'VARCHAR',
		temporal_coverage: 'VARCHAR',
		spatial_coverage: 'VARCHAR',
		granularity: 'VARCHAR'
	},
	orderBy: ['file', 'indicator']
});

export type BarometreDocumentation = z.infer<typeof barometreDocumentationTable.schema>;
