// Keeps tests/browser/routes.ts honest: every active route exists in src/routes/, and a pending
// route whose page has landed fails the run until its entry is moved to the active list.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

test('existingRouteIds reads page and endpoint ids, groups removed', () => {
	// A throw-away tree: real .svelte fixtures under tests/ would be linted as app code.
	const root = mkdtempSync(join(tmpdir(), 'routes-'));
	try {
		const files = [
			'(app)/+page.svelte',
			'(app)/+layout.svelte',
			'(app)/contrats/[code]/+page.svelte',
			'(app)/contrats/[code]/+page.server.ts',
			'api/contrats/[code]/+server.ts',
			'donnees/+page.server.ts',
			'docs/README.md'
		];
		for (const file of files) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), '');
		}
		expect([...existingRouteIds(root)].sort()).toEqual([
			'/',
			'/api/contrats/[code]',
			'/contrats/[code]'
		]);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
});
