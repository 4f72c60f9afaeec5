// A table's columns declared once: the page's DataTable and the CSV/XLSX download read the same
// list (header, type), so what a reader sees and what they download cannot drift apart.
import { formatNumber } from '$lib/format';

export interface TableColumn<Row> {
	key: keyof Row & string;
	/** French header, on the page and in the file. */
	header: string;
	type: 'text' | 'number' | 'integer';
	/** XLSX width and decimals (see $lib/server/export/columns). */
	width?: number;
	decimals?: number;
	/** The page shows it (default) or leaves it to the download only (codes, technical years). */
	onPage?: boolean;
	/** The page cell as text, when it differs from the raw value. */
	display?: (row: Row) => string;
	/** The page cell links to this address. */
	href?: (row: Row) => string | null;
	/** The URL sort key (`?tri=`), when the page sorts by this column. */
	sort?: string;
}

/** The page text of a cell: the column's display, else a French number, else the text. */
export function cellText<Row>(column: TableColumn<Row>, row: Row): string {
	if (column.display) return column.display(row);
	const value = row[column.key] as unknown;
	if (value === null || value === undefined) return '—';
	if (typeof value === 'number' || typeof value === 'bigint') {
		return formatNumber(Number(value), column.type === 'number' ? (column.decimals ?? 1) : 0);
	}
	return String(value);
}
