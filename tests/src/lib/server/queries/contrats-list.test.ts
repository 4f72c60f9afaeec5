import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildDb } from '../../../../../pipelines/lib/build-db';
import {
	contratListFilters,
	contratListQuery,
	type ContratListRow
} from '../../../../../src/lib/server/queries/contrats';
import { fixtureDb, runQuery } from '../../../../fixtures/pages/memory-db';

let db: BuildDb;
beforeAll(async () => {
	db = await fixtureDb();
});
afterAll(() => db.close());

const list = (input: Record<string, string>, povertyIndicator: string | null = 'tx_pauvrete_60') =>
	runQuery<ContratListRow>(
		db,
		contratListQuery(contratListFilters.parse(input), { povertyIndicator })
	);

describe('contratListQuery', () => {
	it('passes filter values as parameters, never in the SQL text', () => {
		const built = contratListQuery(contratListFilters.parse({ departement: '01', q: "l'Ain" }), {
			povertyIndicator: 'tx_pauvrete_60'
		});
		expect(built.params).toEqual(['01', "l'Ain", 'tx_pauvrete_60']);
		expect(built.sql).not.toContain("l'Ain");
		expect(built.sql).toContain('c.departement_code = $1');
	});

	it('keeps only the contrats of a département', async () => {
		const rows = await list({ departement: '01' });
		expect(rows.map((r) => r.code)).toEqual(['CV001', 'CV004']);
	});

	it('matches names without accents or case', async () => {
		const rows = await list({ q: 'AGGLOMERATION' });
		expect(rows.map((r) => r.code)).toEqual(['CV004']);
	});

	it('counts adultes-relais posts of the latest year only, 0 when none', async () => {
		const rows = await list({});
		const byCode = new Map(rows.map((r) => [r.code, r]));
		expect(byCode.get('CV004')?.adultes_relais).toBe(2);
		expect(byCode.get('CV043')?.adultes_relais).toBe(1);
		expect(byCode.get('CV001')?.adultes_relais).toBe(0);
		expect(byCode.get('CV004')?.adultes_relais_year).toBe(2023);
	});

	it('gives the poverty range of the latest vintage from one file, without multiplying QPV', async () => {
		const rows = await list({});
		const cv004 = rows.find((r) => r.code === 'CV004')!;
		expect(cv004).toMatchObject({
			poverty_min: 40,
			poverty_max: 50,
			poverty_known: 2,
			qpv_count: 2
		});
		expect(cv004.population).toBe(8000);
		// CV043's only QPV is secret: no range, never 0.
		expect(rows.find((r) => r.code === 'CV043')).toMatchObject({
			poverty_min: null,
			poverty_max: null
		});
	});

	it('leaves the poverty columns empty when there is no observations table', async () => {
		const bare = await fixtureDb({ observations: false });
		const built = contratListQuery(contratListFilters.parse({}), { povertyIndicator: null });
		const rows = await runQuery<ContratListRow>(bare, built);
		await bare.close();
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.poverty_max === null)).toBe(true);
	});

	it('sorts by a whitelisted column, nulls last', async () => {
		const rows = await list({ tri: 'pauvrete', ordre: 'desc' });
		// CV001 and CV043 have no published rate: after CV004, by code.
		expect(rows.map((r) => r.code)).toEqual(['CV004', 'CV001', 'CV043']);
		const byPosts = await list({ tri: 'adultes_relais', ordre: 'asc' });
		expect(byPosts.map((r) => r.code)).toEqual(['CV001', 'CV043', 'CV004']);
	});

	it('rejects an unknown sort key or département code with a French message', () => {
		const bad = contratListFilters.safeParse({ tri: 'nom; DROP TABLE' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]?.message).toMatch(/tri inconnu/);
		expect(contratListFilters.safeParse({ departement: 'ZZ' }).error?.issues[0]?.message).toBe(
			'code département invalide'
		);
	});
});
