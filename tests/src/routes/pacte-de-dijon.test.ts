// Server tests: /pacte-de-dijon from the real build, checked against data/reference and raw files.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

const domaines = Papa.parse<Record<string, string>>(
	readFileSync('data/reference/pacte-dijon-domaines.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

describe('/pacte-de-dijon', () => {
	it('lists every domain with its lead, « non précisé » when the sources are silent', async () => {
		// Each cell carries its column name, shown only where a phone stacks the row as a card.
		const { status, body } = await get('/pacte-de-dijon');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(body).toMatch(/<h1>Le Pacte de Dijon<\/h1>/);
		for (const d of domaines) {
			const lead =
				d.lead === 'etat'
					? 'État'
					: d.lead === 'intercommunalite'
						? 'Intercommunalité'
						: 'non précisé par les sources';
			expect(text).toContain(`${d.label} Pilote\u202f: ${lead}`);
		}
	});

	it('shows the latest national value of IND-318 from the raw DITP file', async () => {
		const raw = readFileSync('data/raw/barometre-ditp/ind-318.csv', 'utf8');
		expect(raw).toContain('IND-318,FRANCE,2023-12-01,NAT,,638.0');
		const text = textOf((await get('/pacte-de-dijon')).body);
		expect(text).toContain(
			'638 centres de Santé Pluriprofessionnels sur le territoire au 01/12/2023'
		);
		expect(text).toContain('794\u202f200\u00a0personnes, ensemble des QPV, millésime 2019');
	});

	it('lists the dated facts with their source links', async () => {
		const { body } = await get('/pacte-de-dijon');
		const text = textOf(body);
		expect(text).toContain('16/07/2018');
		expect(text).toContain('Villes et intercommunalités signataires, dont toutes les métropoles');
		expect(text).toContain('86 villes et intercommunalités');
		expect(body).toContain(
			'href="https://gouvernement.fr/partage/10408-signature-du-pacte-de-dijon"'
		);
	});
});
