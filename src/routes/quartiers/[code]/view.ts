// Formats the QPV's indicator views into plain rows for the page (French numbers, labels).
import { numberReadingNotes } from '$lib/domain/reading-notes';
import { curly } from '$lib/french';
import { unitKind } from '$lib/domain/units';
import { formatChange, formatNumber, formatObservation, formatValue } from '$lib/format';
import type { Provenance } from '$lib/schemas/provenance';
import type { IndicatorView } from '$lib/server/evaluation/indicator-view';
import type { QpvSeriesPoint } from '$lib/server/queries/evaluation';
import type { QpvRankRow } from '$lib/server/queries/quartiers';
import { sourceNote } from '$lib/domain/source-note';

/** Notes already written, per provenance map (the memoised one: it never changes). */
const writtenNotes = new WeakMap<Map<string, Provenance>, Map<string, string>>();

/**
 * The plain source note of `paths`, written once per list of files: a page writes about a hundred,
 * and most QPV pages ask for the same few dozen lists.
 */
export function sourceLine(paths: string[], provenance: Map<string, Provenance>): string {
	let written = writtenNotes.get(provenance);
	if (!written) writtenNotes.set(provenance, (written = new Map()));
	const key = paths.join('\n');
	let note = written.get(key);
	if (note === undefined) {
		note = sourceNote(paths, provenance);
		// Bounded: the lists are combinations of a few hundred files, but stay safe.
		if (written.size < 5000) written.set(key, note);
	}
	return note;
}

export interface ChartBlock {
	title: string;
	svg: string;
	sources: string;
}

export interface GapCell {
	label: string;
	/** The reference's value and the year of the gap ('16 740 € (2019)'). */
	reference: string;
	gap: string;
	trend: string | null;
}

export interface IndicatorRow {
	id: string;
	label: string;
	unit: string;
	latest: string;
	latestWhen: string;
	baseline: string;
	baselineWhen: string;
	change: string;
	verdict: string;
	verdictLabel: string;
	gaps: GapCell[];
	rank: string;
	warnings: string[];
	secret: boolean;
	sources: string;
	/** The files behind the row: the section's plain source note is built from them. */
	sourcePaths: string[];
	/** The first reference the reader compares with: the commune, else the next one published. */
	mainGap: GapCell | null;
	/** Numbers of the reading notes (shared by the rows of a page) that apply to this row. */
	noteIds: number[];
	/** Year the latest and first values describe (data year, else the file's year). */
	latestYear: number | null;
	baselineYear: number | null;
}

/** Reference names inside a sentence ('vs commune Lens', 'vs EPCI …'). */
export function shortReference(label: string): string {
	return label.replace(/^(Commune|Département|Ensemble) /, (word) => word.toLowerCase());
}

type When = Pick<QpvSeriesPoint, 'period' | 'period_kind' | 'vintage'>;

const yearOf = (p: When | null | undefined) => (p ? p.period : null);

/** 'données 2019', 'données 2017, fichier 2021', or the file's year when the data year is unpublished. */
export function whenOf(p: When): string {
	if (p.period_kind === 'millesime') return `fichier ${p.vintage} (année des données non publiée)`;
	return p.vintage === p.period
		? `données ${p.period}`
		: `données ${p.period}, fichier ${p.vintage}`;
}

/** After 'depuis': '2015', or 'fichier 2019' when the data year is unpublished. */
export function sinceOf(p: When): string {
	return p.period_kind === 'millesime' ? `fichier ${p.vintage}` : String(p.period);
}

/**
 * The reference a row is read against first: the commune when the QPV lies in one, the EPCI of
 * the year when it spans several communes (it contains them all), else the first published one.
 */
export function mainReferenceIndex(view: IndicatorView): number {
	const refs = view.references;
	const published = (i: number) => i >= 0 && refs[i]!.gap?.value != null;
	const communes = refs.filter((r) => r.kind === 'commune');
	if (communes.length === 1) {
		const i = refs.indexOf(communes[0]!);
		if (published(i)) return i;
	}
	if (communes.length > 1) {
		const i = refs.findIndex((r) => r.kind === 'epci');
		if (published(i)) return i;
	}
	return refs.findIndex((_, i) => published(i));
}

/**
 * Gives each distinct warning one number for the whole page, so a caveat shared by 30 rows is
 * written once in the notes, and rows cite it by number.
 */
export function numberNotes(rows: IndicatorRow[]): string[] {
	return numberReadingNotes(rows, (row) => row.warnings);
}

