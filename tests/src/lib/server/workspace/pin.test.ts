// Pinning reads the canonical series by data year: for a contrat with a single QPV, the pinned
// contrat figure of each year is that QPV's canonical value, one row per data year, in order.
import { describe, expect, it } from 'vitest';
import { query } from '$lib/server/db';
import { pinFigure } from '$lib/server/workspace/pin';

describe('valeurs figées', () => {
	it('pins one value per data year, from the canonical series, with its source', async () => {
		const [single] = await query<{ contrat_code: string; qpv_code: string }>(
			`SELECT contrat_code, min(qpv_code) AS qpv_code FROM qpv_contrat
			 GROUP BY contrat_code HAVING count(*) = 1 ORDER BY contrat_code LIMIT 1`
		);
		const canonical = await query<{
			period: number;
			data_year: number | null;
			value: number | null;
		}>(
			`SELECT period, data_year, value FROM canonical_series
			 WHERE indicator_id = 'tx_pauvrete_60' AND territory_type = 'qpv' AND territory_code = $1
			   AND period <= 2022 AND status = 'ok' ORDER BY period`,
			[single!.qpv_code]
		);
		expect(canonical.length).toBeGreaterThan(1);
		const pinned = await pinFigure(single!.contrat_code, 'tx_pauvrete_60');
		expect(pinned!.values.map((v) => [v.reference_year, v.value])).toEqual(
			canonical.map((c) => [c.data_year, c.value])
		);
		const years = pinned!.values.map((v) => v.reference_year);
		expect(new Set(years).size).toBe(years.length);
		expect(pinned!.data_year).toBe(canonical.at(-1)!.data_year);
		expect(pinned!.source).toMatch(/Licence Ouverte/);
		expect(await pinFigure(single!.contrat_code, 'indicateur_inexistant')).toBeNull();
	});
});
