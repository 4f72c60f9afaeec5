// Links from Pacte de Dijon domains to the series that plainly measure them, checked like the
// measure links; reports the domains left without a series.
import { pacteDijonIndicateursTable } from '../../src/lib/schemas/referentiels';
import {
	loadReferenceRows,
	readReferenceCsv,
	requireKnown,
	requireUnique,
	tableIds
} from '../lib/reference-csv';
import type { Step } from '../lib/step';
import { checkLinkTargets } from './mesure-indicateurs';

export const pacteDijonIndicateursStep: Step = {
	table: pacteDijonIndicateursTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(
			ctx,
			'pacte-dijon-indicateurs.csv',
			pacteDijonIndicateursTable
		);
		requireUnique(relPath, rows, ['domain_id', 'target_kind', 'target_id']);
		const domains = await tableIds(ctx, 'pacte_dijon_domaines');
		requireKnown(relPath, rows, 'domain_id', domains, 'domaine du Pacte de Dijon inconnu');
		const unchecked = await checkLinkTargets(ctx, relPath, rows);
		await loadReferenceRows(ctx, relPath, pacteDijonIndicateursTable, rows);
		const linked = new Set(rows.map((r) => r.row.domain_id));
		ctx.report.referentiels = {
			...(ctx.report.referentiels as Record<string, unknown> | undefined),
			pacte_domains: domains.size,
			pacte_links: rows.length,
			pacte_domains_without_indicator: [...domains].filter((id) => !linked.has(id)).sort(),
			pacte_link_tables_unchecked: unchecked
		};
	}
};
