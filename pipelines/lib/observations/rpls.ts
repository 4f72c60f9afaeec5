// Social housing stock by QPV (RPLS 2022 via ANCT): comma-separated, French decimals in quotes,
// a `Note` quality column; QPV with a non-zero note have no published values.
import { qpvTerritory, type WideSpec } from './wide';

export const rplsPath = 'qpv-2015/rpls_qpv.csv';

export function rplsSpec(knownQpv?: Set<string>): WideSpec {
	return {
		family: 'qpv-2015/rpls',
		vintage: 2022,
		codeColumn: 'CodGeo',
		required: ['Note', 'nbLsPls', 'txVac', 'txRot', 'medLoy'],
		notes: /^Note$/i,
		territory: qpvTerritory(knownQpv),
		// The file does not state the date of the stock: not guessed.
		referenceYear: () => null,
		blanks: 'store'
	};
}
