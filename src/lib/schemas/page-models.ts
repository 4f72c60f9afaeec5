// Page models computed once by the data build so that an uncached contrat or QPV page reads a few
// rows by its own code instead of scanning and joining national tables at each render: the QPV,
// cités, posts and shared posts of each contrat, each QPV's identity and communes.
import { z } from 'zod';
import { contratCode, defineTable } from './table';

/** Charted on the QPV page (series against its references, place among all QPV). */
export const QPV_CHART_INDICATORS = ['revenu_disponible_median', 'tx_pauvrete_60', 'taux_emploi'];

/** The QPV of each contrat (derived link), with their communes in words and populations. */
export const contratQpvTable = defineTable({
	name: 'contrat_qpv',
	schema: z.object({
		contrat_code: contratCode,
		code: z.string(),
		name: z.string().nullable(),
		/** The QPV's published label, else its communes' names in alphabetical order. */
		communes: z.string().nullable(),
		population_2013: z.number().int().nullable(),
		population_2018: z.number().int().nullable(),
		method: z.string()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		code: 'VARCHAR',
		name: 'VARCHAR',
		communes: 'VARCHAR',
		population_2013: 'INTEGER',
		population_2018: 'INTEGER',
		method: 'VARCHAR'
	},
	orderBy: ['contrat_code', 'code']
});

/** Each post of a contrat also attached to other contrats, with those contrats. */
export const contratSharedPostsTable = defineTable({
	name: 'contrat_shared_posts',
	schema: z.object({
		contrat_code: contratCode,
		kind: z.enum(['adulte_relais', 'fonjep']),
		year: z.number().int(),
		post_id: z.string(),
		via_multi_code: z.boolean(),
		/** The other contrats, comma-separated in code order. */
		others: z.string()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		kind: 'VARCHAR',
		year: 'INTEGER',
		post_id: 'VARCHAR',
		via_multi_code: 'BOOLEAN',
		others: 'VARCHAR'
	},
	orderBy: ['contrat_code', 'kind', 'year', 'post_id']
});

/** Each cité whose communes lie in the contrat: its EPCI of 2015, its commune, its QPV's communes. */
export const contratCitesTable = defineTable({
	name: 'contrat_cites',
	schema: z.object({
		contrat_code: contratCode,
		kind: z.enum(['cite_educative', 'cite_emploi']),
		id: z.string(),
		name: z.string(),
		communes_label: z.string(),
		source_path: z.string()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		kind: 'VARCHAR',
		id: 'VARCHAR',
		name: 'VARCHAR',
		communes_label: 'VARCHAR',
		source_path: 'VARCHAR'
	},
	orderBy: ['contrat_code', 'kind', 'name', 'id']
});

/** Posts per year attached to each contrat: each post once, amounts of the records naming it. */
export const contratPostsTable = defineTable({
	name: 'contrat_posts',
	schema: z.object({
		contrat_code: contratCode,
		kind: z.enum(['adulte_relais', 'fonjep']),
		year: z.number().int(),
		posts: z.number().int().nonnegative(),
		/** Of which attached to this contrat and another one. */
		shared_posts: z.number().int().nonnegative(),
		amount_eur: z.number().nullable(),
		source_path: z.string()
	}),
	columns: {
		contrat_code: 'VARCHAR',
		kind: 'VARCHAR',
		year: 'INTEGER',
		posts: 'INTEGER',
		shared_posts: 'INTEGER',
		amount_eur: 'DOUBLE',
		source_path: 'VARCHAR'
	},
	orderBy: ['contrat_code', 'kind', 'year']
});

/** Each QPV with its département, région, contrat link (first of several, and their count), contour. */
export const qpvIdentityTable = defineTable({
	name: 'qpv_identity',
	schema: z.object({
		code: z.string(),
		name: z.string().nullable(),
		departement_code: z.string(),
		departement: z.string().nullable(),
		region_code: z.string().nullable(),
		region: z.string().nullable(),
		main_commune_code: z.string().nullable(),
		communes_label: z.string().nullable(),
		population_2013: z.number().int().nullable(),
		population_2018: z.number().int().nullable(),
		contrat_code: z.string().nullable(),
		contrat_name: z.string().nullable(),
		contrat_method: z.string().nullable(),
		contrat_count: z.number().int().nonnegative(),
		boundary: z.string().nullable()
	}),
	columns: {
		code: 'VARCHAR',
		name: 'VARCHAR',
		departement_code: 'VARCHAR',
		departement: 'VARCHAR',
		region_code: 'VARCHAR',
		region: 'VARCHAR',
		main_commune_code: 'VARCHAR',
		communes_label: 'VARCHAR',
		population_2013: 'INTEGER',
		population_2018: 'INTEGER',
		contrat_code: 'VARCHAR',
		contrat_name: 'VARCHAR',
		contrat_method: 'VARCHAR',
		contrat_count: 'INTEGER',
		boundary: 'VARCHAR'
	},
	orderBy: ['code']
});

/**
 * The communes of each QPV with their EPCI of 2015, in the order the QPV page lists them (the
 * commune named by qpv_info first, then by code): a page reads them by its code, with no join over
 * every commune at each render.
 */
export const qpvCommuneListTable = defineTable({
	name: 'qpv_commune_list',
	schema: z.object({
		qpv_code: z.string(),
		/** Rank in the page's order, from 1. */
		position: z.number().int().positive(),
		code: z.string(),
		name: z.string(),
		kind: z.string(),
		current_code: z.string().nullable(),
		epci2015_siren: z.string().nullable(),
		epci_name: z.string().nullable(),
		method: z.string()
	}),
	columns: {
		qpv_code: 'VARCHAR',
		position: 'INTEGER',
		code: 'VARCHAR',
		name: 'VARCHAR',
		kind: 'VARCHAR',
		current_code: 'VARCHAR',
		epci2015_siren: 'VARCHAR',
		epci_name: 'VARCHAR',
		method: 'VARCHAR'
	},
	orderBy: ['qpv_code', 'position']
});
