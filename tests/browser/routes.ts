// The one list of routes the browser, accessibility, hostile-input and header tests walk through.
// Move an entry from a `pending…` list to the active one when its page exists in src/routes/.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface PageRoute {
	/** SvelteKit route id, as in src/routes/ without (groups): checked by routes.spec.ts. */
	route: string;
	/** Concrete URL visited. */
	path: string;
	/** Expected text (substring) or pattern of the page's single h1. */
	heading: string | RegExp;
	/** The page must show at least one chart: an SVG with marks (rect, path, circle, line…). */
	chart: boolean;
	/** Main pages: a full-page screenshot goes to test-results/screenshots/. */
	screenshot?: boolean;
}

export const pageRoutes: PageRoute[] = [
	{
		route: '/',
		path: '/',
		heading: 'Contrats de ville : vue nationale',
		chart: true,
		screenshot: true
	},
	// The map of the perimeters is the chart of the list page.
	{
		route: '/contrats',
		path: '/contrats',
		heading: 'Les contrats de ville',
		chart: true,
		screenshot: true
	},
	// Names as built from data/raw/contrats-de-ville and data/raw/sig-ville.
	{
		route: '/contrats/[code]',
		path: '/contrats/CV001',
		heading: /CC de la Plaine de l.Ain/,
		chart: true,
		screenshot: true
	},
	{
		route: '/quartiers/[code]',
		path: '/quartiers/QP001001',
		heading: /Grande Reyssouze Terre Des Fleurs/i,
		chart: true,
		screenshot: true
	},
	// The printable fiches (one A4 page): the map is their chart.
	{
		route: '/contrats/[code]/fiche',
		path: '/contrats/CV001/fiche',
		heading: /CC de la Plaine de l.Ain/,
		chart: true,
		screenshot: true
	},
	{
		route: '/quartiers/[code]/fiche',
		path: '/quartiers/QP001001/fiche',
		heading: /Grande Reyssouze Terre Des Fleurs/i,
		chart: true,
		screenshot: true
	},
	{
		route: '/indicateurs',
		path: '/indicateurs',
		heading: 'Catalogue des indicateurs',
		chart: false
	},
	{ route: '/methodologie', path: '/methodologie', heading: 'Méthodologie', chart: false },
	// The département choropleth of the funded projects.
	{
		route: '/actions-financees',
		path: '/actions-financees',
		heading: 'Projets financés par la politique de la ville',
		chart: true
	},
	// Feuille de route 2018 (data/reference/): M03 is the class-halving measure, with Baromètre
	// series by département (national chart, ranking, histogram).
	{ route: '/mesures', path: '/mesures', heading: /feuille de route/i, chart: false },
	{
		route: '/mesures/[id]',
		path: '/mesures/M03',
		heading: /Dédoublement des classes/,
		chart: true
	},
	{ route: '/pacte-de-dijon', path: '/pacte-de-dijon', heading: /pacte de dijon/i, chart: false },
	{ route: '/paqte', path: '/paqte', heading: /paqte/i, chart: false }
];

/** Pages announced in the issues but not in src/routes/ yet (headings to confirm when they land). */
export const pendingPageRoutes: PageRoute[] = [];

/** A route with one path parameter; `{}` marks where the parameter goes. */
export interface ParamRoute {
	route: string;
	template: string;
	/** A value that must answer 200, so that the hostile answers are known to come from the route. */
	valid: string;
	/** 'download': a CSV or XLSX file, checked for its headers and its content type. */
	kind: 'page' | 'api' | 'download';
}

export const paramRoutes: ParamRoute[] = [
	{ route: '/contrats/[code]', template: '/contrats/{}', valid: 'CV001', kind: 'page' },
	{ route: '/quartiers/[code]', template: '/quartiers/{}', valid: 'QP001001', kind: 'page' },
	{ route: '/contrats/[code]/fiche', template: '/contrats/{}/fiche', valid: 'CV001', kind: 'page' },
	{
		route: '/quartiers/[code]/fiche',
		template: '/quartiers/{}/fiche',
		valid: 'QP001001',
		kind: 'page'
	},
	{ route: '/api/contrats/[code]', template: '/api/contrats/{}', valid: 'CV001', kind: 'api' },
	{ route: '/api/quartiers/[code]', template: '/api/quartiers/{}', valid: 'QP001001', kind: 'api' },
	{ route: '/mesures/[id]', template: '/mesures/{}', valid: 'M03', kind: 'page' },
	// Downloads: the code and the format are both parameters of the URL.
	{
		route: '/contrats/[code]/export.[format]',
		template: '/contrats/{}/export.csv',
		valid: 'CV001',
		kind: 'download'
	},
	{
		route: '/quartiers/[code]/export.[format]',
		template: '/quartiers/QP001001/export.{}',
		valid: 'csv',
		kind: 'download'
	},
	{
		route: '/referentiels/[table].[format]',
		template: '/referentiels/{}.csv',
		valid: 'mesures',
		kind: 'download'
	}
];

export const pendingParamRoutes: ParamRoute[] = [];

/** A route driven by query parameters (filters, search). */
export interface QueryRoute {
	route: string;
	path: string;
	/** 'download': a CSV or XLSX file, checked for its headers and its content type. */
	kind: 'page' | 'api' | 'download';
	/** name → a valid value; free-text parameters accept any short text (answer 200, no result). */
	params: { name: string; valid: string; freeText?: boolean }[];
}

export const queryRoutes: QueryRoute[] = [
	// The search box of the home page (src/routes/+page.server.ts).
	{
		route: '/',
		path: '/',
		kind: 'page',
		params: [{ name: 'q', valid: 'Reyssouze', freeText: true }]
	},
	// Filters as parsed by contratListFilters in src/lib/server/queries/contrats.ts.
	{
		route: '/contrats',
		path: '/contrats',
		kind: 'page',
		params: [
			{ name: 'region', valid: '84' },
			{ name: 'departement', valid: '01' },
			{ name: 'q', valid: 'Bourg', freeText: true },
			{ name: 'tri', valid: 'population' },
			{ name: 'ordre', valid: 'desc' }
		]
	},
	{
		route: '/api/indicateurs',
		path: '/api/indicateurs',
		kind: 'api',
		params: [{ name: 'pilier', valid: 'cadre_de_vie' }]
	},
	// Filters as parsed by mesureFilters in src/lib/server/queries/referentiels.ts.
	{
		route: '/mesures',
		path: '/mesures',
		kind: 'page',
		params: [
			{ name: 'programme', valid: 'education' },
			{ name: 'pilier', valid: 'cohesion_sociale' }
		]
	}
];

export const pendingQueryRoutes: QueryRoute[] = [];

/** The search box (issue #6): where its form goes and what it must find. */
export const search = {
	/** The form of the home page (GET /?q=). */
	enabled: true,
	term: 'Reyssouze',
	target: '/quartiers/QP001001'
};

/** The /contrats filters survive a reload because they live in the URL. */
export const contratsFilter = {
	enabled: true,
	path: '/contrats',
	param: 'region'
};

/** Route ids present in src/routes/ (groups such as (app) removed): pages and endpoints. */
export function existingRouteIds(root = 'src/routes'): Set<string> {
	const ids = new Set<string>();
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/^\+page\.svelte$|^\+server\.(ts|js)$/.test(name)) {
				const segments = relative(root, dir)
					.split(sep)
					.filter((s) => s !== '' && !/^\(.*\)$/.test(s));
				ids.add('/' + segments.join('/'));
			}
		}
	};
	walk(root);
	return ids;
}
