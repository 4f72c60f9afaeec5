import { describe, expect, it } from 'vitest';
import { get } from '../../helpers/server';

interface Catalogue {
	pilier: string | null;
	nombre: number;
	indicateurs: {
		id: string;
		pilier: string;
		agregation: string;
		agregation_libelle: string;
		millesimes: { millesime: number; annees_reference: number[]; fichiers: string[] }[];
		sources: string | null;
	}[];
}

describe('/api/indicateurs', () => {
	it('returns the whole catalogue as JSON with vintages and sources', async () => {
		const { status, body, headers } = await get('/api/indicateurs');
		expect(status).toBe(200);
		expect(headers.get('content-type')).toContain('application/json');
		const data = JSON.parse(body) as Catalogue;
		expect(data.nombre).toBe(data.indicateurs.length);
		const poverty = data.indicateurs.find((i) => i.id === 'tx_pauvrete_60');
		expect(poverty?.agregation).toBe('none');
		expect(poverty?.millesimes.find((m) => m.millesime === 2022)).toMatchObject({
			annees_reference: [2018],
			fichiers: ['sig-ville/REVN_2022.csv']
		});
		expect(poverty?.sources).toContain('ANCT – SIG Ville / INSEE');
	});

	it('filters by ?pilier=', async () => {
		const data = JSON.parse((await get('/api/indicateurs?pilier=cadre_de_vie')).body) as Catalogue;
		expect(data.pilier).toBe('cadre_de_vie');
		expect(data.nombre).toBeGreaterThan(0);
		expect(data.indicateurs.every((i) => i.pilier === 'cadre_de_vie')).toBe(true);
	});

	it('answers 400 with { erreur } in French for a bad pillar', async () => {
		const { status, body } = await get('/api/indicateurs?pilier=zz');
		expect(status).toBe(400);
		expect(JSON.parse(body)).toEqual({ erreur: expect.stringContaining('pilier inconnu') });
	});
});
