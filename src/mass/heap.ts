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

/**
 * Sort parallel arrays by increasing `keys` (finite), carrying `values` (and the original
 * positions when `withIndex`): returns new arrays. An LSD radix sort on 32-bit keys scaled from
 * [min, max] (four 8-bit or, from 8192 keys, three 11-bit passes) with the payload moved along in
 * every pass, so that no random gather follows; then an insertion pass puts keys closer than the
 * scaling's resolution ((max − min)/2³²) in exact order. Below 4096 keys (where it is faster):
 * {@link sortIndexByKey} and a gather.
 */
export function sortPairsByKey(
  keys: Float64Array,
  values: Float64Array,
  n: number,
  withIndex: boolean,
): { keys: Float64Array; values: Float64Array; index: Int32Array | null } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (n < 4096 || !(max > min)) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    sortIndexByKey(order, keys, n);
    const k2 = new Float64Array(n);
    const v2 = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      k2[r] = keys[order[r]!]!;
      v2[r] = values[order[r]!]!;
    }
    return { keys: k2, values: v2, index: withIndex ? order : null };
  }
  const scale = 4294967295 / (max - min);
  let sk = new Uint32Array(n);
  for (let i = 0; i < n; i++) sk[i] = Math.min(4294967295, Math.floor((keys[i]! - min) * scale));
  let sKey = keys.slice(0, n);
  let sVal = values.slice(0, n);
  let sIdx = withIndex ? Int32Array.from({ length: n }, (_, i) => i) : null;
  let dk = new Uint32Array(n);
  let dKey = new Float64Array(n);
  let dVal = new Float64Array(n);
  let dIdx = withIndex ? new Int32Array(n) : null;
  const bits = n < 8192 ? 8 : 11;
  const buckets = 1 << bits;
  const mask = buckets - 1;
  const count = new Int32Array(buckets);
  for (let shift = 0; shift < 32; shift += bits) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(sk[i]! >>> shift) & mask]!++;
    let sum = 0;
    for (let b = 0; b < buckets; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(sk[i]! >>> shift) & mask]!++;
      dk[at] = sk[i]!;
      dKey[at] = sKey[i]!;
      dVal[at] = sVal[i]!;
      if (dIdx) dIdx[at] = sIdx![i]!;
    }
    [sk, dk] = [dk, sk];
    [sKey, dKey] = [dKey, sKey];
    [sVal, dVal] = [dVal, sVal];
    [sIdx, dIdx] = [dIdx, sIdx];
  }
  // exact order among keys closer than the scaling's resolution (a nearly sorted array)
  for (let a = 1; a < n; a++) {
    const k = sKey[a]!;
    if (sKey[a - 1]! <= k) continue;
    const v = sVal[a]!;
    const ix = sIdx ? sIdx[a]! : 0;
    let b = a - 1;
    while (b >= 0 && sKey[b]! > k) {
      sKey[b + 1] = sKey[b]!;
      sVal[b + 1] = sVal[b]!;
      if (sIdx) sIdx[b + 1] = sIdx[b]!;
      b--;
    }
    sKey[b + 1] = k;
    sVal[b + 1] = v;
    if (sIdx) sIdx[b + 1] = ix;
  }
  return { keys: sKey, values: sVal, index: sIdx };
}
