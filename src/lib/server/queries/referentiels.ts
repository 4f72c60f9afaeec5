// Referentials of the 2018 policy as built from data/reference/: programmes, the 40 measure slots,
// Pacte de Dijon domains, PaQte axes, attested facts, and the series linked to each of them.
import { z } from 'zod';
import { pillars } from '$lib/schemas/indicators';
import type {
	FaitAtteste,
	Mesure,
	PacteDijonDomaine,
	PaqteAxe,
	Programme
} from '$lib/schemas/referentiels';
import { query, type Param } from '../db';
import type { Built } from './barometre';

/** Shown wherever a measure slot has no sourced title: the official list was not available. */
export const UNDOCUMENTED_TITLE = 'intitulé non documenté dans les sources disponibles';

/** GET filters of /mesures; the programme is checked against the table by the page. */
export const mesureFilters = z.object({
	programme: z
		.string()
		.regex(/^[a-z0-9_]{1,40}$/, 'identifiant de programme invalide')
		.optional(),
	pilier: z
		.enum(pillars, { error: `pilier inconnu (valeurs possibles : ${pillars.join(', ')})` })
		.optional()
});
export type MesureFilters = z.infer<typeof mesureFilters>;

export function listProgrammes(): Promise<Programme[]> {
	return query<Programme>(`SELECT * FROM programmes ORDER BY id`);
}

/** Pure builder: the measure slots matching the filters, in slot order. */
export function mesuresQuery(filters: MesureFilters): Built {
	const params: Param[] = [];
	const where: string[] = [];
	if (filters.programme) {
		params.push(filters.programme);
		where.push(`programme_id = $${params.length}`);
	}
	if (filters.pilier) {
		params.push(filters.pilier);
		where.push(`pillar = $${params.length}`);
	}
	const sql = `SELECT * FROM mesures${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
	return { sql, params };
}

export function listMesures(filters: MesureFilters = {}): Promise<Mesure[]> {
	const { sql, params } = mesuresQuery(filters);
	return query<Mesure>(sql, params);
}

export async function getMesure(id: string): Promise<Mesure | undefined> {
	return (await query<Mesure>(`SELECT * FROM mesures WHERE id = $1`, [id]))[0];
}

/** A measure's or a domain's link to a series, with the series' label and unit. */
export interface SeriesLink {
	owner_id: string;
	target_kind: 'barometre' | 'dispositif' | 'indicateur';
	target_id: string;
	rationale: string;
	/** Label of the Baromètre series or catalogue indicator; null for dispositifs. */
	label: string | null;
	unit: string | null;
}

const linkSelect = (table: 'mesure_indicateurs' | 'pacte_dijon_indicateurs', owner: string) =>
	`SELECT l.${owner} AS owner_id, l.target_kind, l.target_id, l.rationale,
       coalesce(b.label, i.label) AS label, coalesce(b.unit, i.unit) AS unit
FROM ${table} l
LEFT JOIN barometre_indicators b ON l.target_kind = 'barometre' AND b.id = l.target_id
LEFT JOIN indicators i ON l.target_kind = 'indicateur' AND i.id = l.target_id`;

/** Pure builder: links of every measure, or of one. */
export function mesureLinksQuery(measureId?: string): Built {
	const base = linkSelect('mesure_indicateurs', 'measure_id');
	return measureId
		? { sql: `${base}\nWHERE l.measure_id = $1\nORDER BY 1, 2, 3`, params: [measureId] }
		: { sql: `${base}\nORDER BY 1, 2, 3`, params: [] };
}

export function listMesureLinks(measureId?: string): Promise<SeriesLink[]> {
	const { sql, params } = mesureLinksQuery(measureId);
	return query<SeriesLink>(sql, params);
}

export const pacteLinksSql = `${linkSelect('pacte_dijon_indicateurs', 'domain_id')}\nORDER BY 1, 2, 3`;

export function listPacteLinks(): Promise<SeriesLink[]> {
	return query<SeriesLink>(pacteLinksSql);
}

export function listPacteDomaines(): Promise<PacteDijonDomaine[]> {
	return query<PacteDijonDomaine>(`SELECT * FROM pacte_dijon_domaines ORDER BY label`);
}

export function listPaqteAxes(): Promise<PaqteAxe[]> {
	// The order in which the sources list the axes (sensibiliser, former, recruter, acheter).
	return query<PaqteAxe>(
		`SELECT * FROM paqte_axes ORDER BY CASE id WHEN 'sensibiliser' THEN 1 WHEN 'former' THEN 2
		 WHEN 'recruter' THEN 3 WHEN 'acheter' THEN 4 ELSE 5 END, id`
	);
}

/** Pure builder: attested facts of the given subjects, dated ones first in date order. */
export function factsQuery(subjects: string[]): Built {
	const params: Param[] = [...subjects];
	const list = subjects.map((_, i) => `$${i + 1}`).join(', ');
	return {
		sql: `SELECT * FROM faits_attestes WHERE subject IN (${list || 'NULL'})
ORDER BY date NULLS LAST, id`,
		params
	};
}

export function listFacts(subjects: string[]): Promise<FaitAtteste[]> {
	const { sql, params } = factsQuery(subjects);
	return query<FaitAtteste>(sql, params);
}

export interface ContratPosts {
	contrat_code: string;
	name: string | null;
	departement_code: string | null;
	posts: number;
	source_path: string;
}

/**
 * Pure builder: posts of one dispositif per contrat in one year, most first. Posts the source
 * does not attach to a contrat are left out here (the page gives their count separately).
 */
export function postsByContratQuery(kind: string, year: number): Built {
	return {
		sql: `SELECT p.contrat_code, c.name, c.departement_code, count(*)::INTEGER AS posts,
       min(p.source_path) AS source_path
FROM dispositif_posts p LEFT JOIN contrats c ON c.code = p.contrat_code
WHERE p.kind = $1 AND p.year = $2 AND p.contrat_code IS NOT NULL
GROUP BY p.contrat_code, c.name, c.departement_code
ORDER BY posts DESC, p.contrat_code`,
		params: [kind, year]
	};
}

export function getPostsByContrat(kind: string, year: number): Promise<ContratPosts[]> {
	const { sql, params } = postsByContratQuery(kind, year);
	return query<ContratPosts>(sql, params);
}

/** Measures whose title or facts name `term` (e.g. 'PaQte'), case-insensitive. */
export function mesuresMentioning(term: string): Promise<Mesure[]> {
	return query<Mesure>(
		`SELECT * FROM mesures WHERE title ILIKE '%' || $1 || '%'
		 OR id IN (SELECT subject FROM faits_attestes WHERE statement ILIKE '%' || $1 || '%')
		 ORDER BY id`,
		[term]
	);
}
