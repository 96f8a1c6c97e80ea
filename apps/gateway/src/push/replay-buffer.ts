export interface Sequenced<T> {
  seq: number;
  value: T;
}

/**
 * The last `capacity` values, each numbered by a counter that only grows, so a reconnecting client can say "after
 * seq N" and get exactly what it missed — or learn that the gap is no longer known.
 */
export class ReplayBuffer<T> {
  private readonly ring: (Sequenced<T> | undefined)[];
  private nextSeq = 1;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be 1 or more');
    this.ring = new Array<Sequenced<T> | undefined>(capacity);
  }

  /** seq of the newest value; 0 before the first */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  push(value: T): Sequenced<T> {
    const entry = { seq: this.nextSeq++, value };
    this.ring[entry.seq % this.capacity] = entry;
    return entry;
  }

  /**
   * Everything after `seq`, oldest first; undefined when some of it has been overwritten already or `seq` was
   * never issued here (the client must then reload its data instead of trusting a partial replay).
   */
  after(seq: number): Sequenced<T>[] | undefined {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.lastSeq) return undefined;
    const oldest = Math.max(1, this.nextSeq - this.capacity);
    if (seq + 1 < oldest) return undefined;
    const missed: Sequenced<T>[] = [];
    for (let s = seq + 1; s <= this.lastSeq; s++) {
      const entry = this.ring[s % this.capacity];
      if (entry) missed.push(entry);
    }
    return missed;
  }
}
