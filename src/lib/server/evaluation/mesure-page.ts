// The view of one series on a measure's page: definitions, national trajectory from 2017 with the
// join of the two publications, progress to target, the départements (or contrats) ranked by their
// value over a base or their progress, with a choropleth and the laggards first.
import { departementChoropleth } from '$lib/charts/departement-choropleth';
import { dispositifsByYearChart } from '$lib/charts/dispositifs-by-year';
import { measureTrajectoryChart, type TrajectoryPoint } from '$lib/charts/measure-trajectory';
import { baseLabel, baseNote } from '$lib/domain/barometre-catalogue';
import { metricValue } from '$lib/domain/departement-standings';
import { progressLabels, type Progress } from '$lib/domain/measure-progress';
import type { PostStanding } from '$lib/domain/post-standings';
import { formatDate, formatNumber, NBSP } from '$lib/format';
import type { Provenance } from '$lib/schemas/provenance';
import { publicationGapRows, standingRows } from './measure-columns';
import type { SeriesGroup, SeriesMember } from './measure-tracker';
import { tablesOf, type SeriesPanel } from './mesure-view';
import { formatBarometre, sourcesOf } from './series-links';

const tableLabels = {
	departements: 'Télécharger les départements',
	national: 'Télécharger la série nationale',
	contrats: 'Télécharger les contrats',
	publications: 'Télécharger la comparaison des deux publications',
	ecarts: 'Télécharger les écarts par département'
} as const;

export const publicationNames = { etalab: 'Etalab (2017–2022)', ditp: 'DITP (2021–2024)' } as const;

const LAGGARDS = 10;

const num = (v: number | null, digits = 1) =>
	v === null || !Number.isFinite(v) ? '—' : formatNumber(v, digits, false, 0);

export function progressText(p: Progress): string {
	if (p.percent === null) return progressLabels[p.status];
	return `${formatNumber(p.percent, 1)}${NBSP}% du chemin vers la cible (${progressLabels[p.status]})`;
}

function definition(m: SeriesMember) {
	return {
		id: m.id,
		publication: publicationNames[m.source],
		label: m.label,
		unit: m.unit,
		definition: m.doc?.definition ?? m.doc?.name ?? null,
		production: m.doc?.production ?? null,
		frequency: m.doc?.frequency ?? null,
		granularity: m.doc?.granularity ?? null,
		coverage: m.doc?.temporal_coverage ?? null,
		note: m.doc ? `barometre-documentation/${m.doc.file}` : null
	};
}

function trajectory(group: SeriesGroup): { rows: TrajectoryPoint[]; joinDate: string | null } {
	const join = group.national.join;
	if (join?.joined) {
		const rows = join.points.map((p) => ({ ...p, series: publicationNames[p.source] }));
		return { rows, joinDate: join.points.find((p) => p.source === 'ditp')?.date ?? null };
	}
	const source = (id: string) =>
		id === group.primary.id ? group.primary.source : (group.pair?.source ?? 'etalab');
	return {
		rows: group.national.points.map((p) => ({
			date: p.date,
			value: p.value,
			series: `${publicationNames[source(p.indicator_id)]}, ${p.indicator_id}`
		})),
		joinDate: null
	};
}

function joinText(group: SeriesGroup): string | null {
	const join = group.national.join;
	if (!group.pair || !join) return null;
	const periods = join.overlaps.map((o) => o.period).join(', ');
	if (join.joined)
		return `Les deux publications donnent les mêmes valeurs nationales sur les dates communes (${periods}) : elles sont raccordées en une seule trajectoire, Etalab avant la première date DITP, DITP ensuite.`;
	if (join.overlaps.length === 0)
		return 'Les deux publications n’ont aucune date commune : elles ne sont pas raccordées.';
	return `Les deux publications diffèrent sur leurs dates communes (${periods}) : elles sont montrées séparément, sans évolution calculée de l’une à l’autre.`;
}

