import { describe, expect, it } from 'vitest';
import { chooseFamily, seriesByVintage, splitByFamily } from '../../../../src/lib/domain/series';
import { obs } from '../../../fixtures/domain/indicators';

const filo = (y: number, value: number | null) =>
	obs({ vintage: 2000 + y, value, source_path: `filosofi-qpv/data_filo${y}_qp_revdis.csv` });

describe('seriesByVintage', () => {
	it('sorts by vintage and drops vintages after the 2022 horizon', () => {
		const s = seriesByVintage([
			obs({ vintage: 2023, value: 1 }),
			obs({ vintage: 2019, value: 2 }),
			obs({ vintage: 2017, value: 3 })
		]);
		expect(s.map((p) => p.vintage)).toEqual([2017, 2019]);
	});
	it('keeps the ok observation when a vintage appears twice', () => {
		const s = seriesByVintage([
			obs({ vintage: 2019, value: null, source_path: 'a/A_2019.csv' }),
			obs({ vintage: 2019, value: 5, source_path: 'b/B_2019.csv' })
		]);
		expect(s).toHaveLength(1);
		expect(s[0]!.value).toBe(5);
	});
});

describe('splitByFamily', () => {
	it('groups observations by source file family', () => {
		const m = splitByFamily([obs({ vintage: 2017, value: 1 }), filo(16, 2), filo(17, 3)]);
		expect([...m.keys()]).toEqual(['filosofi-qpv/data_filo_qp_revdis', 'sig-ville/REVN']);
		expect(m.get('filosofi-qpv/data_filo_qp_revdis')).toHaveLength(2);
	});
});

describe('chooseFamily', () => {
	it('prefers the family with the most published values since 2015', () => {
		const o = [
			filo(16, 1),
			filo(17, 1),
			filo(18, 1),
			obs({ vintage: 2021, value: 1 }),
			obs({ vintage: 2022, value: 1 })
		];
		expect(chooseFamily(o)).toBe('filosofi-qpv/data_filo_qp_revdis');
	});
	it('does not count secret values and breaks ties on the latest vintage', () => {
		const o = [
			filo(18, null),
			filo(19, 1),
			obs({ vintage: 2021, value: 1 }),
			obs({ vintage: 2022, value: null })
		];
		expect(chooseFamily(o)).toBe('sig-ville/REVN');
		expect(chooseFamily([])).toBeNull();
	});
});
