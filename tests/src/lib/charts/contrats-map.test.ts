import { describe, expect, it } from 'vitest';
import { contratsMap, mapFeatures } from '../../../../src/lib/charts/contrats-map';

const square = (x: number, y: number) =>
	JSON.stringify({
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + 0.5, y],
				[x + 0.5, y + 0.5],
				[x, y + 0.5],
				[x, y]
			]
		]
	});

const contrats = [
	{ code: 'CV001', name: 'Plaine de l’Ain', geometry: square(5.2, 45.8) },
	{ code: 'CV004', name: 'Bourg-en-Bresse', geometry: square(5.1, 46.1) },
	{ code: 'CV376', name: 'Fort-de-France', geometry: square(-61.1, 14.6) },
	{ code: 'CV415', name: 'Sans périmètre', geometry: null }
];

describe('mapFeatures', () => {
	it('keeps metropolitan perimeters and lists overseas and missing ones apart', () => {
		const split = mapFeatures(contrats, new Set(['CV004']));
		expect(split.features.map((f) => [f.properties.code, f.properties.highlighted])).toEqual([
			['CV001', false],
			['CV004', true]
		]);
		expect(split.overseas.map((c) => c.code)).toEqual(['CV376']);
		expect(split.withoutGeometry.map((c) => c.code)).toEqual(['CV415']);
	});
});

describe('contratsMap', () => {
	it('links each perimeter to its contrat page and keeps the links accessible', () => {
		const { features } = mapFeatures(contrats, new Set(['CV004']));
		const svg = contratsMap(features, { title: 'Carte de test' });
		expect(svg).toContain('href="/contrats/CV001"');
		expect(svg).toContain('href="/contrats/CV004"');
		expect(svg).toContain('role="group"');
		expect(svg).not.toContain('role="img"');
		expect(svg).toContain('<title>Carte de test</title>');
		expect(svg).toContain('dont 1 retenus par le filtre');
	});
});
