// Accessibility: axe finds no serious or critical violation on any route (nor on the 404 page),
// and the layout can be used with the keyboard alone (skip link, then the main navigation).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { pageRoutes } from './routes';

/** Serious and critical axe violations of `path`, summarised for a readable failure message. */
async function seriousViolations(browser: Browser, baseURL: string, path: string) {
	// A fresh context per page, as @axe-core/playwright recommends.
	const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
	try {
		const page = await context.newPage();
		await page.goto(path, { waitUntil: 'networkidle' });
		const results = await new AxeBuilder({ page }).analyze();
		return results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
			}));
	} finally {
		await context.close();
	}
}

test.describe('axe', () => {
	const paths = [...pageRoutes.map((r) => r.path), '/page-qui-n-existe-pas'];
	for (const path of paths) {
		test(`${path} has no serious or critical violation`, async ({ browser, baseURL }) => {
			// axe walks every node: the long indicator tables and SVG charts take tens of seconds.
			test.setTimeout(120_000);
			expect(await seriousViolations(browser, baseURL!, path)).toEqual([]);
		});
	}
});

test.describe('keyboard', () => {
	// Any page has the layout; the home page once it exists, the 404 page until then.
	const probe = pageRoutes.find((r) => r.path === '/')?.path ?? '/page-qui-n-existe-pas';

	test('the first Tab reaches the skip link, which moves focus to the content', async ({
		page
	}) => {
		await page.goto(probe);
		await page.keyboard.press('Tab');
		const skip = page.locator(':focus');
		await expect(skip).toHaveText('Aller au contenu');
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#contenu$/);
		await expect(page.locator('#contenu')).toBeFocused();
	});

	test('Tab from the top reaches every main navigation link, with a visible focus', async ({
		page
	}) => {
		await page.goto(probe);
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		const expected = await nav
			.locator('a')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(expected.length).toBeGreaterThan(0);

		const reached = new Set<string>();
		// Bounded: skip link, brand, then the navigation links come first in the header.
		for (let i = 0; i < expected.length + 10 && reached.size < expected.length; i++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el) return null;
				return {
					href: el.getAttribute('href'),
					inNav: !!el.closest('nav[aria-label="Navigation principale"]'),
					outline: getComputedStyle(el).outlineStyle
				};
			});
			if (focused?.inNav && focused.href) {
				expect(focused.outline, `contour de focus sur ${focused.href}`).not.toBe('none');
				reached.add(focused.href);
			}
		}
		expect([...reached].sort()).toEqual([...expected].sort());
	});
});
