import { describe, expect, it } from 'vitest';
import { median, peerMedians, type PeerObservation } from '../../../../src/lib/domain/peers';

const row = (
	code: string,
	value: number | null,
	status = value === null ? 'secret' : 'ok'
): PeerObservation => ({
	indicator_id: 'tx_pauvrete_60',
	territory_code: code,
	vintage: 2022,
	reference_year: 2018,
	value,
	status,
	source_path: 'sig-ville/REVN_2022.csv',
	source_line: 2
});

describe('median', () => {
	it('takes the middle value, or the mean of the two middle values', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('peerMedians', () => {
	it('leaves out the QPV itself and secret values, never counting them as 0', () => {
		const [peer] = peerMedians(
			[row('A', 10), row('B', 30), row('C', null), row('D', 40)],
			'A',
			'CV001'
		);
		expect(peer).toMatchObject({
			value: 35,
			n: 2,
			status: 'ok',
			territory_code: 'CV001',
			reference_year: 2018
		});
	});

	it('gives a missing value when no other QPV has a published one', () => {
		const [peer] = peerMedians([row('A', 10), row('B', null)], 'A', 'CV001');
		expect(peer).toMatchObject({ value: null, status: 'missing', n: 0 });
	});
});
