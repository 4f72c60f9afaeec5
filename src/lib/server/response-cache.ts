// In-memory cache of rendered pages and JSON answers. The database is opened read-only and only
// rebuilt offline (then the server restarts), so a URL's answer never changes while it runs.
// Bodies are kept gzip-compressed (sent as is to every browser); bounded by bytes, least recently
// used first out.

export interface CachedResponse {
	status: number;
	headers: [string, string][];
	/** The body compressed once, when first kept: what clients that accept gzip receive as is. */
	gzip: Buffer;
	/** The body as rendered, kept only once a client that does not accept gzip has asked for it. */
	plain?: Buffer;
}

/** Bytes an entry holds: its bodies, its key and about what its headers take. */
function sizeOf(key: string, entry: CachedResponse): number {
	return entry.gzip.byteLength + (entry.plain?.byteLength ?? 0) + key.length * 2 + 512;
}

export class ResponseCache {
	private readonly entries = new Map<string, CachedResponse>();
	private bytes = 0;

	constructor(private readonly maxBytes: number) {}

	get(key: string): CachedResponse | undefined {
		const entry = this.entries.get(key);
		if (entry) {
			// Map keeps insertion order: re-inserting marks the entry as most recently used.
			this.entries.delete(key);
			this.entries.set(key, entry);
		}
		return entry;
	}

	set(key: string, entry: CachedResponse): void {
		const size = sizeOf(key, entry);
		if (size > this.maxBytes) return;
		this.delete(key);
		this.entries.set(key, entry);
		this.bytes += size;
		for (const [oldest] of this.entries) {
			if (this.bytes <= this.maxBytes) break;
			this.delete(oldest);
		}
	}

	get size(): number {
		return this.entries.size;
	}

	get usedBytes(): number {
		return this.bytes;
	}

	/** Drops one answer (a page whose workspace part changed). */
	forget(key: string): void {
		this.delete(key);
	}

	private delete(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		this.bytes -= sizeOf(key, entry);
		this.entries.delete(key);
	}
}

/** Only complete text answers are cached: pages and JSON, not streamed exports or PDF. */
export function isCacheable(
	method: string,
	status: number,
	contentType: string | null,
	cacheControl: string | null = null
): boolean {
	if (method !== 'GET' || status !== 200 || !contentType) return false;
	// A page that says so (e.g. a fiche stamped with its generation date) is never kept.
	if (cacheControl && /no-store|no-cache|private/.test(cacheControl)) return false;
	return contentType.startsWith('text/html') || contentType.startsWith('application/json');
}
