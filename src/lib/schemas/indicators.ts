// Indicator catalogue and observations in long form: one value per indicator, territory and vintage.
import { z } from 'zod';
import { defineTable } from './table';

export const pillars = [
	'cohesion_sociale',
	'cadre_de_vie',
	'emploi_developpement_economique'
] as const;
export const pillarLabels: Record<(typeof pillars)[number], string> = {
	cohesion_sociale: 'Cohésion sociale',
	cadre_de_vie: 'Cadre de vie et renouvellement urbain',
	emploi_developpement_economique: 'Développement économique et emploi'
};

/**
 * How an indicator may be aggregated across QPV: `sum` (counts), `ratio` (a rate that is the
 * ratio of two summable counts, named by numerator/denominator), or `none` (medians, deciles,
 * rates without a published denominator: never averaged).
 */
export const aggregations = ['sum', 'none'] as const;

export const indicatorsTable = defineTable({
	name: 'indicators',
	schema: z.object({
		id: z.string().regex(/^[a-z0-9_]+$/),
		label: z.string().min(1),
		unit: z.string().min(1),
		theme: z.string().min(1),
		pillar: z.enum(pillars),
		/** 'up' when a higher value is better, 'down' when worse, 'neutral' when neither. */
		direction: z.enum(['up', 'down', 'neutral']),
		/** Source family, e.g. 'sig-ville/DEMO', 'filosofi-qpv', 'filosofi-references'. */
		source: z.string().min(1),
		/** Column name(s) in the source files, '|' separated when they changed between vintages. */
		source_columns: z.string().min(1),
		aggregation: z.enum(aggregations),
		numerator_id: z.string().nullable(),
		denominator_id: z.string().nullable(),
		definition: z.string().min(1),
		/** Caveat on comparing vintages (changed definition, geography, source). */
		comparability_note: z.string().nullable()
	}),
	columns: {
		id: 'VARCHAR',
		label: 'VARCHAR',
		unit: 'VARCHAR',
		theme: 'VARCHAR',
		pillar: 'VARCHAR',
		direction: 'VARCHAR',
		source: 'VARCHAR',
		source_columns: 'VARCHAR',
		aggregation: 'VARCHAR',
		numerator_id: 'VARCHAR',
		denominator_id: 'VARCHAR',
		definition: 'VARCHAR',
		comparability_note: 'VARCHAR'
	},
	orderBy: ['id']
});

export const territoryTypes = [
	'qpv',
	'ensemble_qpv',
	'commune',
	'epci',
	'departement',
	'region',
	'france_metropolitaine'
] as const;
export type TerritoryType = (typeof territoryTypes)[number];

export const observationStatuses = ['ok', 'secret', 'missing'] as const;

export const observationsTable = defineTable({
	name: 'observations',
	schema: z.object({
		indicator_id: z.string().min(1),
		territory_type: z.enum(territoryTypes),
		territory_code: z.string().min(1),
		/** Year of the source file (millésime). */
		vintage: z.number().int().min(2000).max(2030),
		/** Year the figure describes (Filosofi: about vintage − 4); null when the source does not say. */
		reference_year: z.number().int().min(2000).max(2030).nullable(),
		value: z.number().nullable(),
		status: z.enum(observationStatuses),
		source_path: z.string().min(1),
		source_line: z.number().int().positive()
	}),
	columns: {
		indicator_id: 'VARCHAR',
		territory_type: 'VARCHAR',
		territory_code: 'VARCHAR',
		vintage: 'INTEGER',
		reference_year: 'INTEGER',
		value: 'DOUBLE',
		status: 'VARCHAR',
		source_path: 'VARCHAR',
		source_line: 'INTEGER'
	},
	// Sorted by territory first: pages read one territory at a time (zone maps prune the rest).
	orderBy: [
		'territory_type',
		'territory_code',
		'indicator_id',
		'vintage',
		'source_path',
		'source_line'
	]
});

/** Names of reference territories that have no code table of their own. */
export const referenceTerritoriesTable = defineTable({
	name: 'reference_territories',
	schema: z.object({
		territory_type: z.enum(territoryTypes),
		code: z.string().min(1),
		name: z.string().min(1),
		vintage: z.number().int()
	}),
	columns: { territory_type: 'VARCHAR', code: 'VARCHAR', name: 'VARCHAR', vintage: 'INTEGER' },
	orderBy: ['territory_type', 'code', 'vintage']
});

/** Rank of each QPV among all QPV with a published value, per indicator and vintage (1 = lowest). */
export const qpvRanksTable = defineTable({
	name: 'qpv_ranks',
	schema: z.object({
		qpv_code: z.string().min(1),
		indicator_id: z.string().min(1),
		/** Data year, or vintage when the data year is unpublished (canonical_series.period). */
		period: z.number().int(),
		period_kind: z.enum(['annee_donnees', 'millesime']),
		rank: z.number().int().positive(),
		n: z.number().int().positive()
	}),
	columns: {
		qpv_code: 'VARCHAR',
		indicator_id: 'VARCHAR',
		period: 'INTEGER',
		period_kind: 'VARCHAR',
		rank: 'INTEGER',
		n: 'INTEGER'
	},
	orderBy: ['qpv_code', 'indicator_id', 'period']
});

export type Indicator = z.infer<typeof indicatorsTable.schema>;
export type Observation = z.infer<typeof observationsTable.schema>;
export type Pillar = (typeof pillars)[number];
