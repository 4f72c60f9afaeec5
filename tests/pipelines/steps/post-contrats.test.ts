import { describe, expect, it } from 'vitest';
import { dispositifPostsStep, duplicateReason } from '../../../pipelines/steps/dispositif-posts';
import { postContratsStep } from '../../../pipelines/steps/post-contrats';
import { fixtureDir, runSteps } from './memory-context';

// Fixture postes-fonjep-2021.json, 7 records: F1 three times identically (elements 1, 2, 4), F2
// under the two-contrat code CV380CV384, F3 under CV010 and CV011 (two records), F4 without code.
describe('posts counted as posts', () => {
	it('rejects identical records as duplicates, naming the first one', async () => {
		const ctx = await runSteps(fixtureDir('posts'), [dispositifPostsStep]);
		const ledger = ctx.ledgers.for('contrats-de-ville/postes-fonjep-2021.json');
		expect(ledger.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([
			[2, 'F1', duplicateReason(1)],
			[4, 'F1', duplicateReason(1)]
		]);
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.rowsRejected, ledger.balanced]).toEqual([
			7,
			5,
			2,
			true
		]);
		const rows = await ctx.db.query<{
			post_id: string;
			contrat_code: string;
			contrat_codes: string;
		}>('SELECT post_id, contrat_code, contrat_codes FROM dispositif_posts ORDER BY source_line');
		expect(rows.map((r) => `${r.post_id}:${r.contrat_code}:${r.contrat_codes}`)).toEqual([
			'F1:CV010:CV010',
			'F2:null:CV380,CV384',
			'F3:CV010:CV010',
			'F3:CV011:CV011',
			'F4:null:null'
		]);
	});

	it('attaches a post to each of its contrats, flagged, and counts it once', async () => {
		const ctx = await runSteps(fixtureDir('posts'), [dispositifPostsStep, postContratsStep]);
		const links = await ctx.db.query<{ l: string }>(
			`SELECT post_id || '>' || contrat_code || ':' || contrat_count || (CASE WHEN via_multi_code THEN '*' ELSE '' END) AS l
			 FROM post_contrats ORDER BY post_id, contrat_code`
		);
		expect(links.map((r) => r.l)).toEqual([
			'F1>CV010:1',
			'F2>CV380:2*',
			'F2>CV384:2*',
			'F3>CV010:2',
			'F3>CV011:2'
		]);
		// 4 distinct posts (F1..F4), 3 with a contrat, 2 under several contrats.
		const report = ctx.report.post_contrats as { by_kind_and_year: unknown[] };
		expect(report.by_kind_and_year).toEqual([
			{
				kind: 'fonjep',
				year: 2021,
				posts: 4,
				posts_with_contrat: 3,
				posts_under_several_contrats: 2
			}
		]);
	});
});
