// Territories: régions, départements, communes, EPCI of 2015, QPV of 2015, contrats de ville and
// the derived QPV → contrat link.
import { z } from 'zod';
import { communeCode, contratCode, defineTable, qpvCode, regionCode, sirenCode } from './table';

/**
 * Département codes of the territory tables: those of `table.ts` plus the collectivités d'outre-mer
 * 98x (Polynésie française has 76 QPV 2015, code QP987…), which have no region.
 */
export const departementCode = z
	.string()
	.regex(/^(\d{2}|2[AB]|97\d|98\d)$/, 'code département invalide');

export const regionsTable = defineTable({
	name: 'regions',
	schema: z.object({ code: regionCode, name: z.string().min(1) }),
	columns: { code: 'VARCHAR', name: 'VARCHAR' },
	orderBy: ['code']
});

export const departementsTable = defineTable({
	name: 'departements',
	schema: z.object({
		code: departementCode,
		name: z.string().min(1),
		/** Null for the collectivités d'outre-mer (975, 977, 978, 98x), which belong to no region. */
		region_code: regionCode.nullable()
	}),
	columns: { code: 'VARCHAR', name: 'VARCHAR', region_code: 'VARCHAR' },
	orderBy: ['code']
});

/** Communes of the COG 2022 plus the 2015 communes merged since (kind = 'fusionnee'). */
export const communesTable = defineTable({
	name: 'communes',
	schema: z.object({
		code: communeCode,
		name: z.string().min(1),
		departement_code: departementCode,
		region_code: regionCode.nullable(),
		/** 'actuelle' (COG 2022) or 'ancienne' (a 2015 commune merged since). */
		kind: z.enum(['actuelle', 'ancienne']),
		/** For an 'ancienne' commune, the COG 2022 commune it belongs to. */
		current_code: communeCode.nullable(),
		epci2015_siren: sirenCode.nullable(),
		population: z.number().int().nonnegative().nullable(),
		longitude: z.number().nullable(),
		latitude: z.number().nullable()
	}),
	columns: {
		code: 'VARCHAR',
		name: 'VARCHAR',
		departement_code: 'VARCHAR',
		region_code: 'VARCHAR',
		kind: 'VARCHAR',
		current_code: 'VARCHAR',
		epci2015_siren: 'VARCHAR',
		population: 'INTEGER',
		longitude: 'DOUBLE',
		latitude: 'DOUBLE'
	},
	orderBy: ['code']
});

/** EPCI at 1 January 2015 (DGCL epcicom2015): the perimeters the contrats were signed on. */
export const epciTable = defineTable({
	name: 'epci',
	schema: z.object({
		siren: sirenCode,
		name: z.string().min(1),
		legal_form: z.string(),
		departement_code: departementCode,
		commune_count: z.number().int().nonnegative(),
		population: z.number().int().nonnegative().nullable()
	}),
	columns: {
		siren: 'VARCHAR',
		name: 'VARCHAR',
		legal_form: 'VARCHAR',
		departement_code: 'VARCHAR',
		commune_count: 'INTEGER',
		population: 'INTEGER'
	},
	orderBy: ['siren']
});

export const qpvTable = defineTable({
	name: 'qpv',
	schema: z.object({
		code: qpvCode,
		name: z.string().nullable(),
		departement_code: departementCode,
		region_code: regionCode.nullable(),
		main_commune_code: communeCode.nullable(),
		/** Communes as written by SIG Ville (`LIB_COM`), for multi-commune QPV. */
		communes_label: z.string().nullable(),
		population_2013: z.number().int().nonnegative().nullable(),
		population_2018: z.number().int().nonnegative().nullable()
	}),
	columns: {
		code: 'VARCHAR',
		name: 'VARCHAR',
		departement_code: 'VARCHAR',
		region_code: 'VARCHAR',
		main_commune_code: 'VARCHAR',
		communes_label: 'VARCHAR',
		population_2013: 'INTEGER',
		population_2018: 'INTEGER'
	},
	orderBy: ['code']
});

export const qpvCommunesTable = defineTable({
	name: 'qpv_communes',
	schema: z.object({
		qpv_code: qpvCode,
		commune_code: communeCode,
		/** How the link was found, e.g. 'qpv_info_nom_commune', 'lib_com'. */
		method: z.string().min(1)
	}),
	columns: { qpv_code: 'VARCHAR', commune_code: 'VARCHAR', method: 'VARCHAR' },
	orderBy: ['qpv_code', 'commune_code']
});

export const contratsTable = defineTable({
	name: 'contrats',
	schema: z.object({
		code: contratCode,
		name: z.string().min(1),
		perimeter: z.enum(['epci', 'commune']),
		commune_count: z.number().int().nonnegative().nullable(),
		epci2015_siren: sirenCode.nullable(),
		commune_code: communeCode.nullable(),
		departement_code: departementCode.nullable(),
		/** `pop` of geom_cv_ctr.json (population in QPV as published by ANCT). */
		population_qpv_published: z.number().nonnegative().nullable(),
		longitude: z.number().nullable(),
		latitude: z.number().nullable(),
		/** GeoJSON geometry (WGS84) of the perimeter, null when only a centroid exists. */
		geometry: z.string().nullable()
	}),
	columns: {
		code: 'VARCHAR',
		name: 'VARCHAR',
		perimeter: 'VARCHAR',
		commune_count: 'INTEGER',
		epci2015_siren: 'VARCHAR',
		commune_code: 'VARCHAR',
		departement_code: 'VARCHAR',
		population_qpv_published: 'DOUBLE',
		longitude: 'DOUBLE',
		latitude: 'DOUBLE',
		geometry: 'VARCHAR'
	},
	orderBy: ['code']
});

export const qpvContratMethods = [
	'override',
	'commune_epci2015',
	'commune_contrat',
	'commune_epci2015_multi',
	/** QPV without a known commune, in a département that has exactly one contrat (Polynésie). */
	'departement_contrat_unique',
	/**
	 * QPV whose communes lead to several contrats, settled by ANCT's published QPV population of
	 * each contrat (`pop` of geom_cv_ctr.json): the only choice under which every sum matches.
	 */
	'population_publiee'
] as const;

export const qpvContratTable = defineTable({
	name: 'qpv_contrat',
	schema: z.object({
		qpv_code: qpvCode,
		contrat_code: contratCode,
		method: z.enum(qpvContratMethods),
		note: z.string().nullable()
	}),
	columns: { qpv_code: 'VARCHAR', contrat_code: 'VARCHAR', method: 'VARCHAR', note: 'VARCHAR' },
	orderBy: ['qpv_code', 'contrat_code']
});

/** QPV boundaries where the data has one (Occitanie, Hackaviz 2021). */
export const qpvBoundariesTable = defineTable({
	name: 'qpv_boundaries',
	schema: z.object({ qpv_code: qpvCode, geometry: z.string().min(1), source_path: z.string() }),
	columns: { qpv_code: 'VARCHAR', geometry: 'VARCHAR', source_path: 'VARCHAR' },
	orderBy: ['qpv_code']
});

export type Region = z.infer<typeof regionsTable.schema>;
export type Departement = z.infer<typeof departementsTable.schema>;
export type Commune = z.infer<typeof communesTable.schema>;
export type Epci = z.infer<typeof epciTable.schema>;
export type Qpv = z.infer<typeof qpvTable.schema>;
export type QpvCommune = z.infer<typeof qpvCommunesTable.schema>;
export type Contrat = z.infer<typeof contratsTable.schema>;
export type QpvContrat = z.infer<typeof qpvContratTable.schema>;
