// Numbered reading notes: a caveat shared by many rows of a page is written once and cited by number.
import { curly } from '$lib/french';

/**
 * Gives each distinct caveat one number for the whole page (in order of first use) and sets each
 * row's `noteIds`. Readers get the caveat without the file it was checked on, which is named on
 * /methodologie.
 */
export function numberReadingNotes<Row extends { noteIds: number[] }>(
	rows: Row[],
	caveatsOf: (row: Row) => string[]
): string[] {
	const notes: string[] = [];
	// A page's rows share a few caveats: each raw text is cleaned and numbered once.
	const numbers = new Map<string, number>();
	for (const row of rows) {
		row.noteIds = caveatsOf(row).map((raw) => {
			let n = numbers.get(raw);
			if (n === undefined) {
				const text = curly(raw.replace(/\s*\([^)]*\.(csv|json)\)/g, ''));
				const i = notes.indexOf(text);
				n = i >= 0 ? i + 1 : notes.push(text);
				numbers.set(raw, n);
			}
			return n;
		});
	}
	return notes;
}
