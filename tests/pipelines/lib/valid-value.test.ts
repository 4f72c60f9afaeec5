import { describe, expect, it } from 'vitest';
import { departementCode, regionCode } from '../../../src/lib/schemas/table';
import { passes } from '../../../pipelines/lib/valid-value';

describe('passes', () => {
	it("gives the schema's answer, the same when asked again", () => {
		for (let round = 0; round < 2; round++) {
			expect(passes(departementCode, '2A')).toBe(true);
			expect(passes(departementCode, '971')).toBe(true);
			expect(passes(departementCode, '2C')).toBe(false);
			expect(passes(departementCode, '')).toBe(false);
		}
	});

	it('keeps the answers of each schema apart', () => {
		// '84' is a région and a département code; '971' only a département one.
		expect(passes(regionCode, '84')).toBe(true);
		expect(passes(departementCode, '84')).toBe(true);
		expect(passes(departementCode, '971')).toBe(true);
		expect(passes(regionCode, '971')).toBe(false);
	});
});
