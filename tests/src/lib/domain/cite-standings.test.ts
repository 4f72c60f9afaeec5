// Cités over their base, with figures of the real files computed by hand: Nord has 15 cités
// éducatives (citeduc_geom.geojson, communes 59xxx: 13 points, two with two labels) and 361,125
// QPV inhabitants in 2018, of whom 279,408 live in a commune hosting one.
import { describe, expect, it } from 'vitest';
import { citeStandings, type CitesRow } from '../../../../src/lib/domain/cite-standings';

const row = (code: string, cites: number, pop: number | null, covered = 0): CitesRow => ({
	code,
	name: `Territoire ${code}`,
	departement_code: code,
	qpv_population: pop,
	covered_population: covered,
	cites,
	source_path: 'dispositifs/citeduc_geom.geojson'
});

describe('citeStandings', () => {
	const ranked = citeStandings([
		row('93', 12, 620_583, 454_499),
		row('59', 15, 361_125, 279_408),
		row('01', 0, 10_000),
		row('02', 0, 50_000),
		row('975', 0, null)
	]);

	it('divides cités by the QPV population (per 100,000) and gives the covered share', () => {
		const nord = ranked.find((r) => r.code === '59')!;
		// 15 / 361,125 × 100,000 = 4.1537 ; 279,408 / 361,125 = 77.37 %
		expect(nord.rate).toBeCloseTo(4.1537, 4);
		expect(nord.coverage).toBeCloseTo(77.37, 2);
		// 12 / 620,583 × 100,000 = 1.9337: Seine-Saint-Denis has fewer cités per inhabitant than Nord.
		expect(ranked.find((r) => r.code === '93')!.rate).toBeCloseTo(1.9337, 4);
	});

	it('ranks by the rate, never by the count; the largest QPV population without a cité first', () => {
		expect(ranked.map((r) => [r.code, r.rank])).toEqual([
			['59', 1],
			['93', 2],
			['02', 3],
			['01', 4],
			['975', 5]
		]);
		expect(ranked.at(-1)!.rate).toBeNull();
		expect(ranked.find((r) => r.code === '01')!.coverage).toBe(0);
	});
});
