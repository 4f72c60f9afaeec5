import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../pipelines/lib/csv';
import { SourceLedger } from '../../../../pipelines/lib/ledger';
import { parseCatalogue } from '../../../../pipelines/lib/observations/catalogue';
import { loadPanel } from '../../../../pipelines/lib/observations/panel';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../../fixtures/traps/${name}`, import.meta.url));
const indicators = parseCatalogue(
	readCsv(fixture('reference/indicators.csv'), 'cat.csv'),
	new SourceLedger('cat')
);

describe('loadPanel', () => {
	const ledger = new SourceLedger('qpv-2015/panel_qpv_complet_v2.csv');
	const r = loadPanel(
		readCsv(fixture('panel.csv'), 'qpv-2015/panel_qpv_complet_v2.csv'),
		ledger,
		indicators
	);

	it('stores one observation per QPV, year and catalogued column, vintage = reference year', () => {
		expect(
			r.observations.find(
				(o) =>
					o.territory_code === 'QP001001' && o.vintage === 2013 && o.indicator_id === 'panel_gini'
			)
		).toMatchObject({ value: 0.2, reference_year: 2013, status: 'ok' });
	});

	it('stores no row for a column empty for every QPV of a year (not published)', () => {
		expect(r.observations.some((o) => o.indicator_id === 'panel_gini' && o.vintage === 2012)).toBe(
			false
		);
		expect(r.unpublished).toEqual({ panel_gini: [2012] });
	});

	it('marks an isolated blank as missing, not secret', () => {
		expect(
			r.observations.find(
				(o) =>
					o.territory_code === 'QP001002' &&
					o.vintage === 2013 &&
					o.indicator_id === 'panel_revenu_median'
			)
		).toMatchObject({ value: null, status: 'missing' });
	});

	it('rejects an invalid code and balances the ledger', () => {
		expect(ledger.rejects).toEqual([
			expect.objectContaining({ line: 6, column: 'code', value: 'QPXXX' })
		]);
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.rowsRejected, ledger.balanced]).toEqual([
			5,
			4,
			1,
			true
		]);
		expect(r.uncatalogued).toEqual(['taux_pauvrete', 's80s20']);
	});
});
