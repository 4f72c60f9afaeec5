import { describe, expect, it } from 'vitest';
import { defaultDigits, isRate, unitKind } from '../../../../src/lib/domain/units';

describe('unitKind', () => {
	it('classifies the catalogue units', () => {
		expect(unitKind('%')).toBe('rate');
		expect(unitKind('€')).toBe('money');
		expect(unitKind('€/m²')).toBe('money');
		expect(unitKind('ratio')).toBe('ratio');
		for (const u of [
			'habitants',
			'foyers',
			'ménages',
			'logements',
			'collèges',
			'unités de consommation'
		]) {
			expect(unitKind(u)).toBe('count');
		}
		expect(unitKind('années')).toBe('other');
	});
});

describe('defaultDigits', () => {
	it('gives counts 0, rates 1, ratios and rents per m² 2 decimals', () => {
		expect([defaultDigits('personnes'), defaultDigits('%'), defaultDigits('ratio')]).toEqual([
			0, 1, 2
		]);
		expect([defaultDigits('€'), defaultDigits('€/m²')]).toEqual([0, 2]);
		expect(isRate('%')).toBe(true);
		expect(isRate('habitants')).toBe(false);
	});
});
