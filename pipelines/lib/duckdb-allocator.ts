// DuckDB's allocator for the build process, set before DuckDB's library loads (./build-db.ts
// imports this module first, and ./duckdb-allocator-loaded.ts right after DuckDB).
// The build frees and takes back hundreds of megabytes step after step; with DuckDB's own jemalloc
// settings, freed pages go back to the system and the next steps fault them in again. Keeping
// them 10 s (then returning them at once, without the "muzzy" stage) cut the build's CPU by about
// 12 % on this machine with its peak RSS still under 1 GB; keeping them for the whole build cut
// more but took the peak over 1 GB under load (README, Performances).

/** jemalloc's options, read once when DuckDB's library is loaded, after DuckDB's own. */
export const BUILD_ALLOCATOR_CONF = 'dirty_decay_ms:10000,muzzy_decay_ms:0';
/** The environment variable DuckDB's jemalloc reads (its symbols are prefixed `duckdb_je_`). */
export const ALLOCATOR_ENV = 'DUCKDB_JE_MALLOC_CONF';

/** Whether this module set the variable (an operator's own setting is kept, and left in place). */
export const allocatorConfSet = process.env[ALLOCATOR_ENV] === undefined;
if (allocatorConfSet) process.env[ALLOCATOR_ENV] = BUILD_ALLOCATOR_CONF;
