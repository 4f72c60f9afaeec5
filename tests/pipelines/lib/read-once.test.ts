import { describe, expect, it } from 'vitest';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import { readOnce } from '../../../pipelines/lib/read-once';
import type { BuildContext } from '../../../pipelines/lib/step';

const context = () =>
	({ ledgers: new LedgerRegistry(), read: new Set(), report: {} }) as unknown as BuildContext;

describe('readOnce', () => {
	it('parses a file once per build and drops it after its last reader', () => {
		const ctx = context();
		let parses = 0;
		const parse = () => ({ n: ++parses });
		const first = readOnce(ctx, 'a.csv', parse);
		expect(readOnce(ctx, 'a.csv', parse)).toBe(first);
		expect(readOnce(ctx, 'a.csv', parse, true)).toBe(first);
		expect(parses).toBe(1);
		// Dropped: a reader after the last one parses again.
		expect(readOnce(ctx, 'a.csv', parse)).toEqual({ n: 2 });
	});

	it('keeps files and builds apart', () => {
		const one = context();
		const other = context();
		expect(readOnce(one, 'a.csv', () => 'a')).toBe('a');
		expect(readOnce(one, 'b.csv', () => 'b')).toBe('b');
		expect(readOnce(other, 'a.csv', () => 'other build')).toBe('other build');
	});
});
