// The QPV fiche's locator map: the QPV in blue (boundary, or its commune's point when the boundary
// is unpublished), the other QPV of its contrat muted, the contrat's perimeter in grey outline.
import { describe, expect, it } from 'vitest';
import { qpvInContratMap, type QpvPlace } from '../../../../src/lib/charts/maps';
import { locatorLegend } from '../../../../src/routes/contrats/[code]/fiche/fiche';

/** A square of `size` degrees with its lower-left corner at (x, y), counter-clockwise (RFC 7946). */
const square = (x: number, y: number, size: number) =>
	JSON.stringify({
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + size, y],
				[x + size, y + size],
				[x, y + size],
				[x, y]
			]
		]
	});
const contrat = { code: 'CV999', name: 'Contrat test', geometry: square(1, 43, 0.2) };
const place = (
	code: string,
	geometry: string | null,
	point: [number, number] | null
): QpvPlace => ({
	code,
	name: `Quartier ${code}`,
	geometry,
	point
});

describe('qpvInContratMap', () => {
	it('draws the QPV boundary in blue over the muted boundaries of the other QPV', async () => {
		const drawn = qpvInContratMap(
			{
				contrat,
				qpv: place('QP000001', square(1.05, 43.05, 0.02), null),
				others: [place('QP000002', square(1.12, 43.1, 0.03), null)]
			},
			{ title: 'Le quartier dans son contrat', width: 200, height: 200 }
		);
		expect(drawn).not.toBeNull();
		expect(drawn!.boundary).toBe(true);
		expect(drawn!.otherShapes).toBe(1);
		expect(drawn!.otherPoints).toBe(0);
		// Perimeter, other QPV, this QPV: three filled areas; blue only for this QPV.
		expect(drawn!.svg.match(/<path/g)).toHaveLength(3);
		expect(drawn!.svg.match(/#000091/g)?.length).toBeGreaterThan(0);
		await expect(drawn!.svg).toMatchFileSnapshot('./__snapshots__/qpv-in-contrat-map.svg');
	});

	it('marks the commune when the boundary is unpublished, one dot per other commune', () => {
		const drawn = qpvInContratMap(
			{
				contrat,
				qpv: place('QP000001', null, [1.1, 43.1]),
				others: [
					place('QP000002', null, [1.1, 43.1]), // same commune: no second dot
					place('QP000003', null, [1.15, 43.05]),
					place('QP000004', null, [1.15, 43.05])
				]
			},
			{ title: 't' }
		);
		expect(drawn!.boundary).toBe(false);
		expect(drawn!.otherPoints).toBe(1);
		expect(drawn!.svg.match(/<circle/g)).toHaveLength(2);
	});

	it('places nothing without a boundary nor a perimeter around the point', () => {
		const qpv = place('QP000001', null, [1.1, 43.1]);
		expect(qpvInContratMap({ contrat: null, qpv, others: [] }, { title: 't' })).toBeNull();
	});
});

describe('locatorLegend', () => {
	const base = { boundary: false, otherShapes: 0, otherPoints: 0, perimeter: true };
	it('says in words what blue, grey and the outline are, as drawn', () => {
		expect(locatorLegend(base, 'Bourg-en-Bresse', 1, 'CA Bourg')).toBe(
			'Point bleu : la commune de Bourg-en-Bresse, où se situe le quartier, dont le contour n’est pas publié ; l’autre quartier du contrat est dans la même commune ; trait gris : périmètre du contrat CA Bourg. Contours simplifiés.'
		);
		expect(locatorLegend({ ...base, otherPoints: 2 }, 'Vaulx', 5, 'Lyon')).toContain(
			'points gris : 2\u00a0autres communes du contrat ayant un quartier'
		);
		expect(
			locatorLegend({ ...base, boundary: true, otherShapes: 3, perimeter: false }, null, 3, 'X')
		).toBe(
			'En bleu : le quartier (limites 2015) ; en gris : les 3\u00a0autres quartiers du contrat. Contours simplifiés.'
		);
		expect(locatorLegend(base, null, 0, 'X')).toContain('seul quartier du contrat');
	});
});
