/**
 * A set of id strings for duplicate detection, cheaper than `Set<string>` on millions of fresh strings:
 * open addressing on a 32-bit FNV-1a hash of the UTF-16 code units, full string comparison on hash equality.
 * Membership only; nothing iterates it.
 */
export class IdSet {
  private slots = new Int32Array(1 << 12); // 0 = empty, else index + 1 into keys
  private hashes = new Int32Array(1 << 12);
  private readonly keys: string[] = [];

  /** Adds `id`; returns false when it was already present. */
  add(id: string): boolean {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    let p = h & mask;
    for (;;) {
      const s = this.slots[p]!;
      if (s === 0) break;
      if (this.hashes[p] === h && this.keys[s - 1] === id) return false;
      p = (p + 1) & mask;
    }
    this.keys.push(id);
    this.slots[p] = this.keys.length;
    this.hashes[p] = h;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const oldSlots = this.slots, oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let q = 0; q < oldSlots.length; q++) {
      const s = oldSlots[q]!;
      if (s === 0) continue;
      const h = oldHashes[q]!;
      let p = h & mask;
      while (this.slots[p] !== 0) p = (p + 1) & mask;
      this.slots[p] = s;
      this.hashes[p] = h;
    }
  }
}
