// The rows of the measure tracker's département table for a Baromètre series; their columns are
// declared once in $lib/tables/measure-tracker, for the page's DataTable and the download.
import { baseLabel } from '$lib/domain/barometre-catalogue';
import { progressLabels } from '$lib/domain/measure-progress';
import type { StandingRow } from '$lib/tables/measure-tracker';
import type { SeriesGroup } from './measure-tracker';

export type { StandingRow };

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
