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
	for (const row of rows) {
		row.noteIds = caveatsOf(row).map((raw) => {
			const text = curly(raw.replace(/\s*\([^)]*\.(csv|json)\)/g, ''));
			const i = notes.indexOf(text);
			if (i >= 0) return i + 1;
			notes.push(text);
			return notes.length;
		});
	}
	return notes;
}
