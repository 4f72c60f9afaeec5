// Server tests: /mesures from the real build, checked against data/reference and the raw Baromètre.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

function csv(path: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}

const mesures = csv('data/reference/mesures.csv');

describe('/mesures', () => {
	it('lists the 40 slots, every attested title and the undocumented wording', async () => {
		const { status, body } = await get('/mesures');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('Dédoublement des classes de CP et CE1 en REP/REP+');
		for (const m of mesures.filter((r) => r.status === 'atteste')) {
			expect(text).toContain(m.title!.replaceAll("'", '’')); // shown with curly apostrophes
		}
		const undocumented = mesures.filter((r) => r.status === 'non_documente').length;
		expect(undocumented).toBe(23);
		// The undocumented slots are named once, in one sentence that links each of them.
		expect(text).toContain(
			'23 emplacements sans intitulé ( intitulé non documenté dans les sources disponibles ), chacun avec sa page'
		);
		for (const id of ['M01', 'M18', 'M40']) expect(body).toContain(`href="/mesures/${id}"`);
		const caption = body.indexOf('dont l’intitulé est attesté');
		const table = body.slice(
			body.lastIndexOf('<table', caption),
			body.indexOf('</table>', caption)
		);
		expect(table.match(/<tr role="row">/g)?.length).toBe(1 + 40 - undocumented);
	});

	it('says the numbering is the project’s and links the sources with https://', async () => {
		const { body } = await get('/mesures');
		expect(textOf(body)).toContain('ce n’est pas la numérotation officielle');
		expect(body).toContain('href="https://2017-2022.nosdeputes.fr/15/intervention/393603"');
	});

	it('shows the latest national Baromètre value of IND-311 from the raw DITP file', async () => {
		const rows = csv('data/raw/barometre-ditp/ind-311.csv').filter(
			(r) => r.maille === 'NAT' && r.indic_va !== ''
		);
		const latest = rows
			.sort((a, b) => a.metric_enforce_date!.localeCompare(b.metric_enforce_date!))
			.at(-1)!;
		expect(latest.metric_enforce_date).toBe('2023-12-01');
		const value = new Intl.NumberFormat('fr-FR').format(Number(latest.indic_va));
		expect(value).toBe('2\u202f501');
		const text = textOf((await get('/mesures')).body);
		expect(text).toContain(
			`${value} maisons de santé pluriprofessionnelles au 01/12/2023 (France)`
		);
		expect(text).toContain(
			'cible : 4\u202f000 maisons de santé pluriprofessionnelles au 01/12/2026'
		);
	});

	it('follows the cités éducatives in the overview, over a base and without invented dates', async () => {
		const text = textOf((await get('/mesures')).body).replace(/[\s\u00a0\u202f]+/g, ' ');
		// citeduc_geom.geojson: 208 labels; 74 of the 102 départements and collectivités with QPV host one.
		expect(text).toContain('Cités éducatives : cités labellisées (ANCT)');
		expect(text).toContain('208 cités ; année de labellisation non publiée');
		expect(text).toContain('74 départements sur 102 ayant des QPV en ont une');
	});

	it('filters by programme and pillar, and answers 400 to unknown values', async () => {
		const { body } = await get('/mesures?programme=securite');
		const text = textOf(body);
		expect(text).toContain('Police de sécurité du quotidien');
		expect(text).not.toContain('Emplois francs');
		expect(body).not.toContain('href="/mesures/M18"');
		const byPillar = textOf((await get('/mesures?pilier=cadre_de_vie')).body);
		expect(byPillar).toContain('Plan Initiative Copropriétés');
		expect(byPillar).not.toContain('Cordées de la réussite');
		expect((await get('/mesures?programme=inconnu')).status).toBe(400);
		expect((await get('/mesures?pilier=securite')).status).toBe(400);
		expect((await get('/mesures?programme=%27%3B')).status).toBe(400);
		expect((await get('/mesures?programme=&pilier=')).status).toBe(200);
	});
});
