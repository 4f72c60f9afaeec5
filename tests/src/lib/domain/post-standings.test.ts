import { describe, expect, it } from 'vitest';
import { postStandings } from '../../../../src/lib/domain/post-standings';

const row = (code: string, year: number, posts: number, qpv_population: number | null) => ({
	code,
	name: code,
	departement_code: '93',
	year,
	posts,
	qpv_population,
	source_path: 'contrats-de-ville/adulte-relais-2023.json'
});

describe('postStandings', () => {
	it('ranks by posts per 1,000 QPV inhabitants, not by number of posts', () => {
		const ranked = postStandings(
			[
				row('CV001', 2020, 10, 20000),
				row('CV001', 2023, 30, 20000), // 30 / 20,000 × 1,000 = 1.5
				row('CV002', 2023, 6, 2000), // 6 / 2,000 × 1,000 = 3
				row('CV003', 2020, 4, 8000), // none in 2023: 0 posts, 0 per 1,000
				row('CV004', 2023, 50, null) // no QPV population: no rate, last
			],
			2023
		);
		expect(ranked.map((r) => [r.code, r.posts, r.rate])).toEqual([
			['CV002', 6, 3],
			['CV001', 30, 1.5],
			['CV003', 0, 0],
			['CV004', 50, null]
		]);
		// CV001: 1.5 − 10 / 20,000 × 1,000 (0.5) = +1 post per 1,000 QPV inhabitants since 2020
		expect(ranked[1]!.rateChange).toBe(1);
		expect(ranked[2]!.rateChange).toBe(-0.5);
		expect(ranked[0]!.firstYear).toBe(2020);
	});
});
