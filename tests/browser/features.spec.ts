// Behaviour across pages: the search box finds a quartier by name, and the /contrats filters
// live in the URL so that a filtered list can be bookmarked, shared and reloaded.
import { expect, test } from '@playwright/test';
import { contratsFilter, search } from './routes';

test.describe('search', () => {
	test(`searching "${search.term}" leads to ${search.target}`, async ({ page }) => {
		test.fixme(
			!search.enabled,
			'Pas encore de formulaire de recherche dans src/routes (GET / ou /recherche?q=) : ' +
				'passer search.enabled à true dans tests/browser/routes.ts quand il existe.'
		);
		await page.goto('/');
		const box = page.getByRole('searchbox').first();
		await box.fill(search.term);
		await box.press('Enter');
		await expect(page).toHaveURL(new RegExp(`[?&]q=${search.term}`));
		const hit = page.locator(`a[href="${search.target}"]`).first();
		await expect(hit).toBeVisible();
		await hit.click();
		await expect(page).toHaveURL(new RegExp(`${search.target}$`));
		await expect(page.locator('h1')).toContainText(search.term);
	});
});

test.describe('contrats filter', () => {
	test('a filter changes the URL and survives a reload', async ({ page }) => {
		test.fixme(
			!contratsFilter.enabled,
			'Pas encore de page /contrats avec filtres dans src/routes : passer ' +
				'contratsFilter.enabled à true dans tests/browser/routes.ts quand elle existe.'
		);
		await page.goto(contratsFilter.path);
		const rows = page.locator('main table tbody tr');
		const before = await rows.count();
		expect(before).toBeGreaterThan(1);

		const select = page.locator(`select[name="${contratsFilter.param}"]`);
		// The first real option (index 0 is "toutes les régions").
		const value = await select.locator('option').nth(1).getAttribute('value');
		expect(value).toBeTruthy();
		await select.selectOption(value!);
		// Filters may apply on change or through a submit button: both must end in the URL.
		const submit = page.locator('main form').getByRole('button', { name: /filtrer|appliquer/i });
		if (await submit.count()) await submit.first().click();
		await expect(page).toHaveURL(new RegExp(`[?&]${contratsFilter.param}=${value}`));
		const filtered = await rows.count();
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(before);

		await page.reload();
		await expect(page).toHaveURL(new RegExp(`[?&]${contratsFilter.param}=${value}`));
		await expect(select).toHaveValue(value!);
		await expect(rows).toHaveCount(filtered);
	});
});
