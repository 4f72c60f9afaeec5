import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('/ (vue nationale)', () => {
	it('shows the QPV count of the 2015 geography, formatted the French way, with its sources', async () => {
		const { status, body } = await get('/');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('1\u202f514 quartiers prioritaires');
		expect(text).toContain('recensement 2018');
		// Sources in plain words; file names only on /methodologie, in downloads and the API.
		expect(text).toMatch(/Sources? : INSEE/);
		expect(text).toContain('Licence Ouverte');
		expect(body).toContain('href="/methodologie#sources"');
		expect(text).not.toMatch(/\.csv|\.json|POP_MUN/);
	});

	it('renders the key indicator distributions as server-side SVG with their vintage', async () => {
		const { body } = await get('/');
		const text = textOf(body);
		expect(body).toMatch(/<svg[^>]*role="img"/);
		expect(text).toMatch(/Taux de pauvreté[^.]*, millésime \d{4}/);
		expect(text).toMatch(/ANCT – SIG Ville \/ INSEE, millésime/);
		expect(text).toMatch(/médiane \d+,\d\u00a0%/);
	});

	it('gives the QPV → contrat link quality and the posts per year', async () => {
		const text = textOf((await get('/')).body);
		expect(text).toMatch(
			/\d+,\d\u00a0% des QPV \([\d\u202f]+ sur 1\u202f514\) sont rattachés à exactement un contrat/
		);
		// Adultes-relais files 2020 to 2023 (ANCT), named by producer and years.
		expect(text).toContain('ANCT, millésimes 2020 à 2023');
	});

	it('finds "reyssouze" without accent or case and links to the QPV page', async () => {
		const { status, body } = await get('/?q=reyssouze');
		expect(status).toBe(200);
		expect(body).toContain('href="/quartiers/QP001001"');
		expect(textOf(body)).toContain('Grande Reyssouze Terre Des Fleurs');
	});

	it('answers a commune or contrat name with its contrat and QPV, each once', async () => {
		// No hyphens: Bourg-en-Bresse, commune of CV004.
		const bourg = (await get('/?q=Bourg%20en%20Bresse')).body;
		expect(bourg).toContain('href="/contrats/CV004"');
		expect(bourg).toContain('href="/quartiers/QP001001"');
		const marseille = (await get('/?q=Marseille')).body;
		expect(marseille.match(/href="\/contrats\/CV049"/g)).toHaveLength(1);
		const qpvLinks = marseille.match(/href="\/quartiers\/QP013\d{3}"/g) ?? [];
		expect(qpvLinks.length).toBeGreaterThanOrEqual(30);
		expect(new Set(qpvLinks).size).toBe(qpvLinks.length);
	});

	it('keeps the search in a GET form that works without JavaScript', async () => {
		const { body } = await get('/?q=bourg');
		expect(body).toMatch(/<form[^>]*method="GET"/i);
		expect(body).toMatch(/<input[^>]*name="q"[^>]*value="bourg"/);
		expect(body).toContain('href="/contrats/CV004"');
	});

	it('answers 400 with a French message for a search that is too long', async () => {
		const { status, body } = await get(`/?q=${'a'.repeat(150)}`);
		expect(status).toBe(400);
		expect(textOf(body)).toContain('recherche trop longue');
	});
});
