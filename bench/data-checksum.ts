// `tsx bench/data-checksum.ts <db.duckdb>`: row count and md5 of every table (content, sorted,
// and physical order), to prove a faster build writes exactly the same tables as before.
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2];
if (!path) throw new Error('usage: data-checksum.ts <db.duckdb>');
const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
const tables = (await rows('SELECT table_name FROM duckdb_tables() ORDER BY table_name')).map((r) =>
	String(r.table_name)
);
const out: Record<string, { rows: number; content: string; stored: string }> = {};
for (const name of tables) {
	// `content` ignores row order; `stored` hashes the rows in their physical (rowid) order.
	const [r] = await rows(
		`SELECT count(*)::INTEGER AS n,
			md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS content,
			md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t.rowid), '')) AS stored
		 FROM "${name}" AS t`
	);
	out[name] = { rows: Number(r!.n), content: String(r!.content), stored: String(r!.stored) };
}
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify(out, null, '\t'));
