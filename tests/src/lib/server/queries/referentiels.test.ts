import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildDb } from '../../../../../pipelines/lib/build-db';
import {
	factsQuery,
	mesureFilters,
	mesureLinksQuery,
	mesuresQuery,
	pacteLinksSql,
	postsByContratQuery
} from '../../../../../src/lib/server/queries/referentiels';
import { runQuery } from '../../../../fixtures/pages/memory-db';
import { referentielsDb } from '../../../../fixtures/mesures/referentiels-db';

let db: BuildDb;
beforeAll(async () => {
	db = await referentielsDb();
});
afterAll(() => db.close());

describe('mesureFilters', () => {
	it('accepts a programme slug and a known pillar', () => {
		expect(mesureFilters.parse({ programme: 'education', pilier: 'cadre_de_vie' })).toEqual({
			programme: 'education',
			pilier: 'cadre_de_vie'
		});
	});

	it('rejects an unknown pillar and a programme with quotes, in French', () => {
		const pillar = mesureFilters.safeParse({ pilier: 'securite' });
		expect(pillar.success).toBe(false);
		expect(pillar.error?.issues[0]?.message).toMatch(/pilier inconnu/);
		expect(mesureFilters.safeParse({ programme: "x' OR '1'='1" }).success).toBe(false);
	});
});

describe('mesuresQuery', () => {
	it('has no WHERE clause without filters and lists every slot', async () => {
		const built = mesuresQuery({});
		expect(built.sql).not.toContain('WHERE');
		const rows = await runQuery<{ id: string }>(db, built);
		expect(rows.map((r) => r.id)).toEqual(['M01', 'M02', 'M03']);
	});

	it('filters by programme and pillar through parameters', async () => {
		const built = mesuresQuery({ programme: 'emploi', pilier: 'emploi_developpement_economique' });
		expect(built.sql).toContain('programme_id = $1 AND pillar = $2');
		expect(built.params).toEqual(['emploi', 'emploi_developpement_economique']);
		const rows = await runQuery<{ id: string }>(db, built);
		expect(rows.map((r) => r.id)).toEqual(['M02']);
		expect(
			await runQuery(db, mesuresQuery({ programme: 'education', pilier: 'cadre_de_vie' }))
		).toEqual([]);
	});
});

describe('mesureLinksQuery', () => {
	it('joins the Baromètre and catalogue labels, none for dispositifs', async () => {
		const rows = await runQuery<Record<string, unknown>>(db, mesureLinksQuery());
		expect(rows.map((r) => [r.owner_id, r.target_kind, r.target_id, r.label, r.unit])).toEqual([
			['M01', 'barometre', 'IND-311', 'Maisons de santé', 'maisons de santé'],
			['M01', 'dispositif', 'cite_educative', null, null],
			['M02', 'indicateur', 'taux_emploi', 'Libellé taux_emploi', '%']
		]);
	});

	it('keeps one measure when asked', async () => {
		const rows = await runQuery<{ owner_id: string }>(db, mesureLinksQuery('M02'));
		expect(rows.map((r) => r.owner_id)).toEqual(['M02']);
	});
});

describe('pacteLinksSql', () => {
	it('reads the domain links with their Baromètre label', async () => {
		const rows = await runQuery<Record<string, unknown>>(db, { sql: pacteLinksSql, params: [] });
		expect(rows.map((r) => [r.owner_id, r.target_id, r.label])).toEqual([
			['sante', 'tx-rate', 'Un taux']
		]);
	});
});

describe('factsQuery', () => {
	it('puts dated facts first, undated ones last', async () => {
		const rows = await runQuery<{ id: string }>(db, factsQuery(['M01']));
		expect(rows.map((r) => r.id)).toEqual(['F01', 'F02']);
	});

	it('takes several subjects and none', async () => {
		expect((await runQuery(db, factsQuery(['M01', 'paqte']))).length).toBe(3);
		expect(await runQuery(db, factsQuery([]))).toEqual([]);
	});
});

describe('postsByContratQuery', () => {
	it('counts posts per contrat for one year, most first, without unattached posts', async () => {
		const rows = await runQuery<Record<string, unknown>>(
			db,
			postsByContratQuery('adulte_relais', 2023)
		);
		expect(rows.map((r) => [r.contrat_code, r.posts, r.departement_code])).toEqual([
			['CV004', 2, '01'],
			['CV043', 1, '13']
		]);
	});
});
