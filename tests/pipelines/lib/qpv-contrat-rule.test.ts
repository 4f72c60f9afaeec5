import { describe, expect, it } from 'vitest';
import {
	assignContrats,
	resolveByPublishedPopulation,
	type Assignment,
	type RuleCommune,
	type RuleContrat,
	type RuleInput
} from '../../../pipelines/lib/qpv-contrat-rule';

const commune = (
	code: string,
	epci2015: string | null,
	currentCode: string | null = null
): RuleCommune => ({
	code,
	epci2015,
	currentCode
});
const epciContrat = (code: string, siren: string, departement = '01'): RuleContrat => ({
	code,
	perimeter: 'epci',
	epci2015: siren,
	commune: null,
	departement
});
const communeContrat = (code: string, commune: string, departement = '92'): RuleContrat => ({
	code,
	perimeter: 'commune',
	epci2015: null,
	commune,
	departement
});

function input(partial: Partial<RuleInput> & Pick<RuleInput, 'qpvs'>): RuleInput {
	return {
		qpvCommunes: new Map(),
		communes: new Map(),
		contrats: [],
		overrides: new Map(),
		...partial
	};
}

const communes = (...list: RuleCommune[]) => new Map(list.map((c) => [c.code, c]));

describe('assignContrats', () => {
	it('links a single-commune QPV to the contrat of its 2015 EPCI', () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP001001', departement: '01' }],
				qpvCommunes: new Map([['QP001001', ['01053']]]),
				communes: communes(commune('01053', '240100628')),
				contrats: [epciContrat('CV004', '240100628'), epciContrat('CV001', '240100883')]
			})
		);
		expect(result.assignments).toEqual([
			{
				qpv: 'QP001001',
				contrat: 'CV004',
				method: 'commune_epci2015',
				note: 'commune 01053 → EPCI 2015 240100628'
			}
		]);
		expect(result.unassigned).toEqual([]);
	});

	it('gives one row per contrat when the communes of a QPV lie in two EPCI with contrats', () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP003005', departement: '03' }],
				qpvCommunes: new Map([['QP003005', ['03185', '03211']]]),
				communes: communes(commune('03185', '240300608'), commune('03211', '240300999')),
				contrats: [epciContrat('CV016', '240300608'), epciContrat('CV017', '240300999')]
			})
		);
		expect(result.assignments.map((a) => [a.contrat, a.method])).toEqual([
			['CV016', 'commune_epci2015_multi'],
			['CV017', 'commune_epci2015_multi']
		]);
	});

	it('keeps a single contrat when both communes of a QPV share the same EPCI', () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP003005', departement: '03' }],
				qpvCommunes: new Map([['QP003005', ['03185', '03211']]]),
				communes: communes(commune('03185', '240300608'), commune('03211', '240300608')),
				contrats: [epciContrat('CV016', '240300608')]
			})
		);
		expect(result.assignments).toHaveLength(1);
		expect(result.assignments[0]!.method).toBe('commune_epci2015');
	});

	it("uses the predecessors' 2015 EPCI for a commune nouvelle with a new code", () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP027011', departement: '27' }],
				qpvCommunes: new Map([['QP027011', ['27999']]]),
				communes: communes(
					commune('27999', null),
					commune('27467', '242700000', '27999'),
					commune('27555', '242700000', '27999')
				),
				contrats: [epciContrat('CV090', '242700000', '27')]
			})
		);
		expect(result.assignments.map((a) => a.contrat)).toEqual(['CV090']);
	});

	it('prefers the commune-perimeter contrat over the contrat of its EPCI', () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP972001', departement: '972' }],
				qpvCommunes: new Map([['QP972001', ['97209']]]),
				communes: communes(commune('97209', '249720061')),
				contrats: [
					communeContrat('CV376', '97209', '972'),
					epciContrat('CV999', '249720061', '972')
				]
			})
		);
		expect(result.assignments).toEqual([
			{
				qpv: 'QP972001',
				contrat: 'CV376',
				method: 'commune_contrat',
				note: 'commune 97209 → contrat communal'
			}
		]);
	});

	it('finds the commune contrat of a merged 2015 commune through its 2022 code', () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP092001', departement: '92' }],
				qpvCommunes: new Map([['QP092001', ['92001']]]),
				communes: communes(commune('92001', null, '92002'), commune('92002', null)),
				contrats: [communeContrat('CV902', '92002')]
			})
		);
		expect(result.assignments.map((a) => [a.contrat, a.method])).toEqual([
			['CV902', 'commune_contrat']
		]);
	});

	it('applies an override before any rule', () => {
		const result = assignContrats(
			input({
				qpvs: [{ code: 'QP001001', departement: '01' }],
				qpvCommunes: new Map([['QP001001', ['01053']]]),
				communes: communes(commune('01053', '240100628')),
				contrats: [epciContrat('CV004', '240100628'), epciContrat('CV001', '240100883')],
				overrides: new Map([['QP001001', [{ contrat: 'CV001', reason: 'vérifié' }]]])
			})
		);
		expect(result.assignments).toEqual([
			{ qpv: 'QP001001', contrat: 'CV001', method: 'override', note: 'vérifié' }
		]);
	});

	it('reports a QPV whose EPCI has no contrat, and one whose commune had no EPCI', () => {
		const result = assignContrats(
			input({
				qpvs: [
					{ code: 'QP021001', departement: '21' },
					{ code: 'QP074004', departement: '74' }
				],
				qpvCommunes: new Map([
					['QP021001', ['21054']],
					['QP074004', ['74281']]
				]),
				communes: communes(commune('21054', '200006682'), commune('74281', null)),
				contrats: [epciContrat('CV066', '242100410', '21'), epciContrat('CV267', '247400849', '74')]
			})
		);
		expect(result.assignments).toEqual([]);
		expect(result.unassigned).toEqual([
			{ qpv: 'QP021001', reason: 'commune 21054 : EPCI 2015 200006682 sans contrat' },
			{ qpv: 'QP074004', reason: 'commune 74281 : hors EPCI en 2015 et sans contrat communal' }
		]);
	});

	it("links a QPV without commune to its département's only contrat, and no further", () => {
		const result = assignContrats(
			input({
				qpvs: [
					{ code: 'QP987001', departement: '987' },
					{ code: 'QP013001', departement: '13' }
				],
				contrats: [
					communeContrat('CV429', '98735', '987'),
					epciContrat('CV043', '241300276', '13'),
					epciContrat('CV044', '241300391', '13')
				]
			})
		);
		expect(result.assignments.map((a) => [a.qpv, a.contrat, a.method])).toEqual([
			['QP987001', 'CV429', 'departement_contrat_unique']
		]);
		expect(result.unassigned).toEqual([
			{ qpv: 'QP013001', reason: 'aucune commune connue (2 contrats dans le département)' }
		]);
	});
});

