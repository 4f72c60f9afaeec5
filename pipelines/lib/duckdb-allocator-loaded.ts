// Imported right after DuckDB's library by ./build-db.ts: the allocator options of
// ./duckdb-allocator.ts have been read, so they are removed from the environment, where processes
// started later (the web server, whose memory stays bounded) would inherit them.
import { ALLOCATOR_ENV, allocatorConfSet } from './duckdb-allocator';

if (allocatorConfSet) delete process.env[ALLOCATOR_ENV];
