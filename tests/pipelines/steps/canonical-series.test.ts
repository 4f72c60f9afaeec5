import { describe, expect, it } from 'vitest';
import { BuildDb } from '../../../pipelines/lib/build-db';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import type { BuildContext } from '../../../pipelines/lib/step';
import { canonicalSeriesStep } from '../../../pipelines/steps/canonical-series';
import { dataYearsStep } from '../../../pipelines/steps/data-years';
import { observationsTable, type Observation } from '../../../src/lib/schemas/indicators';
import { seriesBreaksTable, type CanonicalPoint } from '../../../src/lib/schemas/evaluation';
import { obs } from './evaluation-fixtures';

const FILO17 = 'filosofi-qpv/data_filo17_qp_revdis.csv';
const REVN21 = 'sig-ville/REVN_2021.csv';
const REVN19 = 'sig-ville/REVN_2019.csv';
const FILO18 = 'filosofi-qpv/data_filo18_qp_revdis.csv';
const REVN22 = 'sig-ville/REVN_2022.csv';

async function build(extra: Observation[] = []): Promise<BuildContext> {
	const ctx: BuildContext = {
		rawDir: '.',
		referenceDir: '.',
		db: await BuildDb.open(':memory:'),
		ledgers: new LedgerRegistry(),
		read: new Set(),
		report: {},
		log: () => {}
	};
	await ctx.db.create(observationsTable);
	await ctx.db.insert(observationsTable, [
		// Two sources for data year 2017 that agree: the INSEE file wins.
		obs('tx_pauvrete_60', 'QP001001', FILO17, 2017, 2017, 38.9),
		obs('tx_pauvrete_60', 'QP001001', REVN21, 2021, 2017, 38.9),
		// REVN_2019 is Filosofi 2015 (vintage − 4).
		obs('tx_pauvrete_60', 'QP001001', REVN19, 2019, 2015, 40.9),
		// Data year 2018: the INSEE file's value is secret, the republication publishes it.
		obs('tx_pauvrete_60', 'QP001001', FILO18, 2018, 2018, null),
		obs('tx_pauvrete_60', 'QP001001', REVN22, 2022, 2018, 41.4),
		// No published data year: placed by vintage, with a break declared from 2019.
		obs('taux_emploi', 'QP001001', 'sig-ville/IPRO_2018.csv', 2018, null, 53.5),
		obs('taux_emploi', 'QP001001', 'sig-ville/IPRO_2019.csv', 2019, null, 43.2),
		...extra
	]);
	await ctx.db.create(seriesBreaksTable);
	await ctx.db.insert(seriesBreaksTable, [
		{
			indicator_id: 'taux_emploi',
			period: 2019,
			period_kind: 'millesime',
			kind: 'base',
			reason: 'r',
			evidence: 'e'
		}
	]);
	await dataYearsStep.run(ctx);
	await canonicalSeriesStep.run(ctx);
	return ctx;
}

describe('canonical_series', async () => {
	const ctx = await build();
	const series = await ctx.db.query<CanonicalPoint>(
		'SELECT * FROM canonical_series ORDER BY indicator_id, period'
	);
	const at = (id: string, period: number) =>
		series.find((s) => s.indicator_id === id && s.period === period)!;

	it('keeps one value per data year, the INSEE file first, the other file named', () => {
		expect(series.filter((s) => s.indicator_id === 'tx_pauvrete_60').map((s) => s.period)).toEqual([
			2015, 2017, 2018
		]);
		expect(at('tx_pauvrete_60', 2017)).toMatchObject({
			value: 38.9,
			source_path: FILO17,
			vintage: 2017,
			period_kind: 'annee_donnees',
			other_sources: `${REVN21} l.3`
		});
		expect(at('tx_pauvrete_60', 2015)).toMatchObject({
			data_year: 2015,
			vintage: 2019,
			source_path: REVN19
		});
	});

	it('takes the published value when the preferred file has a secret cell', () => {
		expect(at('tx_pauvrete_60', 2018)).toMatchObject({
			value: 41.4,
			status: 'ok',
			source_path: REVN22
		});
	});

	it('places a series without data year by vintage, and numbers segments at a break', () => {
		expect(at('taux_emploi', 2018)).toMatchObject({
			period_kind: 'millesime',
			data_year: null,
			segment: 0
		});
		expect(at('taux_emploi', 2019)).toMatchObject({ segment: 1 });
	});

	it('records how each file’s data year is known, or that it is not published', async () => {
		const years = await ctx.db.query<{
			source_path: string;
			data_year: number | null;
			method: string;
		}>('SELECT source_path, data_year, method FROM data_years ORDER BY source_path');
		expect(years.find((y) => y.source_path === REVN21)).toMatchObject({ data_year: 2017 });
		expect(years.find((y) => y.source_path === REVN21)!.method).toContain('millésime − 4');
		expect(years.find((y) => y.source_path === 'sig-ville/IPRO_2019.csv')).toMatchObject({
			data_year: null,
			method: 'année des données non publiée'
		});
	});

	it('reports the agreement of the two sources where both publish', () => {
		expect(ctx.report.source_agreement).toEqual([
			{ data_year: 2017, both_published: 1, different: 0 }
		]);
	});
});

describe('canonical_series order', async () => {
	// Territories and indicators whose text order differs from their order of arrival; data year
	// 2019 and vintage 2019 of one series; an EPCI and a département before the QPV.
	const ctx = await build([
		obs('a_indicator', 'QP001001', 'sig-ville/X_2019.csv', 2019, null, 1),
		obs('a_indicator', 'QP001001', 'sig-ville/Y_2021.csv', 2021, 2019, 2),
		obs('a_indicator', 'QP000999', 'sig-ville/X_2019.csv', 2019, null, 3),
		obs('tx_pauvrete_60', '200054781', REVN21, 2021, 2017, 12.5, 'epci'),
		obs('tx_pauvrete_60', '75', REVN21, 2021, 2017, 15.1, 'departement'),
		obs('tx_pauvrete_60', '2A', REVN21, 2021, 2017, 14.2, 'departement')
	]);
	it('is stored in the order of every column, as the final sort would leave it', async () => {
		const stored = await ctx.db.query('SELECT * FROM canonical_series ORDER BY rowid');
		const sorted = await ctx.db.query(
			`SELECT * FROM canonical_series ORDER BY territory_type, territory_code, indicator_id,
				period, period_kind, data_year, vintage, value, status, source_path, source_line`
		);
		expect(stored).toEqual(sorted);
		expect(
			stored.map((r) => `${r.territory_code} ${r.indicator_id} ${r.period} ${r.period_kind}`)
		).toEqual([
			'2A tx_pauvrete_60 2017 annee_donnees',
			'75 tx_pauvrete_60 2017 annee_donnees',
			'200054781 tx_pauvrete_60 2017 annee_donnees',
			'QP000999 a_indicator 2019 millesime',
			'QP001001 a_indicator 2019 annee_donnees',
			'QP001001 a_indicator 2019 millesime',
			'QP001001 taux_emploi 2018 millesime',
			'QP001001 taux_emploi 2019 millesime',
			'QP001001 tx_pauvrete_60 2015 annee_donnees',
			'QP001001 tx_pauvrete_60 2017 annee_donnees',
			'QP001001 tx_pauvrete_60 2018 annee_donnees'
		]);
		expect(ctx.db.tableState('canonical_series')).toBe('sorted');
	});
});
