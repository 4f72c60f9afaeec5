// Server tests: the QPV profile rendered by the built server from the real database.
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('/quartiers/[code]', () => {
	it('renders QP001001 with its contrat, a formatted raw value and sources', async () => {
		const { status, body } = await get('/quartiers/QP001001');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('Grande Reyssouze Terre Des Fleurs');
		expect(body).toContain('href="/contrats/CV004"');
		// POP_MUN 2018 of QP001001 in qpv_evolution_population.csv and DEMO_2022.csv: 6490.
		expect(text).toContain('6\u202f490');
		// TP60 of REVN_2022.csv for QP001001: 41,4 %.
		expect(text).toContain('41,4\u00a0%');
		expect(text).toContain('Sources : ANCT – SIG Ville / INSEE');
		expect(body).toMatch(/<svg[^>]*role="img"/);
		// Gaps of the same data year (qpv_gaps): 14 190 € (data_filo19 l.3) against Bourg-en-Bresse's
		// 19 290 € (FILO2019_DISP_COM l.46) = 73.6 %, shown as 74 %.
		expect(text).toContain('Commune Bourg-en-Bresse');
		expect(text).toMatch(/19\s290\s€ \(2019\)\s*écart 74\s% de la référence/);
		expect(text).toContain('France métropolitaine');
	});

	it('keeps every place-among-QPV chart in its disclosure when fewer than three series are charted', async () => {
		// QP972001 (Martinique) publishes two of the three charted series (no employment rate), and
		// two distributions: the series grid held the first distribution chart before.
		const { status, body } = await get('/quartiers/QP972001');
		expect(status).toBe(200);
		const summary = body.indexOf('Place du quartier parmi tous les QPV</summary>');
		const grid = body.slice(body.indexOf('id="graphiques"'), summary);
		const disclosure = body.slice(summary, body.indexOf('</details>', summary));
		expect(grid.match(/<figcaption>/g)).toHaveLength(2);
		expect(grid).not.toContain('place parmi tous les QPV');
		expect(disclosure.match(/place parmi tous les QPV \(/g)).toHaveLength(2);
	});

	it('styles the indicator tables through the <table> alone: no cell repeats the scoped class', async () => {
		// QP001006 has 6 indicator tables and 2 detailed-gaps tables; the scoped class once on each
		// <table> and never inside saves ~31 KB of its 210 KB (1,577 repetitions before).
		const { status, body } = await get('/quartiers/QP001006');
		expect(status).toBe(200);
		const tables =
			body.match(/<table class="(indicators )?svelte-[a-z0-9]+">[\s\S]*?<\/table>/g) ?? [];
		expect(tables.filter((t) => t.startsWith('<table class="indicators '))).toHaveLength(6);
		expect(tables.filter((t) => t.includes('Écarts détaillés'))).toHaveLength(2);
		for (const table of tables) {
			const inside = table.slice(table.indexOf('>') + 1);
			expect(inside).toMatch(/<td class="num">/);
			expect(inside).not.toMatch(/svelte-[a-z0-9]+/);
		}
		expect(body).toMatch(/<span class="when">/);
	});

	it('answers 400 with a French message when the code is malformed', async () => {
		const { status, body } = await get('/quartiers/QP001001%27%20OR%201=1');
		expect(status).toBe(400);
		expect(textOf(body)).toContain('Code de quartier invalide');
	});

	it('answers 404 for a well-formed unknown code', async () => {
		const { status, body } = await get('/quartiers/QP999999');
		expect(status).toBe(404);
		expect(textOf(body)).toContain('QP999999');
	});
});
