// Every active route renders in a real browser: 200, its h1, its charts, and nothing going wrong
// on the way (console errors, exceptions, failed requests). Main pages are screenshotted.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { pageRoutes } from './routes';
import { collectCspEvents, watchPage } from './lib/watch';

const screenshotDir = 'test-results/screenshots';

/** `/contrats/CV001` → `contrats-CV001`, `/` → `accueil`. */
function screenshotName(path: string): string {
	const slug = path.replace(/^\/|\/$/g, '').replace(/[^A-Za-z0-9-]+/g, '-');
	return slug === '' ? 'accueil' : slug;
}

test.describe('pages', () => {
	for (const route of pageRoutes) {
		test(`${route.path} renders with its heading${route.chart ? ' and charts' : ''}`, async ({
			page
		}, testInfo) => {
			const problems = await watchPage(page);
			const response = await page.goto(route.path, { waitUntil: 'networkidle' });
			expect(response?.status(), `statut HTTP de ${route.path}`).toBe(200);

			const h1 = page.locator('h1');
			await expect(h1).toHaveCount(1);
			await expect(h1).toContainText(route.heading);

			if (route.chart) {
				const marks = page.locator(
					'main svg :is(rect, path, circle, line, polyline, polygon, ellipse)'
				);
				expect(await marks.count(), `marques de graphique sur ${route.path}`).toBeGreaterThan(0);
			}

			await collectCspEvents(page, problems);
			expect(problems.consoleErrors, 'erreurs console').toEqual([]);
			expect(problems.pageErrors, 'exceptions').toEqual([]);
			expect(problems.failedRequests, 'requêtes en échec').toEqual([]);
			expect(problems.cspViolations, 'violations CSP').toEqual([]);

			if (route.screenshot) {
				mkdirSync(screenshotDir, { recursive: true });
				const path = `${screenshotDir}/${screenshotName(route.path)}.png`;
				// The top of the page only: some pages are tens of thousands of pixels tall.
				const height = await page.evaluate(() => document.documentElement.scrollHeight);
				await page.screenshot({
					path,
					fullPage: true,
					clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 2400) }
				});
				await testInfo.attach(screenshotName(route.path), { path, contentType: 'image/png' });
			}
		});
	}

	// The layout and error page exist before any page does: check them on an unknown URL.
	test('an unknown URL shows the French 404 page inside the layout', async ({ page }) => {
		const problems = await watchPage(page);
		const response = await page.goto('/page-qui-n-existe-pas', { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1')).toHaveText('Page introuvable');
		await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await collectCspEvents(page, problems);
		expect(problems.pageErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
		expect(problems.cspViolations).toEqual([]);
		// Chromium logs the 404 document itself as a console error; nothing else may be logged.
		expect(problems.consoleErrors.filter((m) => !/status of 404/.test(m))).toEqual([]);
	});
});
