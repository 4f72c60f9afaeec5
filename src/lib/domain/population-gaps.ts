// Where the QPV → contrat link and ANCT's published QPV population of a contrat disagree, find the
// QPV that explain the gap: linked here but counted elsewhere by ANCT, or the reverse.

export interface ContratPopulation {
	code: string;
	departement: string | null;
	/** ANCT's published population in QPV (geom_cv_ctr.json `pop`). */
	published: number | null;
	qpv: { code: string; population: number | null }[];
}

export interface GapQpv {
	code: string;
	population: number;
	/** `here`: linked to this contrat, not in ANCT's figure; `elsewhere`: the reverse. */
	side: 'here' | 'elsewhere';
	/** The other contrat of the move, when another gap accounts for it. */
	otherContrat: string | null;
}

export interface PopulationGap {
	code: string;
	published: number;
	linked: number;
	/** linked − published, in inhabitants. */
	gap: number;
	/** Empty when no set of up to three QPV adds up to the gap. */
	explainedBy: GapQpv[];
}

/** The first set of up to `max` items (in order, smallest sets first) whose populations sum to `target`. */
export function subsetWithSum<T extends { population: number }>(
	items: T[],
	target: number,
	max = 3
): T[] | null {
	const search = (start: number, left: number, size: number, picked: T[]): T[] | null => {
		if (left === 0 && picked.length === size) return picked;
		if (picked.length === size) return null;
		for (let i = start; i < items.length; i++) {
			const found = search(i + 1, left - items[i]!.population, size, [...picked, items[i]!]);
			if (found) return found;
		}
		return null;
	};
	for (let size = 1; size <= Math.min(max, items.length); size++) {
		const found = search(0, target, size, []);
		if (found) return found;
	}
	return null;
}

/** Contrats whose linked QPV population (all known) differs from the published one. */
export function explainPopulationGaps(contrats: ContratPopulation[]): PopulationGap[] {
	const gaps: (PopulationGap & { departement: string | null })[] = [];
	for (const c of contrats) {
		if (c.published === null || c.qpv.some((q) => q.population === null)) continue;
		const linked = c.qpv.reduce((s, q) => s + q.population!, 0);
		if (linked === Math.round(c.published)) continue;
		gaps.push({
			code: c.code,
			departement: c.departement,
			published: Math.round(c.published),
			linked,
			gap: linked - Math.round(c.published),
			explainedBy: []
		});
	}
	const known = (qpv: ContratPopulation['qpv']) =>
		qpv.map((q) => ({ code: q.code, population: q.population! }));
	// Linked here, not counted here: a subset of the contrat's own QPV makes up the excess.
	for (const g of gaps.filter((x) => x.gap > 0)) {
		const own = known(contrats.find((c) => c.code === g.code)!.qpv);
		const found = subsetWithSum(own, g.gap) ?? [];
		g.explainedBy = found.map((q) => ({ ...q, side: 'here' as const, otherContrat: null }));
	}
	// Counted here, linked elsewhere: a subset of the other gaps' excess QPV, same département.
	for (const g of gaps.filter((x) => x.gap < 0)) {
		const pool = gaps
			.filter((o) => o.gap > 0 && o.departement === g.departement)
			.flatMap((o) => o.explainedBy.map((q) => ({ ...q, from: o })));
		const found = subsetWithSum(pool, -g.gap) ?? [];
		g.explainedBy = found.map((q) => ({
			code: q.code,
			population: q.population,
			side: 'elsewhere' as const,
			otherContrat: q.from.code
		}));
		for (const q of found) {
			const mine = q.from.explainedBy.find((e) => e.code === q.code);
			if (mine) mine.otherContrat = g.code;
		}
	}
	return gaps.map(({ departement: _d, ...g }) => g);
}
