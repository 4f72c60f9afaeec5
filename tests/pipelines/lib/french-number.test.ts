import { describe, expect, it } from 'vitest';
import { parseFrenchNumber } from '../../../pipelines/lib/french-number';

describe('parseFrenchNumber', () => {
	it('reads thousands separated by a narrow no-break space (U+202F)', () => {
		expect(parseFrenchNumber('6\u202f490')).toEqual({ kind: 'number', value: 6490 });
	});

	it('reads thousands separated by a no-break space (U+00A0) and a plain space', () => {
		expect(parseFrenchNumber('1\u00a0428\u00a0400')).toEqual({ kind: 'number', value: 1428400 });
		expect(parseFrenchNumber('3 470 200')).toEqual({ kind: 'number', value: 3470200 });
	});

	it('reads a decimal comma, a decimal point and a negative value', () => {
		expect(parseFrenchNumber('55,3')).toEqual({ kind: 'number', value: 55.3 });
		expect(parseFrenchNumber('13748.0')).toEqual({ kind: 'number', value: 13748 });
		expect(parseFrenchNumber('-9,4')).toEqual({ kind: 'number', value: -9.4 });
	});

	it('returns empty for a blank cell (statistical secrecy)', () => {
		expect(parseFrenchNumber('')).toEqual({ kind: 'empty' });
		expect(parseFrenchNumber('  ')).toEqual({ kind: 'empty' });
		expect(parseFrenchNumber(undefined)).toEqual({ kind: 'empty' });
	});

	it('rejects a malformed number with a French reason quoting it', () => {
		const parsed = parseFrenchNumber('12,3,4');
		expect(parsed.kind).toBe('invalid');
		expect(parsed.kind === 'invalid' && parsed.reason).toContain('« 12,3,4 »');
		expect(parseFrenchNumber('1,234.5').kind).toBe('invalid');
		expect(parseFrenchNumber('n.d.').kind).toBe('invalid');
	});
});
