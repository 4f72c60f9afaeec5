// French wording helpers: plurals by Intl.PluralRules, lists by Intl.ListFormat, curly apostrophes.
import { formatNumber } from './format';

const plurals = new Intl.PluralRules('fr-FR');
const lists = new Intl.ListFormat('fr-FR', { style: 'long', type: 'conjunction' });

/** plural(1, 'centre') → '1 centre'; plural(2, 'quartier prioritaire', 'quartiers prioritaires'). */
export function plural(n: number, one: string, other = `${one}s`): string {
	return `${formatNumber(n)}\u00a0${plurals.select(n) === 'one' ? one : other}`;
}

/** ['a', 'b', 'c'] → 'a, b et c'. */
export function listFr(items: string[]): string {
	return lists.format(items);
}

/** Straight apostrophes of source text become typographic ones (l'INSEE → l’INSEE). */
export function curly(text: string): string {
	// Most texts have no apostrophe: the Unicode-class regex was a visible part of a QPV page.
	return text.includes("'") ? text.replace(/(\p{L})'(?=\p{L})/gu, '$1’') : text;
}

/** Keys whose strings are addresses or identifiers, never prose: left as they are. */
const TECHNICAL_KEY = /(href|url|urls|path|file|files|code|id|key|slug)$/i;

/**
 * Page data with every prose string given curly apostrophes, for display only (downloads keep the
 * source text). Safe on rendered SVG: an attribute quote never sits between two letters.
 */
export function typographic<T>(data: T, key = ''): T {
	if (typeof data === 'string') return (TECHNICAL_KEY.test(key) ? data : curly(data)) as T;
	if (Array.isArray(data)) return data.map((item) => typographic(item, key)) as T;
	if (data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype)
		return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typographic(v, k)])) as T;
	return data;
}

const SMALL = new Set([
	'd',
	'l',
	'de',
	'du',
	'des',
	'la',
	'le',
	'les',
	'et',
	'en',
	'sur',
	'sous',
	'aux',
	'à',
	'au'
]);

/**
 * 'BOURG EN BRESSE' → 'Bourg en Bresse', 'LYON' → 'Lyon': names published in capitals read as
 * names. Mixed-case names are left as published.
 */
export function normaliseName(name: string): string {
	if (name !== name.toUpperCase()) return curly(name);
	return curly(
		name
			.toLowerCase()
			.split(/(\s+|-|')/)
			.map((w, i) => (i > 0 && SMALL.has(w) ? w : w.replace(/^\p{L}/u, (c) => c.toUpperCase())))
			.join('')
	);
}

/**
 * 'données 2018, fichier 2022': the year the data describe first (what readers compare), the
 * file's publication year (millésime) after it as provenance.
 */
export function dataYear(p: { vintage: number; reference_year: number | null }): string {
	return p.reference_year !== null && p.reference_year !== p.vintage
		? `données ${p.reference_year}, fichier ${p.vintage}`
		: `fichier ${p.vintage}`;
}
