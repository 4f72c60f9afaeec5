// canonical_series: one value per indicator, territory and period (the data year, or the vintage
// when the data year is unpublished), chosen by the precedence of src/lib/domain/timeline.ts, with
// its comparability segment (declared breaks). Also checks that the sources agree where they overlap.
import { canonicalSeriesTable, type SeriesBreak } from '../../src/lib/schemas/evaluation';
import { sourceRankSql } from '../../src/lib/domain/timeline';
import { sqlString } from '../../src/lib/sql-string';
import type { BuildDb } from '../lib/build-db';
import { withDictionaryCompression } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

/** The distinct texts of observations that go through the sort as their rank (1-based, text order). */
export interface SeriesTexts {
	territoryTypes: string[];
	indicators: string[];
	sourcePaths: string[];
}

/** Reads SeriesTexts in DuckDB's order of the values, the order of the ranks in canonicalSeriesSql. */
export async function seriesTexts(db: BuildDb): Promise<SeriesTexts> {
	const distinct = async (column: string) => {
		const rows = await db.query<{ v: string }>(
			`SELECT v FROM (SELECT DISTINCT ${column} AS v FROM observations) ORDER BY v`
		);
		const values = rows.map((r) => r.v);
		// A NUL cannot be written in an SQL literal (see textList).
		const bad = values.find((v) => v.includes('\0'));
		if (bad !== undefined) throw new Error(`canonical_series : ${column} avec NUL : « ${bad} »`);
		return values;
	};
	return {
		territoryTypes: await distinct('territory_type'),
		indicators: await distinct('indicator_id'),
		sourcePaths: await distinct('source_path')
	};
}

const textList = (values: string[]) => `([${values.map(sqlString).join(', ')}]::VARCHAR[])`;

/**
 * Segment number of a point: how many declared breaks of its indicator lie at or before it, on the
 * integer columns of canonicalSeriesSql's points (`indicators`: the indicator of each rank).
 */
export function segmentSql(
	breaks: Pick<SeriesBreak, 'indicator_id' | 'period' | 'period_kind'>[],
	indicators: string[]
): string {
	const terms = breaks.flatMap((b) => {
		const rank = indicators.indexOf(b.indicator_id) + 1;
		// An indicator without observations has no point to place after its break.
		if (rank === 0) return [];
		return [
			`(r.indicator_rank = ${rank} AND r.millesime = ${b.period_kind === 'millesime'} AND r.period >= ${Number(b.period)})::INTEGER`
		];
	});
	return terms.length ? terms.join(' + ') : '0';
}

/**
 * Breaks are few: the segment is a sum of conditions, not a join over millions of rows. Only 4 % of
 * the points have more than one observation (another file, another vintage): the precedence window
 * sorts those alone, and the others pass straight through (a count per key costs less than a sort).
 * Each point's key (territory, indicator, period, period kind) is packed into one BIGINT, `k`, whose
 * order is the table's order: the territories and the indicators are numbered in their text order
 * (a few thousand), so the count per key, the joins and the final sort compare one integer instead
 * of five columns, three of them text. Long texts stay out of the sorted rows (they made the sort
 * and its copies slower): the indicator, the period and its kind are read back from `k`, the
 * territory type and the source file from their rank in `texts`, after the sort (`restore`).
 */
