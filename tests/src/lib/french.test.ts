import { describe, expect, it } from 'vitest';
import { curly, listFr, normaliseName, plural, typographic } from '../../../src/lib/french';

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
	it('curls the prose of page data, not its addresses, codes or markup quotes', () => {
		const data = {
			title: "Postes d'adultes-relais",
			href: "/recherche?q=Côte-d'Or",
			code: "d'x",
			rows: [{ name: "Val-d'Oise (95)", value: 12.8, svg: "<text font-family='a'>l'an</text>" }],
			when: null
		};
		expect(typographic(data)).toEqual({
			title: 'Postes d’adultes-relais',
			href: "/recherche?q=Côte-d'Or",
			code: "d'x",
			rows: [{ name: 'Val-d’Oise (95)', value: 12.8, svg: "<text font-family='a'>l’an</text>" }],
			when: null
		});
		expect(data.title).toBe("Postes d'adultes-relais");
	});
});
