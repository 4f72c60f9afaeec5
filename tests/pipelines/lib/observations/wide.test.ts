import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { observationsTable } from '../../../../src/lib/schemas/indicators';
import { BuildDb } from '../../../../pipelines/lib/build-db';
import { readCsv, SourceFileError } from '../../../../pipelines/lib/csv';
import { SourceLedger } from '../../../../pipelines/lib/ledger';
import { parseCatalogue } from '../../../../pipelines/lib/observations/catalogue';
import { filosofiQpvSpec } from '../../../../pipelines/lib/observations/filosofi-qpv';
import {
	filosofiReferenceSpec,
	referenceTerritory
} from '../../../../pipelines/lib/observations/filosofi-references';
import { rplsSpec } from '../../../../pipelines/lib/observations/rpls';
import {
	sigVilleReferenceYear,
	sigVilleSpec
} from '../../../../pipelines/lib/observations/sig-ville';
import { loadWide } from '../../../../pipelines/lib/observations/wide';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../../fixtures/traps/${name}`, import.meta.url));
const indicators = parseCatalogue(
	readCsv(fixture('reference/indicators.csv'), 'cat.csv'),
	new SourceLedger('cat')
);

function load(name: string, path: string, spec: Parameters<typeof loadWide>[3]) {
	const csv = readCsv(fixture(name), path);
	const ledger = new SourceLedger(path);
	return { ...loadWide(csv, ledger, indicators, spec), ledger };
}

describe('loadWide on a SIG Ville DEMO file', () => {
	const r = load('sig-ville-demo.csv', 'sig-ville/DEMO_2022.csv', sigVilleSpec('DEMO', 2022));
	const value = (code: string, id: string) =>
		r.observations.find((o) => o.territory_code === code && o.indicator_id === id);

	it('reads thousands separators (U+202F, U+00A0) and decimal commas', () => {
		expect(value('QP001001', 'pop_mun')).toMatchObject({
			value: 6490,
			status: 'ok',
			reference_year: 2018,
			source_line: 3
		});
		expect(value('QP02A001', 'pop_mun')?.value).toBe(1808);
		expect(value('QP001001', 'part_femmes')).toMatchObject({ value: 55.3, reference_year: null });
	});

	it('stores a blank cell as a secret observation without value', () => {
		expect(value('QP02A001', 'part_etrangers')).toMatchObject({ value: null, status: 'secret' });
	});

	it('loads the `Ensemble` row as ensemble_qpv and counts it as an aggregate', () => {
		expect(value('ENSEMBLE_QPV', 'pop_mun')).toMatchObject({
			territory_type: 'ensemble_qpv',
			value: 5019573
		});
		expect(r.ledger.rowsAggregate).toBe(1);
		expect(r.ledger.rowsLoaded).toBe(3);
	});

	it('keeps the Corsican code as text', () => {
		expect(value('QP02A001', 'pop_mun')?.territory_code).toBe('QP02A001');
	});

	it('rejects a malformed number as a cell with line, column and value', () => {
		expect(r.ledger.rejects).toEqual([
			expect.objectContaining({
				line: 4,
				column: 'A',
				value: '12,3,4',
				reason: expect.stringContaining('illisible')
			})
		]);
		expect(value('QP02A001', 'allocataires_caf')).toBeUndefined();
	});

	it('lists unknown columns and counts non-zero quality notes', () => {
		expect(r.uncatalogued).toEqual(['POP_COM', 'IND_JEUNE', 'PERCOU', 'ENF', 'NEW_COL']);
		expect(r.flags).toEqual({ NOTE_CNAF: 1 });
	});

	it('balances the ledger: read = loaded + rejected + aggregate', () => {
		expect(r.ledger.rowsRead).toBe(4);
		expect(r.ledger.balanced).toBe(true);
	});

	it('writes rows that DuckDB reads back with codes as strings', async () => {
		const db = await BuildDb.open(':memory:');
		await db.insert(observationsTable, r.observations);
		const rows = await db.query<{ territory_code: string; value: number }>(
			"SELECT territory_code, value FROM observations WHERE indicator_id = 'pop_mun' ORDER BY territory_code"
		);
		expect(rows.map((x) => x.territory_code)).toEqual([
			'ENSEMBLE_QPV',
			'QP001001',
			'QP02A001',
			'QP974049'
		]);
		await db.close();
	});
});

describe('loadWide header checks', () => {
	it('fails naming the file and the missing column when a header changed', () => {
		expect(() =>
			load(
				'sig-ville-demo-missing-column.csv',
				'sig-ville/DEMO_2019.csv',
				sigVilleSpec('DEMO', 2019)
			)
		).toThrow(SourceFileError);
		expect(() =>
			load(
				'sig-ville-demo-missing-column.csv',
				'sig-ville/DEMO_2019.csv',
				sigVilleSpec('DEMO', 2019)
			)
		).toThrow(/DEMO_2019\.csv : colonnes manquantes : POP_MUN/);
	});

	it('accepts the 2020 layout without LIBGEO nor BOM', () => {
		const r = load(
			'sig-ville-demo-2020.csv',
			'sig-ville/DEMO_2020.csv',
			sigVilleSpec('DEMO', 2020)
		);
		expect(r.observations.find((o) => o.indicator_id === 'pop_mun')).toMatchObject({
			value: 6056,
			reference_year: 2013
		});
		expect(r.ledger.balanced).toBe(true);
	});

	it('rejects a QPV code absent from the known list', () => {
		const r = load(
			'sig-ville-demo-2020.csv',
			'sig-ville/DEMO_2020.csv',
			sigVilleSpec('DEMO', 2020, new Set(['QP001002']))
		);
		expect(r.ledger.rowsRejected).toBe(1);
		expect(r.ledger.rejects[0]!.reason).toContain('absent de la liste');
	});
});

describe('sigVilleReferenceYear', () => {
	it('gives RP years to population, vintage − 4 to Filosofi columns, null otherwise', () => {
		expect(sigVilleReferenceYear('DEMO', 2020, 'POP_MUN')).toBe(2013);
		expect(sigVilleReferenceYear('DEMO', 2021, 'POP_MUN')).toBe(2018);
		expect(sigVilleReferenceYear('DEMO', 2021, 'TX_F')).toBeNull();
		expect(sigVilleReferenceYear('REVN', 2017, 'DISP_Q2')).toBe(2013);
		expect(sigVilleReferenceYear('REVN', 2022, 'TP60')).toBe(2018);
		expect(sigVilleReferenceYear('REVN', 2022, 'AAAH')).toBeNull();
		expect(sigVilleReferenceYear('IPRO', 2022, 'ABC')).toBeNull();
	});
});

describe('loadWide on INSEE Filosofi files', () => {
	it('reads the 2018 QPV layout with U+00A0 thousands and its Ensemble row', () => {
		const r = load(
			'filosofi-qpv-18.csv',
			'filosofi-qpv/data_filo18_qp_revdis.csv',
			filosofiQpvSpec(2018)
		);
		const median = r.observations.filter((o) => o.indicator_id === 'revenu_disponible_median');
		expect(
			median.map((o) => [o.territory_code, o.value, o.status, o.vintage, o.reference_year])
		).toEqual([
			['ENSEMBLE_QPV', 13770, 'ok', 2018, 2018],
			['QP001001', 14180, 'ok', 2018, 2018],
			['QP013034', null, 'secret', 2018, 2018]
		]);
		expect(r.flags).toEqual({ DISP_NOTE_A18: 1 });
		expect(r.uncatalogued).toEqual(['DISP_Q1_A18', 'DISP_GINI_A18']);
		expect([r.ledger.rowsLoaded, r.ledger.rowsAggregate, r.ledger.balanced]).toEqual([2, 1, true]);
	});

	it('keeps commune codes with leading zeros and 2A, counts blanks, rejects a code without its zero', () => {
		const r = load(
			'filosofi-com-2019.csv',
			'filosofi-references/FILO2019_DISP_COM.csv',
			filosofiReferenceSpec(2019, 'COM')
		);
		const codes = [...new Set(r.observations.map((o) => o.territory_code))];
		expect(codes).toEqual(['01053', '2A004', '01001']);
		expect(r.observations.every((o) => o.status === 'ok' && o.territory_type === 'commune')).toBe(
			true
		);
		// Catalogued here: NBMEN19, Q219, D119; 2A004 and 01001 have D119 blank (secret), 01053 none.
		expect(r.blanksCounted).toBe(2);
		expect(r.ledger.rejects[0]).toMatchObject({ line: 5, column: 'CODGEO', value: '1001' });
		expect([
			r.ledger.rowsRead,
			r.ledger.rowsLoaded,
			r.ledger.rowsRejected,
			r.ledger.balanced
		]).toEqual([4, 3, 1, true]);
	});
});

describe('loadWide on RPLS', () => {
	it('reads quoted French decimals and plain decimals; blanks of noted QPV are secret', () => {
		const r = load('rpls.csv', 'qpv-2015/rpls_qpv.csv', rplsSpec());
		expect(
			r.observations.map((o) => [o.territory_code, o.indicator_id, o.value, o.status])
		).toEqual([
			['QP001001', 'logements_sociaux', 2493, 'ok'],
			['QP001001', 'taux_vacance_logements_sociaux', 4.8, 'ok'],
			['QP013034', 'logements_sociaux', null, 'secret'],
			['QP013034', 'taux_vacance_logements_sociaux', null, 'secret']
		]);
		expect(r.flags).toEqual({ Note: 1 });
		expect(r.uncatalogued).toEqual(['txRot', 'medLoy']);
		expect(r.ledger.balanced).toBe(true);
	});
});

describe('referenceTerritory', () => {
	it('stores France métropolitaine under FRM and validates the codes of each level', () => {
		expect(referenceTerritory('METROPOLE', '1')).toEqual({
			type: 'france_metropolitaine',
			code: 'FRM'
		});
		expect(referenceTerritory('EPCI', '200000172')).toEqual({ type: 'epci', code: '200000172' });
		expect(referenceTerritory('DEP', '2A')).toEqual({ type: 'departement', code: '2A' });
		expect(referenceTerritory('REG', '4')).toMatch(/code région invalide/);
		expect(referenceTerritory('EPCI', 'ZZZZZZZZZ')).toMatch(/SIREN/);
	});
});
