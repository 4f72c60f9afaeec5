import { describe, expect, it } from 'vitest';
import { numberSources } from '../../../../src/lib/domain/source-refs';

const a = { text: 'a.fr/x', href: 'https://a.fr/x' };
const b = { text: 'b.fr', href: 'https://b.fr' };

describe('numberSources', () => {
	it('numbers each distinct source and note once, in order of first appearance', () => {
		const { refs, byRow } = numberSources([
			{ sources: [a, b], note: null },
			{ sources: [b], note: 'Cité sans adresse : tv5monde' },
			{ sources: [a], note: 'Cité sans adresse : tv5monde' },
			{ sources: [], note: null }
		]);
		expect(refs).toEqual([
			{ n: 1, text: 'a.fr/x', href: 'https://a.fr/x' },
			{ n: 2, text: 'b.fr', href: 'https://b.fr' },
			{ n: 3, text: 'Cité sans adresse : tv5monde', href: null }
		]);
		expect(byRow).toEqual([[1, 2], [2, 3], [1, 3], []]);
	});
});