describe('resolveByPublishedPopulation', () => {
	const multi = (qpv: string, contrat: string): Assignment => ({
		qpv,
		contrat,
		method: 'commune_epci2015_multi',
		note: 'n'
	});
	const single = (qpv: string, contrat: string): Assignment => ({
		qpv,
		contrat,
		method: 'commune_epci2015',
		note: null
	});

	it('keeps the only contrat under which every published population is exact', () => {
		const assignments = [
			single('QP1', 'CV001'),
			multi('QP2', 'CV001'),
			multi('QP2', 'CV002'),
			single('QP3', 'CV002')
		];
		const population = new Map([
			['QP1', 100],
			['QP2', 50],
			['QP3', 30]
		]);
		const published = new Map([
			['CV001', 100],
			['CV002', 80]
		]);
		const out = resolveByPublishedPopulation(assignments, population, published);
		expect(out.map((a) => [a.qpv, a.contrat, a.method])).toEqual([
			['QP1', 'CV001', 'commune_epci2015'],
			['QP2', 'CV002', 'population_publiee'],
			['QP3', 'CV002', 'commune_epci2015']
		]);
	});

	it('leaves the QPV on several contrats when no choice, or more than one, is exact', () => {
		const assignments = [multi('QP2', 'CV001'), multi('QP2', 'CV002')];
		const population = new Map([['QP2', 50]]);
		expect(
			resolveByPublishedPopulation(
				assignments,
				population,
				new Map([
					['CV001', 10],
					['CV002', 10]
				])
			)
		).toEqual(assignments);
		// Two QPV of equal population and two swapped choices: ambiguous.
		const twin = [...assignments, multi('QP3', 'CV001'), multi('QP3', 'CV002')];
		const pops = new Map([
			['QP2', 50],
			['QP3', 50]
		]);
		expect(
			resolveByPublishedPopulation(
				twin,
				pops,
				new Map([
					['CV001', 50],
					['CV002', 50]
				])
			)
		).toEqual(twin);
	});
});