export function canonicalSeriesSql(
	breaks: Pick<SeriesBreak, 'indicator_id' | 'period' | 'period_kind'>[],
	texts: SeriesTexts,
	onlyQpvCommunes = false
): { select: string; restore: string[] } {
	// Communes are kept only where a QPV compares with them (1.2 million Filosofi rows otherwise).
	const communes = onlyQpvCommunes
		? `WHERE territory_type <> 'commune' OR territory_code IN
			(SELECT territory_code FROM qpv_references WHERE territory_type = 'commune')`
		: '';
	// 16 bits for the indicator and for the period (a year), 1 for the kind ('annee_donnees' first).
	const period = 'coalesce(reference_year, vintage)';
	const types = textList(texts.territoryTypes);
	const select = `WITH territories AS (
	SELECT territory_type, territory_code, list_position(${types}, territory_type) AS type_rank,
		row_number() OVER (ORDER BY territory_type, territory_code) AS territory_rank
	FROM (SELECT DISTINCT territory_type, territory_code FROM observations ${communes})
), indicator_ranks AS (
	SELECT indicator_id, CASE WHEN n < 65536 THEN n ELSE error('canonical_series : plus de 65 535 indicateurs') END AS indicator_rank
	FROM (SELECT indicator_id, row_number() OVER (ORDER BY indicator_id) AS n
		FROM (SELECT DISTINCT indicator_id FROM observations))
), o AS NOT MATERIALIZED (
	SELECT type_rank, territory_code, indicator_rank, ${period} AS period, reference_year IS NULL AS millesime,
		vintage, value, status, source_path, source_line,
		((territory_rank * 65536 + indicator_rank) * 65536
			+ CASE WHEN ${period} BETWEEN 0 AND 65535 THEN ${period}
				ELSE error('canonical_series : période hors de 0–65 535 : ' || ${period}) END) * 2
			+ (reference_year IS NULL)::INTEGER AS k
	FROM observations JOIN territories USING (territory_type, territory_code)
		JOIN indicator_ranks USING (indicator_id)
), several AS (
	SELECT k FROM o GROUP BY k HAVING count(*) > 1
), ranked AS (
	SELECT *,
		row_number() OVER (PARTITION BY k
			ORDER BY (status = 'ok') DESC, ${sourceRankSql()}, vintage DESC, source_path, source_line) AS rn
	FROM o SEMI JOIN several USING (k)
), others AS (
	SELECT k,
		array_to_string(list_transform(list_sort(list({'path': source_path, 'line': source_line})),
			lambda s: s.path || ' l.' || s.line), ' ; ') AS other_sources
	FROM ranked WHERE rn > 1 GROUP BY k
), chosen AS (
	SELECT * EXCLUDE (rn) FROM ranked WHERE rn = 1
	UNION ALL
	SELECT * FROM o ANTI JOIN several USING (k)
), paths AS (
	SELECT source_path, row_number() OVER (ORDER BY source_path) AS path_rank
	FROM (SELECT DISTINCT source_path FROM observations)
)
SELECT r.k, r.type_rank, r.territory_code, r.vintage, r.value, r.status, p.path_rank, r.source_line,
	(${segmentSql(breaks, texts.indicators)})::INTEGER AS segment, x.other_sources
FROM chosen r LEFT JOIN others x USING (k) JOIN paths p USING (source_path)`;
	const periodOfK = '((s.k // 2) % 65536)::INTEGER';
	const restore = [
		`${textList(texts.indicators)}[((s.k // 131072) % 65536)::INTEGER] AS indicator_id`,
		`${types}[s.type_rank] AS territory_type`,
		's.territory_code',
		`${periodOfK} AS period`,
		`CASE WHEN s.k % 2 = 0 THEN 'annee_donnees' ELSE 'millesime' END AS period_kind`,
		`CASE WHEN s.k % 2 = 0 THEN ${periodOfK} END AS data_year`,
		's.vintage',
		's.value',
		's.status',
		`${textList(texts.sourcePaths)}[s.path_rank] AS source_path`,
		's.source_line',
		's.segment',
		's.other_sources'
	];
	return { select, restore };
}
export interface Agreement {
	data_year: number;
	both_published: number;
	different: number;
}

/** Where Filosofi QPV files and SIG Ville REVN carry the same data year: how often they differ. */
export async function sourceAgreement(db: BuildDb): Promise<Agreement[]> {
	return db.query<Agreement>(`
		SELECT a.reference_year AS data_year, count(*)::INTEGER AS both_published,
			count(*) FILTER (WHERE abs(a.value - b.value) > 1e-9)::INTEGER AS different
		FROM observations a JOIN observations b
			ON a.indicator_id = b.indicator_id AND a.territory_type = b.territory_type
			AND a.territory_code = b.territory_code AND a.reference_year = b.reference_year
		WHERE starts_with(a.source_path, 'filosofi-qpv/') AND starts_with(b.source_path, 'sig-ville/REVN_')
			AND a.status = 'ok' AND b.status = 'ok'
		GROUP BY ALL ORDER BY data_year`);
}

export const canonicalSeriesStep: Step = {
	table: canonicalSeriesTable.name,
	async run(ctx) {
		const breaks = await ctx.db.query<SeriesBreak>('SELECT * FROM series_breaks');
		// Written in its final order: 1.2 M rows are not rewritten by the final sort. One row per
		// indicator, territory, period kind and period (the precedence keeps one): `k` orders them
		// as orderBy then the period kind would.
		const texts = await seriesTexts(ctx.db);
		const onlyQpvCommunes = ctx.db.tableNames().includes('qpv_references');
		const { select, restore } = canonicalSeriesSql(breaks, texts, onlyQpvCommunes);
		await withDictionaryCompression(ctx.db, () =>
			ctx.db.insertInOrder(canonicalSeriesTable, select, 'k', restore)
		);
		ctx.report.source_agreement = await sourceAgreement(ctx.db);
	}
};
