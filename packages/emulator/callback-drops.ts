/** How many coming callbacks to drop: of any transaction, and per transaction uuid. */
export interface CallbackDropCounts {
  any: number;
  byUuid: Record<string, number>;
}

/**
 * Callbacks to record but never send, so a test can change a status without the
 * receiver hearing of it (as when Purwantara's sender gives up), then check that
 * the app finds out another way.
 */
export class CallbackDrops {
  private any = 0;
  private byUuid = new Map<string, number>();

  /** Drops the next `count` callbacks of `uuid`, or of any transaction; 0 stops dropping. */
  set(count: number, uuid?: string): void {
    if (uuid === undefined) this.any = count;
    else if (count > 0) this.byUuid.set(uuid, count);
    else this.byUuid.delete(uuid);
  }

  /** True when this callback is to be dropped: a transaction's own drops go first. */
  take(uuid: string): boolean {
    const own = this.byUuid.get(uuid) ?? 0;
    if (own > 0) {
      this.set(own - 1, uuid);
      return true;
    }
    if (this.any <= 0) return false;
    this.any -= 1;
    return true;
  }

  counts(): CallbackDropCounts {
    return { any: this.any, byUuid: Object.fromEntries(this.byUuid) };
  }

  clear(): void {
    this.any = 0;
    this.byUuid.clear();
  }
}
