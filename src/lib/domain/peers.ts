// The "other QPV of the same contrat" reference: for each indicator, vintage and source file, the
// median of the other QPV's published values. Computed, so labelled as such on the page.

export interface PeerObservation {
	indicator_id: string;
	territory_code: string;
	vintage: number;
	reference_year: number | null;
	value: number | null;
	status: string;
	source_path: string;
	source_line: number;
}

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median of the other QPV (secret and missing values left out, never counted as 0), one row per
 * indicator × vintage × source file, with the number of QPV it rests on.
 */
export function peerMedians(
	rows: PeerObservation[],
	excludeCode: string,
	peerCode: string
): (PeerObservation & { territory_type: 'contrat_qpv'; n: number })[] {
	const groups = new Map<string, PeerObservation[]>();
	for (const row of rows) {
		if (row.territory_code === excludeCode) continue;
		const key = `${row.indicator_id}|${row.vintage}|${row.source_path}`;
		const list = groups.get(key);
		if (list) list.push(row);
		else groups.set(key, [row]);
	}
	return [...groups.values()].map((group) => {
		const ok = group.filter((r) => r.status === 'ok' && r.value !== null).map((r) => r.value!);
		const first = group[0]!;
		const value = median(ok);
		return {
			indicator_id: first.indicator_id,
			territory_type: 'contrat_qpv' as const,
			territory_code: peerCode,
			vintage: first.vintage,
			reference_year: first.reference_year,
			value,
			status: value === null ? 'missing' : 'ok',
			source_path: first.source_path,
			source_line: first.source_line,
			n: ok.length
		};
	});
}
