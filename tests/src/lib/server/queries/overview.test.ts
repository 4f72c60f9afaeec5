import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildDb } from '../../../../../pipelines/lib/build-db';
import {
	citesByKindSql,
	latestQpvValuesSql,
	linkQualitySql
} from '../../../../../src/lib/server/queries/overview';
import { sourcePathsForTablesQuery } from '../../../../../src/lib/server/queries/provenance';
import { fixtureDb, runQuery } from '../../../../fixtures/pages/memory-db';

let db: BuildDb;
beforeAll(async () => {
	db = await fixtureDb();
});
afterAll(() => db.close());

describe('linkQualitySql', () => {
	it('counts QPV with exactly one, several and no contrat', async () => {
		const [row] = await runQuery(db, { sql: linkQualitySql, params: [] });
		expect(row).toEqual({ qpv_total: 4, qpv_one: 2, qpv_several: 1, qpv_none: 1 });
	});
});

describe('latestQpvValuesSql', () => {
	it('takes the latest data year of the canonical series, one value per QPV', async () => {
		const rows = await runQuery<{
			territory_code: string;
			value: number | null;
			source_path: string;
		}>(db, { sql: latestQpvValuesSql, params: ['tx_pauvrete_60'] });
		expect(rows.map((r) => [r.territory_code, r.value])).toEqual([
			['QP001001', 40],
			['QP001002', 50],
			['QP013001', null]
		]);
		// Data year 2018: the INSEE file for QP001001 (same figure as REVN_2022), REVN_2022 elsewhere.
		expect(rows.map((r) => r.source_path)).toEqual([
			'filosofi-qpv/data_filo18_qp_revdis.csv',
			'sig-ville/REVN_2022.csv',
			'sig-ville/REVN_2022.csv'
		]);
	});

	it('returns nothing for an indicator without QPV values', async () => {
		const rows = await runQuery(db, { sql: latestQpvValuesSql, params: ['taux_emploi'] });
		expect(rows).toEqual([]);
	});
});

describe('citesByKindSql', () => {
	it('counts points and distinct labels, a label repeated on two points once', async () => {
		const rows = await runQuery(db, { sql: citesByKindSql, params: [] });
		expect(rows).toEqual([
			{
				kind: 'cite_educative',
				entries: 2,
				labels: 3,
				source_paths: ['dispositifs/citeduc_geom.geojson']
			},
			{ kind: 'cite_emploi', entries: 2, labels: 2, source_paths: ['dispositifs/cde_geom.geojson'] }
		]);
	});
});

describe('sourcePathsForTablesQuery', () => {
	it('matches whole table names of the comma-separated list, not substrings', async () => {
		const rows = await runQuery<{ path: string }>(db, sourcePathsForTablesQuery(['qpv', 'epci']));
		expect(rows.map((r) => r.path)).toEqual([
			'geographie-2015/epcicom2015.csv',
			'qpv-2015/qpv_evolution_population.csv'
		]);
	});

	it('binds table names as parameters', () => {
		const built = sourcePathsForTablesQuery(["x' OR 1=1 --"]);
		expect(built.sql).not.toContain('OR 1=1');
		expect(built.params).toEqual(["x' OR 1=1 --"]);
	});
});
