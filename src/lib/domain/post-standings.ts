// Dispositif posts (adultes-relais, FONJEP) per contrat or département: distinct posts of the latest
// year per 1,000 QPV inhabitants, and the change of that rate since the first year published.
import { ratePer } from './measure-progress';

export interface PostsRow {
	code: string;
	name: string | null;
	departement_code: string | null;
	year: number;
	posts: number;
	qpv_population: number | null;
	source_path: string;
}

export interface PostStanding {
	code: string;
	name: string;
	departement_code: string | null;
	qpv_population: number | null;
	year: number | null;
	/** Distinct posts in `year` (0 when the source lists none for the territory that year). */
	posts: number;
	/** Posts per 1,000 QPV inhabitants (2018 population); null without QPV population. */
	rate: number | null;
	firstYear: number | null;
	firstPosts: number;
	firstRate: number | null;
	/** Change of the rate since the first year, per 1,000 QPV inhabitants. */
	rateChange: number | null;
	source_path: string;
}

export const POSTS_PER = 1000;

/**
 * One standing per territory with posts in any year, ranked by posts per 1,000 QPV inhabitants
 * (highest first), territories without QPV population last. The source lists every funded post,
 * so a year without a line for a territory is 0 posts there, not a missing value.
 */
export function postStandings(rows: PostsRow[], year: number | null): PostStanding[] {
	const firstYear = rows.length ? Math.min(...rows.map((r) => r.year)) : null;
	const byCode = new Map<string, PostsRow[]>();
	for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
	const standings = [...byCode.entries()].map(([code, list]): PostStanding => {
		const any = list[0]!;
		const shown = list.find((r) => r.year === year);
		const posts = shown?.posts ?? 0;
		const firstPosts = list.find((r) => r.year === firstYear)?.posts ?? 0;
		const rate = ratePer(posts, any.qpv_population, POSTS_PER);
		const firstRate = ratePer(firstPosts, any.qpv_population, POSTS_PER);
		return {
			code,
			name: any.name ?? code,
			departement_code: any.departement_code,
			qpv_population: any.qpv_population,
			year,
			posts,
			rate,
			firstYear,
			firstPosts,
			firstRate,
			rateChange: rate !== null && firstRate !== null ? rate - firstRate : null,
			// The file of the year shown; a territory without posts that year cites its latest file.
			source_path: shown?.source_path ?? list.at(-1)!.source_path
		};
	});
	return standings.sort((a, b) => {
		if (a.rate === null || b.rate === null)
			return a.rate === b.rate ? a.code.localeCompare(b.code) : a.rate === null ? 1 : -1;
		return b.rate - a.rate || a.code.localeCompare(b.code);
	});
}
