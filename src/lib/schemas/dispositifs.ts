// Dispositifs of the policy: adultes-relais and FONJEP posts, cités éducatives, cités de l'emploi.
import { z } from 'zod';
import { communeCode, contratCode, defineTable, departementCode, regionCode } from './table';

export const postsTable = defineTable({
	name: 'dispositif_posts',
	schema: z.object({
		kind: z.enum(['adulte_relais', 'fonjep']),
		year: z.number().int().min(2015).max(2030),
		post_id: z.string().min(1),
		contrat_code: contratCode.nullable(),
		/** Every contrat the record's `code_cv` names (`CV380,CV384` for a two-contrat code). */
		contrat_codes: z
			.string()
			.regex(/^CV\d{3}(,CV\d{3})*$/)
			.nullable(),
		departement_code: departementCode.nullable(),
		region_code: regionCode.nullable(),
		amount_eur: z.number().nonnegative().nullable(),
		employer_siret: z.string().nullable(),
		employer_name: z.string().nullable(),
		source_path: z.string(),
		source_line: z.number().int().positive()
	}),
	columns: {
		kind: 'VARCHAR',
		year: 'INTEGER',
		post_id: 'VARCHAR',
		contrat_code: 'VARCHAR',
		contrat_codes: 'VARCHAR',
		departement_code: 'VARCHAR',
		region_code: 'VARCHAR',
		amount_eur: 'DOUBLE',
		employer_siret: 'VARCHAR',
		employer_name: 'VARCHAR',
		source_path: 'VARCHAR',
		source_line: 'INTEGER'
	},
	orderBy: ['kind', 'year', 'post_id', 'source_line']
});

export const citesTable = defineTable({
	name: 'cites',
	schema: z.object({
		kind: z.enum(['cite_educative', 'cite_emploi']),
		/** As published, e.g. 'cite-002 ; cite-127' when two labels share one point. */
		id: z.string().min(1),
		name: z.string().min(1),
		communes_label: z.string(),
		longitude: z.number().nullable(),
		latitude: z.number().nullable(),
		source_path: z.string()
	}),
	columns: {
		kind: 'VARCHAR',
		id: 'VARCHAR',
		name: 'VARCHAR',
		communes_label: 'VARCHAR',
		longitude: 'DOUBLE',
		latitude: 'DOUBLE',
		source_path: 'VARCHAR'
	},
	orderBy: ['kind', 'id']
});

export const citeCommunesTable = defineTable({
	name: 'cite_communes',
	schema: z.object({
		kind: z.enum(['cite_educative', 'cite_emploi']),
		cite_id: z.string().min(1),
		commune_code: communeCode
	}),
	columns: { kind: 'VARCHAR', cite_id: 'VARCHAR', commune_code: 'VARCHAR' },
	orderBy: ['kind', 'cite_id', 'commune_code']
});

export type DispositifPost = z.infer<typeof postsTable.schema>;
export type Cite = z.infer<typeof citesTable.schema>;