export function gapText(view: IndicatorView, i: number): string {
	const gap = view.references[i]?.gap;
	if (!gap || gap.value === null) return 'non calculable';
	return gap.measure === 'points'
		? formatChange(gap.difference, view.indicator.unit)
		: gap.ratioPercent === null
			? 'non calculable'
			: `${formatNumber(gap.ratioPercent, 0)} % de la référence`;
}

export function toIndicatorRows(
	views: IndicatorView[],
	ranks: Map<string, QpvRankRow>,
	provenance: Map<string, Provenance>
): IndicatorRow[] {
	return views.map((view): IndicatorRow => {
		const { evolution, indicator } = view;
		const last = evolution.series[evolution.series.length - 1];
		const rank = ranks.get(indicator.id);
		const gaps = view.references.map((r, i) => ({
			label: r.label,
			reference: r.latest
				? `${formatObservation(r.latest, indicator.unit)} (${r.year ?? '—'})`
				: '—',
			gap: gapText(view, i),
			trend: r.trend ? `${r.trend.label} depuis ${r.trend.baselineYear}` : null
		}));
		const main = mainReferenceIndex(view);
		return {
			id: indicator.id,
			label: curly(indicator.label),
			unit: indicator.unit,
			latest: evolution.latest
				? formatValue(evolution.latest.value, indicator.unit)
				: last
					? formatObservation(last, indicator.unit)
					: 'non disponible',
			latestWhen: evolution.latest ? whenOf(evolution.latest) : last ? whenOf(last) : '',
			baseline: evolution.baseline ? formatValue(evolution.baseline.value, indicator.unit) : '—',
			baselineWhen: evolution.baseline ? sinceOf(evolution.baseline) : '',
			change: evolution.change === null ? '—' : formatChange(evolution.change, indicator.unit),
			verdict: evolution.verdict,
			verdictLabel: evolution.verdictLabel,
			gaps,
			rank: rank ? `${formatNumber(rank.rank)} sur ${formatNumber(rank.n)}` : '—',
			warnings: evolution.warnings,
			secret: evolution.series.some((o) => o.status === 'secret'),
			sources: sourceLine(view.sourcePaths, provenance),
			sourcePaths: view.sourcePaths,
			// A count is never set against another count: no headline gap for counts.
			mainGap: unitKind(indicator.unit) === 'count' || main < 0 ? null : gaps[main]!,
			noteIds: [],
			latestYear: yearOf(evolution.latest ?? last),
			baselineYear: yearOf(evolution.baseline)
		};
	});
}

/** The QPV page opens on these, when published: poverty, income, employment, job seekers, social housing. */
export const KEY_FIGURES = [
	'tx_pauvrete_60',
	'revenu_disponible_median',
	'taux_emploi',
	'demandeurs_emploi_abc',
	'part_minima_sociaux',
	'logements_sociaux'
];

export interface KeyFigureView {
	id: string;
	label: string;
	value: string;
	when: string;
	verdict: string;
	verdictLabel: string;
	change: string | null;
	baselineWhen: string;
	/** Same-year comparison with the first published reference (commune, else EPCI…). */
	gap: {
		label: string;
		value: number;
		valueText: string;
		reference: number;
		referenceText: string;
		gapText: string;
	} | null;
}

export function keyFigures(views: IndicatorView[]): KeyFigureView[] {
	return KEY_FIGURES.flatMap((id) => {
		const view = views.find((v) => v.indicator.id === id);
		const latest = view?.evolution.latest;
		if (!view || !latest) return [];
		const { evolution, indicator } = view;
		const i = mainReferenceIndex(view);
		const ref = unitKind(indicator.unit) === 'count' ? undefined : view.references[i];
		return [
			{
				id,
				label: curly(indicator.label),
				value: formatValue(latest.value, indicator.unit),
				when: whenOf(latest),
				verdict: evolution.verdict,
				verdictLabel: evolution.verdictLabel,
				change: evolution.change === null ? null : formatChange(evolution.change, indicator.unit),
				baselineWhen: evolution.baseline ? sinceOf(evolution.baseline) : '',
				gap:
					ref?.latest && latest.value !== null
						? {
								label: shortReference(ref.label),
								value: latest.value,
								valueText: formatValue(latest.value, indicator.unit),
								reference: ref.latest.value!,
								referenceText: formatValue(ref.latest.value, indicator.unit),
								gapText: gapText(view, i)
							}
						: null
			}
		];
	});
}
