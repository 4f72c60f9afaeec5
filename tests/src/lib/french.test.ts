import { describe, expect, it } from 'vitest';
import { curly, listFr, normaliseName, plural } from '../../../src/lib/french';

describe('French wording', () => {
	it('chooses singular for 0 and 1, plural above', () => {
		expect(plural(1, 'centre')).toBe('1\u00a0centre');
		expect(plural(0, 'quartier')).toBe('0\u00a0quartier');
		expect(plural(37, 'quartier prioritaire', 'quartiers prioritaires')).toBe(
			'37\u00a0quartiers prioritaires'
		);
		expect(plural(1514, 'QPV', 'QPV')).toBe('1\u202f514\u00a0QPV');
	});
	it('joins lists with a final « et »', () => {
		expect(listFr(['Bourg-en-Bresse', 'Péronnas', 'Viriat'])).toBe(
			'Bourg-en-Bresse, Péronnas et Viriat'
		);
	});
	it('curls apostrophes and normalises names published in capitals', () => {
		expect(curly("l'INSEE d'une année")).toBe('l’INSEE d’une année');
		expect(normaliseName('LYON')).toBe('Lyon');
		expect(normaliseName('BOURG EN BRESSE')).toBe('Bourg en Bresse');
		expect(normaliseName("L'ISLE-D'ABEAU")).toBe('L’Isle-d’Abeau');
		expect(normaliseName('Métropole de Lyon')).toBe('Métropole de Lyon');
	});
});