export function barometreView(group: SeriesGroup, provenance: Map<string, Provenance>) {
	const isRate = group.reading.base === 'rate';
	const label = group.primary.label;
	const base = baseLabel(group.reading);
	const { rows, joinDate } = trajectory(group);
	const nat = group.national.track;
	const metric = group.metric;
	const legend =
		metric === 'progress'
			? 'Avancement vers la cible du département (%)'
			: isRate
				? `${label} (%)`
				: `${label}, ${base}`;
	const table = standingRows(group);
	const withValue = table.filter((r) => r.latest_value !== null);
	const map = departementChoropleth(
		group.standings.map((s) => ({ code: s.code, value: metricValue(s, metric) })),
		{
			title: `${label} : ${metric === 'progress' ? 'avancement vers la cible' : base} par département`,
			legend,
			format: (v) => `${num(v)}${metric === 'progress' || isRate ? `${NBSP}%` : ''}`,
			// A count per inhabitant says how much, not how well: only progress and shares are judged.
			higherIsBetter:
				group.direction === null || (metric === 'rate' && !isRate)
					? undefined
					: group.direction === 'hausse'
		}
	);
	const dj = group.departementJoin;
	return {
		kind: 'barometre' as const,
		label,
		base,
		isRate,
		metricLabel:
			metric === 'progress'
				? 'avancement vers la cible'
				: isRate
					? 'valeur (part)'
					: `valeur ${base}`,
		definitions: [group.primary, ...(group.pair ? [group.pair] : [])].map(definition),
		chart: measureTrajectoryChart(rows, {
			title: `${label} : trajectoire nationale depuis ${rows[0]?.date.slice(0, 4) ?? '—'}`,
			label: (group.primary.unit ?? label).replace(/^d['’]\s*/, ''),
			format: (v) => num(v, isRate ? 1 : 0),
			target:
				nat?.target != null && nat.target_date
					? { date: nat.target_date, value: nat.target }
					: null,
			joinDate
		}),
		joinText: joinText(group),
		overlaps: publicationGapRows(group, 'national'),
		national: {
			first: rows[0]
				? `${formatBarometre(rows[0].value, group.primary.unit)} au ${formatDate(rows[0].date)}`
				: null,
			latest: nat
				? `${formatBarometre(nat.latest_value, group.primary.unit)} au ${formatDate(nat.latest_date)}`
				: null,
			target:
				nat?.target != null && nat.target_date
					? `${formatBarometre(nat.target, group.primary.unit)} au ${formatDate(nat.target_date)}`
					: null,
			progress: progressText(group.national.progress)
		},
		summary: {
			progressed: group.summary.progressed,
			compared: group.summary.compared,
			withValue: withValue.length,
			latestDate: group.summary.latestDate ? formatDate(group.summary.latestDate) : null,
			allEqual:
				withValue.length > 1 &&
				withValue.every((r) => r.latest_value === withValue[0]!.latest_value)
					? num(withValue[0]!.latest_value)
					: null
		},
		departementJoin: dj
			? {
					agree: dj.agree,
					compared: dj.compared,
					gaps: publicationGapRows(group, 'departement', true)
				}
			: null,
		map,
		columns: { isRate, base },
		baseNote: baseNote(group.primary.id, group.reading),
		laggards: withValue.slice(-LAGGARDS).reverse(),
		rows: table,
		missing: table
			.filter((r) => r.rate === null && r.progress === null)
			.map((r) => `${r.name} (${r.code})`),
		sources: sourcesOf(
			[
				...new Set(
					group.national.points
						.map((p) => p.source_path)
						.concat(table.flatMap((r) => (r.source_path ? [r.source_path] : [])))
				)
			],
			provenance
		)
	};
}

export function postsView(
	panel: Extract<SeriesPanel, { kind: 'posts' }>,
	provenance: Map<string, Provenance>
) {
	const kind = panel.link.target_id as 'adulte_relais' | 'fonjep';
	const last = panel.byYear.at(-1);
	const ranks = (r: PostStanding, i: number) => ({ ...r, rank: i + 1 });
	const ranked = panel.contrats.filter((c) => c.rate !== null);
	return {
		kind: 'posts' as const,
		year: panel.year,
		firstYear: panel.byYear[0]?.year ?? null,
		chart: dispositifsByYearChart(
			panel.byYear.map((p) => ({ kind, year: p.year, count: p.posts })),
			{ title: `Postes distincts financés par année en France`, width: 640, height: 220 }
		),
		byYear: panel.byYear.map((p) => ({
			year: p.year,
			posts: formatNumber(p.posts),
			withContrat: formatNumber(p.with_contrat)
		})),
		posts: last?.posts ?? 0,
		withoutContrat: last ? last.posts - last.with_contrat : 0,
		map: departementChoropleth(
			panel.departements.map((d) => ({ code: d.code, value: d.rate, label: d.name })),
			{
				title: `Postes pour 1 000 habitants des QPV par département en ${panel.year}`,
				legend: `Postes pour 1 000 habitants des QPV (${panel.year})`,
				format: (v) => `${num(v, 2)} pour 1 000 habitants des QPV`
			}
		),
		departements: panel.departements.map(ranks),
		contratsTop: ranked.slice(0, 10).map(ranks),
		contratsBottom: ranked
			.slice(-10)
			.reverse()
			.map((r) => ranks(r, ranked.indexOf(r))),
		contratCount: panel.contrats.length,
		sources: sourcesOf([...new Set(panel.byYear.flatMap((p) => p.source_paths))], provenance)
	};
}

const citeNames = { cite_educative: 'Cités éducatives', cite_emploi: 'Cités de l’emploi' } as const;

export function citesView(
	panel: Extract<SeriesPanel, { kind: 'cites' }>,
	provenance: Map<string, Provenance>
) {
	const name = citeNames[panel.link.target_id as keyof typeof citeNames] ?? 'Cités';
	const without = panel.contrats.filter((c) => c.cites === 0 && c.rate !== null);
	return {
		kind: 'cites' as const,
		labels: panel.count?.labels ?? 0,
		entries: panel.count?.entries ?? 0,
		map: departementChoropleth(
			panel.departements.map((d) => ({ code: d.code, value: d.rate, label: d.name })),
			{
				title: `${name} pour 100 000 habitants des QPV par département`,
				legend: `${name} pour 100 000 habitants des QPV (population 2018)`,
				format: (v) => `${num(v, 2)} pour 100 000 habitants des QPV`
			}
		),
		departements: panel.departements,
		contratsTop: panel.contrats.filter((c) => c.cites > 0).slice(0, 10),
		/** Contrats without a cité, largest QPV population first: where a cité could matter most. */
		contratsWithout: without.slice(0, 10),
		contratsWithoutCount: without.length,
		contratsWithCount: panel.contrats.filter((c) => c.cites > 0).length,
		contratCount: panel.contrats.length,
		sources: sourcesOf(panel.count?.source_paths ?? [], provenance)
	};
}

export function exportLinks(panel: SeriesPanel, measure: string) {
	const id = panel.link.target_id;
	return tablesOf(panel).flatMap((t) =>
		(['csv', 'xlsx'] as const).map((format) => ({
			href: `/mesures/${measure}/export.${format}?serie=${encodeURIComponent(id)}&tableau=${t}`,
			label: `${tableLabels[t]} (${format === 'csv' ? 'CSV' : 'Excel'})`
		}))
	);
}
