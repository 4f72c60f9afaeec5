import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('/ (vue nationale)', () => {
	it('shows the QPV count of the 2015 geography, formatted the French way, with its sources', async () => {
		const { status, body } = await get('/');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('1\u202f514 quartiers prioritaires');
		expect(text).toContain('recensement 2018');
		expect(text).toContain('qpv-2015/qpv_evolution_population.csv');
		expect(text).toMatch(/Sources : /);
	});

	it('renders the key indicator distributions as server-side SVG with their vintage', async () => {
		const { body } = await get('/');
		const text = textOf(body);
		expect(body).toMatch(/<svg[^>]*role="img"/);
		expect(text).toMatch(/Taux de pauvreté[^.]*, millésime \d{4}/);
		// The latest data year of the poverty rate is 2019, read in INSEE's own file.
		expect(text).toContain('filosofi-qpv/data_filo19_qp_revdis.csv');
		expect(text).toMatch(/médiane \d+,\d\u00a0%/);
	});

	it('gives the QPV → contrat link quality and the posts per year', async () => {
		const text = textOf((await get('/')).body);
		expect(text).toMatch(
			/\d+,\d\u00a0% des QPV \([\d\u202f]+ sur 1\u202f514\) sont rattachés à exactement un contrat/
		);
		expect(text).toContain('contrats-de-ville/adulte-relais-2023.json');
	});

	it('finds "reyssouze" without accent or case and links to the QPV page', async () => {
		const { status, body } = await get('/?q=reyssouze');
		expect(status).toBe(200);
		expect(body).toContain('href="/quartiers/QP001001"');
		expect(textOf(body)).toContain('Grande Reyssouze Terre Des Fleurs');
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
