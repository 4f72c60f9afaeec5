// Reading notes: one number per distinct caveat, in order of first use, without file names.
import { describe, expect, it } from 'vitest';
import { numberReadingNotes } from '../../../../src/lib/domain/reading-notes';

describe('numberReadingNotes', () => {
	it('numbers each caveat once and lets rows cite it', () => {
		const rows = [
			{ caveats: ['Valeur secrète (sig-ville/REVN_2019.csv)', 'Rupture de série'], noteIds: [] },
			{ caveats: ['Rupture de série'], noteIds: [] },
			{ caveats: ["Pas d'EPCI"], noteIds: [] }
		] as { caveats: string[]; noteIds: number[] }[];
		const notes = numberReadingNotes(rows, (r) => r.caveats);
		expect(notes).toEqual(['Valeur secrète', 'Rupture de série', 'Pas d’EPCI']);
		expect(rows.map((r) => r.noteIds)).toEqual([[1, 2], [2], [3]]);
	});
});
