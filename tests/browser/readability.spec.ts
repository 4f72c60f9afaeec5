// Pages that answer their readers: length budgets at 1,280 px (and at 390 px for the contrat
// pages and /mesures), no sideways scroll at 1,280 and 390 px, no sentence more than three times, chart text at
// least 11 px as rendered, typographic apostrophes in what the reader sees.
import { expect, test, type Page } from '@playwright/test';

interface Budget {
	path: string;
	/** Maximum page height at 1,280 px; null for pages without a budget (sideways rule only). */
	max: number | null;
	/** Maximum page height on a 390 px phone, where one is set. */
	phone?: number;
	why: string;
	/** Exempts a page from the no-sentence-more-than-three-times rule. */
	repeats?: false;
}

const budgets: Budget[] = [
	{ path: '/', max: 6_000, why: 'vue nationale' },
	{ path: '/contrats', max: 10_000, why: 'liste des contrats' },
	{ path: '/contrats/CV003', max: 8_000, phone: 10_000, why: 'contrat de 1 QPV' },
	{ path: '/contrats/CV125', max: 8_000, phone: 10_000, why: 'contrat de 10 QPV' },
	{ path: '/contrats/CV049', max: 8_000, phone: 10_000, why: 'contrat de 37 QPV (Marseille)' },
	{ path: '/quartiers/QP001001', max: 10_000, why: 'QPV de métropole' },
	{ path: '/quartiers/QP971001', max: 10_000, why: 'QPV d’outre-mer (Guadeloupe)' },
	{ path: '/quartiers/QP02A001', max: 10_000, why: 'QPV de Corse' },
	{ path: '/indicateurs', max: 12_000, why: 'catalogue' },
	{ path: '/methodologie', max: null, why: 'méthodologie' },
	{ path: '/mesures', max: 10_000, phone: 13_000, why: 'suivi des 40 mesures' },
	{ path: '/mesures/M03', max: 10_000, why: 'mesure avec séries par département' },
	{ path: '/mesures/M13', max: 10_000, why: 'mesure des postes par contrat' },
	{ path: '/pacte-de-dijon', max: 10_000, why: 'Pacte de Dijon' },
	{ path: '/paqte', max: 10_000, why: 'PaQte' },
	{ path: '/actions-financees', max: 10_000, why: 'actions financées' },
	{ path: '/contrats/CV004', max: 8_000, phone: 10_000, why: 'contrat de 2 QPV (Bourg-en-Bresse)' },
	{ path: '/contrats/CV004/fiche', max: null, why: 'fiche contrat' },
	{ path: '/quartiers/QP001001/fiche', max: null, why: 'fiche QPV' }
];

async function measure(page: Page) {
	return page.evaluate(() => {
		const main = document.querySelector('main') as HTMLElement;
		const counts = new Map<string, number>();
		// A card's column labels (tables stacked on a phone) are structure, not repeated prose.
		const labels = [...main.querySelectorAll<HTMLElement>('.cell-label')];
		for (const l of labels) l.style.display = 'none';
		const prose = main.innerText;
		for (const l of labels) l.style.display = '';
		for (const s of prose.split(/(?<=[.!?])\s+|\n+/)) {
			const sentence = s.trim();
			if (sentence.length >= 40) counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
		}
		const repeated = [...counts].filter(([, n]) => n > 3).map(([s, n]) => `${n}× ${s}`);
		// Chart text as rendered: computed size times the SVG's scale (drawn width / own width).
		const small: string[] = [];
		for (const svg of document.querySelectorAll<SVGSVGElement>('figure.chart.readable svg')) {
			const shown = svg.getBoundingClientRect().width;
			const own = svg.viewBox.baseVal?.width || Number(svg.getAttribute('width'));
			if (!shown || !own) continue;
			for (const t of svg.querySelectorAll('text')) {
				const px = parseFloat(getComputedStyle(t).fontSize) * (shown / own);
				if (px < 11 && t.textContent?.trim())
					small.push(`${t.textContent.trim()} (${px.toFixed(1)} px)`);
			}
		}
		// Straight apostrophes between letters (d'emploi) in text and in accessible names.
		const straight = /\p{L}'\p{L}/u;
		const apostrophes = [
			...main.innerText.split(/\n+/).filter((line) => straight.test(line)),
			...[...main.querySelectorAll('[aria-label], [title], svg title')]
				.map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent)
				.filter((text): text is string => !!text && straight.test(text))
		];
		return {
			apostrophes: apostrophes.slice(0, 5),
			height: document.documentElement.scrollHeight,
			sideways: document.documentElement.scrollWidth - window.innerWidth,
			repeated,
			small: small.slice(0, 5)
		};
	});
}

for (const width of [1280, 390]) {
	test.describe(`${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });
		for (const b of budgets) {
			test(`${b.path} (${b.why}) fits its budget and never scrolls sideways`, async ({ page }) => {
				const response = await page.goto(b.path);
				expect(response?.status()).toBe(200);
				const m = await measure(page);
				expect(m.sideways, 'défilement horizontal (px)').toBeLessThanOrEqual(2);
				if (width === 1280 && b.max !== null) expect(m.height).toBeLessThanOrEqual(b.max);
				if (width === 390 && b.phone) expect(m.height).toBeLessThanOrEqual(b.phone);
				expect(m.apostrophes, 'apostrophes droites').toEqual([]);
				if (b.repeats !== false) expect(m.repeated).toEqual([]);
				expect(m.small).toEqual([]);
			});
		}
	});
}
