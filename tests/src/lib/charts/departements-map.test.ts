import { describe, expect, it } from 'vitest';
import { departementsMap, isMetropolitanPoint } from '../../../../src/lib/charts/departements-map';

const rows = [
	{ code: '01', name: 'Ain', value: 48, longitude: 5.35, latitude: 46.1 },
	{ code: '13', name: 'Bouches-du-Rhône', value: 61.5, longitude: 5.1, latitude: 43.5 },
	{ code: '29', name: 'Finistère', value: 40, longitude: -4.1, latitude: 48.2 },
	{ code: '971', name: 'Guadeloupe', value: 70, longitude: -61.5, latitude: 16.2 }
];

describe('isMetropolitanPoint', () => {
	it('keeps metropolitan France and Corsica, not the overseas départements', () => {
		expect(isMetropolitanPoint({ longitude: 9.1, latitude: 42.1 })).toBe(true);
		expect(isMetropolitanPoint({ longitude: -61.5, latitude: 16.2 })).toBe(false);
	});
});

describe('departementsMap', () => {
	it('draws one dot per metropolitan département with its name and French value', () => {
		const html = departementsMap(rows, {
			title: 'Carte test',
			label: 'Taux',
			format: (v) => `${v.toLocaleString('fr-FR')} %`
		});
		expect(html.match(/<circle/g)).toHaveLength(3);
		expect(html).toContain('Bouches-du-Rhône (13) : 61,5 %');
		expect(html).not.toContain('Guadeloupe');
		expect(html).toContain('1 département d’outre-mer non représenté sur la carte');
		expect(html).not.toContain('NaN');
	});
});
