// Evaluation tables precomputed by the build: data years per file, one canonical series per
// indicator, territory and year, declared breaks, reference territories of each QPV by year, the
// QPV gaps to their territories, QPV evolutions, peer readings and the contrat synthesis.
import { z } from 'zod';
import { defineTable } from './table';
import { territoryTypes, observationStatuses } from './indicators';

/** 'annee_donnees': the year the figures describe; 'millesime': the file year, data year unpublished. */
export const periodKinds = ['annee_donnees', 'millesime'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const periodKindLabels: Record<PeriodKind, string> = {
	annee_donnees: 'Année des données',
	millesime: 'Millésime (année des données non publiée)'
};
export const UNPUBLISHED_DATA_YEAR = 'année des données non publiée';

/** How the data year of one indicator in one file was established. */
export const dataYearsTable = defineTable({
	name: 'data_years',
	schema: z.object({
		source_path: z.string(),
		indicator_id: z.string(),
		vintage: z.number().int(),
		data_year: z.number().int().nullable(),
		method: z.string()
	}),
	columns: {
		source_path: 'VARCHAR',
		indicator_id: 'VARCHAR',
		vintage: 'INTEGER',
		data_year: 'INTEGER',
		method: 'VARCHAR'
	},
	orderBy: ['source_path', 'indicator_id']
});

/** One value per indicator, territory and period, chosen among the sources by precedence. */
export const canonicalSeriesTable = defineTable({
	name: 'canonical_series',
	schema: z.object({
		indicator_id: z.string(),
		territory_type: z.enum(territoryTypes),
		territory_code: z.string(),
		/** Position on the time axis: the data year, or the vintage when the data year is unpublished. */
		period: z.number().int(),
		period_kind: z.enum(periodKinds),
		data_year: z.number().int().nullable(),
		vintage: z.number().int(),
		value: z.number().nullable(),
		status: z.enum(observationStatuses),
		source_path: z.string(),
		source_line: z.number().int(),
		/** Comparability segment: increments at each declared break; trends stay within one. */
		segment: z.number().int(),
		/** Other files that carry the same period (not shown, kept in `observations`). */
		other_sources: z.string().nullable()
	}),
	columns: {
		indicator_id: 'VARCHAR',
		territory_type: 'VARCHAR',
		territory_code: 'VARCHAR',
		period: 'INTEGER',
		period_kind: 'VARCHAR',
		data_year: 'INTEGER',
		vintage: 'INTEGER',
		value: 'DOUBLE',
		status: 'VARCHAR',
		source_path: 'VARCHAR',
		source_line: 'INTEGER',
		segment: 'INTEGER',
		other_sources: 'VARCHAR'
	},
	orderBy: ['territory_type', 'territory_code', 'indicator_id', 'period']
});

/** A comparability break declared in data/reference/series-breaks.csv, with its measured evidence. */
export const seriesBreaksTable = defineTable({
	name: 'series_breaks',
	schema: z.object({
		indicator_id: z.string(),
		/** First period of the new segment. */
		period: z.number().int(),
		period_kind: z.enum(periodKinds),
		kind: z.enum(['base', 'definition', 'source']),
		reason: z.string(),
		/** Figures measured on the files at build time. */
		evidence: z.string()
	}),
	columns: {
		indicator_id: 'VARCHAR',
		period: 'INTEGER',
		period_kind: 'VARCHAR',
		kind: 'VARCHAR',
		reason: 'VARCHAR',
		evidence: 'VARCHAR'
	},
	orderBy: ['indicator_id', 'period']
});

export const referenceKinds = ['commune', 'epci', 'departement', 'france_metropolitaine'] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

/** The territories a QPV is compared with, per data year (EPCI of that year's geography). */
export const qpvReferencesTable = defineTable({
	name: 'qpv_references',
	schema: z.object({
		qpv_code: z.string(),
		data_year: z.number().int(),
		reference_kind: z.enum(referenceKinds),
		territory_type: z.enum(territoryTypes),
		territory_code: z.string(),
		method: z.string()
	}),
	columns: {
		qpv_code: 'VARCHAR',
		data_year: 'INTEGER',
		reference_kind: 'VARCHAR',
		territory_type: 'VARCHAR',
		territory_code: 'VARCHAR',
		method: 'VARCHAR'
	},
	orderBy: ['qpv_code', 'data_year', 'reference_kind', 'territory_code']
});

export const gapMeasures = ['points', 'ratio'] as const;
export const gapTrends = ['resserre', 'creuse', 'stable', 'indetermine'] as const;

/** Gap of a QPV to one reference territory at the baseline and the latest common data year. */
export const qpvGapsTable = defineTable({
	name: 'qpv_gaps',
	schema: z.object({
		qpv_code: z.string(),
		indicator_id: z.string(),
		reference_kind: z.enum(referenceKinds),
		/** Code at the latest year (an EPCI may change code across years: see qpv_references). */
		reference_code: z.string(),
		measure: z.enum(gapMeasures),
		baseline_year: z.number().int().nullable(),
		baseline_qpv: z.number().nullable(),
		baseline_reference: z.number().nullable(),
		baseline_gap: z.number().nullable(),
		latest_year: z.number().int().nullable(),
		latest_qpv: z.number().nullable(),
		latest_reference: z.number().nullable(),
		latest_gap: z.number().nullable(),
		trend: z.enum(gapTrends),
		note: z.string().nullable()
	}),
	columns: {
		qpv_code: 'VARCHAR',
		indicator_id: 'VARCHAR',
		reference_kind: 'VARCHAR',
		reference_code: 'VARCHAR',
		measure: 'VARCHAR',
		baseline_year: 'INTEGER',
		baseline_qpv: 'DOUBLE',
		baseline_reference: 'DOUBLE',
		baseline_gap: 'DOUBLE',
		latest_year: 'INTEGER',
		latest_qpv: 'DOUBLE',
		latest_reference: 'DOUBLE',
		latest_gap: 'DOUBLE',
		trend: 'VARCHAR',
		note: 'VARCHAR'
	},
	orderBy: ['qpv_code', 'indicator_id', 'reference_kind', 'reference_code']
});

export const verdicts = ['amelioration', 'degradation', 'stable', 'indetermine'] as const;

/** Baseline → latest of a headline indicator for one QPV, read on its canonical series. */
export const qpvEvolutionsTable = defineTable({
	name: 'qpv_evolutions',
	schema: z.object({
		qpv_code: z.string(),
		indicator_id: z.string(),
		period_kind: z.enum(periodKinds),
		baseline_period: z.number().int().nullable(),
		baseline_value: z.number().nullable(),
		baseline_source: z.string().nullable(),
		latest_period: z.number().int().nullable(),
		latest_value: z.number().nullable(),
		latest_source: z.string().nullable(),
		change: z.number().nullable(),
		verdict: z.enum(verdicts),
		reason: z.string().nullable()
	}),
	columns: {
		qpv_code: 'VARCHAR',
		indicator_id: 'VARCHAR',
		period_kind: 'VARCHAR',
		baseline_period: 'INTEGER',
		baseline_value: 'DOUBLE',
		baseline_source: 'VARCHAR',
		latest_period: 'INTEGER',
		latest_value: 'DOUBLE',
		latest_source: 'VARCHAR',
		change: 'DOUBLE',
		verdict: 'VARCHAR',
		reason: 'VARCHAR'
	},
	orderBy: ['qpv_code', 'indicator_id']
});

export const peerReadings = ['plus_favorable', 'moins_favorable', 'comme', 'indetermine'] as const;

/** A QPV's change set against the median change of comparable QPV outside its contrat. */
export const qpvPeersTable = defineTable({
	name: 'qpv_peers',
	schema: z.object({
		qpv_code: z.string(),
		indicator_id: z.string(),
		peer_group: z.string(),
		n_peers: z.number().int(),
		qpv_change: z.number().nullable(),
		peer_median_change: z.number().nullable(),
		reading: z.enum(peerReadings)
	}),
	columns: {
		qpv_code: 'VARCHAR',
		indicator_id: 'VARCHAR',
		peer_group: 'VARCHAR',
		n_peers: 'INTEGER',
		qpv_change: 'DOUBLE',
		peer_median_change: 'DOUBLE',
		reading: 'VARCHAR'
	},
	orderBy: ['qpv_code', 'indicator_id']
});

export const contratFigureKinds = [
	'somme_memes_qpv',
	'moyenne_ponderee',
	'mediane',
	'aucune'
] as const;

/** One evaluated indicator (headline or pillar table) of one contrat: counts of verdicts, contrat figure, gaps, peers. */
export const contratSynthesisTable = defineTable({
	name: 'contrat_synthesis',
	schema: z.object({
		contrat_code: z.string(),
		indicator_id: z.string(),
		period_kind: z.enum(periodKinds),
		n_qpv: z.number().int(),
		n_improved: z.number().int(),
		n_worsened: z.number().int(),
		n_stable: z.number().int(),
		n_not_comparable: z.number().int(),
		baseline_period: z.number().int().nullable(),
		latest_period: z.number().int().nullable(),
		figure_kind: z.enum(contratFigureKinds),
		/** French label naming what the figure is (sum over the same QPV, weights, median). */
		figure_label: z.string(),
		figure_baseline: z.number().nullable(),
		figure_latest: z.number().nullable(),
		figure_n_qpv: z.number().int(),
		/** figure_latest − figure_baseline (points for a rate) and its verdict; none for a level. */
		figure_change: z.number().nullable(),
		figure_verdict: z.enum(verdicts),
		/** Median over the QPV of the gap to their EPCI (points or % of the EPCI's value). */
		gap_measure: z.enum(gapMeasures).nullable(),
		gap_baseline: z.number().nullable(),
		gap_latest: z.number().nullable(),
		furthest_qpv_code: z.string().nullable(),
		furthest_value: z.number().nullable(),
		n_peers_more: z.number().int(),
		n_peers_less: z.number().int(),
		n_peers_same: z.number().int()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		indicator_id: 'VARCHAR',
		period_kind: 'VARCHAR',
		n_qpv: 'INTEGER',
		n_improved: 'INTEGER',
		n_worsened: 'INTEGER',
		n_stable: 'INTEGER',
		n_not_comparable: 'INTEGER',
		baseline_period: 'INTEGER',
		latest_period: 'INTEGER',
		figure_kind: 'VARCHAR',
		figure_label: 'VARCHAR',
		figure_baseline: 'DOUBLE',
		figure_latest: 'DOUBLE',
		figure_n_qpv: 'INTEGER',
		figure_change: 'DOUBLE',
		figure_verdict: 'VARCHAR',
		gap_measure: 'VARCHAR',
		gap_baseline: 'DOUBLE',
		gap_latest: 'DOUBLE',
		furthest_qpv_code: 'VARCHAR',
		furthest_value: 'DOUBLE',
		n_peers_more: 'INTEGER',
		n_peers_less: 'INTEGER',
		n_peers_same: 'INTEGER'
	},
	orderBy: ['contrat_code', 'indicator_id']
});

export type DataYear = z.infer<typeof dataYearsTable.schema>;
export type CanonicalPoint = z.infer<typeof canonicalSeriesTable.schema>;
export type SeriesBreak = z.infer<typeof seriesBreaksTable.schema>;
export type QpvReference = z.infer<typeof qpvReferencesTable.schema>;
export type QpvGap = z.infer<typeof qpvGapsTable.schema>;
export type QpvEvolution = z.infer<typeof qpvEvolutionsTable.schema>;
export type QpvPeer = z.infer<typeof qpvPeersTable.schema>;
export type ContratSynthesisRow = z.infer<typeof contratSynthesisTable.schema>;
