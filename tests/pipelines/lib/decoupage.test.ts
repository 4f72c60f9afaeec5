import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecoupage, type CogCommune } from '../../../pipelines/lib/decoupage';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import type { BuildContext } from '../../../pipelines/lib/step';

const context = () =>
	({ ledgers: new LedgerRegistry(), read: new Set(), report: {} }) as unknown as BuildContext;

const FIELDS = [
	'code',
	'nom',
	'type',
	'departement',
	'region',
	'population',
	'chefLieu',
	'commune',
	'anciensCodes'
];

function rawCommunes(): Record<string, unknown>[] {
	const require = createRequire(import.meta.url);
	const dir = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
	return JSON.parse(readFileSync(join(dir, 'data/communes.json'), 'utf-8'));
}

describe('readDecoupage communes', () => {
	it('keeps the CogCommune fields of every item, in file order, parsed or from the cache', () => {
		const raw = rawCommunes();
		// Two builds: the first may parse the file, the second reads what the first kept.
		for (const ctx of [context(), context()]) {
			const { items, path } = readDecoupage<CogCommune>(ctx, 'communes');
			expect(path).toBe('npm/@etalab/decoupage-administratif@2.3.1/data/communes.json');
			expect(ctx.read.has(path)).toBe(true);
			expect(items).toHaveLength(raw.length);
			expect(items[0]).toEqual({
				code: '01001',
				nom: "L'Abergement-Clémenciat",
				type: 'commune-actuelle',
				departement: '01',
				region: '84',
				population: 806
			});
			expect(items.find((c) => c.code === '01015' && c.type === 'commune-actuelle')).toEqual({
				code: '01015',
				nom: 'Arboys en Bugey',
				type: 'commune-actuelle',
				departement: '01',
				region: '84',
				population: 663,
				anciensCodes: ['01340']
			});
			expect(items.find((c) => c.code === '01015' && c.type === 'commune-deleguee')).toEqual({
				code: '01015',
				nom: 'Arbignieu',
				type: 'commune-deleguee',
				chefLieu: '01015',
				departement: '01',
				region: '84'
			});
			expect(items.find((c) => c.code === '13201')).toMatchObject({
				type: 'arrondissement-municipal',
				commune: '13055',
				population: 39265
			});
			items.forEach((c, i) => {
				const expected = Object.fromEntries(
					FIELDS.filter((f) => raw[i]![f] !== undefined).map((f) => [f, raw[i]![f]])
				);
				expect(c).toEqual(expected);
			});
		}
	});
});
