// Workspace (evaluation) vocabulary and form inputs: roles, campaigns, judgments, themes, signatories,
// appreciations, and the zod schemas every form action, API call and JSON import goes through.
import { z } from 'zod';
import { pillars } from './indicators';

export const roles = ['admin', 'evaluateur', 'contributeur', 'lecteur'] as const;
export type Role = (typeof roles)[number];

export const campaigns = [2019, 2022] as const;
export type Campaign = (typeof campaigns)[number];
export const campaignLabels: Record<Campaign, string> = {
	2019: 'Évaluation à mi-parcours (2019)',
	2022: 'Évaluation finale (2022)'
};

export const judgments = [
	'atteint',
	'partiellement_atteint',
	'non_atteint',
	'non_evaluable'
] as const;
export const judgmentLabels: Record<(typeof judgments)[number], string> = {
	atteint: 'Atteint',
	partiellement_atteint: 'Partiellement atteint',
	non_atteint: 'Non atteint',
	non_evaluable: 'Non évaluable'
};

/** The six themes of the 2017 consultation of the conseils citoyens. */
export const themes = [
	'education',
	'emploi',
	'formation',
	'mobilite',
	'parentalite',
	'culture'
] as const;
export const themeLabels: Record<(typeof themes)[number], string> = {
	education: 'Éducation',
	emploi: 'Emploi',
	formation: 'Formation',
	mobilite: 'Mobilité',
	parentalite: 'Parentalité',
	culture: 'Culture'
};

export const contributorKinds = ['conseil_citoyen', 'partenaire'] as const;
export const contributorKindLabels: Record<(typeof contributorKinds)[number], string> = {
	conseil_citoyen: 'Conseil citoyen',
	partenaire: 'Autre partenaire'
};

export const signatories = [
	'etat',
	'epci',
	'commune',
	'bailleur',
	'entreprise_paqte',
	'association',
	'autre'
] as const;
export const signatoryLabels: Record<(typeof signatories)[number], string> = {
	etat: 'État',
	epci: 'EPCI',
	commune: 'Commune',
	bailleur: 'Bailleur social',
	entreprise_paqte: 'Entreprise signataire du PaQte',
	association: 'Association',
	autre: 'Autre'
};

export const recommendationStatuses = ['proposee', 'engagee', 'realisee', 'abandonnee'] as const;
export const recommendationStatusLabels: Record<(typeof recommendationStatuses)[number], string> = {
	proposee: 'Proposée',
	engagee: 'Engagée',
	realisee: 'Réalisée',
	abandonnee: 'Abandonnée'
};

export const appreciations = [
	'fonctionne',
	'a_ajuster',
	'ne_fonctionne_pas',
	'non_deploye'
] as const;
export const appreciationLabels: Record<(typeof appreciations)[number], string> = {
	fonctionne: 'Fonctionne',
	a_ajuster: 'À ajuster',
	ne_fonctionne_pas: 'Ne fonctionne pas',
	non_deploye: 'Non déployé'
};

export const evaluationStatuses = ['brouillon', 'publiee'] as const;

const text = (max: number, label: string) =>
	z
		.string()
		.trim()
		.min(1, `${label} : champ obligatoire`)
		.max(max, `${label} : ${max} caractères au plus`);
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.transform((v) => (v === '' ? null : v))
		.nullable()
		.optional()
		.transform((v) => v ?? null);
const optionalId = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.pipe(z.uuid('identifiant invalide').nullable())
	.nullable()
	.optional()
	.transform((v) => v ?? null);
const refCode = (pattern: RegExp) =>
	z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
		.pipe(z.string().regex(pattern, 'code invalide').nullable())
		.nullable()
		.optional()
		.transform((v) => v ?? null);

export const email = z
	.string()
	.trim()
	.toLowerCase()
	.email('adresse électronique invalide')
	.max(200);
export const password = z.string().min(10, 'mot de passe : 10 caractères au moins').max(200);

export const objectiveInput = z.object({
	pillar: z.enum(pillars, { error: 'pilier inconnu' }),
	title: text(300, 'Objectif'),
	description: optionalText(4000)
});
export const questionInput = z.object({
	objective_id: z.uuid('objectif invalide'),
	text: text(1000, 'Question')
});
export const criterionInput = z.object({
	question_id: z.uuid('question invalide'),
	text: text(1000, 'Critère')
});
export const indicatorLinkInput = z.object({
	criterion_id: z.uuid('critère invalide'),
	indicator_id: z
		.string()
		.trim()
		.regex(/^[a-z0-9_]{1,80}$/, 'indicateur invalide')
});
export const findingInput = z.object({
	question_id: z.uuid('question invalide'),
	text: text(8000, 'Constat'),
	judgment: z.enum(judgments, { error: 'jugement inconnu' }),
	justification: optionalText(4000)
});
export const contributionInput = z.object({
	author: text(200, 'Auteur'),
	author_kind: z.enum(contributorKinds, { error: 'type de contributeur inconnu' }),
	contributed_on: z.iso.date('date invalide (AAAA-MM-JJ)'),
	text: text(8000, 'Contribution'),
	question_id: optionalId,
	theme: z.enum(themes, { error: 'thème inconnu' })
});
export const recommendationInput = z.object({
	text: text(4000, 'Recommandation'),
	signatory: z.enum(signatories, { error: 'signataire inconnu' }),
	measure_id: refCode(/^M\d{2}$/),
	pacte_domain_id: refCode(/^[a-z0-9_-]{1,60}$/),
	paqte_axis_id: refCode(/^[a-z0-9_-]{1,60}$/),
	deadline: z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
		.pipe(z.iso.date('échéance invalide (AAAA-MM-JJ)').nullable())
		.nullable()
		.optional()
		.transform((v) => v ?? null),
	status: z.enum(recommendationStatuses, { error: 'statut inconnu' })
});
export const feedbackInput = z.object({
	measure_id: z
		.string()
		.trim()
		.regex(/^M\d{2}$/, 'mesure invalide'),
	appreciation: z.enum(appreciations, { error: 'appréciation inconnue' }),
	text: text(4000, 'Retour')
});

/** Each editable kind of item, its input schema, and the table it lives in. */
export const itemInputs = {
	objective: objectiveInput,
	question: questionInput,
	criterion: criterionInput,
	indicator_link: indicatorLinkInput,
	finding: findingInput,
	contribution: contributionInput,
	recommendation: recommendationInput,
	feedback: feedbackInput
} as const;
export type ItemKind = keyof typeof itemInputs;
export const itemKinds = Object.keys(itemInputs) as ItemKind[];
export type ItemInput<K extends ItemKind> = z.infer<(typeof itemInputs)[K]>;

export const itemRef = z.object({
	id: z.uuid('élément invalide'),
	version: z.coerce.number().int('version invalide').min(1, 'version invalide')
});

export const campaignParam = z.coerce
	.number()
	.refine((v): v is Campaign => (campaigns as readonly number[]).includes(v), {
		message: 'campagne inconnue (2019 ou 2022)'
	});

/** One pinned figure: what the indicator showed when it was linked. */
export const pinnedValue = z.object({
	vintage: z.number().int(),
	reference_year: z.number().int().nullable(),
	value: z.number().nullable(),
	label: z.string()
});
export const pinnedFigure = z.object({
	indicator_label: z.string(),
	unit: z.string(),
	values: z.array(pinnedValue),
	data_year: z.number().int().nullable(),
	source: z.string(),
	source_paths: z.array(z.string())
});
export type PinnedFigure = z.infer<typeof pinnedFigure>;
