// Queries of the measure tracker: each département's first and latest value of Baromètre series,
// their DITP initial value and target, the population bases, and distinct dispositif posts.
import type { CitesRow } from '$lib/domain/cite-standings';
import type { Track } from '$lib/domain/departement-standings';
import type { PostsRow } from '$lib/domain/post-standings';
import { memo, query, type Param } from '../db';

export interface DepartementBase {
	code: string;
	name: string;
	region: string | null;
	/** Population municipale of the département's communes (INSEE legal populations, COG 2022). */
	population: number | null;
	/** Population 2018 of the département's QPV (INSEE, qpv_evolution_population.csv). */
	qpv_population: number | null;
}

/**
 * The bases of the 101 départements (those the map draws; the collectivités d’outre-mer have no
 * QPV), memoised: the database never changes while the server runs.
 */
export const getDepartementBases = memo(() =>
	query<DepartementBase>(
		`WITH pop AS (SELECT departement_code AS code, sum(population)::BIGINT AS population
  FROM communes WHERE kind = 'actuelle' GROUP BY 1),
qpv AS (SELECT departement_code AS code, sum(population_2018)::BIGINT AS qpv_population
  FROM qpv GROUP BY 1)
SELECT d.code, d.name, r.name AS region, pop.population::DOUBLE AS population,
       qpv.qpv_population::DOUBLE AS qpv_population
FROM departements d JOIN departement_shapes s ON s.code = d.code
LEFT JOIN regions r ON r.code = d.region_code
LEFT JOIN pop ON pop.code = d.code LEFT JOIN qpv ON qpv.code = d.code
ORDER BY d.code`
	)
);

/**
 * One series' track in one territory: first and latest values, the DITP `indic_vi` and `indic_vc`
 * (null for Etalab series) and every published value, for joining two publications.
 */
export type TerritoryTrack = Track & { indicator_id: string };

function marks(params: Param[], values: string[]): string {
	return values.map((v) => `$${params.push(v)}`).join(', ');
}

/** Pure builder: one row per series and territory of the level (national 'FR' or départements). */
export function tracksQuery(ids: string[], level: 'national' | 'departemental') {
	const params: Param[] = [level];
	const list = marks(params, ids.length ? ids : ['']);
	const sql = `WITH v AS (
  SELECT * FROM barometre_values WHERE level = $1 AND indicator_id IN (${list})),
vals AS (SELECT * FROM v WHERE value IS NOT NULL),
points AS (
  SELECT indicator_id, territory_code, list({'date': date, 'value': value} ORDER BY date) AS points
  FROM vals GROUP BY ALL),
goals AS (
  SELECT indicator_id, territory_code,
         arg_min(value_initial, date) FILTER (WHERE value_initial IS NOT NULL) AS initial,
         arg_max(value_target, date) FILTER (WHERE value_target IS NOT NULL) AS target,
         max(date) FILTER (WHERE value_target IS NOT NULL) AS target_date
  FROM v GROUP BY ALL)
SELECT a.indicator_id, a.territory_code AS code, min(a.date) AS first_date,
       arg_min(a.value, a.date) AS first_value, max(a.date) AS latest_date,
       arg_max(a.value, a.date) AS latest_value, any_value(g.initial) AS initial,
       any_value(g.target) AS target, any_value(g.target_date) AS target_date,
       any_value(y.points) AS points, arg_max(a.source_path, a.date) AS source_path,
       arg_max(a.source_line, a.date) AS source_line
FROM vals a
JOIN points y USING (indicator_id, territory_code)
LEFT JOIN goals g USING (indicator_id, territory_code)
GROUP BY a.indicator_id, a.territory_code
ORDER BY a.indicator_id, a.territory_code`;
	return { sql, params };
}

export function getTracks(
	ids: string[],
	level: 'national' | 'departemental'
): Promise<TerritoryTrack[]> {
	if (ids.length === 0) return Promise.resolve([]);
	const { sql, params } = tracksQuery(ids, level);
	return query<TerritoryTrack>(sql, params);
}

