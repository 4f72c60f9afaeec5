// Hostile input on every parameterised route and API: malformed or malicious values answer 400 or
// 404 with a French message, never 500, never a stack trace or SQL text; the database is untouched.
import { expect, test, type APIResponse } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { paramRoutes, queryRoutes } from './routes';

/** A hostile value, already percent-encoded when `raw` (so the test controls the exact bytes). */
interface Hostile {
	label: string;
	value: string;
	raw?: boolean;
}

/** Values for one path parameter, given a valid one (for the case and fullwidth variants). */
function hostileValues(valid: string, trailing: boolean): Hostile[] {
	const fullwidth = [...valid]
		.map((c) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
		.join('');
	const values: Hostile[] = [
		{ label: 'injection SQL (quote)', value: `${valid}' OR '1'='1` },
		{ label: 'injection SQL (commande)', value: '1;DROP TABLE qpv' },
		{ label: 'injection SQL (commentaire)', value: `${valid}'--` },
		{ label: 'traversée de chemin', value: '..%2F..%2Fetc%2Fpasswd', raw: true },
		{
			label: 'traversée de chemin (double encodage)',
			value: '..%252F..%252Fetc%252Fpasswd',
			raw: true
		},
		{ label: 'chaîne de 5 000 caractères', value: 'A'.repeat(5000) },
		{ label: 'chiffres pleine chasse', value: fullwidth },
		{ label: 'forçage droite-à-gauche', value: `\u202e${valid}` },
		{ label: 'liant sans chasse', value: `${valid.slice(0, 2)}\u200d${valid.slice(2)}` },
		{ label: 'octet NUL', value: `${valid}%00`, raw: true },
		{ label: 'encodage pourcent invalide', value: `${valid}%E0%A4%A`, raw: true },
		{ label: 'balise script', value: '<script>alert(1)</script>' },
		{ label: 'espaces', value: `  ${valid}  ` },
		{ label: 'espace seule', value: ' ' }
	];
	// An empty last segment is another route (the list, after a trailing-slash redirect).
	if (!trailing) values.push({ label: 'valeur vide', value: '' });
	if (valid.toLowerCase() !== valid) {
		values.push({ label: 'casse incorrecte', value: valid.toLowerCase() });
	}
	return values;
}

/** Values for one query parameter with the statuses they may answer. A free-text parameter takes
 * any short text (a search answers 200 with no result) but not a 5 000-character one; an empty
 * form field means "no filter". */
function hostileQueryValues(freeText: boolean): (Hostile & { allowed: number[] })[] {
	const strict = freeText ? [200, 400] : [400, 404];
	return [
		{ label: 'chaîne de 5 000 caractères', value: 'A'.repeat(5000), allowed: [400] },
		{ label: 'injection SQL (quote)', value: `84' OR '1'='1`, allowed: strict },
		{ label: 'injection SQL (commande)', value: '1;DROP TABLE qpv', allowed: strict },
		{ label: 'traversée de chemin', value: '..%2F..%2Fetc%2Fpasswd', raw: true, allowed: strict },
		{ label: 'chiffres pleine chasse', value: '８４', allowed: strict },
		{ label: 'octet NUL', value: '84%00', raw: true, allowed: strict },
		{ label: 'encodage pourcent invalide', value: '84%E0%A4%A', raw: true, allowed: strict },
		{ label: 'forçage droite-à-gauche', value: '\u202e84', allowed: strict },
		{ label: 'liant sans chasse', value: '8\u200d4', allowed: strict },
		{ label: 'valeur vide', value: '', allowed: [200, 400] }
	];
}

const encode = (h: Hostile): string => (h.raw ? h.value : encodeURIComponent(h.value));

const frenchMessage =
	/introuvable|invalide|inconnu|incorrect|n[’']existe pas|requête|erreur|trop long|non valide/i;
const stackTrace = /\n\s+at |\bat [\w.$<>]+ \(|\.ts:\d+|\.js:\d+:\d+|node:internal/;
const sqlText =
	/\bSELECT\b|\bFROM\b [a-z_]+ |DuckDB|Binder Error|Catalog Error|Parser Error|Conversion Error/;
const englishDefault = /\bNot Found\b|Internal Error|Bad Request/;

/** The checks every hostile answer must pass, whatever the status. */
async function expectSafeAnswer(response: APIResponse, allowed: number[], what: string) {
	const body = await response.text();
	expect(response.status(), `${what} : statut`).not.toBe(500);
	expect(allowed, `${what} : statut ${response.status()}`).toContain(response.status());
	expect(body, `${what} : trace de pile`).not.toMatch(stackTrace);
	expect(body, `${what} : texte SQL`).not.toMatch(sqlText);
	if (response.status() >= 400) {
		expect(body, `${what} : message en français`).toMatch(frenchMessage);
		expect(body, `${what} : message par défaut en anglais`).not.toMatch(englishDefault);
	}
}

const databasePath = resolve(process.env.DATABASE_PATH ?? 'data/build/politique-ville.duckdb');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The hash taken before the first hostile request of this run, kept in the run's output folder
 * so that a worker restarted after a failure compares with the same reference. */
function referenceHash(): string {
	const file = join(test.info().project.outputDir, 'database-before-hostile-input.sha256');
	if (existsSync(file)) return readFileSync(file, 'utf8');
	const hash = sha256(databasePath);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, hash);
	return hash;
}

let databaseHash = '';
test.beforeAll(() => {
	databaseHash = referenceHash();
});

for (const route of paramRoutes) {
	test.describe(route.template, () => {
		test(`answers 200 for the valid value ${route.valid}`, async ({ request }) => {
			const response = await request.get(route.template.replace('{}', route.valid));
			expect(response.status()).toBe(200);
		});
		for (const hostile of hostileValues(route.valid, route.template.endsWith('{}'))) {
			test(`rejects ${hostile.label}`, async ({ request }) => {
				const url = route.template.replace('{}', encode(hostile));
				const response = await request.get(url, { maxRedirects: 0 });
				await expectSafeAnswer(response, [400, 404], `${route.template} ← ${hostile.label}`);
			});
		}
		test('ignores no query trick (array parameters)', async ({ request }) => {
			const base = route.template.replace('{}', route.valid);
			for (const qs of ['?code=CV001&code=CV002', '?code[]=CV001&code[]=1%3BDROP', '?%00=1']) {
				const response = await request.get(base + qs, { maxRedirects: 0 });
				// Unused parameters may be ignored (200), never break the page.
				await expectSafeAnswer(response, [200, 400, 404], `${base}${qs}`);
			}
		});
	});
}

for (const route of queryRoutes) {
	test.describe(`${route.path}?…`, () => {
		test('answers 200 with every valid parameter', async ({ request }) => {
			const qs = route.params.map((p) => `${p.name}=${encodeURIComponent(p.valid)}`).join('&');
			expect((await request.get(`${route.path}?${qs}`)).status()).toBe(200);
		});
		for (const param of route.params) {
			for (const hostile of hostileQueryValues(!!param.freeText)) {
				test(`${param.name}: ${hostile.label} answers ${hostile.allowed.join(' or ')}`, async ({
					request
				}) => {
					const url = `${route.path}?${param.name}=${encode(hostile)}`;
					const response = await request.get(url, { maxRedirects: 0 });
					await expectSafeAnswer(response, hostile.allowed, url.slice(0, 80));
				});
			}
			if (param.freeText) {
				test(`${param.name}: SQL text is only a search term`, async ({ request }) => {
					const url = `${route.path}?${param.name}=${encodeURIComponent("x' OR '1'='1")}`;
					await expectSafeAnswer(await request.get(url), [200], url);
				});
			}
			test(`${param.name}: array parameters never break the page`, async ({ request }) => {
				for (const qs of [
					`${param.name}=${param.valid}&${param.name}=${param.valid}`,
					`${param.name}[]=${param.valid}`,
					`${param.name}[]=${param.valid}&${param.name}[]=1%3BDROP`
				]) {
					const response = await request.get(`${route.path}?${qs}`, { maxRedirects: 0 });
					await expectSafeAnswer(response, [200, 400], `${route.path}?${qs}`);
				}
			});
		}
	});
}

// Routes that do not exist must fail the same clean way, even with hostile paths.
test.describe('unknown paths', () => {
	const paths = [
		'/..%2F..%2Fetc%2Fpasswd',
		'/%2e%2e/%2e%2e/etc/passwd',
		'/contrats%00',
		`/${'A'.repeat(5000)}`,
		'/%E0%A4%A',
		"/api/contrats/CV001'%20OR%20'1'='1/x",
		'/api/inexistant?q=1%3BDROP%20TABLE%20qpv'
	];
	for (const path of paths) {
		test(`${path.slice(0, 40)} answers 400 or 404`, async ({ request }) => {
			const response = await request.get(path, { maxRedirects: 0 });
			await expectSafeAnswer(response, [400, 404], path.slice(0, 60));
		});
	}
});

test('the database file is unchanged after all hostile requests', () => {
	expect(sha256(databasePath)).toBe(databaseHash);
});
