import { describe, expect, it } from 'vitest';
import { citeCommunesStep, parseListeGeo } from '../../../pipelines/steps/cite-communes';
import { citesStep } from '../../../pipelines/steps/cites';
import { fixtureDir, runSteps } from './memory-context';

describe('parseListeGeo', () => {
	it('reads two communes separated by a semicolon', () => {
		expect(parseListeGeo('Angers (49007); Trélazé (49353)')).toEqual({
			entries: [
				{ name: 'Angers', code: '49007' },
				{ name: 'Trélazé', code: '49353' }
			],
			problems: []
		});
	});

	it('keeps a Corsican code as text', () => {
		expect(parseListeGeo('Ajaccio (2A004)').entries).toEqual([{ name: 'Ajaccio', code: '2A004' }]);
	});

	it('reports a part without a code in brackets', () => {
		const parsed = parseListeGeo('Angers (49007); Sans code');
		expect(parsed.entries).toHaveLength(1);
		expect(parsed.problems).toEqual(['commune sans code entre parenthèses : « Sans code »']);
	});
});

describe('citeCommunesStep', () => {
	it('links each loaded cité to its communes and records unreadable parts', async () => {
		const ctx = await runSteps(fixtureDir('dispositifs'), [citesStep, citeCommunesStep]);
		const rows = await ctx.db.query<{ cite_id: string; commune_code: string }>(
			'SELECT cite_id, commune_code FROM cite_communes ORDER BY kind, cite_id, commune_code'
		);
		expect(rows.map((r) => `${r.cite_id}:${r.commune_code}`)).toEqual([
			'cite-001:28134',
			'cite-001:28404',
			'cite-002 ; cite-127:2A004',
			'cite-192:97801',
			'cde-001:49007',
			'cde-001:49353'
		]);
		const cde = ctx.ledgers.for('dispositifs/cde_geom.geojson');
		expect(cde.rejects).toContainEqual(expect.objectContaining({ line: 1, column: 'liste_geo' }));
		expect([cde.rowsRead, cde.rowsLoaded, cde.balanced]).toEqual([1, 1, true]);
		expect([...cde.tables].sort()).toEqual(['cite_communes', 'cites']);
	});
});
