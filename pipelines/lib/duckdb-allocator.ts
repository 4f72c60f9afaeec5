// DuckDB's allocator for the build process, set before DuckDB's library loads (./build-db.ts
// imports this module first, and ./duckdb-allocator-loaded.ts right after DuckDB).
// The build frees and takes back hundreds of megabytes step after step. DuckDB's own jemalloc
// gives freed pages back to the system after 5 s, so the next steps fault them in again: about
// 30 % of the build's page faults and 15–20 % of its CPU on this machine (measured in the README's
// Performances section). The build process is short-lived: its pages are kept for reuse instead.

/** jemalloc's options, read once when DuckDB's library is loaded, after DuckDB's own. */
export const BUILD_ALLOCATOR_CONF = 'dirty_decay_ms:-1,muzzy_decay_ms:-1';
/** The environment variable DuckDB's jemalloc reads (its symbols are prefixed `duckdb_je_`). */
export const ALLOCATOR_ENV = 'DUCKDB_JE_MALLOC_CONF';

/** Whether this module set the variable (an operator's own setting is kept, and left in place). */
export const allocatorConfSet = process.env[ALLOCATOR_ENV] === undefined;
if (allocatorConfSet) process.env[ALLOCATOR_ENV] = BUILD_ALLOCATOR_CONF;
