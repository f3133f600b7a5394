import { mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Delivery, EmulatorState, ProductKey, Transaction } from "./types";

type NewDelivery = Omit<Delivery, "seq">;

function emptyState(): EmulatorState {
  return { version: 1, nextSeq: 1, transactions: [], deliveries: [] };
}

function readState(file: string): EmulatorState {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<EmulatorState>;
  if (
    parsed.version !== 1 ||
    !Array.isArray(parsed.transactions) ||
    !Array.isArray(parsed.deliveries)
  ) {
    throw new Error(
      `${file} is not an emulator state file (version 1); move it away to start fresh`,
    );
  }
  return {
    version: 1,
    nextSeq: parsed.nextSeq ?? 1,
    transactions: parsed.transactions,
    deliveries: parsed.deliveries,
  };
}

/**
 * All emulator state, in memory, mirrored to `<dataDir>/state.json` after every
 * change. Writes are coalesced (one in flight, at most one queued) so a burst of
 * requests costs a few writes, not one per request; each write goes to a temporary
 * file renamed over the old one, so a crash never leaves half a file.
 */
export class Store {
  private transactions = new Map<string, Transaction>();
  /** `product + NUL + external_id` → uuid, so duplicate checks stay fast with many rows. */
  private byExternalId = new Map<string, string>();
  private deliveries: Delivery[] = [];
  private nextSeq = 1;
  private dirty = false;
  private writing: Promise<void> | null = null;

  private constructor(
    private readonly file: string,
    private readonly onWriteError: (err: unknown) => void,
  ) {}

  static open(dataDir: string, onWriteError: (err: unknown) => void): Store {
    mkdirSync(dataDir, { recursive: true });
    const store = new Store(join(dataDir, "state.json"), onWriteError);
    const state = readState(store.file);
    for (const tx of state.transactions) store.index(tx);
    store.deliveries = state.deliveries;
    store.nextSeq = state.nextSeq;
    return store;
  }

  /** Newest first. */
  listTransactions(): Transaction[] {
    return [...this.transactions.values()].reverse();
  }

  getTransaction(uuid: string): Transaction | undefined {
    return this.transactions.get(uuid);
  }

  findByExternalId(product: ProductKey, externalId: string): Transaction | undefined {
    const uuid = this.byExternalId.get(`${product}\u0000${externalId}`);
    return uuid === undefined ? undefined : this.transactions.get(uuid);
  }

  /** Inserts or replaces; a replaced transaction keeps its place in the list. */
  putTransaction(tx: Transaction): void {
    this.index(tx);
    this.changed();
  }

  /** Chronological, optionally for one transaction. */
  listDeliveries(uuid?: string): Delivery[] {
    return uuid === undefined
      ? [...this.deliveries]
      : this.deliveries.filter((d) => d.uuid === uuid);
  }

  getDelivery(seq: number): Delivery | undefined {
    return this.deliveries.find((d) => d.seq === seq);
  }

  addDelivery(fields: NewDelivery): Delivery {
    const delivery: Delivery = { seq: this.nextSeq++, ...fields };
    this.deliveries.push(delivery);
    this.changed();
    return delivery;
  }

  updateDelivery(seq: number, patch: Partial<NewDelivery>): Delivery | undefined {
    const index = this.deliveries.findIndex((d) => d.seq === seq);
    const current = this.deliveries[index];
    if (!current) return undefined;
    const updated = { ...current, ...patch };
    this.deliveries[index] = updated;
    this.changed();
    return updated;
  }

  reset(): void {
    this.transactions.clear();
    this.byExternalId.clear();
    this.deliveries = [];
    this.changed();
  }

  /** Resolves once everything changed so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private index(tx: Transaction): void {
    this.transactions.set(tx.uuid, tx);
    if (tx.externalId !== null)
      this.byExternalId.set(`${tx.product}\u0000${tx.externalId}`, tx.uuid);
  }

  private changed(): void {
    this.dirty = true;
    this.writing ??= this.writeLoop();
  }

  private async writeLoop(): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      while (this.dirty) {
        this.dirty = false;
        await writeFile(temp, JSON.stringify(this.snapshot(), null, 2));
        await rename(temp, this.file);
      }
    } catch (err) {
      this.onWriteError(err);
    } finally {
      this.writing = null;
    }
  }

  private snapshot(): EmulatorState {
    const transactions = [...this.transactions.values()];
    return { version: 1, nextSeq: this.nextSeq, transactions, deliveries: this.deliveries };
  }
}
