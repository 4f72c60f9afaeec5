// Security headers on pages and APIs (set by src/hooks.server.ts and SvelteKit's CSP), and pages
// that actually satisfy their Content-Security-Policy in the browser.
import { expect, test, type APIResponse } from '@playwright/test';
import { pageRoutes, paramRoutes } from './routes';
import { collectCspEvents, watchPage } from './lib/watch';

const unknownPage = '/page-qui-n-existe-pas';
const pages = [...pageRoutes.map((r) => r.path), unknownPage];
const apis = paramRoutes
	.filter((r) => r.kind === 'api')
	.map((r) => r.template.replace('{}', r.valid));
const downloads = paramRoutes
	.filter((r) => r.kind === 'download')
	.map((r) => r.template.replace('{}', r.valid));

function expectCommonHeaders(response: APIResponse): void {
	const h = response.headers();
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toMatch(
		/^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/
	);
	const frameAncestors = /frame-ancestors\s+('none'|'self')/.test(
		h['content-security-policy'] ?? ''
	);
	expect(
		frameAncestors || /^(DENY|SAMEORIGIN)$/i.test(h['x-frame-options'] ?? ''),
		'protection contre l’inclusion en cadre'
	).toBe(true);
	expect(h['x-powered-by'], 'pas de signature du serveur').toBeUndefined();
}

test.describe('security headers', () => {
	for (const path of pages) {
		test(`${path} sends the security headers and a strict CSP`, async ({ request }) => {
			const response = await request.get(path);
			expectCommonHeaders(response);
			const csp = response.headers()['content-security-policy'] ?? '';
			expect(csp, 'Content-Security-Policy').not.toBe('');
			expect(csp).toMatch(/default-src 'self'/);
			expect(csp).toMatch(/object-src 'none'/);
			// Scripts only from the site or by hash: no unsafe-inline/unsafe-eval for scripts.
			const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
			expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
		});
	}
	for (const path of apis) {
		test(`${path} sends the security headers`, async ({ request }) => {
			const response = await request.get(path);
			expect(response.status()).toBe(200);
			expectCommonHeaders(response);
			expect(response.headers()['content-type']).toMatch(/^application\/json/);
		});
	}
	for (const path of downloads) {
		test(`${path} sends the security headers and names its file`, async ({ request }) => {
			const response = await request.get(path);
			expect(response.status()).toBe(200);
			expectCommonHeaders(response);
			expect(response.headers()['content-type']).toMatch(/^text\/csv|spreadsheetml/);
			expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=/);
		});
	}
});

test.describe('CSP in the browser', () => {
	for (const path of pages) {
		test(`${path} runs without any CSP violation`, async ({ page }) => {
			const problems = await watchPage(page);
			await page.goto(path, { waitUntil: 'networkidle' });
			// Reading pages ship no client JavaScript (csr = false): there is nothing to hydrate, so
			// the check is that no script is sent at all and the page is whole without one. (The
			// 404 page of an unknown route is rendered with the root layout's defaults.)
			if (path !== unknownPage) expect(await page.locator('script').count()).toBe(0);
			await expect(page.locator('main h1')).toBeVisible();
			await collectCspEvents(page, problems);
			expect(problems.cspViolations).toEqual([]);
		});
	}
});
