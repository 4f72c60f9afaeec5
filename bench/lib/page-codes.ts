// The codes of every contrat and QPV page, read once from the built database (read-only), for the
// benchmarks that request pages by code.
import { DuckDBInstance } from '@duckdb/node-api';

export interface PageCodes {
	contrats: string[];
	qpv: string[];
}

export async function pageCodes(): Promise<PageCodes> {
	const instance = await DuckDBInstance.create('data/build/politique-ville.duckdb', {
		access_mode: 'READ_ONLY'
	});
	const conn = await instance.connect();
	const codes = async (sql: string) =>
		(await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => String(r.code));
	try {
		return {
			contrats: await codes('SELECT code FROM contrats ORDER BY code'),
			qpv: await codes('SELECT code FROM qpv ORDER BY code')
		};
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/**
 * `n` codes spread evenly over the sorted list, starting at `offset` within each stride: a sample of
 * every region, not one end of the list (the last QPV codes are overseas pages without indicators).
 */
export function spreadSample(codes: string[], n: number, offset: number): string[] {
	const stride = Math.floor(codes.length / n);
	return codes.filter((_, i) => i % stride === offset).slice(0, n);
}
