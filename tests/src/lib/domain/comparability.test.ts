import { describe, expect, it } from 'vitest';
import {
	noteForbidsComparison,
	noteSentences,
	readNote
} from '../../../../src/lib/domain/comparability';
import { medianIncome } from '../../../fixtures/domain/indicators';

describe('noteForbidsComparison', () => {
	it('applies a below-commune caveat to QPV only', () => {
		const note = medianIncome.comparability_note;
		expect(noteForbidsComparison(note, 'qpv')).toBe(true);
		expect(noteForbidsComparison(note, 'commune')).toBe(false);
		expect(noteForbidsComparison('Données provisoires.', 'qpv')).toBe(false);
		expect(noteForbidsComparison(null, 'qpv')).toBe(false);
	});
});

const filosofiNote =
	"Filosofi : l'INSEE déconseille de comparer une même statistique d'une année sur l'autre sous le niveau communal (QPV). " +
	"Dans SIG Ville (REVN), l'année de référence est le millésime moins 4. " +
	'Communes, EPCI, départements et régions : chaque année est sur sa propre géographie.';

describe('noteSentences', () => {
	it('splits a note at full stops followed by a capital', () => {
		expect(noteSentences(filosofiNote)).toHaveLength(3);
		expect(noteSentences('Note (NOTE_FILO, note) conservée. Voir 2.5 ci-dessus.')).toHaveLength(2);
	});
});

describe('readNote', () => {
	it('turns the INSEE advice into a reason for QPV and keeps the other sentences as warnings', () => {
		const q = readNote(filosofiNote, 'qpv');
		expect(q.reasons).toHaveLength(1);
		expect(q.reasons[0]).toContain('déconseille');
		expect(q.warnings).toHaveLength(2);
		const c = readNote(filosofiNote, 'commune');
		expect(c.reasons).toEqual([]);
		expect(c.warnings[1]).toContain('propre géographie');
	});
	it('does not read "ne pas raccorder les deux séries" as advice against comparing one series', () => {
		expect(
			readNote('Remplace TX_TOT_EPREC : ne pas raccorder les deux séries.', 'qpv').reasons
		).toEqual([]);
	});
});
