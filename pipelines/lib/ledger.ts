// Counts what happens to every row of every source file, and keeps each rejected row or cell
// with its file, line, column, value and reason: nothing is dropped silently.
import type { Reject } from '../../src/lib/schemas/provenance';

export class SourceLedger {
	rowsRead = 0;
	rowsLoaded = 0;
	rowsRejected = 0;
	rowsAggregate = 0;
	readonly tables = new Set<string>();
	readonly rejects: Reject[] = [];

	constructor(public readonly path: string) {}

	loaded(table: string, count = 1): void {
		this.rowsRead += count;
		this.rowsLoaded += count;
		this.tables.add(table);
	}

	/** An aggregate or note row (e.g. `Ensemble des QPV`), kept out of the territory lists. */
	aggregate(count = 1): void {
		this.rowsRead += count;
		this.rowsAggregate += count;
	}

	/** The whole row is rejected. */
	rejectRow(line: number, column: string, value: string, reason: string): void {
		this.rowsRead += 1;
		this.rowsRejected += 1;
		this.rejects.push({ path: this.path, line, column, value: value.slice(0, 200), reason });
	}

	/** One cell is rejected; the row itself is counted by loaded()/aggregate(). */
	rejectCell(line: number, column: string, value: string, reason: string): void {
		this.rejects.push({ path: this.path, line, column, value: value.slice(0, 200), reason });
	}

	get balanced(): boolean {
		return this.rowsRead === this.rowsLoaded + this.rowsRejected + this.rowsAggregate;
	}
}

export class LedgerRegistry {
	private readonly ledgers = new Map<string, SourceLedger>();

	for(path: string): SourceLedger {
		let ledger = this.ledgers.get(path);
		if (!ledger) {
			ledger = new SourceLedger(path);
			this.ledgers.set(path, ledger);
		}
		return ledger;
	}

	all(): SourceLedger[] {
		return [...this.ledgers.values()].sort((a, b) => a.path.localeCompare(b.path));
	}
}
