import { describe, expect, it } from 'vitest';
import {
	barometreIndicatorsStep,
	parseConfigViz
} from '../../../pipelines/steps/barometre-indicators';
import { fixtureDir, runSteps } from './memory-context';

describe('parseConfigViz', () => {
	it('reads units per indicator and reports a repeated key with its line', () => {
		const text =
			'indicateurs:\n  - id: IND-1\n    unite: "%"\n    graphs: 1\n    graphs: 2\n  - id: IND-2\n';
		expect(parseConfigViz(text)).toEqual({
			entries: [
				{ id: 'IND-1', unit: '%', line: 2 },
				{ id: 'IND-2', unit: null, line: 6 }
			],
			duplicateKeys: [{ line: 5, key: 'graphs: 2' }]
		});
	});
});

describe('barometreIndicatorsStep', () => {
	it('describes the Etalab and the loaded DITP indicators and sets aside unused metadata', async () => {
		const ctx = await runSteps(fixtureDir('barometre'), [barometreIndicatorsStep]);
		const rows = await ctx.db.query('SELECT * FROM barometre_indicators ORDER BY source, id');
		expect(rows).toEqual([
			{
				id: 'IND-001',
				source: 'ditp',
				label: 'Part des élèves lecteurs',
				measure: 'Améliorer le niveau des élèves',
				unit: '% des élèves',
				trend: 'hausse',
				description: 'La part des élèves, au début de la 6e'
			},
			{
				id: 'nb-maisons-sante',
				source: 'etalab',
				label: 'Nombre de maisons de santé',
				measure: 'Mesure A',
				unit: 'maisons de santé',
				trend: null,
				description: null
			}
		]);
		const counts = (path: string) => {
			const l = ctx.ledgers.for(`barometre-ditp/${path}`);
			return [l.rowsRead, l.rowsLoaded, l.rowsAggregate, l.balanced];
		};
		expect(counts('meta_indicateurs.csv')).toEqual([2, 1, 1, true]);
		expect(counts('meta_chantiers.csv')).toEqual([2, 1, 1, true]);
		expect(counts('config-viz.yml')).toEqual([2, 1, 1, true]);
		expect(ctx.ledgers.for('barometre-ditp/config-viz.yml').rejects).toEqual([
			expect.objectContaining({ line: 7, value: 'graphs:' })
		]);
	});
});
