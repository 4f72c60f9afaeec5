import { describe, expect, it } from 'vitest';
import { departementFromQpvCode } from '../../../pipelines/steps/qpv';

describe('departementFromQpvCode', () => {
	it('reads metropolitan, Corsican and outre-mer départements from the code', () => {
		expect(departementFromQpvCode('QP001001')).toBe('01');
		expect(departementFromQpvCode('QP02A001')).toBe('2A');
		expect(departementFromQpvCode('QP971001')).toBe('971');
		expect(departementFromQpvCode('QP978002')).toBe('978');
		expect(departementFromQpvCode('QP987076')).toBe('987');
	});
});
