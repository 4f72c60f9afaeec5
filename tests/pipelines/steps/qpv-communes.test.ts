import { describe, expect, it } from 'vitest';
import {
	buildNameIndex,
	matchCommuneName,
	normaliseName,
	splitCommunesLabel,
	type NameEntry
} from '../../../pipelines/steps/qpv-communes';

describe('splitCommunesLabel', () => {
	it('splits on commas and slashes and collapses doubled spaces', () => {
		expect(
			splitCommunesLabel('Marseille 2e  Arrondissement, Marseille 15e  Arrondissement')
		).toEqual(['Marseille 2e Arrondissement', 'Marseille 15e Arrondissement']);
		expect(splitCommunesLabel('Cusset / Vichy,')).toEqual(['Cusset', 'Vichy']);
		expect(splitCommunesLabel('Bourg-en-Bresse')).toEqual(['Bourg-en-Bresse']);
	});
});

describe('normaliseName', () => {
	it('ignores accents, case, hyphens and apostrophes', () => {
		expect(normaliseName("L'Île-Saint-Denis")).toBe(normaliseName('l ile saint denis'));
		expect(normaliseName('Évry')).toBe('evry');
	});
});

describe('matchCommuneName', () => {
	const entries: NameEntry[] = [
		{ departement: '91', name: 'Évry-Courcouronnes', code: '91228', in2015: true },
		{ departement: '91', name: 'Évry', code: '91228', in2015: true },
		{ departement: '59', name: 'Ostricourt', code: '59452', in2015: true },
		{ departement: '27', name: 'Pont-Audemer', code: '27467', in2015: true },
		{ departement: '27', name: 'Pont-Audemer', code: '27999', in2015: false },
		{ departement: '01', name: 'Sainte-Foy', code: '01001', in2015: true },
		{ departement: '01', name: 'Sainte-Foy', code: '01002', in2015: true },
		{ departement: '33', name: 'Saint-Seurin', code: '33001', in2015: true },
		{ departement: '17', name: 'Saint-Seurin', code: '17001', in2015: true }
	];
	const index = buildNameIndex(entries);

	it('matches a 2015 name in the QPV département, whatever the accents', () => {
		expect(matchCommuneName(index, '91', 'EVRY')).toEqual({
			code: '91228',
			otherDepartement: false
		});
	});

	it('prefers the code that existed in 2015 when a name has two codes', () => {
		expect(matchCommuneName(index, '27', 'Pont-Audemer')).toEqual({
			code: '27467',
			otherDepartement: false
		});
	});

	it('falls back on the only commune of that name in France (QPV on a border)', () => {
		expect(matchCommuneName(index, '62', 'Ostricourt')).toEqual({
			code: '59452',
			otherDepartement: true
		});
	});

	it('explains an ambiguous or unknown name instead of guessing', () => {
		expect(matchCommuneName(index, '01', 'Sainte-Foy')).toEqual({
			reason: 'nom ambigu « Sainte-Foy » : 01001, 01002'
		});
		expect(matchCommuneName(index, '95', 'Saint-Seurin')).toEqual({
			reason: 'aucune commune « Saint-Seurin » dans le département 95 (2 homonymes ailleurs)'
		});
		expect(matchCommuneName(index, '95', 'Douai')).toEqual({
			reason: 'aucune commune « Douai » dans le département 95'
		});
	});
});
