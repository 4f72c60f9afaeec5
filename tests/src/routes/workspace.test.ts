// The workspace on the built server (`node build`, no ORIGIN set): the origin check refuses cross-site form
// posts (CSRF), workspace answers are `private, no-store` while reading pages stay cacheable, a
// wrong sign-in gets a French message, and bad parameters are clear errors.
import { describe, expect, it } from 'vitest';
import { get, serverUrl } from '../../helpers/server';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function post(path: string, body: string, headers: Record<string, string>) {
	const response = await fetch(serverUrl() + path, {
		method: 'POST',
		body,
		headers,
		redirect: 'manual'
	});
	return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('espace d’évaluation sur le serveur construit', () => {
	it('refuses form posts from another origin (CSRF)', async () => {
		const hostile = {
			origin: 'https://malveillant.example',
			'content-type': 'application/x-www-form-urlencoded'
		};
		const signIn = await post('/connexion', form({ email: 'a@b.fr', password: 'x' }), hostile);
		expect(signIn.status).toBe(403);
		expect(signIn.text).toContain('Envoi refusé : le formulaire ne vient pas de ce site');
		const create = await post(
			'/contrats/CV004/evaluation?/create',
			form({ kind: 'objective', pillar: 'cadre_de_vie', title: 'x' }),
			hostile
		);
		expect(create.status).toBe(403);
		const plain = await post('/api/contrats/CV004/evaluation', '{"action":"create"}', {
			...hostile,
			'content-type': 'text/plain'
		});
		expect(plain.status).toBe(403);
	});

	it('answers a wrong sign-in in French, from the same origin', async () => {
		const response = await post(
			'/connexion',
			form({ email: `personne-${Date.now()}@exemple.fr`, password: 'mauvais' }),
			{
				origin: serverUrl(),
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			}
		);
		expect(response.status).toBe(400);
		expect(response.text).toContain('Adresse ou mot de passe incorrect.');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
	});

	it('never lets the response cache keep a workspace page, and keeps reading pages cacheable', async () => {
		for (const path of [
			'/contrats/CV004/evaluation',
			'/contrats/CV004/evaluation?campagne=2022',
			'/api/contrats/CV004/evaluation',
			'/mesures/M03/retours',
			'/connexion'
		]) {
			const { headers } = await get(path);
			expect(headers.get('cache-control'), path).toBe('private, no-store');
		}
		const reading = await get('/contrats/CV004');
		expect(reading.status).toBe(200);
		expect(reading.headers.get('cache-control') ?? '').not.toMatch(/no-store|private/);
	});

	it('shows an anonymous visitor how to sign in, and no edit form', async () => {
		const page = await get('/contrats/CV004/evaluation');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Se connecter');
		expect(page.body).not.toContain('action="?/create"');
	});

	it('rejects bad parameters with clear errors', async () => {
		expect((await get('/contrats/CV004/evaluation?campagne=2020')).status).toBe(400);
		expect((await get('/contrats/CV999/evaluation')).status).toBe(404);
		expect((await get('/contrats/XX/evaluation')).status).toBe(400);
		expect((await get('/mesures/M99/retours')).status).toBe(400);
		const api = await get('/api/contrats/CV004/evaluation?campagne=abc');
		expect(api.status).toBe(400);
		expect(JSON.parse(api.body).erreur).toMatch(/Campagne inconnue/);
	});
});