export interface NationalPoint {
	indicator_id: string;
	date: string;
	value: number;
	source_path: string;
	source_line: number;
}

/** Every published national value of the series, by date (target-only rows left out). */
export function getNationalPoints(ids: string[]): Promise<NationalPoint[]> {
	if (ids.length === 0) return Promise.resolve([]);
	const params: Param[] = [];
	const list = marks(params, ids);
	return query<NationalPoint>(
		`SELECT indicator_id, date, value, source_path, source_line FROM barometre_values
		 WHERE level = 'national' AND value IS NOT NULL AND indicator_id IN (${list})
		 ORDER BY indicator_id, date, source_line`,
		params
	);
}

export interface PostsYearDistinct {
	year: number;
	/** Distinct posts (a post listed twice, or shared by two contrats, counts once). */
	posts: number;
	with_contrat: number;
	source_paths: string[];
}

export function getDistinctPostsByYear(kind: string): Promise<PostsYearDistinct[]> {
	return query<PostsYearDistinct>(
		`SELECT year, count(DISTINCT post_id)::INTEGER AS posts,
		        count(DISTINCT post_id) FILTER (WHERE contrat_code IS NOT NULL)::INTEGER AS with_contrat,
		        list_sort(list_distinct(list(source_path))) AS source_paths
		 FROM dispositif_posts WHERE kind = $1 GROUP BY year ORDER BY year`,
		[kind]
	);
}

/** Distinct posts of one territory and year, with its QPV population (see post-standings). */
export type PostsTerritory = PostsRow;

/**
 * Pure builder: distinct posts per contrat and year, with the 2018 population of its QPV. Read from
 * post_contrats, so a post under two contrats (or a `CV380CV384` code) counts on each of them.
 */
export const postsByContratSql = `WITH pop AS (
  SELECT qc.contrat_code, sum(q.population_2018)::DOUBLE AS qpv_population
  FROM qpv_contrat qc JOIN qpv q ON q.code = qc.qpv_code GROUP BY 1)
SELECT p.contrat_code AS code, c.name, c.departement_code, p.year,
       count(DISTINCT p.post_id)::INTEGER AS posts, any_value(pop.qpv_population) AS qpv_population,
       min(p.source_path) AS source_path
FROM post_contrats p LEFT JOIN contrats c ON c.code = p.contrat_code
LEFT JOIN pop ON pop.contrat_code = p.contrat_code
WHERE p.kind = $1
GROUP BY p.contrat_code, c.name, c.departement_code, p.year
ORDER BY p.contrat_code, p.year`;

/** Pure builder: distinct posts per département and year, with the population of its QPV. */
export const postsByDepartementSql = `WITH pop AS (
  SELECT departement_code, sum(population_2018)::DOUBLE AS qpv_population FROM qpv GROUP BY 1)
SELECT p.departement_code AS code, d.name, p.departement_code, p.year,
       count(DISTINCT p.post_id)::INTEGER AS posts, any_value(pop.qpv_population) AS qpv_population,
       min(p.source_path) AS source_path
FROM dispositif_posts p LEFT JOIN departements d ON d.code = p.departement_code
LEFT JOIN pop ON pop.departement_code = p.departement_code
WHERE p.kind = $1 AND p.departement_code IS NOT NULL
GROUP BY p.departement_code, d.name, p.year
ORDER BY p.departement_code, p.year`;

export function getPostsByTerritory(
	kind: string,
	level: 'contrat' | 'departement'
): Promise<PostsTerritory[]> {
	return query<PostsTerritory>(level === 'contrat' ? postsByContratSql : postsByDepartementSql, [
		kind
	]);
}

export interface SeriesDocumentation {
	file: string;
	indicator: number;
	title: string;
	name: string | null;
	definition: string | null;
	production: string | null;
	frequency: string | null;
	temporal_coverage: string | null;
	spatial_coverage: string | null;
	granularity: string | null;
}

