// Keeps tests/browser/routes.ts honest: every active route exists in src/routes/, and a pending
// route whose page has landed fails the run until its entry is moved to the active list.
import { expect, test } from '@playwright/test';
import {
	existingRouteIds,
	pageRoutes,
	paramRoutes,
	pendingPageRoutes,
	pendingParamRoutes,
	pendingQueryRoutes,
	queryRoutes
} from './routes';

test('every active route exists in src/routes', () => {
	const existing = existingRouteIds();
	const active = [...pageRoutes, ...paramRoutes, ...queryRoutes].map((r) => r.route);
	expect(active.filter((id) => !existing.has(id))).toEqual([]);
});

test('no pending route exists yet (move landed pages to the active lists)', () => {
	const existing = existingRouteIds();
	const pending = [...pendingPageRoutes, ...pendingParamRoutes, ...pendingQueryRoutes];
	const landed = [...new Set(pending.filter((r) => existing.has(r.route)).map((r) => r.route))];
	expect(landed, 'routes présentes dans src/routes mais encore en attente dans routes.ts').toEqual(
		[]
	);
});

test('existingRouteIds reads route ids, groups removed', () => {
	const ids = existingRouteIds('tests/browser/fixtures/routes');
	expect([...ids].sort()).toEqual(['/', '/api/contrats/[code]', '/contrats/[code]']);
});
