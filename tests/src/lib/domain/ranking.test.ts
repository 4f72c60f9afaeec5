import { describe, expect, it } from 'vitest';
import { rankAll, rankQpv, type RankInput } from '../../../../src/lib/domain/ranking';

const r = (
	territory_code: string,
	value: number | null,
	status = value === null ? 'secret' : 'ok'
): RankInput => ({ territory_code, value, status });

describe('rankAll', () => {
	it('gives tied values the same rank and skips the next ones', () => {
		const ranks = rankAll([r('A', 10), r('B', 20), r('C', 20), r('D', 30)]);
		expect([...ranks.values()].map((x) => [x.code, x.rank])).toEqual([
			['A', 1],
			['B', 2],
			['C', 2],
			['D', 4]
		]);
		expect(ranks.get('B')!.centile).toBe(ranks.get('C')!.centile);
	});
});

describe('rankQpv', () => {
	it('excludes and counts secret values instead of ranking them as 0', () => {
		const k = rankQpv(
			[r('A', 10), r('B', null), r('C', 5), r('D', 0), r('E', null, 'missing')],
			'A'
		);
		expect(k.rank).toBe(3);
		expect(k.n).toBe(3);
		expect(k.nSecret).toBe(1);
		expect(k.nMissing).toBe(1);
		expect(rankQpv([r('A', 10), r('B', null)], 'B').label).toBe(
			'non classé : valeur soumise au secret statistique'
		);
		expect(rankQpv([r('A', 10)], 'Z').label).toBe('non classé : valeur non disponible');
	});
	it('writes rank and centile in neutral French with grouped thousands', () => {
		const obs = Array.from({ length: 1296 }, (_, i) => r(`Q${i}`, i + 1));
		const k = rankQpv(obs, 'Q122');
		expect(k.rank).toBe(123);
		expect(k.centile).toBe(9);
		expect(k.label).toBe('rang 123 sur 1\u202f296 (centile 9)');
	});
});
