// National overview: the figures that frame the policy (QPV, population, contrats, dispositifs,
// QPV → contrat link quality) and the distribution of key indicators across all QPV.
import { query } from '../db';
import { latestQpvPeriodSql } from './latest';

/** Tables present in the built database: a page leaves out what the build did not produce. */
export async function availableTables(): Promise<Set<string>> {
	const rows = await query<{ name: string }>(
		`SELECT table_name AS name FROM duckdb_tables() ORDER BY table_name`
	);
	return new Set(rows.map((r) => r.name));
}

export interface NationalCounts {
	qpv_count: number;
	qpv_population_2018: number | null;
	/** QPV whose 2018 population is known: the sum covers only those. */
	qpv_population_known: number;
	contrat_count: number;
	contrat_with_geometry: number;
}

export async function nationalCounts(): Promise<NationalCounts> {
	const rows = await query<NationalCounts>(
		`SELECT (SELECT count(*) FROM qpv)::INTEGER AS qpv_count,
		        (SELECT sum(population_2018) FROM qpv)::BIGINT AS qpv_population_2018,
		        (SELECT count(population_2018) FROM qpv)::INTEGER AS qpv_population_known,
		        (SELECT count(*) FROM contrats)::INTEGER AS contrat_count,
		        (SELECT count(geometry) FROM contrats)::INTEGER AS contrat_with_geometry`
	);
	return rows[0]!;
}

export interface LinkQuality {
	qpv_total: number;
	/** QPV linked to exactly one contrat. */
	qpv_one: number;
	qpv_several: number;
	qpv_none: number;
	methods: { method: string; links: number; qpv: number }[];
}

/** Pure SQL: how many QPV have 0, 1 or several contrats, and the links per derivation method. */
export const linkQualitySql = `
WITH per_qpv AS (
  SELECT q.code, count(qc.contrat_code) AS n
  FROM qpv q LEFT JOIN qpv_contrat qc ON qc.qpv_code = q.code
  GROUP BY q.code
)
SELECT count(*)::INTEGER AS qpv_total,
       count(*) FILTER (WHERE n = 1)::INTEGER AS qpv_one,
       count(*) FILTER (WHERE n > 1)::INTEGER AS qpv_several,
       count(*) FILTER (WHERE n = 0)::INTEGER AS qpv_none
FROM per_qpv`;

export async function linkQuality(): Promise<LinkQuality> {
	const [totals] = await query<Omit<LinkQuality, 'methods'>>(linkQualitySql);
	const methods = await query<LinkQuality['methods'][number]>(
		`SELECT method, count(*)::INTEGER AS links, count(DISTINCT qpv_code)::INTEGER AS qpv
		 FROM qpv_contrat GROUP BY method ORDER BY links DESC, method`
	);
	return { ...totals!, methods };
}

export interface PostsByYear {
	kind: 'adulte_relais' | 'fonjep';
	year: number;
	posts: number;
	/** Posts whose source names a contrat de ville. */
	with_contrat: number;
	source_paths: string[];
}

export function postsByYear(): Promise<PostsByYear[]> {
	return query<PostsByYear>(
		`SELECT kind, year, count(*)::INTEGER AS posts, count(contrat_code)::INTEGER AS with_contrat,
		        list_sort(list_distinct(list(source_path))) AS source_paths
		 FROM dispositif_posts GROUP BY kind, year ORDER BY kind, year`
	);
}

export interface CitesCount {
	kind: 'cite_educative' | 'cite_emploi';
	/** Published points (one point may carry several labels, e.g. 'cite-002 ; cite-127'). */
	entries: number;
	/** Distinct labels: a label repeated on several points counts once. */
	labels: number;
	source_paths: string[];
}

/** Pure SQL: points and distinct labels per kind of cité. */
export const citesByKindSql = `
WITH labels AS (
  SELECT kind, trim(unnest(string_split(id, ';'))) AS label FROM cites
)
SELECT c.kind, count(*)::INTEGER AS entries,
       (SELECT count(DISTINCT l.label) FROM labels l WHERE l.kind = c.kind)::INTEGER AS labels,
       list_sort(list_distinct(list(c.source_path))) AS source_paths
FROM cites c GROUP BY c.kind ORDER BY c.kind`;

