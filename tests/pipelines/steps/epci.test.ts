import { describe, expect, it } from 'vitest';
import { communesStep } from '../../../pipelines/steps/communes';
import { departementsStep } from '../../../pipelines/steps/departements';
import { EPCICOM_PATH, epciStep, readEpcicom } from '../../../pipelines/steps/epci';
import { regionsStep } from '../../../pipelines/steps/regions';
import { fixtureDir, runSteps } from './memory-context';

describe('epcicom2015, read by the epci, communes and qpv_communes steps', () => {
	it('is parsed once: its malformed row is rejected once and the file stays balanced', async () => {
		const ctx = await runSteps(fixtureDir('territories/epcicom-malformed'), [
			regionsStep,
			departementsStep,
			epciStep,
			communesStep
		]);
		const ledger = ctx.ledgers.for(EPCICOM_PATH);
		// Three data rows: two communes of one EPCI, and line 3 cut after its third field.
		expect(ledger.rejects.map((r) => [r.line, r.reason])).toEqual([
			[3, 'nombre de champs : 3 champs au lieu de 14 (en-tête)']
		]);
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.rowsRejected]).toEqual([3, 2, 1]);
		expect(ledger.balanced).toBe(true);
		expect(await ctx.db.query('SELECT siren, commune_count FROM epci')).toEqual([
			{ siren: '200029999', commune_count: 2 }
		]);
		expect(
			await ctx.db.query(
				`SELECT code, epci2015_siren AS epci FROM communes WHERE code IN ('01068', '01199') ORDER BY code`
			)
		).toEqual([
			{ code: '01068', epci: '200029999' },
			{ code: '01199', epci: '200029999' }
		]);
		// The last reader gets the same rows, and nothing is counted again.
		expect(readEpcicom(ctx, true).rows.map((r) => r.communeCode)).toEqual(['01068', '01199']);
		expect(ledger.rejects).toHaveLength(1);
		await ctx.db.close();
	});
});
