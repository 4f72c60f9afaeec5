// The ends of each gap series are chosen by DuckDB (gapEndpointsSql): checked on hand-written
// canonical_series and qpv_references rows, then read by gapRow as the step does.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { endpointPoints, gapEndpointsSql, gapRow } from '../../../pipelines/steps/qpv-gaps';
import { indicator } from './evaluation-fixtures';

const income = indicator('revenu_disponible_median', '€', 'up');

async function endpoints() {
	const instance = await DuckDBInstance.create(':memory:');
	const c = await instance.connect();
	await c.run(`CREATE TABLE canonical_series (indicator_id VARCHAR, territory_type VARCHAR,
		territory_code VARCHAR, period INTEGER, period_kind VARCHAR, value DOUBLE, status VARCHAR, segment INTEGER)`);
	await c.run(`CREATE TABLE qpv_references (qpv_code VARCHAR, data_year INTEGER, reference_kind VARCHAR,
		territory_type VARCHAR, territory_code VARCHAR)`);
	const i = income.id;
	// QP1: published both in 2014 (before 2015), 2015, 2019 and 2023 (after 2022); secret in 2017.
	await c.run(`INSERT INTO canonical_series VALUES
		('${i}', 'qpv', 'QP1', 2014, 'annee_donnees', 13000, 'ok', 0),
		('${i}', 'qpv', 'QP1', 2015, 'annee_donnees', 13365, 'ok', 0),
		('${i}', 'qpv', 'QP1', 2017, 'annee_donnees', NULL, 'secret', 0),
		('${i}', 'qpv', 'QP1', 2019, 'annee_donnees', 14190, 'ok', 0),
		('${i}', 'qpv', 'QP1', 2023, 'annee_donnees', 15000, 'ok', 0),
		('${i}', 'epci', 'E1', 2014, 'annee_donnees', 19800, 'ok', 0),
		('${i}', 'epci', 'E1', 2015, 'annee_donnees', 20000, 'ok', 0),
		('${i}', 'epci', 'E1', 2017, 'annee_donnees', 21000, 'ok', 0),
		('${i}', 'epci', 'E2', 2019, 'annee_donnees', 22000, 'ok', 0),
		('${i}', 'epci', 'E2', 2023, 'annee_donnees', 23000, 'ok', 0),
		('${i}', 'commune', 'C1', 2017, 'annee_donnees', 18000, 'ok', 0)`);
	// The EPCI changes code in 2019 (a merger); the commune is published only in 2017.
	await c.run(`INSERT INTO qpv_references VALUES
		('QP1', 2014, 'epci', 'epci', 'E1'), ('QP1', 2015, 'epci', 'epci', 'E1'),
		('QP1', 2017, 'epci', 'epci', 'E1'), ('QP1', 2019, 'epci', 'epci', 'E2'),
		('QP1', 2023, 'epci', 'epci', 'E2'), ('QP1', 2017, 'commune', 'commune', 'C1')`);
	const rows = (await c.runAndReadAll(gapEndpointsSql([i]))).getRowObjectsJS();
	c.closeSync();
	instance.closeSync();
	return rows as unknown as Parameters<typeof endpointPoints>[0][];
}

describe('qpv_gaps endpoints in DuckDB', () => {
	it('keeps the first and last years from 2015 to 2022 where both are published', async () => {
		const rows = await endpoints();
		const epci = rows.find((r) => r.reference_kind === 'epci')!;
		expect(epci).toMatchObject({
			first_year: 2015,
			first_qpv_value: 13365,
			first_reference_value: 20000,
			first_reference_code: 'E1',
			last_year: 2019,
			last_qpv_value: 14190,
			last_reference_value: 22000,
			last_reference_code: 'E2'
		});
		// 13 365 / 20 000 = 66.825 % in 2015; 14 190 / 22 000 = 64.5 % in 2019: the gap widened.
		const row = gapRow(income, endpointPoints(epci));
		expect(row).toMatchObject({ baseline_year: 2015, latest_year: 2019, trend: 'creuse' });
		expect(row.reference_code).toBe('E2');
		expect(row.baseline_gap).toBeCloseTo(66.825, 10);
		expect(row.latest_gap).toBeCloseTo(64.5, 10);
	});

	it('gives a row without years when the QPV and the reference are never both published', async () => {
		const commune = (await endpoints()).find((r) => r.reference_kind === 'commune')!;
		expect(commune.first_year).toBeNull();
		const row = gapRow(income, endpointPoints(commune));
		expect(row).toMatchObject({
			reference_code: 'C1',
			baseline_year: null,
			latest_year: null,
			trend: 'indetermine',
			note: 'Aucune année où le QPV et la référence sont tous deux publiés depuis 2015.'
		});
	});
});