export function citesByKind(): Promise<CitesCount[]> {
	return query<CitesCount>(citesByKindSql);
}

/** The indicators whose distribution frames the overview (ids of the catalogue). */
export const KEY_INDICATORS = [
	'tx_pauvrete_60',
	'revenu_disponible_median',
	'taux_emploi',
	'part_0_24_ans'
] as const;

export interface KeyObservation {
	territory_code: string;
	value: number | null;
	status: string;
	vintage: number;
	reference_year: number | null;
	source_path: string;
}

/**
 * Pure SQL: every QPV value of one indicator in its latest period (see queries/latest.ts), read
 * in the canonical series: one value per QPV, never two files for one QPV.
 */
export const latestQpvValuesSql = `
WITH pick AS (${latestQpvPeriodSql('$1')})
SELECT c.territory_code, c.value, c.status, c.vintage, c.data_year AS reference_year, c.source_path
FROM canonical_series c JOIN pick p ON p.period = c.period AND p.period_kind = c.period_kind
WHERE c.indicator_id = $1 AND c.territory_type = 'qpv'
ORDER BY c.territory_code`;

export function latestQpvValues(indicatorId: string): Promise<KeyObservation[]> {
	return query<KeyObservation>(latestQpvValuesSql, [indicatorId]);
}

/** The published "Ensemble des QPV" value of an indicator for one vintage, when the source has it. */
export async function ensembleQpvValue(
	indicatorId: string,
	vintage?: number
): Promise<KeyObservation | undefined> {
	const rows = await query<KeyObservation>(
		`SELECT territory_code, value, status, vintage, reference_year, source_path
		 FROM observations
		 WHERE indicator_id = $1 AND territory_type = 'ensemble_qpv' AND ($2::INTEGER IS NULL OR vintage = $2)
		 ORDER BY vintage DESC, source_path LIMIT 1`,
		[indicatorId, vintage ?? null]
	);
	return rows[0];
}

export interface FilterOption {
	code: string;
	name: string;
}

/** Régions and départements that have at least one contrat: the choices of the /contrats filters. */
export async function contratFilterOptions(): Promise<{
	regions: FilterOption[];
	departements: (FilterOption & { region_code: string | null })[];
}> {
	const regions = await query<FilterOption>(
		`SELECT DISTINCT r.code, r.name FROM contrats c
		 JOIN departements d ON d.code = c.departement_code JOIN regions r ON r.code = d.region_code
		 ORDER BY r.code`
	);
	const departements = await query<FilterOption & { region_code: string | null }>(
		`SELECT DISTINCT d.code, d.name, d.region_code FROM contrats c
		 JOIN departements d ON d.code = c.departement_code ORDER BY d.code`
	);
	return { regions, departements };
}

/** Every contrat's perimeter (GeoJSON text, null when the source has only a centroid). */
export function contratShapes(): Promise<
	{ code: string; name: string; geometry: string | null }[]
> {
	return query(`SELECT code, name, geometry FROM contrats ORDER BY code`);
}

export interface LatestVintage {
	vintage: number;
	reference_year: number | null;
	source_path: string;
}

/** The period `latestQpvValuesSql` picks for an indicator (same rule), with its main file. */
export async function latestQpvVintage(indicatorId: string): Promise<LatestVintage | undefined> {
	const rows = await query<LatestVintage>(
		`WITH pick AS (${latestQpvPeriodSql('$1')})
		 SELECT c.vintage, c.data_year AS reference_year, c.source_path
		 FROM canonical_series c JOIN pick p ON p.period = c.period AND p.period_kind = c.period_kind
		 WHERE c.indicator_id = $1 AND c.territory_type = 'qpv'
		 GROUP BY ALL ORDER BY count(*) DESC, c.source_path LIMIT 1`,
		[indicatorId]
	);
	return rows[0];
}

/** Territories holding observations, per type: QPV and the reference territories of the gaps. */
export function territoryTypeCounts(): Promise<{ territory_type: string; territories: number }[]> {
	return query(
		`SELECT territory_type, count(DISTINCT territory_code)::INTEGER AS territories
		 FROM observations GROUP BY territory_type ORDER BY territory_type`
	);
}
