// Reads the source files a second time on a worker thread while the build's steps run: the
// row-count check of every raw CSV (./row-counts.ts) and the sha256 of every file the build marks
// as read (provenance). On the main thread they cost about 0.8 s before the first step and at
// the end; the worker does them on the other core, during steps that keep JavaScript busy.
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SourceFileError } from './csv';
import { rememberHash } from './files';
import { countCsvRows, countIssues, csvFilesOf, judgeRowCounts } from './row-counts';

interface Scanned {
	path: string;
	stamp?: string;
	hex?: string;
	rows?: number;
	error?: string;
}

/** The build's set of files read: adding a path also sends its file to be hashed. */
class ReadSet extends Set<string> {
	constructor(private readonly onAdd: (path: string) => void) {
		super();
	}

	override add(path: string): this {
		if (!this.has(path)) this.onAdd(path);
		return super.add(path);
	}
}

export class SourceScan {
	/** Paths of files read, relative to the raw directory (BuildContext.read). */
	readonly read: Set<string>;
	private readonly worker: Worker;
	private readonly sent = new Set<string>();
	private pending = 0;
	private idle: (() => void)[] = [];
	private readonly counts = new Map<string, number>();
	/** Files the worker has read and answered for (the main thread reads none of them again). */
	scanned = 0;
	private readonly verdict: Promise<string[]>;
	private failure: { error: unknown } | undefined;
	/** The worker failed: the main thread counts and hashes itself (as the build did before). */
	private dead = false;

	/**
	 * Starts the worker on the raw CSVs. `exceptions`: the files data/reference accepts, with
	 * their reason; `where`: the absolute file of a path of `read` (raw, reference/…, npm/…).
	 */
	constructor(rawDir: string, exceptions: Map<string, string>, where: (path: string) => string) {
		this.read = new ReadSet((path) => this.hash(where(path)));
		this.worker = new Worker(new URL('./source-scan-worker.mjs', import.meta.url), {
			execArgv: []
		});
		const csvFiles = csvFilesOf(rawDir);
		const byPath = new Map(csvFiles.map((f) => [resolve(rawDir, f), f]));
		this.verdict = new Promise<Map<string, number>>((done, fail) => {
			let counted = false;
			this.worker.on('message', (m: Scanned | { counted: true }) => {
				if (!('counted' in m)) return this.received(m, byPath.get(m.path), fail);
				counted = true;
				done(this.counts);
			});
			this.worker.on('error', () => {
				this.dead = true;
				this.pending = 0;
				for (const wake of this.idle.splice(0)) wake();
				if (!counted) done(countCsvRows(rawDir, csvFiles));
			});
		})
			.then((counts) => judgeRowCounts(countIssues(csvFiles, counts), exceptions))
			.catch((error: unknown) => {
				this.failure = { error };
				return [];
			});
		this.send([...byPath.keys()], true);
	}

	private send(paths: string[], count: boolean): void {
		if (this.dead) return;
		for (const p of paths) this.sent.add(p);
		this.pending += paths.length;
		this.worker.postMessage({ paths, count });
	}

	private received(m: Scanned, csv: string | undefined, fail: (e: unknown) => void): void {
		this.scanned++;
		if (m.hex && m.stamp) rememberHash(m.path, m.stamp, m.hex);
		if (csv !== undefined) {
			if (m.error) fail(new SourceFileError(csv, `illisible (${m.error})`));
			else this.counts.set(csv, m.rows!);
		}
		if (--this.pending === 0) for (const wake of this.idle.splice(0)) wake();
	}

	/** Sends a file to be hashed, once. */
	private hash(absPath: string): void {
		if (!this.sent.has(absPath)) this.send([absPath], false);
	}

	/** The row-count check's accepted drops (with their reason), once every CSV is counted. */
	async rowCheck(): Promise<string[]> {
		const accepted = await this.verdict;
		this.throwIfFailed();
		return accepted;
	}

	/** Throws the row-count check's error if it has failed already. */
	throwIfFailed(): void {
		if (this.failure) throw this.failure.error;
	}

	/** The error the build must report instead of `error`: the row-count check's, if it failed. */
	async explain(error: unknown): Promise<unknown> {
		await this.verdict;
		return this.failure ? this.failure.error : error;
	}

	/** Resolves once every file sent has been hashed (files.ts then knows their hash). */
	settled(): Promise<void> {
		return this.pending === 0 ? Promise.resolve() : new Promise((wake) => this.idle.push(wake));
	}

	async close(): Promise<void> {
		await this.worker.terminate();
	}
}
