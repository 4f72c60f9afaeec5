// Referentials of the 2018 policy (feuille de route, Pacte de Dijon, PaQte), curated by hand in
// data/reference/ from data/raw/referentiels/attested-facts.md: only what public sources attest.
import { z } from 'zod';
import { pillars } from './indicators';
import { defineTable } from './table';

/** One source reference as the notes write it: host and optional path, no scheme, no spaces. */
const SOURCE = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s;]*)?$/i;

/** `;`-separated source references (`weka.fr/…;landot-avocats.net/…`), null when none. */
export const sourceUrls = z
	.string()
	.refine(
		(v) => v.split(';').every((part) => SOURCE.test(part)),
		'adresse de source invalide (attendu « hôte/chemin » sans espace, séparées par « ; »)'
	)
	.nullable();

export function splitSourceUrls(value: string | null): string[] {
	return value ? value.split(';') : [];
}

const slug = (what: string) =>
	z.string().regex(/^[a-z0-9_]+$/, `identifiant de ${what} invalide (minuscules, chiffres, _)`);
const text = (what: string) => z.string({ error: `${what} manquant` }).min(1, `${what} manquant`);
const pillar = z
	.enum(pillars, { error: `pilier inconnu (attendu ${pillars.join(', ')})` })
	.nullable();

export const MEASURE_COUNT = 40;
export const measureId = z
	.string()
	.regex(/^M(0[1-9]|[1-3]\d|40)$/, 'identifiant de mesure invalide (attendu M01 à M40)');
export const measureStatuses = ['atteste', 'non_documente'] as const;

export const programmesTable = defineTable({
	name: 'programmes',
	schema: z.object({
		id: slug('programme'),
		label: text('libellé'),
		source_urls: sourceUrls
	}),
	columns: { id: 'VARCHAR', label: 'VARCHAR', source_urls: 'VARCHAR' },
	orderBy: ['id']
});

export const mesuresTable = defineTable({
	name: 'mesures',
	schema: z
		.object({
			/** Slot number chosen by the project, not the official numbering (not available). */
			id: measureId,
			programme_id: slug('programme').nullable(),
			/** Null when no available source attests the title: never invented. */
			title: z.string().nullable(),
			status: z.enum(measureStatuses, {
				error: 'statut inconnu (attendu atteste ou non_documente)'
			}),
			source_urls: sourceUrls,
			pillar,
			note: z.string().nullable()
		})
		.superRefine((row, ctx) => {
			if (row.status === 'atteste' && !row.title) {
				ctx.addIssue({ code: 'custom', path: ['title'], message: 'mesure attestée sans intitulé' });
			}
			if (row.status === 'non_documente' && row.title) {
				ctx.addIssue({
					code: 'custom',
					path: ['title'],
					message: 'intitulé donné pour une mesure « non_documente » (statut attendu : atteste)'
				});
			}
			if (row.status === 'atteste' && !row.source_urls && !row.note) {
				ctx.addIssue({
					code: 'custom',
					path: ['source_urls'],
					message: 'mesure attestée sans source ni note'
				});
			}
		}),
	columns: {
		id: 'VARCHAR',
		programme_id: 'VARCHAR',
		title: 'VARCHAR',
		status: 'VARCHAR',
		source_urls: 'VARCHAR',
		pillar: 'VARCHAR',
		note: 'VARCHAR'
	},
	orderBy: ['id']
});

export const pacteDijonLeads = ['etat', 'intercommunalite'] as const;

export const pacteDijonDomainesTable = defineTable({
	name: 'pacte_dijon_domaines',
	schema: z
		.object({
			id: slug('domaine'),
			label: text('libellé'),
			/** Who commits on the domain; null when the sources list the domain without saying. */
			lead: z
				.enum(pacteDijonLeads, { error: 'pilote inconnu (attendu etat ou intercommunalite)' })
				.nullable(),
			pillar,
			source_urls: sourceUrls,
			note: z.string().nullable()
		})
		.superRefine((row, ctx) => {
			if (!row.source_urls && !row.note) {
				ctx.addIssue({
					code: 'custom',
					path: ['source_urls'],
					message: 'domaine sans source ni note'
				});
			}
		}),
	columns: {
		id: 'VARCHAR',
		label: 'VARCHAR',
		lead: 'VARCHAR',
		pillar: 'VARCHAR',
		source_urls: 'VARCHAR',
		note: 'VARCHAR'
	},
	orderBy: ['id']
});

