import { describe, expect, it } from 'vitest';
import { onpvFiguresStep, onpvUnit } from '../../../pipelines/steps/onpv-figures';
import { fixtureDir, runSteps } from './memory-context';

describe('onpvUnit', () => {
	it('gives % for chart files, effectif for table files and graph1, null otherwise', () => {
		expect(
			['onpv_graph2_chart', 'onpv_graph3_table', 'onpv_graph1', 'autre'].map(onpvUnit)
		).toEqual(['%', 'effectif', 'effectif', null]);
	});
});

describe('onpvFiguresStep', () => {
	it('loads one row per cell, keeps blanks as null and rejects unlabelled or unreadable rows', async () => {
		const ctx = await runSteps(fixtureDir('onpv'), [onpvFiguresStep]);
		const rows = await ctx.db.query<Record<string, unknown>>(
			`SELECT source_table, row_label, column_key, value, unit, source_line FROM onpv_figures
			 ORDER BY source_table, source_line, column_key`
		);
		expect(rows.map((r) => Object.values(r).join('|'))).toEqual([
			'onpv_graph1|Élèves résidant en quartiers prioritaires|pub_priv|4200|effectif|2',
			'onpv_graph1|Élèves résidant en quartiers prioritaires|pub_pub|59200|effectif|2',
			'onpv_graph2_chart|Catégories sociales favorisées|h_qpv|18|%|2',
			'onpv_graph2_chart|Catégories sociales favorisées|qpv|14.1|%|2',
			'onpv_graph2_chart|Catégories sociales moyennes|h_qpv|11.3|%|3',
			'onpv_graph2_chart|Catégories sociales moyennes|qpv||%|3'
		]);
		const ledger = ctx.ledgers.for('onpv/onpv_graph2_chart.csv');
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.rowsRejected, ledger.balanced]).toEqual([
			4,
			2,
			2,
			true
		]);
		expect(ledger.rejects.map((r) => `${r.line}:${r.column}`)).toEqual([
			'4:categorie',
			'5:qpv',
			'5:h_qpv',
			'5:(ligne)'
		]);
	});
});
