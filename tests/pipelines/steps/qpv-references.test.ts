// The COG epci.json reader of qpv_references: each member with its EPCI in the file's order, the
// EPCI count for the ledger, a clear error on a malformed file, and the pinned 2022 file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCogEpci } from '../../../pipelines/steps/qpv-references';

describe('parseCogEpci', () => {
	it('lists each member commune with its EPCI, in the order of the file', () => {
		const text = JSON.stringify([
			{ code: '200000172', nom: 'CC A', membres: [{ code: '01001' }, { code: '01002' }] },
			{ code: '200000173', nom: 'CC B', membres: [] },
			{ code: '243000643', nom: 'CA C', membres: [{ code: '30189', nom: 'Nîmes' }] }
		]);
		expect(parseCogEpci(text)).toEqual({
			n: 3,
			members: [
				['01001', '200000172'],
				['01002', '200000172'],
				['30189', '243000643']
			]
		});
	});

	it('refuses a file that is not a list of EPCI with coded members', () => {
		expect(() => parseCogEpci('{"code": "1"}')).toThrow('un tableau d’EPCI est attendu');
		expect(() => parseCogEpci('[{"code": "1", "membres": []}, {"membres": []}]')).toThrow(
			'EPCI n° 2 sans code ni membres'
		);
		expect(() => parseCogEpci('[{"code": "200000172", "membres": [{"nom": "X"}]}]')).toThrow(
			'membre sans code dans l’EPCI 200000172'
		);
	});

	it('reads the pinned COG 2022: Nîmes (30189) in Nîmes Métropole (243000643)', () => {
		const dir = dirname(
			createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json')
		);
		const cog = parseCogEpci(readFileSync(join(dir, 'data', 'epci.json'), 'utf-8'));
		expect(cog.n).toBeGreaterThan(1200);
		expect(new Map(cog.members).get('30189')).toBe('243000643');
	});
});
