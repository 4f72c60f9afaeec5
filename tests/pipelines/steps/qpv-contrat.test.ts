import { describe, expect, it } from 'vitest';
import {
	communesTable,
	contratsTable,
	qpvCommunesTable,
	qpvTable,
	type Commune,
	type Contrat,
	type Qpv
} from '../../../src/lib/schemas/territories';
import type { Step } from '../../../pipelines/lib/step';
import { OVERRIDES, qpvContratStep } from '../../../pipelines/steps/qpv-contrat';
import { fixtureDir, runSteps } from './memory-context';

const qpv = (code: string, departement: string, main: string | null, pop: number): Qpv => ({
	code,
	name: null,
	departement_code: departement,
	region_code: null,
	main_commune_code: main,
	communes_label: null,
	population_2013: null,
	population_2018: pop
});
const commune = (code: string, epci: string | null): Commune => ({
	code,
	name: code,
	departement_code: code.slice(0, 2),
	region_code: null,
	kind: 'actuelle',
	current_code: null,
	epci2015_siren: epci,
	population: null,
	longitude: null,
	latitude: null
});
const contrat = (code: string, siren: string, departement: string, pop: number): Contrat => ({
	code,
	name: code,
	perimeter: 'epci',
	commune_count: null,
	epci2015_siren: siren,
	commune_code: null,
	departement_code: departement,
	population_qpv_published: pop,
	longitude: null,
	latitude: null,
	geometry: null
});

/** The tables the step reads, as earlier steps would have written them. */
const territories: Step = {
	table: 'qpv',
	async run(ctx) {
		await ctx.db.insert(qpvTable, [
			qpv('QP001001', '01', '01053', 6490),
			qpv('QP074004', '74', '74281', 1305),
			qpv('QP021001', '21', '21054', 1477)
		]);
		await ctx.db.insert(communesTable, [
			commune('01053', '240100628'),
			commune('74281', null),
			commune('21054', '200006682')
		]);
		await ctx.db.insert(qpvCommunesTable, [
			{ qpv_code: 'QP001001', commune_code: '01053', method: 'qpv_info_nom_commune' },
			{ qpv_code: 'QP074004', commune_code: '74281', method: 'qpv_info_nom_commune' },
			{ qpv_code: 'QP021001', commune_code: '21054', method: 'qpv_info_nom_commune' }
		]);
		await ctx.db.insert(contratsTable, [
			contrat('CV004', '240100628', '01', 6490),
			contrat('CV267', '247400849', '74', 1305)
		]);
	}
};

describe('qpvContratStep', () => {
	it('writes rule and override links, rejects bad overrides and reports the quality', async () => {
		const ctx = await runSteps(fixtureDir('territories'), [territories, qpvContratStep]);
		const rows = await ctx.db.query(
			'SELECT qpv_code, contrat_code, method FROM qpv_contrat ORDER BY qpv_code'
		);
		expect(rows).toEqual([
			{ qpv_code: 'QP001001', contrat_code: 'CV004', method: 'commune_epci2015' },
			{ qpv_code: 'QP074004', contrat_code: 'CV267', method: 'override' }
		]);
		const ledger = ctx.ledgers.for(OVERRIDES);
		expect([ledger.rowsLoaded, ledger.rowsRejected, ledger.balanced]).toEqual([1, 2, true]);
		expect(ledger.rejects.map((r) => r.reason)).toEqual(['QPV inconnu', 'contrat inconnu']);
		expect(ctx.report.qpv_contrat).toMatchObject({
			qpv_total: 3,
			exactly_one: 2,
			none: 1,
			several: 0,
			contrats_without_qpv: [],
			qpv_without_contrat: [
				{ code: 'QP021001', reason: 'commune 21054 : EPCI 2015 200006682 sans contrat' }
			],
			controle_population: { contrats_egaux: 2, ecarts: [] }
		});
	});
});
