// Means of the contrats: projects funded by the politique de la ville credits (per contrat and per
// pillar, ANCT GeoPackage files) and the contrats each adulte-relais / FONJEP post is attached to.
import { z } from 'zod';
import { contratCode, defineTable } from './table';

/** The four themes of the subsidy base: the three pillars of the contrats, plus steering. */
export const fundedPillars = [
	'cohesion_sociale',
	'emploi_developpement_economique',
	'cadre_de_vie',
	'pilotage'
] as const;
export type FundedPillar = (typeof fundedPillars)[number];

export const fundedPillarLabels: Record<FundedPillar, string> = {
	cohesion_sociale: 'Cohésion sociale',
	emploi_developpement_economique: 'Développement économique et emploi',
	cadre_de_vie: 'Cadre de vie et renouvellement urbain',
	pilotage: 'Pilotage, ingénierie, ressources et évaluation'
};

/**
 * The year is not written in the files: the source's build script (anct-carto/ci-ville,
 * src/db/data_init.R) names the base "2020 - base 37460 actions avec bénéficiaires".
 */
export const FUNDED_PROJECTS_YEAR = 2020;
export const FUNDED_PROJECTS_YEAR_NOTE =
	'Année 2020 déduite du script de construction de la source (anct-carto/ci-ville, data_init.R : « 2020 - base 37460 actions avec bénéficiaires ») : elle n’est pas écrite dans les fichiers.';

const common = {
	contrat_code: contratCode,
	projects: z.number().int().nonnegative(),
	data_year: z.number().int(),
	/** Contrat name as the file publishes it (`lib_cv`). */
	published_name: z.string().nullable(),
	source_path: z.string(),
	/** The GeoPackage feature id (`fid`): a GeoPackage has no lines. */
	source_line: z.number().int().positive()
};
const commonColumns = {
	contrat_code: 'VARCHAR',
	projects: 'INTEGER',
	data_year: 'INTEGER',
	published_name: 'VARCHAR',
	source_path: 'VARCHAR',
	source_line: 'INTEGER'
} as const;

export const fundedProjectTotalsTable = defineTable({
	name: 'funded_project_totals',
	schema: z.object(common),
	columns: commonColumns,
	orderBy: ['contrat_code']
});

export const fundedProjectsTable = defineTable({
	name: 'funded_projects',
	schema: z.object({
		...common,
		pillar: z.enum(fundedPillars),
		/** Theme as published, e.g. "2- Pilier développement économique et emploi". */
		theme: z.string().min(1)
	}),
	columns: { ...commonColumns, pillar: 'VARCHAR', theme: 'VARCHAR' },
	orderBy: ['contrat_code', 'pillar']
});

export const postContratsTable = defineTable({
	name: 'post_contrats',
	schema: z.object({
		kind: z.enum(['adulte_relais', 'fonjep']),
		year: z.number().int(),
		post_id: z.string().min(1),
		contrat_code: contratCode,
		/** Number of contrats this post is attached to that year: above 1, it is shown on each. */
		contrat_count: z.number().int().positive(),
		/** Attached through a code naming two contrats (`CV380CV384`). */
		via_multi_code: z.boolean(),
		source_path: z.string()
	}),
	columns: {
		kind: 'VARCHAR',
		year: 'INTEGER',
		post_id: 'VARCHAR',
		contrat_code: 'VARCHAR',
		contrat_count: 'INTEGER',
		via_multi_code: 'BOOLEAN',
		source_path: 'VARCHAR'
	},
	orderBy: ['kind', 'year', 'post_id', 'contrat_code']
});

export type FundedProject = z.infer<typeof fundedProjectsTable.schema>;
export type FundedProjectTotal = z.infer<typeof fundedProjectTotalsTable.schema>;
export type PostContrat = z.infer<typeof postContratsTable.schema>;
