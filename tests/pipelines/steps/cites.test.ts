import { describe, expect, it } from 'vitest';
import { citesStep, meanLonLat } from '../../../pipelines/steps/cites';
import { fixtureDir, runSteps } from './memory-context';

describe('meanLonLat', () => {
	it('averages the points of a MultiPoint', () => {
		const geometry = {
			type: 'MultiPoint',
			coordinates: [
				[1, 48],
				[2, 49]
			]
		};
		expect(meanLonLat(geometry)).toEqual({ longitude: 1.5, latitude: 48.5 });
	});

	it('returns null for an empty GeometryCollection', () => {
		expect(meanLonLat({ type: 'GeometryCollection', geometries: [] })).toBeNull();
	});
});

describe('citesStep', () => {
	it('loads one row per feature, keeps joint ids as published and rejects a nameless feature', async () => {
		const ctx = await runSteps(fixtureDir('dispositifs'), [citesStep]);
		const rows = await ctx.db.query<{ id: string; longitude: number | null }>(
			'SELECT id, longitude FROM cites ORDER BY kind, id'
		);
		expect(rows).toEqual([
			{ id: 'cite-001', longitude: 1.5 },
			{ id: 'cite-002 ; cite-127', longitude: 8.7 },
			{ id: 'cite-192', longitude: null },
			{ id: 'cde-001', longitude: -0.55 }
		]);
		const ledger = ctx.ledgers.for('dispositifs/citeduc_geom.geojson');
		expect(ledger.rejects).toContainEqual(
			expect.objectContaining({ line: 4, column: 'lib_territoire' })
		);
		expect(ledger.rejects).toContainEqual(expect.objectContaining({ line: 3, column: 'geometry' }));
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.rowsRejected, ledger.balanced]).toEqual([
			4,
			3,
			1,
			true
		]);
		const report = ctx.report.cites as Record<string, { labels: number }>;
		expect(report['dispositifs/citeduc_geom.geojson']!.labels).toBe(4);
	});
});
