import { describe, expect, it } from 'vitest';
import type { CogCommune } from '../../../pipelines/lib/decoupage';
import { currentCodeIndex, parseRadianRow } from '../../../pipelines/steps/communes';

describe('parseRadianRow', () => {
	it('pads the code lost as a number and converts radians to degrees', () => {
		const row = parseRadianRow('1001', '0.085855661', '0.805508225');
		expect(row?.code).toBe('01001');
		expect(row?.longitude).toBeCloseTo(4.9192, 3);
		expect(row?.latitude).toBeCloseTo(46.1523, 3);
	});

	it('reads scientific notation near the meridian and rejects unreadable cells', () => {
		expect(parseRadianRow('33001', '3.39E-05', '0.78')?.longitude).toBeCloseTo(0.00194, 4);
		expect(parseRadianRow('33001', '', '0.78')).toBeNull();
		expect(parseRadianRow('abc', '0.1', '0.78')).toBeNull();
	});
});

describe('currentCodeIndex', () => {
	it('links délégués to their chef-lieu and former codes to their 2022 commune', () => {
		const cog = [
			{
				code: '01015',
				nom: 'Arboys en Bugey',
				type: 'commune-actuelle',
				departement: '01',
				region: '84',
				anciensCodes: ['01340']
			},
			{
				code: '01015',
				nom: 'Arbignieu',
				type: 'commune-deleguee',
				departement: '01',
				region: '84',
				chefLieu: '01015'
			},
			{
				code: '01340',
				nom: 'Saint-Bois',
				type: 'commune-deleguee',
				departement: '01',
				region: '84',
				chefLieu: '01015'
			},
			{
				code: '01098',
				nom: 'Champdor-Corcelles',
				type: 'commune-actuelle',
				departement: '01',
				region: '84',
				anciensCodes: ['01316']
			}
		] as CogCommune[];
		const index = currentCodeIndex(cog);
		expect(index.get('01340')).toBe('01015');
		expect(index.get('01316')).toBe('01098');
		expect(index.get('01098')).toBeUndefined();
	});
});
