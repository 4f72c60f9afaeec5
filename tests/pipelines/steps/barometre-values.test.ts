import { describe, expect, it } from 'vitest';
import { barometreIndicatorsStep } from '../../../pipelines/steps/barometre-indicators';
import { barometreValuesStep, parseZoneId } from '../../../pipelines/steps/barometre-values';
import { fixtureDir, runSteps } from './memory-context';

describe('parseZoneId', () => {
	it.each([
		['D01', { level: 'departemental', code: '01' }],
		['D2A', { level: 'departemental', code: '2A' }],
		['D971', { level: 'departemental', code: '971' }],
		['R84', { level: 'regional', code: '84' }],
		['FRANCE', { level: 'national', code: 'FR' }]
	])('maps %s to its territory code', (zone, expected) => {
		expect(parseZoneId(zone)).toEqual(expected);
	});

	it.each(['D1', 'R8', 'C01001', 'FR', ''])('returns null for the unknown zone %j', (zone) => {
		expect(parseZoneId(zone)).toBeNull();
	});
});

describe('barometreValuesStep', () => {
	it('loads Etalab and DITP values and accounts for every fixture row', async () => {
		const ctx = await runSteps(fixtureDir('barometre'), [
			barometreIndicatorsStep,
			barometreValuesStep
		]);
		const rows = await ctx.db.query<Record<string, unknown>>(
			`SELECT indicator_id, level, territory_code, date, value, value_initial, value_target
			 FROM barometre_values ORDER BY indicator_id, level, territory_code, date`
		);
		expect(rows.map((r) => Object.values(r).join('|'))).toEqual([
			'IND-001|departemental|01|2022-09-01|57.4|57.4|',
			'IND-001|departemental|2A|2023-12-01|59.3||',
			'IND-001|departemental|971|2026-12-01|||64.5',
			'IND-001|national|FR|2023-12-01|61||',
			'IND-001|regional|84|2023-12-01|60.1||',
			'nb-maisons-sante|departemental|01|2019-12-31|12||',
			'nb-maisons-sante|departemental|2A|2019-12-31|3||',
			'nb-maisons-sante|national|FR|2019-12-31|1400||',
			'nb-maisons-sante|national|FR|2020-12-31|||',
			'nb-maisons-sante|regional|84|2019-12-31|150||'
		]);
	});

	it('rejects a DITP row with an unknown maille and sets aside an empty placeholder row', async () => {
		const ctx = await runSteps(fixtureDir('barometre'), [
			barometreIndicatorsStep,
			barometreValuesStep
		]);
		const ditp = ctx.ledgers.for('barometre-ditp/ind-001.csv');
		expect(ditp.rejects).toEqual([
			expect.objectContaining({ line: 7, column: 'maille', value: 'COMMUNE' }),
			expect.objectContaining({ line: 9, column: 'enforce_zone_id', value: 'R84' })
		]);
		expect([ditp.rowsRead, ditp.rowsLoaded, ditp.rowsRejected, ditp.rowsAggregate]).toEqual([
			8, 5, 2, 1
		]);
		for (const ledger of ctx.ledgers.all()) expect(ledger.balanced, ledger.path).toBe(true);
		const dep = ctx.ledgers.for('barometre-etalab/barometre-resultats-detail-departemental.csv');
		expect(dep.rejects).toEqual([
			expect.objectContaining({ line: 4, column: 'valeur', value: 'abc' })
		]);
		const reg = ctx.ledgers.for('barometre-etalab/barometre-resultats-detail-regional.csv');
		expect(reg.rejects).toEqual([
			expect.objectContaining({ line: 3, column: 'code_region', value: '8' })
		]);
	});
});
