// The évaluateur's whole path in Chromium: the first admin created with `npm run account` (as the
// README says, before the server opens the workspace: tests/browser/global-setup.ts), who creates the other accounts on
// /admin/comptes without JavaScript; sign-in, referential, pinned indicator, finding, contribution,
// recommendation, feedback, a concurrent edit refused with the typed text kept, publication, report
// (page, DOCX), the measure's feedback page; a form without JavaScript; a contributeur who edits
// its own contribution only.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { watchPage } from './lib/watch';

const run = Date.now().toString(36);
const EMAIL = `evaluateur-${run}@exemple.fr`;
/** Created by tests/browser/global-setup.ts before the server opens the workspace. */
const ADMIN = process.env.WORKSPACE_TEST_ADMIN ?? '';
const CONTRIBUTOR = `contributeur-${run}@exemple.fr`;
const PASSWORD = 'mot de passe du test navigateur';
const BASE = '/contrats/CV004/evaluation';
/** The machine may be loaded: pinning reads the contrat's scorecard in DuckDB. */
const slow = expect.configure({ timeout: 30_000 });

test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, email = EMAIL) {
	await page.goto(BASE);
	await page.getByRole('link', { name: 'Se connecter' }).click();
	await page.getByLabel('Adresse électronique', { exact: true }).fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await slow(page).toHaveURL(new RegExp(`${BASE}\\?campagne=2019$`));
	await slow(page.getByText(`Connecté·e : ${email}`)).toBeVisible();
}

test('the admin creates the accounts on /admin/comptes, without JavaScript', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/admin/comptes');
	await slow(page).toHaveURL(/\/connexion\?suite=/);
	await page.getByLabel('Adresse électronique', { exact: true }).fill(ADMIN);
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await slow(page.locator('h1')).toHaveText('Comptes de l’espace d’évaluation');
	for (const [email, role] of [
		[EMAIL, 'evaluateur'],
		[CONTRIBUTOR, 'contributeur']
	] as const) {
		const form = page.locator('form[action="?/create"]');
		await form.getByLabel('Adresse électronique', { exact: true }).fill(email);
		await form.getByLabel(/^Rôle/).selectOption(role);
		await form.getByLabel(/^Contrats/).fill('CV004');
		await form.getByLabel(/^Mot de passe initial/).fill(PASSWORD);
		await form.getByRole('button', { name: 'Créer le compte' }).click();
		await slow(page.getByRole('status')).toContainText('Compte créé');
		await slow(page.getByRole('row', { name: new RegExp(email) })).toContainText('CV004');
	}
	// A hostile duplicate is refused in French; the journal names the admin.
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('Adresse électronique', { exact: true }).fill(EMAIL);
	await form.getByLabel(/^Mot de passe initial/).fill(PASSWORD);
	await form.getByRole('button', { name: 'Créer le compte' }).click();
	await slow(page.getByRole('alert')).toContainText('Un compte existe déjà');
	await slow(page.locator('#journal + p + .table-scroll')).toContainText(ADMIN);
	await context.close();
});

/** Opens the creation form `summary` inside `scope` and returns the form. */
async function openNew(scope: ReturnType<Page['locator']>, summary: string) {
	const details = scope
		.locator('details.item-new', { has: scope.page().getByText(summary, { exact: true }) })
		.last();
	await details.locator('summary').click();
	return details.locator('form');
}

/** « À ajuster » feedback counted on the measure page M03, as an anonymous visitor reads it. */
async function adjustCount(request: APIRequestContext) {
	const response = await request.get('/mesures/M03');
	const html = await response.text();
	return {
		count: Number(/À ajuster : <strong>(\d+)<\/strong>/.exec(html)?.[1] ?? 0),
		fromCache: !response.headers()['server-timing']
	};
}

