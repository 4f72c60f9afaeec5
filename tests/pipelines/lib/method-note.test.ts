import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMethodNote } from '../../../pipelines/lib/method-note';

const read = (f: string) => readFileSync(`data/raw/barometre-documentation/${f}`, 'utf-8');

describe('parseMethodNote', () => {
	it('reads each indicator of a note with its definition and metadata', () => {
		const notes = parseMethodNote(read('mesures_1-education-jeunesse_1-dedoubler-classes-rep.md'));
		expect(notes.map((n) => n.indicator)).toEqual([1, 2]);
		expect(notes[1]!.name).toBe('Part des classes de grande section en REP dédoublées (en %)');
		expect(notes[1]!.definition).toMatch(
			/^Cet indicateur restitue le pourcentage des classes de grande section/
		);
		expect(notes[0]!.frequency).toBe('annuelle');
		expect(notes[0]!.granularity).toBe('nationale, départementale');
	});
	it('takes per-indicator metadata when the note splits them (maisons / centres de santé)', () => {
		const notes = parseMethodNote(read('mesures_7-sante-famille-handicap_4-maisons-sante.md'));
		expect(notes.map((n) => n.frequency)).toEqual(['semestrielle', 'annuelle']);
	});
	it('refuses a note without a title', () => {
		expect(() => parseMethodNote('texte sans titre')).toThrow('titre');
	});
});
