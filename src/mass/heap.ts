/**
 * A binary max-heap keyed by a number (log-probability), holding payload indices. Keys and
 * payloads live in growable typed arrays, so pushing and popping allocate nothing except when
 * the capacity doubles.
 */
export class MaxHeap {
  private keys: Float64Array;
  private items: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Key of the top element (undefined when empty). */
  peekKey(): number | undefined {
    return this.n > 0 ? this.keys[0] : undefined;
  }

  push(key: number, item: number): void {
    if (this.n === this.keys.length) {
      const k = new Float64Array(this.n * 2);
      k.set(this.keys);
      this.keys = k;
      const it = new Int32Array(this.n * 2);
      it.set(this.items);
      this.items = it;
    }
    const keys = this.keys;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! >= key) break;
      keys[i] = keys[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Remove the top element and return its payload (−1 when empty). */
  pop(): number {
    if (this.n === 0) return -1;
    const keys = this.keys;
    const items = this.items;
    const top = items[0]!;
    const n = --this.n;
    if (n === 0) return top;
    const key = keys[n]!;
    const item = items[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1]! > keys[c]!) c++;
      if (keys[c]! <= key) break;
      keys[i] = keys[c]!;
      items[i] = items[c]!;
      i = c;
    }
    keys[i] = key;
    items[i] = item;
    return top;
  }
}

/**
 * A set of non-negative integers below 2^53 (open addressing, linear probing, Float64Array
 * slots, −1 = empty). Avoids the boxed-number cost of `Set<number>` for keys above 2^31.
 */
export class IntegerSet {
  private slots: Float64Array;
  private mask: number;
  private n = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Float64Array(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.n;
  }

  private static hash(key: number): number {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** Add `key`; returns false when it was already present. */
  add(key: number): boolean {
    if ((this.n + 1) * 2 > this.slots.length) this.grow();
    const slots = this.slots;
    let i = IntegerSet.hash(key) & this.mask;
    for (;;) {
      const v = slots[i]!;
      if (v === -1) {
        slots[i] = key;
        this.n++;
        return true;
      }
      if (v === key) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    this.n = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== -1) this.add(old[i]!);
  }
}

/**
 * Sort `index` (positions 0 … n−1 of it) in place by increasing `keys[index[i]]`: an iterative
 * quicksort (median-of-three pivot, the smaller side first) with insertion sort for short runs.
 * The same order as `Array.prototype.sort((a, b) => keys[a] − keys[b])` up to ties, without a
 * comparator call per comparison. Keys must not be NaN.
 */
export function sortIndexByKey(index: Int32Array, keys: Float64Array, n = index.length): void {
  const stack: number[] = [0, n - 1];
  while (stack.length) {
    let hi = stack.pop()!;
    let lo = stack.pop()!;
    while (hi - lo > 16) {
      const mid = (lo + hi) >>> 1;
      // median of three into index[mid]
      if (keys[index[mid]!]! < keys[index[lo]!]!) swap(index, mid, lo);
      if (keys[index[hi]!]! < keys[index[lo]!]!) swap(index, hi, lo);
      if (keys[index[hi]!]! < keys[index[mid]!]!) swap(index, hi, mid);
      const pivot = keys[index[mid]!]!;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (keys[index[i]!]! < pivot) i++;
        while (keys[index[j]!]! > pivot) j--;
        if (i <= j) {
          swap(index, i, j);
          i++;
          j--;
        }
      }
      // recurse (via the stack) into the larger part later, loop on the smaller one
      if (j - lo < hi - i) {
        stack.push(i, hi);
        hi = j;
      } else {
        stack.push(lo, j);
        lo = i;
      }
    }
    for (let a = lo + 1; a <= hi; a++) {
      const v = index[a]!;
      const k = keys[v]!;
      let b = a - 1;
      while (b >= lo && keys[index[b]!]! > k) {
        index[b + 1] = index[b]!;
        b--;
      }
      index[b + 1] = v;
    }
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