test('an évaluateur carries an evaluation to its report', async ({ page, browser, request }) => {
	test.setTimeout(180_000);
	const problems = await watchPage(page);
	// The measure page is in the shared page cache before the feedback is written.
	const before = await adjustCount(request);
	expect((await adjustCount(request)).fromCache).toBe(true);
	await signIn(page);
	const title = `Réduire l’écart de chômage ${run}`;

	let form = await openNew(page.locator('#contenu'), 'Ajouter un objectif');
	await form.getByLabel('Pilier', { exact: true }).selectOption('emploi_developpement_economique');
	await form.getByLabel('Objectif', { exact: true }).fill(title);
	await form.getByRole('button', { name: 'Ajouter' }).click();
	const objective = page.locator('article.objective', { hasText: title });
	await slow(objective).toBeVisible();

	form = await openNew(objective, 'Ajouter une question évaluative');
	await form
		.getByLabel('Question évaluative', { exact: true })
		.fill(`Le chômage des QPV a-t-il reculé ? ${run}`);
	await form.getByRole('button', { name: 'Ajouter' }).click();
	const question = objective.locator('.question', { hasText: `a-t-il reculé ? ${run}` });
	await slow(question).toBeVisible();

	form = await openNew(question, 'Ajouter un critère');
	await form
		.getByLabel('Critère de jugement', { exact: true })
		.fill('Évolution du taux de pauvreté');
	await form.getByRole('button', { name: 'Ajouter' }).click();
	const criterion = question.locator('.criterion').first();
	await slow(criterion).toContainText('Évolution du taux de pauvreté');

	form = await openNew(criterion, 'Lier un indicateur');
	await form.getByLabel('Indicateur du catalogue', { exact: true }).selectOption('tx_pauvrete_60');
	await form.getByRole('button', { name: 'Ajouter' }).click();
	const pinned = criterion.locator('.pinned');
	await slow(pinned).toContainText('Taux de pauvreté');
	await slow(pinned).toContainText('Année des données');
	await slow(pinned).toContainText('Filosofi');

	form = await openNew(question, 'Écrire le constat');
	await form
		.getByLabel('Constat', { exact: true })
		.fill(`Recul limité <b>non gras</b> =1+1 ${run}`);
	await form.getByLabel('Jugement', { exact: true }).selectOption('partiellement_atteint');
	await form.getByRole('button', { name: 'Ajouter' }).click();
	await slow(question).toContainText('Constat — Partiellement atteint');
	await slow(question).toContainText(`Recul limité <b>non gras</b> =1+1 ${run}`);

	form = await openNew(
		page.locator('section[aria-labelledby="contributions"]'),
		'Ajouter une contribution'
	);
	await form.getByLabel('Qui', { exact: true }).fill('Conseil citoyen Nord');
	await form.getByLabel('Date', { exact: true }).fill('2019-04-12');
	await form.getByLabel('Thème (consultation 2017)', { exact: true }).selectOption('mobilite');
	await form.getByLabel('Contribution', { exact: true }).fill(`Les bus s’arrêtent trop tôt ${run}`);
	await form.getByRole('button', { name: 'Ajouter' }).click();
	await slow(page.locator('article.contribution', { hasText: `trop tôt ${run}` })).toContainText(
		'thème Mobilité'
	);

	form = await openNew(
		page.locator('section[aria-labelledby="recommandations"]'),
		'Ajouter une recommandation'
	);
	await form
		.getByLabel('Recommandation ou engagement', { exact: true })
		.fill(`Prolonger les lignes de bus ${run}`);
	await form.getByLabel('Signataire', { exact: true }).selectOption('epci');
	await form
		.getByLabel('Mesure de la feuille de route (facultatif)', { exact: true })
		.selectOption('M03');
	await form.getByLabel('Statut', { exact: true }).selectOption('engagee');
	await form.getByRole('button', { name: 'Ajouter' }).click();
	await slow(
		page.locator('article.recommendation', { hasText: `lignes de bus ${run}` })
	).toContainText('EPCI · Engagée');

	form = await openNew(
		page.locator('section[aria-labelledby="retours"]'),
		'Ajouter un retour sur une mesure'
	);
	await form.getByLabel('Mesure', { exact: true }).selectOption('M03');
	await form.getByLabel('Appréciation', { exact: true }).selectOption('a_ajuster');
	await form
		.getByLabel('Retour du groupe de travail', { exact: true })
		.fill(`Calendrier trop serré ${run}`);
	await form.getByRole('button', { name: 'Ajouter' }).click();
	await slow(page.locator('article.feedback', { hasText: `trop serré ${run}` })).toContainText(
		'À ajuster'
	);

	// Two tabs edit the same objective: the second save is refused and keeps what was typed.
	const other = await page.context().newPage();
	await other.goto(`${BASE}?campagne=2019`);
	const editIn = async (p: Page, text: string) => {
		const art = p.locator('article.objective', { hasText: title }).first();
		const edit = art.locator('> details.item-edit');
		await edit.locator('summary').click();
		await edit.getByLabel('Objectif', { exact: true }).fill(text);
		await edit.getByRole('button', { name: 'Enregistrer' }).click();
	};
	await editIn(page, `${title} (version A)`);
	await slow(page.locator('article.objective', { hasText: '(version A)' })).toBeVisible();
	await editIn(other, `${title} (version B)`);
	await slow(other.getByRole('alert')).toContainText('modifié par quelqu’un d’autre');
	await slow(other.getByRole('alert')).toContainText('(version A)');
	await slow(
		other.locator('details.item-edit[open]').getByLabel('Objectif', { exact: true }).first()
	).toHaveValue(`${title} (version B)`);
	await other.close();

	// The audit log names the account.
	await slow(page.locator('#journal + p + .table-scroll')).toContainText(EMAIL);

	// Publish (or keep published), then an anonymous visitor reads it.
	const publish = page.getByRole('button', { name: 'Publier l’évaluation' });
	if (await publish.count()) await publish.click();
	await slow(page.getByText('publiée (lecture publique)')).toBeVisible();
	const anonymous = await browser.newContext();
	const anon = await anonymous.newPage();
	await anon.goto(`${BASE}?campagne=2019`);
	await slow(anon.locator('article.objective', { hasText: '(version A)' })).toBeVisible();
	await slow(anon.locator('form[action="?/create"]')).toHaveCount(0);
	await anon.goto('/mesures/M03/retours');
	await slow(anon.locator('article.feedback', { hasText: `trop serré ${run}` })).toBeVisible();
	// The measure page itself counts it, without a server restart (its cached copy was dropped).
	await anon.goto('/mesures/M03');
	await slow(anon.locator('#retours-gt + p')).toContainText('retour');
	expect((await adjustCount(request)).count).toBe(before.count + 1);
	await anon
		.getByRole('link', { name: 'Lire les retours, par département et par contrat' })
		.click();
	await slow(anon.locator('article.feedback', { hasText: `trop serré ${run}` })).toBeVisible();
	await anonymous.close();

	// The report: the page, then the DOCX download.
	await page.goto(`${BASE}/rapport?campagne=2019`);
	await slow(page.locator('h1')).toContainText('Évaluation du contrat de ville');
	await slow(page.getByText(`Recul limité <b>non gras</b> =1+1 ${run}`)).toBeVisible();
	await slow(page.locator('.pinned').first()).toContainText('Licence Ouverte');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Word (.docx)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('rapport-evaluation-CV004-2019.docx');
	expect(problems.pageErrors).toEqual([]);
	expect(problems.cspViolations).toEqual([]);
});

