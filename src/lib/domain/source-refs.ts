// Sources cited by many rows of a table, numbered once: each row points to its numbers and the
// list under the table gives each source a single time (no source line repeated row after row).

export interface SourceRef {
	n: number;
	text: string;
	href: string | null;
}

export interface CitingRow {
	sources: { text: string; href: string }[];
	note: string | null;
}

/** Numbers the distinct sources and notes of `rows` in order of first appearance. */
export function numberSources(rows: CitingRow[]): { refs: SourceRef[]; byRow: number[][] } {
	const refs: SourceRef[] = [];
	const seen = new Map<string, number>();
	const number = (text: string, href: string | null) => {
		const key = `${href ?? ''}\u0000${text}`;
		let n = seen.get(key);
		if (n === undefined) {
			n = refs.length + 1;
			seen.set(key, n);
			refs.push({ n, text, href });
		}
		return n;
	};
	const byRow = rows.map((row) => [
		...row.sources.map((s) => number(s.text, s.href)),
		...(row.note ? [number(row.note, null)] : [])
	]);
	return { refs, byRow };
}
