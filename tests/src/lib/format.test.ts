import { describe, expect, it } from 'vitest';
import {
	formatChange,
	formatDate,
	formatNumber,
	formatObservation,
	formatRelativeChange,
	formatSigned,
	formatStatus,
	formatValue,
	tickFormatter
} from '../../../src/lib/format';

describe('formatNumber', () => {
	it('groups thousands with the narrow no-break space', () => {
		expect(formatNumber(6490)).toBe('6\u202f490');
		expect(formatNumber(5019573)).toBe('5\u202f019\u202f573');
	});
	it('uses a real minus sign and never prints -0', () => {
		expect(formatNumber(-1234.5, 1)).toBe('\u22121\u202f234,5');
		expect(formatNumber(-0.04, 1)).toBe('0,0');
	});
	it('writes a figure the same way each time, whatever was written before with other options', () => {
		// Each option set has its own memo: the same value must not come back in another's text.
		for (let round = 0; round < 2; round++) {
			expect(formatNumber(1.25, 1)).toBe('1,3');
			expect(formatNumber(1.25, 2)).toBe('1,25');
			expect(formatNumber(1.25, 1, true)).toBe('+1,3');
			expect(formatNumber(1, 2)).toBe('1,00');
			expect(formatNumber(1, 2, false, 0)).toBe('1');
			expect(formatNumber(-0, 1, true)).toBe('0,0');
			expect(formatNumber(-0.04, 1, true)).toBe('0,0');
			expect(formatNumber(-1.04, 1, true)).toBe('\u22121,0');
		}
	});
	it('keeps writing right after its memo is full (20,000 texts per option set)', () => {
		for (let i = 0; i < 20_005; i++) formatNumber(i + 0.5, 3, false, 0);
		expect(formatNumber(12_345.5, 3, false, 0)).toBe('12\u202f345,5');
		expect(formatNumber(20_004.5, 3, false, 0)).toBe('20\u202f004,5');
	});
});

describe('formatValue', () => {
	it('formats rates with one decimal and a no-break space before %', () => {
		expect(formatValue(38.9, '%')).toBe('38,9\u00a0%');
		expect(formatValue(40, '%')).toBe('40,0\u00a0%');
	});
	it('formats money without decimals and counts as integers', () => {
		expect(formatValue(13501, '€')).toBe('13\u202f501\u00a0€');
		expect(formatValue(6490, 'habitants')).toBe('6\u202f490');
		expect(formatValue(6490, 'habitants', { withUnit: true })).toBe('6\u202f490\u00a0habitants');
		expect(formatValue(5.837, '€/m²')).toBe('5,84\u00a0€/m²');
	});
	it('gives ratios two decimals unless told otherwise', () => {
		expect(formatValue(0.254, 'ratio')).toBe('0,25');
		expect(formatValue(3.41, 'ratio', { digits: 1 })).toBe('3,4');
	});
	it('never turns a null value into 0', () => {
		expect(formatValue(null, '%')).toBe('non disponible');
	});
});

describe('formatSigned', () => {
	it('writes changes of a rate in points with a sign', () => {
		expect(formatSigned(2.34, 'pts')).toBe('+2,3\u00a0pts');
		expect(formatSigned(-0.4, 'pts')).toBe('\u22120,4\u00a0pt');
		expect(formatSigned(0, 'pts')).toBe('0,0\u00a0pt');
	});
	it('writes relative changes in % with a real minus sign', () => {
		expect(formatSigned(-1.2, '%')).toBe('\u22121,2\u00a0%');
		expect(formatRelativeChange(7.166)).toBe('+7,2\u00a0%');
	});
	it('writes count and money changes in their unit', () => {
		expect(formatSigned(434, 'habitants')).toBe('+434');
		expect(formatSigned(-1200, '€')).toBe('\u22121\u202f200\u00a0€');
	});
});

describe('formatChange', () => {
	it('uses points for a rate and the unit otherwise', () => {
		expect(formatChange(-2.5, '%')).toBe('\u22122,5\u00a0pts');
		expect(formatChange(434, 'habitants')).toBe('+434');
	});
});

describe('formatStatus', () => {
	it('names secret and missing values in words', () => {
		expect(formatStatus('secret')).toBe('secret statistique');
		expect(formatStatus('missing')).toBe('non disponible');
		expect(formatStatus('anything')).toBe('non disponible');
	});
});

describe('formatObservation', () => {
	it('shows the status, not 0, for a secret observation', () => {
		expect(formatObservation({ value: null, status: 'secret' }, '%')).toBe('secret statistique');
		expect(formatObservation({ value: 0, status: 'secret' }, '%')).toBe('secret statistique');
		expect(formatObservation({ value: 0, status: 'ok' }, '%')).toBe('0,0\u00a0%');
	});
});

describe('formatDate', () => {
	it('turns ISO dates into French day/month/year', () => {
		expect(formatDate('2021-12-31')).toBe('31/12/2021');
		expect(formatDate('2021-04')).toBe('04/2021');
		expect(formatDate('2021')).toBe('2021');
		expect(formatDate('avril 2021')).toBe('avril 2021');
	});
});

describe('tickFormatter', () => {
	it('drops trailing zeros on ticks and keeps the unit', () => {
		expect(tickFormatter('%')(40)).toBe('40\u00a0%');
		expect(tickFormatter('%')(37.5)).toBe('37,5\u00a0%');
		expect(tickFormatter('habitants')(2000)).toBe('2\u202f000');
	});
});
