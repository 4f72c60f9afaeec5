import { describe, expect, it } from 'vitest';
import {
	perimeterOf,
	roundGeometry,
	stripDepartementPrefix
} from '../../../pipelines/steps/contrats';

describe('stripDepartementPrefix', () => {
	it('removes the "dd - " prefix of lib_cv, including 3-digit and Corsican codes', () => {
		expect(stripDepartementPrefix("01 - CC de la Plaine de l'Ain")).toBe(
			"CC de la Plaine de l'Ain"
		);
		expect(stripDepartementPrefix('987 - Papeete')).toBe('Papeete');
		expect(stripDepartementPrefix('2A - CA du Pays Ajaccien')).toBe('CA du Pays Ajaccien');
		expect(stripDepartementPrefix('Charleville-Mézières - Sedan')).toBe(
			'Charleville-Mézières - Sedan'
		);
	});
});

describe('perimeterOf', () => {
	it('reads a commune code or an EPCI SIREN from codgeo', () => {
		expect(perimeterOf('75056', 'epci')).toBe('commune');
		expect(perimeterOf('240100883', 'epci')).toBe('epci');
		expect(perimeterOf(undefined, 'epci')).toBe('epci');
	});
});

describe('roundGeometry', () => {
	it('rounds coordinates and drops the points made duplicate by rounding', () => {
		const geometry = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[1.00001, 2.00001],
					[1.00002, 2.00002],
					[1.5, 2],
					[1.5, 2.5],
					[1.00001, 2.00001]
				]
			]
		};
		expect(roundGeometry(geometry, 4)).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[1, 2],
					[1.5, 2],
					[1.5, 2.5],
					[1, 2]
				]
			]
		});
	});
});