test('forms work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page);
	const form = await openNew(
		page.locator('section[aria-labelledby="recommandations"]'),
		'Ajouter une recommandation'
	);
	await form
		.getByLabel('Recommandation ou engagement', { exact: true })
		.fill(`Sans JavaScript ${run}`);
	await form.getByLabel('Signataire', { exact: true }).selectOption('commune');
	await form.getByLabel('Statut', { exact: true }).selectOption('proposee');
	await form.getByRole('button', { name: 'Ajouter' }).click();
	await slow(
		page.locator('article.recommendation', { hasText: `Sans JavaScript ${run}` })
	).toBeVisible();
	await context.close();
});

test('a contributeur edits its own contribution, not the évaluateur’s', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, CONTRIBUTOR);
	const section = page.locator('section[aria-labelledby="contributions"]');
	const form = await openNew(section, 'Ajouter une contribution');
	await form.getByLabel('Qui', { exact: true }).fill('Conseil citoyen Sud');
	await form.getByLabel('Date', { exact: true }).fill('2019-05-02');
	await form.getByLabel('Thème (consultation 2017)', { exact: true }).selectOption('emploi');
	await form.getByLabel('Contribution', { exact: true }).fill(`Pas assez de stages ${run}`);
	await form.getByRole('button', { name: 'Ajouter' }).click();
	const mine = section.locator('article.contribution', { hasText: `stages ${run}` });
	await slow(mine).toBeVisible();
	const edit = mine.locator('details.item-edit');
	await edit.locator('summary').click();
	await edit
		.getByLabel('Contribution', { exact: true })
		.fill(`Pas assez de stages, ni d’apprentis ${run}`);
	await edit.getByRole('button', { name: 'Enregistrer' }).click();
	await slow(
		section.locator('article.contribution', { hasText: `ni d’apprentis ${run}` })
	).toBeVisible();
	// The évaluateur's contribution has no edit form for this account; the admin page is refused.
	const theirs = section.locator('article.contribution', { hasText: `trop tôt ${run}` });
	await slow(theirs).toBeVisible();
	await expect(theirs.locator('details.item-edit')).toHaveCount(0);
	const response = await page.goto('/admin/comptes');
	expect(response?.status()).toBe(403);
	await context.close();
});
