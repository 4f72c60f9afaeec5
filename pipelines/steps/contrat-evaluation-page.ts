// contrat_evaluation_page: per contrat, what its page reads by code (identity, QPV, synthesis, its
// QPV's evolutions, posts, cités, funded projects, post rates, shared posts) as JSON, written once
// here from the other page models (one grouped pass each).
import { contratEvaluationPageTable } from '../../src/lib/schemas/contrat-evaluation-page';
import type { Step } from '../lib/step';

/**
 * The rows of `table` grouped by contrat as one JSON array per contrat: `fields` in the order the
 * page's lookup selected them, sorted by `order` (the lookup's ORDER BY, unique per contrat).
 */
function perContrat(name: string, table: string, fields: string, order: string): string {
	return `${name}_json AS (
	  SELECT contrat_code, ${jsonArray(`struct_pack(${fields})`, order)} AS rows
	  FROM ${table} GROUP BY 1)`;
}

/**
 * The JSON array of `row` (a struct) over a group, in `order`: each row's JSON joined by commas,
 * the text to_json(list(row ORDER BY order)) writes, at a third of its cost (an ordered list of
 * structs is costly to build, and to_json then walks it again).
 */
function jsonArray(row: string, order: string): string {
	return `'[' || string_agg(to_json(${row})::VARCHAR, ',' ORDER BY ${order}) || ']'`;
}

const PILLAR_ORDER = `CASE pillar WHEN 'cohesion_sociale' THEN 1 WHEN 'emploi_developpement_economique' THEN 2
  WHEN 'cadre_de_vie' THEN 3 ELSE 4 END`;

const parts = [
	`synthesis_json AS (
	   SELECT s.contrat_code, ${jsonArray('s', 's.indicator_id')} AS rows
	   FROM contrat_synthesis s GROUP BY 1)`,
	`evolutions_json AS (
	   SELECT q.contrat_code, ${jsonArray('e', 'e.qpv_code, e.indicator_id')} AS rows
	   FROM (SELECT DISTINCT contrat_code, code FROM contrat_qpv) q
	   JOIN qpv_evolutions e ON e.qpv_code = q.code GROUP BY 1)`,
	perContrat(
		'qpv',
		'contrat_qpv',
		'code, name, communes, population_2013, population_2018, method',
		'code'
	),
	perContrat(
		'posts',
		'contrat_posts',
		'kind, year, posts, shared_posts, amount_eur, source_path',
		'kind, year'
	),
	perContrat(
		'cites',
		'contrat_cites',
		'kind, id, name, communes_label, source_path',
		'kind, name, id'
	),
	perContrat(
		'pillar_projects',
		'contrat_pillar_projects',
		`pillar, projects, per_1000, national_projects, national_q1, national_median, national_q3,
		 contrats, below, peer_median, peers`,
		PILLAR_ORDER
	),
	perContrat(
		'post_rates',
		'contrat_post_rates',
		'kind, year, posts, shared_posts, per_1000, national_per_1000',
		'kind, year'
	),
	perContrat(
		'shared_posts',
		'contrat_shared_posts',
		'kind, year, post_id, via_multi_code, others',
		'kind, year, post_id, via_multi_code'
	)
];

/** Each JSON list of a contrat, '[]' when it has no row. */
const list = (name: string) => `coalesce(${name}_json.rows, '[]') AS ${name}`;
const LISTS = ['qpv', 'posts', 'cites', 'pillar_projects', 'post_rates', 'shared_posts'];

export const contratEvaluationPageStep: Step = {
	table: contratEvaluationPageTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratEvaluationPageTable,
			`WITH ${parts.join(',\n')}
			 SELECT c.code AS contrat_code, ${list('synthesis')}, ${list('evolutions')},
			        to_json(struct_pack(code := c.code, name := c.name, perimeter := c.perimeter,
			          commune_count := c.commune_count, epci2015_siren := c.epci2015_siren,
			          epci_name := e.name, commune_code := c.commune_code,
			          departement_code := c.departement_code, departement := d.name, region := r.name,
			          population_qpv_published := c.population_qpv_published))::VARCHAR AS contrat,
			        ${LISTS.map(list).join(', ')},
			        CASE WHEN f.contrat_code IS NOT NULL THEN to_json(struct_pack(f.source_path,
			          f.source_line, f.published_name))::VARCHAR END AS funded_total
			 FROM contrats c
			 LEFT JOIN epci e ON e.siren = c.epci2015_siren
			 LEFT JOIN departements d ON d.code = c.departement_code
			 LEFT JOIN regions r ON r.code = d.region_code
			 LEFT JOIN funded_project_totals f ON f.contrat_code = c.code
			 ${['synthesis', 'evolutions', ...LISTS].map((n) => `LEFT JOIN ${n}_json ON ${n}_json.contrat_code = c.code`).join('\n')}`
		);
	}
};
