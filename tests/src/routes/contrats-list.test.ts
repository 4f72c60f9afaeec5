import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

function tableBody(html: string): string {
	const start = html.indexOf('<tbody');
	return html.slice(start, html.indexOf('</tbody>', start));
}

describe('/contrats', () => {
	it('lists every contrat with a link to its page', async () => {
		const { status, body } = await get('/contrats');
		expect(status).toBe(200);
		// 433 contrats, 50 per page without JavaScript: 9 pages, the last with 33 rows.
		const rows = tableBody(body).match(/<tr/g) ?? [];
		expect(rows.length).toBe(50);
		expect(textOf(body)).toContain('433\u00a0contrats de ville, page 1 sur 9');
		const last = tableBody((await get('/contrats?page=9')).body).match(/<tr/g) ?? [];
		expect(last.length).toBe(33);
		expect((await get('/contrats?page=10')).status).toBe(404);
		expect((await get('/contrats?page=abc')).status).toBe(400);
		expect(textOf(body)).toContain('CC de la Plaine de l’Ain'); // curly apostrophe on display
		expect(tableBody(body)).toContain('href="/contrats/CV001"');
	});

	it('keeps only Ain contrats with ?departement=01', async () => {
		const { status, body } = await get('/contrats?departement=01');
		expect(status).toBe(200);
		const rows = tableBody(body).split('<tr').slice(1);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(textOf(row)).toContain('Ain');
		expect(tableBody(body)).toContain('href="/contrats/CV001"');
		expect(tableBody(body)).not.toContain('href="/contrats/CV043"');
		expect(body).toMatch(/<option value="01" selected/);
	});

	it('sorts by a column through the URL and links the reverse order', async () => {
		const { body } = await get('/contrats?departement=01&tri=population&ordre=desc');
		const populations = tableBody(body)
			.split('<tr')
			.slice(1)
			.map((row) => textOf(row).match(/Auvergne-Rhône-Alpes \d+ ([\d\u202f]+)/)?.[1])
			.map((p) => Number(p?.replace(/\u202f/g, '')));
		expect(populations.length).toBeGreaterThan(1);
		expect([...populations].sort((a, b) => b - a)).toEqual(populations);
		expect(body).toContain('aria-sort="descending"');
		expect(body).toContain('href="/contrats?departement=01&amp;tri=population&amp;ordre=asc"');
	});

	it('answers 400 in French for an invalid département, région or sort', async () => {
		for (const query of ['departement=ZZ', 'region=7', 'tri=nom', 'departement=99']) {
			const { status, body } = await get(`/contrats?${query}`);
			expect(status, query).toBe(400);
			expect(textOf(body), query).toMatch(/Filtre invalide|inconnu/);
		}
	});

	it('draws the map of perimeters on the server, each linked, the filtered ones highlighted', async () => {
		const { body } = await get('/contrats?departement=01');
		const map = body.slice(body.indexOf('id="carte"'));
		expect(map).toContain('<svg');
		expect(map).toContain('href="/contrats/CV043"');
		expect(map).toMatch(/href="\/contrats\/CV001"[^>]*>\s*<path fill="#000091"/);
		expect(map).toMatch(/href="\/contrats\/CV043"[^>]*>\s*<path fill="#c9c9c9"/);
		expect(textOf(map)).toContain('outre-mer');
	});

	it('gives the sources of the list, the posts and the poverty rate', async () => {
		const text = textOf((await get('/contrats')).body);
		// One plain note: producers and years (CGET / ANCT perimeters, ANCT posts, SIG Ville REVN).
		expect(text).toContain('CGET / ANCT, millésime 2018');
		expect(text).toMatch(/ANCT, millésimes? 20\d\d/);
		expect(text).not.toMatch(/\.topojson|\.json|\.csv/);
	});
});