export const getDocumentation = memo(() =>
	query<SeriesDocumentation>('SELECT * FROM barometre_documentation ORDER BY file, indicator')
);

/** One territory's cités and QPV population (see $lib/domain/cite-standings). */
export type CitesTerritory = CitesRow;

/** Each territory's communes: a contrat's EPCI of 2015 (or its commune), a département's communes. */
const citeAreas = {
	contrat: `SELECT c.code, m.code AS commune_code FROM contrats c JOIN communes m
    ON (c.epci2015_siren IS NOT NULL AND m.epci2015_siren = c.epci2015_siren) OR m.code = c.commune_code
  UNION SELECT c.code, m.current_code FROM contrats c JOIN communes m
    ON m.epci2015_siren = c.epci2015_siren WHERE m.current_code IS NOT NULL`,
	departement: `SELECT DISTINCT departement_code AS code, code AS commune_code FROM communes
  WHERE departement_code IS NOT NULL`
};

const qpvOf = {
	contrat: `SELECT qc.contrat_code AS code, q.code AS qpv_code, q.population_2018
  FROM qpv_contrat qc JOIN qpv q ON q.code = qc.qpv_code`,
	departement: `SELECT departement_code AS code, code AS qpv_code, population_2018 FROM qpv
  WHERE departement_code IS NOT NULL`
};

/**
 * Pure builder: cités of one kind per département or contrat, with the QPV population as base. A
 * cité counts in a territory when one of its communes lies in it (a contrat's EPCI of 2015 or
 * commune: not through a QPV that straddles a neighbour commune); its "covered" QPV are the
 * territory's QPV in a commune of one of those cités. Every territory with QPV is listed, those
 * without cité with 0 (the source lists every labelled cité).
 */
export function citesByTerritorySql(level: 'contrat' | 'departement'): string {
	const names =
		level === 'contrat'
			? `LEFT JOIN contrats n ON n.code = p.code`
			: `JOIN departements n ON n.code = p.code`;
	return `WITH labels AS (
  SELECT id AS point_id, trim(unnest(string_split(id, ';'))) AS label FROM cites WHERE kind = $1),
area AS (${citeAreas[level]}),
territory AS (${qpvOf[level]}),
assigned AS (
  SELECT DISTINCT a.code, cc.cite_id, l.label FROM area a
  JOIN cite_communes cc ON cc.kind = $1 AND cc.commune_code = a.commune_code
  JOIN labels l ON l.point_id = cc.cite_id),
covered AS (
  SELECT DISTINCT t.code, t.qpv_code FROM territory t
  JOIN qpv_communes qc ON qc.qpv_code = t.qpv_code
  JOIN cite_communes cc ON cc.kind = $1 AND cc.commune_code = qc.commune_code
  JOIN assigned s ON s.code = t.code AND s.cite_id = cc.cite_id),
p AS (
  SELECT t.code, sum(t.population_2018)::DOUBLE AS qpv_population,
         coalesce(sum(t.population_2018) FILTER (WHERE v.qpv_code IS NOT NULL), 0)::DOUBLE
           AS covered_population
  FROM territory t LEFT JOIN covered v ON v.code = t.code AND v.qpv_code = t.qpv_code
  GROUP BY t.code)
SELECT p.code, n.name, ${level === 'contrat' ? 'n.departement_code' : 'p.code'} AS departement_code,
       p.qpv_population, p.covered_population,
       (SELECT count(DISTINCT s.label) FROM assigned s WHERE s.code = p.code)::INTEGER AS cites,
       (SELECT min(source_path) FROM cites WHERE kind = $1) AS source_path
FROM p ${names}
ORDER BY p.code`;
}

export function getCitesByTerritory(
	kind: string,
	level: 'contrat' | 'departement'
): Promise<CitesTerritory[]> {
	return query<CitesTerritory>(citesByTerritorySql(level), [kind]);
}
