// Free text with HTML and spreadsheet formulas stays inert text: in the rendered report page (the
// page the PDF is printed from) and in the DOCX document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { unzipSync, strFromU8 } from 'fflate';
import ReportPage from '../../../../../src/routes/contrats/[code]/evaluation/rapport/+page.svelte';
import { createItem } from '$lib/server/workspace/items';
import { loadEvaluation } from '$lib/server/workspace/evaluation-view';
import { buildReport, type Report } from '$lib/server/workspace/report';
import { reportDocx } from '$lib/server/workspace/report-docx';
import type { Workspace } from '$lib/server/workspace/db';
import { account, openTestWorkspace } from './harness';

const HOSTILE =
	'<img src=x onerror="alert(1)"><script>alert(2)</script> =HYPERLINK("http://x","y") @SUM(1) & fin';

describe('texte libre inerte', () => {
	let ws: Workspace;
	let report: Report;
	beforeAll(async () => {
		ws = await openTestWorkspace('pglite');
		const ev = await account(ws, 'eval@test.fr', 'evaluateur', ['CV004']);
		const t = (kind: 'objective' | 'question' | 'finding' | 'contribution') => ({
			contrat: 'CV004',
			campaign: 2019 as const,
			kind
		});
		const o = await createItem(ws, ev, t('objective'), {
			pillar: 'cadre_de_vie',
			title: HOSTILE,
			description: HOSTILE
		});
		const q = await createItem(ws, ev, t('question'), { objective_id: o.id, text: HOSTILE });
		await createItem(ws, ev, t('finding'), {
			question_id: q.id,
			text: HOSTILE,
			judgment: 'atteint',
			justification: HOSTILE
		});
		await createItem(ws, ev, t('contribution'), {
			author: HOSTILE,
			author_kind: 'partenaire',
			contributed_on: '2019-05-02',
			text: HOSTILE,
			theme: 'culture'
		});
		const view = await loadEvaluation(ws, ev, 'CV004', 2019);
		const none = new Map<string, string>();
		report = buildReport({ code: 'CV004', name: 'Contrat' }, view, new Set(), {
			mesures: none,
			domaines: none,
			axes: none
		});
	});
	afterAll(() => ws?.close());

	it('escapes it in the report page', () => {
		const { body } = render(ReportPage, {
			props: {
				data: {
					contrat: { code: 'CV004', name: 'Contrat', departement: null },
					campaign: 2019,
					report,
					generatedAt: '2026-01-01T00:00:00Z'
				}
			} as never
		});
		expect(body).not.toContain('<img src=x');
		expect(body).not.toContain('<script>alert');
		// objective title, description, question, finding, justification, contribution author and text
		expect(
			body.split('&lt;img src=x onerror="alert(1)">&lt;script>alert(2)&lt;/script>').length - 1
		).toBe(7);
		expect(body).toContain('=HYPERLINK("http://x","y") @SUM(1) &amp; fin');
	});

	it('keeps it as plain text runs in the DOCX', async () => {
		const files = unzipSync(
			new Uint8Array(await reportDocx(report, new Date('2026-01-01T00:00:00Z')))
		);
		const xml = strFromU8(files['word/document.xml']!);
		expect(xml).not.toMatch(/<img|<script|w:fldSimple|w:instrText/);
		const escaped =
			'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt; =HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) @SUM(1) &amp; fin';
		expect(xml.split(escaped).length - 1).toBe(7);
	});
});
