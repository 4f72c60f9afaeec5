// SQL builders of the observations and search queries: as text, and run on an in-memory DuckDB.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { observationsTable } from '../../../../../src/lib/schemas/indicators';
import { createTableSql } from '../../../../../src/lib/schemas/table';
import {
	communesTable,
	contratsTable,
	departementsTable,
	epciTable,
	qpvCommunesTable,
	qpvContratTable,
	qpvTable
} from '../../../../../src/lib/schemas/territories';
import type { Param } from '../../../../../src/lib/server/db';
import { observationsQuery } from '../../../../../src/lib/server/queries/observations';
import { searchSql } from '../../../../../src/lib/server/queries/search';

let conn: DuckDBConnection;

async function run(sql: string, params: Param[]): Promise<Record<string, unknown>[]> {
	const prepared = await conn.prepare(sql);
	params.forEach((p, i) =>
		typeof p === 'number' ? prepared.bindInteger(i + 1, p) : prepared.bindVarchar(i + 1, String(p))
	);
	return (await prepared.runAndReadAll()).getRowObjectsJS();
}

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const def of [
		observationsTable,
		contratsTable,
		departementsTable,
		qpvTable,
		communesTable,
		qpvCommunesTable,
		qpvContratTable,
		epciTable
	]) {
		await conn.run(createTableSql(def));
	}
	await conn.run(`INSERT INTO observations VALUES
		('pop_mun', 'qpv', 'QP001001', 2022, 2018, 6490, 'ok', 'sig-ville/DEMO_2022.csv', 3),
		('pop_mun', 'qpv', 'QP001002', 2022, 2018, 1926, 'ok', 'sig-ville/DEMO_2022.csv', 4),
		('revenu_disponible_median', 'commune', '01053', 2019, 2019, 19350, 'ok', 'filosofi-references/FILO2019_DISP_COM.csv', 900),
		('tx_pauvrete_60', 'qpv', 'QP001001', 2022, 2018, NULL, 'secret', 'sig-ville/REVN_2022.csv', 3)`);
	await conn.run(`INSERT INTO departements VALUES ('01', 'Ain', '84')`);
	await conn.run(
		`INSERT INTO contrats VALUES ('CV004', 'CA Bourg en Bresse Agglomération', 'epci', 15, '240100628', NULL, '01', 8416, NULL, NULL, NULL)`
	);
	await conn.run(
		`INSERT INTO qpv VALUES ('QP001001', 'Grande Reyssouze Terre Des Fleurs', '01', '84', '01053', NULL, 6056, 6490)`
	);
	await conn.run(
		`INSERT INTO communes VALUES ('01053', 'Bourg-en-Bresse', '01', '84', 'actuelle', NULL, '240100628', 41248, 5.2, 46.2)`
	);
	await conn.run(`INSERT INTO qpv_communes VALUES ('QP001001', '01053', 'qpv_info_nom_commune')`);
	await conn.run(
		`INSERT INTO epci VALUES ('240100628', 'CA Bourg en Bresse Agglomération', 'CA', '01', 15, 70000)`
	);
	// Marseille: one commune, two QPV (one named after the city), one contrat whose name says "MPM".
	await conn.run(`INSERT INTO departements VALUES ('13', 'Bouches-du-Rhône', '93')`);
	await conn.run(
		`INSERT INTO contrats VALUES ('CV049', 'CU de Marseille Provence Métropole (MPM)', 'epci', 18, '241300391', NULL, '13', NULL, NULL, NULL, NULL)`
	);
	await conn.run(`INSERT INTO qpv VALUES
		('QP013001', 'Centre Nord Marseille', '13', '93', '13055', NULL, 100, 100),
		('QP013002', 'La Castellane', '13', '93', '13055', NULL, 100, 100)`);
	await conn.run(`INSERT INTO communes VALUES
		('13055', 'Marseille', '13', '93', 'actuelle', NULL, '241300391', 870000, 5.4, 43.3),
		('11220', 'Marseillette', '11', '76', 'actuelle', NULL, NULL, 700, 2.5, 43.2)`);
	await conn.run(`INSERT INTO qpv_communes VALUES
		('QP013001', '13055', 'qpv_info_nom_commune'), ('QP013002', '13055', 'qpv_info_nom_commune')`);
	await conn.run(`INSERT INTO qpv_contrat VALUES
		('QP001001', 'CV004', 'commune_epci2015', NULL),
		('QP013001', 'CV049', 'commune_epci2015', NULL), ('QP013002', 'CV049', 'commune_epci2015', NULL)`);
	await conn.run(
		`INSERT INTO epci VALUES ('241300391', 'CU Marseille Provence Métropole', 'CU', '13', 18, 1000000)`
	);
});

describe('observationsQuery', () => {
	it('builds one parameterised branch per territory and no literal value', () => {
		const { sql, params } = observationsQuery(
			[
				{ type: 'qpv', code: "QP001001' OR 1=1" },
				{ type: 'commune', code: '01053' }
			],
			['pop_mun']
		);
		expect(sql.match(/UNION ALL/g)).toHaveLength(1);
		expect(sql).not.toContain('QP001001');
		expect(params).toEqual(['pop_mun', 'qpv', "QP001001' OR 1=1", 'commune', '01053']);
	});

	it('returns only the requested territories and indicators, secret rows included', async () => {
		const { sql, params } = observationsQuery([
			{ type: 'qpv', code: 'QP001001' },
			{ type: 'commune', code: '01053' }
		]);
		const rows = await run(sql, params);
		expect(rows.map((r) => `${r.indicator_id}:${r.territory_code}:${r.status}`)).toEqual([
			'pop_mun:QP001001:ok',
			'revenu_disponible_median:01053:ok',
			'tx_pauvrete_60:QP001001:secret'
		]);
	});

	it('returns nothing for an empty territory list', async () => {
		const { sql, params } = observationsQuery([]);
		expect(await run(sql, params)).toEqual([]);
	});
});

describe('searchSql', () => {
	it('keeps the search text out of the SQL', () => {
		const { contrats, qpv } = searchSql();
		for (const sql of [contrats, qpv]) {
			expect(sql).toContain('$1');
			expect(sql).toContain('LIMIT');
		}
	});

	it('answers "Marseille" with its contrat once and each of its QPV once', async () => {
		const { contrats, qpv } = searchSql();
		const c = await run(contrats, ['Marseille']);
		expect(c.map((h) => h.code)).toEqual(['CV049']);
		expect(c[0]).toMatchObject({ qpv_count: 2, departement: 'Bouches-du-Rhône' });
		const q = await run(qpv, ['marseille']);
		// QP013001 matches by its name and by its commune: listed once, the name match first.
		expect(q.map((h) => h.code)).toEqual(['QP013001', 'QP013002']);
		expect(q[1]).toMatchObject({ contrat_code: 'CV049' });
	});

	it('ignores hyphens, accents and case: "Bourg en Bresse" finds CV004', async () => {
		const { contrats, qpv } = searchSql();
		for (const text of ['Bourg en Bresse', 'BOURG-EN-bresse', 'bourg  en bresse ']) {
			expect((await run(contrats, [text])).map((h) => h.code)).toEqual(['CV004']);
			expect((await run(qpv, [text])).map((h) => h.code)).toEqual(['QP001001']);
		}
		expect((await run(contrats, ['agglomeration'])).map((h) => h.code)).toEqual(['CV004']);
		expect((await run(qpv, ['reyssouze']))[0]).toMatchObject({ code: 'QP001001' });
		expect(await run(contrats, ['introuvable'])).toEqual([]);
	});
});
