// qpv_page_rows: the rows of a QPV page's reads by its code (identity, communes, references, the
// references' charted series, latest ranks, its own charted series), each as a JSON array under
// the QPV's code, so that the page reads them in one query.
import { BASELINE_FROM, HORIZON } from '../../src/lib/domain/timeline';
import { QPV_CHART_INDICATORS } from '../../src/lib/schemas/page-models';
import { QPV_PAGE_PARTS, qpvPageRowsTable } from '../../src/lib/schemas/qpv-page';
import type { Step } from '../lib/step';

type PartName = (typeof QPV_PAGE_PARTS)[number]['name'];

/** Where a part's rows come from: a SELECT with the QPV's code `code`, `seq` and the columns. */
interface PartSource {
	code: string;
	select: string;
}

/** A page model's rows as they are stored (sorted by QPV): `seq` is their row id. */
const copied = (table: string, code: string): PartSource => ({
	code,
	select: `SELECT *, rowid AS seq FROM "${table}"`
});

/**
 * Rows computed here, read by nothing else (no table of their own): `seq` numbers the QPV's rows
 * in the page's order.
 */
const computed = (select: string, order: string): PartSource => ({
	code: 'qpv_code',
	select: `SELECT *, row_number() OVER (PARTITION BY qpv_code ORDER BY ${order}) - 1 AS seq
	         FROM (${select})`
});

const chartIds = QPV_CHART_INDICATORS.map((id) => `'${id}'`).join(', ');

const SOURCES: Record<PartName, PartSource> = {
	identity: copied('qpv_identity', 'code'),
	communes: copied('qpv_commune_list', 'qpv_code'),
	references: copied('qpv_references', 'qpv_code'),
	// The canonical series of each territory the QPV is compared with, each territory once.
	chartSeries: computed(
		`SELECT r.qpv_code, s.*
		 FROM (SELECT DISTINCT qpv_code, territory_type, territory_code FROM qpv_references) r
		 JOIN canonical_series s
		   ON s.territory_type = r.territory_type AND s.territory_code = r.territory_code
		 WHERE s.indicator_id IN (${chartIds})`,
		// A key of canonical_series: a total order.
		'indicator_id, territory_type, territory_code, period'
	),
	ownChartSeries: computed(
		`SELECT q.code AS qpv_code, s.*
		 FROM qpv_identity q
		 JOIN canonical_series s ON s.territory_type = 'qpv' AND s.territory_code = q.code
		 WHERE s.indicator_id IN (${chartIds})`,
		// One row per indicator and period of a territory: a total order.
		'indicator_id, period'
	),
	// qpv_ranks holds exactly the published points (status 'ok', a value), as endpoints()
	// (domain/timeline.ts) keeps them; one period kind per indicator, so the latest period names
	// one row. One aggregate pass over qpv_ranks, no window.
	ranks: computed(
		`SELECT qpv_code, indicator_id, r.period, r.period_kind, r.rank, r.n
		 FROM (SELECT qpv_code, indicator_id,
		              arg_max(struct_pack(period, period_kind, rank, n), period) AS r
		       FROM qpv_ranks WHERE period BETWEEN ${BASELINE_FROM} AND ${HORIZON}
		       GROUP BY qpv_code, indicator_id)`,
		'indicator_id'
	)
};

/** One row's columns as a JSON array: to_json of each value (a struct's to_json cost 6× more). */
function jsonArray(columns: readonly string[]): string {
	const values = columns.map((c) => `coalesce(to_json("${c}")::VARCHAR, 'null')`);
	return `concat('[', ${values.join(", ',', ")}, ']')`;
}

export const qpvPageRowsStep: Step = {
	table: qpvPageRowsTable.name,
	async run(ctx) {
		const parts = QPV_PAGE_PARTS.map((p, i) => {
			const { code, select } = SOURCES[p.name];
			return `SELECT "${code}" AS qpv_code, ${i} AS part, seq::INTEGER AS seq,
			               ${jsonArray(p.columns)} AS row
			        FROM (${select})`;
		});
		// (qpv_code, part, seq) identifies a row: no need to sort on the JSON too.
		await ctx.db.insertSorted(qpvPageRowsTable, parts.join('\nUNION ALL\n'), ['seq']);
	}
};
