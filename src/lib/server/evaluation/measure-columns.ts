// The rows of the measure tracker's département table for a Baromètre series; their columns are
// declared once in $lib/tables/measure-tracker, for the page's DataTable and the download.
import { baseLabel } from '$lib/domain/barometre-catalogue';
import { progressLabels } from '$lib/domain/measure-progress';
import type { Overlap } from '$lib/domain/measure-progress';
import type { PublicationGapRow, StandingRow } from '$lib/tables/measure-tracker';
import type { SeriesGroup } from './measure-tracker';

export type { PublicationGapRow, StandingRow };

export function standingRows(group: SeriesGroup): StandingRow[] {
	const label = baseLabel(group.reading);
	return group.standings.map((s, i) => ({
		rank: i + 1,
		code: s.code,
		name: s.name,
		region: s.region,
		base_label: label,
		base: s.base,
		first_date: s.firstDate,
		first_value: s.firstValue,
		latest_date: s.track?.latest_date ?? null,
		latest_value: s.track?.latest_value ?? null,
		rate: s.rate,
		change: s.change?.absolute ?? null,
		change_percent: s.change?.percent ?? null,
		initial: s.track?.initial ?? null,
		target: s.track?.target ?? null,
		target_date: s.track?.target_date ?? null,
		progress: s.progress.percent,
		progress_status: s.track ? progressLabels[s.progress.status] : 'aucune valeur publiée',
		series_id: group.primary.id,
		source_path: s.track?.source_path ?? null,
		source_line: s.track?.source_line ?? null
	}));
}

function gapRow(
	group: SeriesGroup,
	o: Overlap,
	code: string,
	name: string,
	source_paths: string[]
): PublicationGapRow {
	return {
		code,
		name,
		period: o.period,
		etalab_date: o.etalab.date,
		etalab_value: o.etalab.value,
		ditp_date: o.ditp.date,
		ditp_value: o.ditp.value,
		gap: Number.isFinite(o.gap) ? o.gap : null,
		agrees: o.agrees ? 'oui' : 'non',
		// The pair is the Etalab series, the primary the DITP one (see groupIds).
		etalab_series: group.pair?.id ?? '',
		ditp_series: group.primary.id,
		source_paths: [...new Set(source_paths)]
	};
}

/**
 * The two publications compared: nationally, every period both publish; by département, each
 * département's largest gap (`page`: only the largest disagreements, as the page shows them).
 */
export function publicationGapRows(
	group: SeriesGroup,
	level: 'national' | 'departement',
	page = false
): PublicationGapRow[] {
	if (level === 'national') {
		const paths = group.national.points.map((p) => p.source_path);
		return (group.national.join?.overlaps ?? []).map((o) =>
			gapRow(group, o, 'FR', 'France', paths)
		);
	}
	const join = group.departementJoin;
	return ((page ? join?.gaps : join?.all) ?? []).map((g) =>
		gapRow(group, g, g.code, g.name, g.source_paths)
	);
}
