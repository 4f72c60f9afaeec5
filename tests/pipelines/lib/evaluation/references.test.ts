import { describe, expect, it } from 'vitest';
import {
	resolveReferences,
	type ReferenceInputs
} from '../../../../pipelines/lib/evaluation/references';

const published = (commune: string[], epci: string[], departement: string[]) => ({
	commune: new Set(commune),
	epci: new Set(epci),
	departement: new Set(departement)
});

// Fixture geography: commune 62498 was in EPCI 200000001 in 2015; that EPCI merged on 1 January
// 2017 into 200000099, which the 2019 COG lists. 97101 is in Guadeloupe.
const inputs: ReferenceInputs = {
	published: new Map([
		[2014, published(['62498', '62510', '97101'], ['200000001', '249710047'], ['62', '971'])],
		[2016, published(['62498', '62510', '97101'], ['200000099', '249710047'], ['62', '971'])]
	]),
	currentCode: new Map([['62999', '62510']]),
	memberships: [
		{
			year: 2015,
			label: 'EPCI 2015',
			epciOf: new Map([
				['62498', '200000001'],
				['62510', '200000001'],
				['97101', '249710047']
			])
		},
		{
			year: 2019,
			label: 'COG 2019',
			epciOf: new Map([
				['62498', '200000099'],
				['62510', '200000099'],
				['97101', '249710047']
			])
		}
	]
};

const codes = (rows: ReturnType<typeof resolveReferences>, year: number, kind: string) =>
	rows
		.filter((r) => r.data_year === year && r.reference_kind === kind)
		.map((r) => r.territory_code);

describe('reference territories of a QPV', () => {
	const multi = resolveReferences(
		{
			code: 'QP062029',
			departement_code: '62',
			main_commune_code: '62498',
			communes: ['62498', '62999']
		},
		[2014, 2016],
		inputs
	);

	it('reads every commune of a multi-commune QPV, an absorbed commune through its commune nouvelle', () => {
		expect(codes(multi, 2014, 'commune')).toEqual(['62498', '62510']);
		expect(multi.find((r) => r.territory_code === '62510')?.method).toContain(
			'commune nouvelle 62510'
		);
	});

	it('takes the EPCI of each year: the 2015 one before the merger, the merged one after', () => {
		expect(codes(multi, 2014, 'epci')).toEqual(['200000001']);
		expect(codes(multi, 2016, 'epci')).toEqual(['200000099']);
		expect(
			multi.find((r) => r.data_year === 2016 && r.reference_kind === 'epci')?.method
		).toContain('COG 2019');
	});

	it('compares a metropolitan QPV with France métropolitaine', () => {
		expect(codes(multi, 2016, 'france_metropolitaine')).toEqual(['FRM']);
	});

	it('compares an overseas QPV with its own département, never France métropolitaine', () => {
		const overseas = resolveReferences(
			{
				code: 'QP971001',
				departement_code: '971',
				main_commune_code: '97101',
				communes: ['97101']
			},
			[2016],
			inputs
		);
		expect(overseas.map((r) => `${r.reference_kind}:${r.territory_code}`)).toEqual([
			'commune:97101',
			'epci:249710047',
			'departement:971'
		]);
	});
});
