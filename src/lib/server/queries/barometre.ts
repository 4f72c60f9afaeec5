// Baromètre des résultats (Etalab 2017–2022, DITP 2021–2024): latest national figures, national
// series with targets, latest value of every département. Builders are pure; values are params.
import { query, type Param } from '../db';

export interface Built {
	sql: string;
	params: Param[];
}

function marks(params: Param[], values: string[]): string {
	return values
		.map((v) => {
			params.push(v);
			return `$${params.length}`;
		})
		.join(', ');
}

export interface LatestNational {
	indicator_id: string;
	label: string;
	unit: string | null;
	source: 'etalab' | 'ditp';
	/** Latest date with a published value (target rows carry no value and are skipped). */
	date: string | null;
	value: number | null;
	/** The national target (DITP `indic_vc`) and its date, when published. */
	target: number | null;
	target_date: string | null;
	source_path: string | null;
}

/**
 * Latest national value of each indicator, with its target if any. Indicators without national
 * values still come back (value null) so the page can say so instead of hiding the link.
 */
export function latestNationalQuery(ids: string[]): Built {
	const params: Param[] = [];
	if (ids.length === 0) return { sql: 'SELECT NULL WHERE FALSE', params };
	const list = marks(params, ids);
	const sql = `WITH nat AS (
  SELECT * FROM barometre_values WHERE level = 'national' AND indicator_id IN (${list})),
latest AS (
  SELECT indicator_id, arg_max(date, date) AS date, arg_max(value, date) AS value,
         arg_max(source_path, date) AS source_path
  FROM nat WHERE value IS NOT NULL GROUP BY indicator_id),
target AS (
  SELECT indicator_id, arg_max(value_target, date) AS target, max(date) AS target_date
  FROM nat WHERE value_target IS NOT NULL GROUP BY indicator_id)
SELECT i.id AS indicator_id, i.label, i.unit, i.source, l.date, l.value, t.target, t.target_date,
       l.source_path
FROM barometre_indicators i
LEFT JOIN latest l ON l.indicator_id = i.id
LEFT JOIN target t ON t.indicator_id = i.id
WHERE i.id IN (${list})
ORDER BY i.id`;
	return { sql, params };
}

export function getLatestNational(ids: string[]): Promise<LatestNational[]> {
	if (ids.length === 0) return Promise.resolve([]);
	const { sql, params } = latestNationalQuery(ids);
	return query<LatestNational>(sql, params);
}

export interface SeriesPoint {
	date: string;
	value: number | null;
	value_target: number | null;
	source_path: string;
	source_line: number;
}

/** Every national row of one indicator, by date (target rows included, value null). */
export function nationalSeriesQuery(id: string): Built {
	return {
		sql: `SELECT date, value, value_target, source_path, source_line FROM barometre_values
WHERE indicator_id = $1 AND level = 'national' ORDER BY date, source_path, source_line`,
		params: [id]
	};
}

export function getNationalSeries(id: string): Promise<SeriesPoint[]> {
	const { sql, params } = nationalSeriesQuery(id);
	return query<SeriesPoint>(sql, params);
}

export interface DepartementValue {
	code: string;
	name: string | null;
	region_code: string | null;
	region: string | null;
	date: string;
	value: number;
	/** The département's own target (DITP), when published. */
	target: number | null;
	source_path: string;
	source_line: number;
}

/**
 * The latest published value of one indicator in each département (each at its own latest date,
 * shown beside the value), highest first; départements without any value are absent.
 */
export function departementLatestQuery(id: string, departement?: string): Built {
	const params: Param[] = [id];
	let only = '';
	if (departement !== undefined) {
		params.push(departement);
		only = ` AND territory_code = $2`;
	}
	const sql = `WITH dep AS (
  SELECT * FROM barometre_values
  WHERE indicator_id = $1 AND level = 'departemental'${only}),
latest AS (
  SELECT territory_code, max(date) AS date FROM dep WHERE value IS NOT NULL GROUP BY territory_code),
target AS (
  SELECT territory_code, arg_max(value_target, date) AS target FROM dep
  WHERE value_target IS NOT NULL GROUP BY territory_code)
SELECT v.territory_code AS code, d.name, d.region_code, r.name AS region, v.date, v.value,
       t.target, v.source_path, v.source_line
FROM dep v
JOIN latest l ON l.territory_code = v.territory_code AND l.date = v.date
LEFT JOIN target t ON t.territory_code = v.territory_code
LEFT JOIN departements d ON d.code = v.territory_code
LEFT JOIN regions r ON r.code = d.region_code
WHERE v.value IS NOT NULL
ORDER BY v.value DESC, v.territory_code`;
	return { sql, params };
}

export function getDepartementLatest(
	id: string,
	departement?: string
): Promise<DepartementValue[]> {
	const { sql, params } = departementLatestQuery(id, departement);
	return query<DepartementValue>(sql, params);
}

/**
 * The latest value of each given indicator in each département (the first row
 * departementLatestQuery would give for that pair): one query for every contrat page.
 */
export function departementLatestAllQuery(ids: string[]): Built {
	const params: Param[] = [];
	if (ids.length === 0) return { sql: 'SELECT NULL WHERE FALSE', params };
	const list = marks(params, ids);
	const sql = `WITH dep AS (
  SELECT * FROM barometre_values WHERE level = 'departemental' AND indicator_id IN (${list})),
latest AS (
  SELECT indicator_id, territory_code, max(date) AS date FROM dep WHERE value IS NOT NULL
  GROUP BY indicator_id, territory_code),
target AS (
  SELECT indicator_id, territory_code, arg_max(value_target, date) AS target FROM dep
  WHERE value_target IS NOT NULL GROUP BY indicator_id, territory_code)
SELECT v.indicator_id, v.territory_code AS code, d.name, d.region_code, r.name AS region, v.date,
       v.value, t.target, v.source_path, v.source_line
FROM dep v
JOIN latest l
  ON l.indicator_id = v.indicator_id AND l.territory_code = v.territory_code AND l.date = v.date
LEFT JOIN target t ON t.indicator_id = v.indicator_id AND t.territory_code = v.territory_code
LEFT JOIN departements d ON d.code = v.territory_code
LEFT JOIN regions r ON r.code = d.region_code
WHERE v.value IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY v.indicator_id, v.territory_code ORDER BY v.value DESC) = 1
ORDER BY v.indicator_id, v.territory_code`;
	return { sql, params };
}

export function getDepartementLatestAll(
	ids: string[]
): Promise<(DepartementValue & { indicator_id: string })[]> {
	if (ids.length === 0) return Promise.resolve([]);
	const { sql, params } = departementLatestAllQuery(ids);
	return query(sql, params);
}
