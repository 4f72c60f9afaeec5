// qpv_gaps in DuckDB: the ends of each gap series (gapEndpointsSql) and the rows the step writes
// (gapRowsSql), on hand-written canonical_series and qpv_references rows.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { gapEndpointsSql, gapRowsSql } from '../../../pipelines/steps/qpv-gaps';
import type { QpvGap } from '../../../src/lib/schemas/evaluation';
import { indicator } from './evaluation-fixtures';

const income = indicator('revenu_disponible_median', '€', 'up');

/** One year of a QPV and its reference: values null when secret. */
interface Point {
	year: number;
	qpv: number | null;
	ref: number | null;
	kind?: 'epci' | 'commune';
	code?: string;
}

const value = (v: number | null) => (v === null ? `NULL, 'secret'` : `${v}, 'ok'`);

/** Runs `sql` over canonical_series and qpv_references holding QP1's `points` for income. */
async function query(points: Point[], sql: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const c = await instance.connect();
	await c.run(`CREATE TABLE canonical_series (indicator_id VARCHAR, territory_type VARCHAR,
		territory_code VARCHAR, period INTEGER, period_kind VARCHAR, value DOUBLE, status VARCHAR, segment INTEGER)`);
	await c.run(`CREATE TABLE qpv_references (qpv_code VARCHAR, data_year INTEGER, reference_kind VARCHAR,
		territory_type VARCHAR, territory_code VARCHAR)`);
	const i = income.id;
	const qpvYears = [...new Set(points.map((p) => p.year))];
	for (const year of qpvYears) {
		const p = points.find((q) => q.year === year)!;
		await c.run(`INSERT INTO canonical_series VALUES
			('${i}', 'qpv', 'QP1', ${year}, 'annee_donnees', ${value(p.qpv)}, 0)`);
	}
	for (const p of points) {
		const kind = p.kind ?? 'epci';
		const code = p.code ?? 'E1';
		await c.run(
			`INSERT INTO qpv_references VALUES ('QP1', ${p.year}, '${kind}', '${kind}', '${code}')`
		);
		await c.run(`INSERT INTO canonical_series VALUES
			('${i}', '${kind}', '${code}', ${p.year}, 'annee_donnees', ${value(p.ref)}, 0)`);
	}
	const rows = (await c.runAndReadAll(sql)).getRowObjectsJS();
	c.closeSync();
	instance.closeSync();
	return rows;
}

// QP1: published in 2014 (before 2015), 2015, 2019 and 2023 (after 2022); secret in 2017. The EPCI
// changes code in 2019 (a merger); the commune is published only in 2017.
const merger: Point[] = [
	{ year: 2014, qpv: 13000, ref: 19800 },
	{ year: 2015, qpv: 13365, ref: 20000 },
	{ year: 2017, qpv: null, ref: 21000 },
	{ year: 2019, qpv: 14190, ref: 22000, code: 'E2' },
	{ year: 2023, qpv: 15000, ref: 23000, code: 'E2' },
	{ year: 2017, qpv: null, ref: 18000, kind: 'commune', code: 'C1' }
];

const gapRows = async (points: Point[]) =>
	(await query(points, `${gapRowsSql([income])} ORDER BY reference_kind`)) as unknown as QpvGap[];

describe('qpv_gaps endpoints in DuckDB', () => {
	it('keeps the first and last years from 2015 to 2022 where both are published', async () => {
		const rows = await query(merger, gapEndpointsSql([income.id]));
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
		const row = (await gapRows(merger)).find((r) => r.reference_kind === 'epci')!;
		expect(row).toMatchObject({ baseline_year: 2015, latest_year: 2019, trend: 'creuse' });
		expect(row.reference_code).toBe('E2');
		expect(row.baseline_gap).toBeCloseTo(66.825, 10);
		expect(row.latest_gap).toBeCloseTo(64.5, 10);
	});

	it('gives a row without years when the QPV and the reference are never both published', async () => {
		const commune = (await query(merger, gapEndpointsSql([income.id]))).find(
			(r) => r.reference_kind === 'commune'
		)!;
		expect(commune.first_year).toBeNull();
		const row = (await gapRows(merger)).find((r) => r.reference_kind === 'commune')!;
		expect(row).toMatchObject({
			reference_code: 'C1',
			baseline_year: null,
			latest_year: null,
			trend: 'indetermine',
			note: 'Aucune année où le QPV et la référence sont tous deux publiés depuis 2015.'
		});
	});
});

describe('qpv_gaps rows', () => {
	it('reads income as a share of the EPCI’s at the first and last common years', async () => {
		// 13 365 / 20 000 = 66.825 % in 2015; 14 190 / 22 000 = 64.5 % in 2019: the gap widened.
		const [row] = await gapRows([
			{ year: 2014, qpv: 13637, ref: 19800, code: '200071751' },
			{ year: 2015, qpv: 13365, ref: 20000, code: '200071751' },
			{ year: 2016, qpv: 13690, ref: null, code: '200071751' },
			{ year: 2019, qpv: 14190, ref: 22000, code: '200071752' }
		]);
		expect(row).toMatchObject({
			measure: 'ratio',
			baseline_year: 2015,
			latest_year: 2019,
			trend: 'creuse',
			reference_code: '200071752'
		});
		expect(row!.baseline_gap).toBeCloseTo(66.825, 10);
		expect(row!.latest_gap).toBeCloseTo(64.5, 10);
	});

	it('gives a latest gap but no trend when only one year is common', async () => {
		const [row] = await gapRows([
			{ year: 2015, qpv: null, ref: 20000 },
			{ year: 2019, qpv: 14190, ref: 22000 }
		]);
		expect(row).toMatchObject({ baseline_year: null, latest_year: 2019, trend: 'indetermine' });
		expect(row!.latest_gap).toBeCloseTo(64.5, 10);
		expect(row!.note).toBe('Une seule année commune (2019) : pas d’évolution de l’écart.');
		expect([row!.baseline_qpv, row!.baseline_gap, row!.latest_qpv]).toEqual([null, null, 14190]);
	});
});
