// qpv_page_rows: the rows of a QPV page's small reads (identity, communes, references), each as a
// JSON array under the QPV's code, so that the page reads them in one query.
import { QPV_PAGE_PARTS, qpvPageRowsTable } from '../../src/lib/schemas/qpv-page';
import type { Step } from '../lib/step';

/** One row's columns as a JSON array: to_json of each value (a struct's to_json cost 6× more). */
function jsonArray(columns: readonly string[]): string {
	const values = columns.map((c) => `coalesce(to_json("${c}")::VARCHAR, 'null')`);
	return `concat('[', ${values.join(", ',', ")}, ']')`;
}

export const qpvPageRowsStep: Step = {
	table: qpvPageRowsTable.name,
	async run(ctx) {
		const parts = QPV_PAGE_PARTS.map(
			(p, i) =>
				`SELECT "${p.code}" AS qpv_code, ${i} AS part, rowid::INTEGER AS seq,
				        ${jsonArray(p.columns)} AS row
				 FROM "${p.table}"`
		);
		await ctx.db.insertSorted(qpvPageRowsTable, parts.join('\nUNION ALL\n'));
	}
};
