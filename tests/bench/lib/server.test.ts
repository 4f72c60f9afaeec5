import { describe, expect, it } from 'vitest';
import { parseProcStatus, readMemory } from '../../../bench/lib/server';

describe('parseProcStatus', () => {
	it('reads VmRSS and VmHWM in megabytes', () => {
		const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';
		expect(parseProcStatus(status)).toEqual({ rssMb: 100, peakRssMb: 200 });
	});

	it('throws a French message when a field is missing', () => {
		expect(() => parseProcStatus('Name:\tnode\nVmRSS:\t1 kB\n')).toThrow(/VmHWM absent/);
	});
});

describe('readMemory', () => {
	it('reads the memory of a live process', () => {
		const memory = readMemory(process.pid);
		expect(memory.rssMb).toBeGreaterThan(1);
		expect(memory.peakRssMb).toBeGreaterThanOrEqual(memory.rssMb);
	});
});