export const paqteAxesTable = defineTable({
	name: 'paqte_axes',
	schema: z.object({
		id: slug('axe'),
		label: text('libellé'),
		description: text('description'),
		source_urls: sourceUrls
	}),
	columns: { id: 'VARCHAR', label: 'VARCHAR', description: 'VARCHAR', source_urls: 'VARCHAR' },
	orderBy: ['id']
});

export const factSubjects = ['feuille_de_route', 'pacte_dijon', 'paqte'] as const;

export const faitsAttestesTable = defineTable({
	name: 'faits_attestes',
	schema: z
		.object({
			id: z.string().regex(/^F\d{2,3}$/, 'identifiant de fait invalide (attendu F01, F02…)'),
			/** 'feuille_de_route', 'pacte_dijon', 'paqte' or a measure id (M01…M40). */
			subject: z.union([z.enum(factSubjects), measureId], {
				error: 'sujet inconnu (attendu feuille_de_route, pacte_dijon, paqte ou M01 à M40)'
			}),
			/** As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD; null when undated. */
			date: z
				.string()
				.regex(
					/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
					'date invalide (attendu AAAA, AAAA-MM ou AAAA-MM-JJ)'
				)
				.nullable(),
			statement: text('énoncé'),
			value: z.number().nullable(),
			unit: z.string().nullable(),
			source_urls: sourceUrls,
			note: z.string().nullable()
		})
		.superRefine((row, ctx) => {
			if (!row.source_urls && !row.note) {
				ctx.addIssue({
					code: 'custom',
					path: ['source_urls'],
					message: 'fait sans source ni note'
				});
			}
			if (row.value !== null && !row.unit) {
				ctx.addIssue({ code: 'custom', path: ['unit'], message: 'valeur sans unité' });
			}
		}),
	columns: {
		id: 'VARCHAR',
		subject: 'VARCHAR',
		date: 'VARCHAR',
		statement: 'VARCHAR',
		value: 'DOUBLE',
		unit: 'VARCHAR',
		source_urls: 'VARCHAR',
		note: 'VARCHAR'
	},
	orderBy: ['id']
});

export const linkTargetKinds = ['barometre', 'dispositif', 'indicateur'] as const;
/** Dispositif targets: the `kind` values of `dispositif_posts` and `cites`. */
export const dispositifKinds = [
	'adulte_relais',
	'fonjep',
	'cite_educative',
	'cite_emploi'
] as const;

const linkFields = {
	/** 'barometre': barometre_indicators.id; 'indicateur': indicators.id; 'dispositif': a kind. */
	target_kind: z.enum(linkTargetKinds, {
		error: 'type de cible inconnu (attendu barometre, dispositif ou indicateur)'
	}),
	target_id: text('identifiant de cible'),
	rationale: text('justification')
};

function checkDispositif(
	row: { target_kind: string; target_id: string },
	ctx: z.RefinementCtx
): void {
	if (
		row.target_kind === 'dispositif' &&
		!(dispositifKinds as readonly string[]).includes(row.target_id)
	) {
		ctx.addIssue({
			code: 'custom',
			path: ['target_id'],
			message: `dispositif inconnu (attendu ${dispositifKinds.join(', ')})`
		});
	}
}

export const mesureIndicateursTable = defineTable({
	name: 'mesure_indicateurs',
	schema: z.object({ measure_id: measureId, ...linkFields }).superRefine(checkDispositif),
	columns: {
		measure_id: 'VARCHAR',
		target_kind: 'VARCHAR',
		target_id: 'VARCHAR',
		rationale: 'VARCHAR'
	},
	orderBy: ['measure_id', 'target_kind', 'target_id']
});

export const pacteDijonIndicateursTable = defineTable({
	name: 'pacte_dijon_indicateurs',
	schema: z.object({ domain_id: slug('domaine'), ...linkFields }).superRefine(checkDispositif),
	columns: {
		domain_id: 'VARCHAR',
		target_kind: 'VARCHAR',
		target_id: 'VARCHAR',
		rationale: 'VARCHAR'
	},
	orderBy: ['domain_id', 'target_kind', 'target_id']
});

export type Programme = z.infer<typeof programmesTable.schema>;
export type Mesure = z.infer<typeof mesuresTable.schema>;
export type PacteDijonDomaine = z.infer<typeof pacteDijonDomainesTable.schema>;
export type PaqteAxe = z.infer<typeof paqteAxesTable.schema>;
export type FaitAtteste = z.infer<typeof faitsAttestesTable.schema>;
export type MesureIndicateur = z.infer<typeof mesureIndicateursTable.schema>;
export type PacteDijonIndicateur = z.infer<typeof pacteDijonIndicateursTable.schema>;
