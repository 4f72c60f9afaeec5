// Server tests: the « Articulation avec la feuille de route » section of a contrat's page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

function section(html: string): string {
	const start = html.indexOf('id="articulation"');
	expect(start).toBeGreaterThan(0);
	return textOf(html.slice(start, html.indexOf('</section>', start)));
}

describe('/contrats/[code] articulation', () => {
	it('compares the Ain Baromètre values with France (raw DITP file)', async () => {
		const raw = readFileSync('data/raw/barometre-ditp/ind-311.csv', 'utf8');
		expect(raw).toContain('IND-311,D01,2023-12-01,DEPT,,38.0');
		const { status, body } = await get('/contrats/CV004');
		expect(status).toBe(200);
		const text = section(body);
		expect(text).toContain('Articulation avec la feuille de route');
		expect(text).toContain('Ain : 38 maisons de santé pluriprofessionnelles au 01/12/2023');
		// A département's count is never set beside France's (2 501 in the same file): only rates are.
		expect(raw).toContain('IND-311,FRANCE,2023-12-01,NAT,,2501.0,,14.29');
		expect(text).not.toContain('2\u202f501 maisons de santé');
		expect(text).toMatch(
			/Ain : 100\s% des classes de grande section[^%]*\d+,\d\s% des classes[^(]*\(France\)/
		);
		expect(body).toContain('href="/mesures/M17"');
	});

	it('counts the adultes-relais posts of the contrat in the latest year of the source', async () => {
		const posts = JSON.parse(
			readFileSync('data/raw/contrats-de-ville/adulte-relais-2023.json', 'utf8')
		) as { id_poste: string; code_cv: string | null }[];
		// Posts, not records: distinct id_poste (5,416 records are 5,412 posts in 2023).
		const own = new Set(posts.filter((p) => p.code_cv === 'CV004').map((p) => p.id_poste)).size;
		const national = new Set(posts.map((p) => p.id_poste)).size;
		const text = section((await get('/contrats/CV004')).body);
		expect(text).toContain(`${own} postes financés en 2023`);
		expect(text).toContain(
			`${new Intl.NumberFormat('fr-FR').format(national)} postes financés en 2023`
		);
	});

	it('names the cités éducatives in the communes of the contrat', async () => {
		const text = section((await get('/contrats/CV049')).body);
		expect(text).toContain('Marseille Malpassé Corot');
	});

	it('lists the Pacte de Dijon domains with their lead and the contrat’s QPV figures', async () => {
		const text = section((await get('/contrats/CV004')).body);
		expect(text).toContain('Domaines du Pacte de Dijon');
		expect(text).toContain('Pilote : État');
		expect(text).toMatch(
			/Demandeurs d’emploi ABC [\d\u202f]+\u00a0personnes dans les QPV du contrat \(somme sur les \d+ mêmes QPV aux deux dates, millésime 20\d\d\)/
		);
	});
});
