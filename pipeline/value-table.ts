/**
 * Values that repeat across reports (agency names, editions, flag lists, bodies): each held once, in the order first
 * put, and a report keeps its number. Told apart as a Map tells its keys apart (a string by its characters, an object
 * by identity). Pure.
 */
export class ValueTable<T> {
  readonly #list: T[] = [];
  readonly #index = new Map<T, number>();
  /** The value's number, given it when it is new. */
  number(v: T): number {
    let k = this.#index.get(v);
    if (k === undefined) {
      k = this.#list.length;
      this.#list.push(v);
      this.#index.set(v, k);
    }
    return k;
  }
  at(k: number): T {
    return this.#list[k]!;
  }
}

/** The typed arrays a UintColumn may hold its values in, narrowest first, with the most each holds. */
const WIDTHS = [
  { max: 0xff, make: (n: number) => new Uint8Array(n) },
  { max: 0xffff, make: (n: number) => new Uint16Array(n) },
  { max: 0xffffffff, make: (n: number) => new Uint32Array(n) },
  { max: Number.MAX_SAFE_INTEGER, make: (n: number) => new Float64Array(n) },
] as const;

/**
 * Whole numbers from 0 up (counts, numbers in a ValueTable, places in a file) in a typed array sized to need: the
 * narrowest of Uint8Array, Uint16Array, Uint32Array and Float64Array that holds every value set so far (`narrowest`
 * the first one tried), widened when a value outgrows it; it grows (by half) when a value is set past its end. A value
 * that is not a safe integer from 0 is refused, never stored cut. Pure.
 */
export class UintColumn {
  #width: number;
  #values: Uint8Array | Uint16Array | Uint32Array | Float64Array;
  constructor(capacity = 1024, narrowest: 0 | 1 | 2 | 3 = 0) {
    this.#width = narrowest;
    this.#values = WIDTHS[narrowest].make(capacity);
  }
  /** Bytes a value takes now (1, 2, 4 or 8). */
  get bytesPerValue(): number {
    return this.#values.BYTES_PER_ELEMENT;
  }
  at(k: number): number {
    return this.#values[k]!;
  }
  set(k: number, v: number): void {
    if (!(Number.isSafeInteger(v) && v >= 0)) throw new RangeError(`column: ${v} is not a whole number from 0`);
    let width = this.#width;
    while (v > WIDTHS[width]!.max) width++;
    const length = this.#values.length;
    if (width !== this.#width || k >= length) {
      const grown = WIDTHS[width]!.make(k >= length ? Math.max(k + 1, Math.ceil(length * 1.5), 16) : length);
      grown.set(this.#values);
      this.#values = grown;
      this.#width = width;
    }
    this.#values[k] = v;
  }
}

/** Strings a StringColumn writes whole; the ones between keep only what differs from the string before. */
const RESTART = 16;

/**
 * Strings (a run's report ids) kept as one buffer of their UTF-8 bytes, front-coded: each string keeps the bytes that
 * follow what it shares with the one before (a byte: how many it shares, up to 255), and every sixteenth is kept
 * whole, so that a string is rebuilt from at most sixteen pieces. Sorted ids share most of their bytes with the one
 * before (a body's years: only the year differs), so a 45-byte id takes some 14 bytes (its own bytes, the shared
 * count, an offset sized to need), where a string and an array slot took 70–80. A string is made again each time one
 * is asked for (`at`): a caller that keeps it keeps a copy. A list with a string that UTF-8 cannot give back as it
 * was (a lone surrogate) is kept as the strings themselves, never changed. Pure.
 */
export class StringColumn {
  readonly length: number;
  readonly #bytes: Buffer | null;
  /** Where string k's own bytes end in #bytes (they start where k - 1's end). */
  readonly #ends: UintColumn | null;
  /** How many leading bytes string k shares with k - 1 (0 at a restart). */
  readonly #shared: Uint8Array | null;
  readonly #strings: readonly string[] | null;
  /** Where a string is rebuilt (grown to the longest). */
  #scratch = Buffer.alloc(0);
  constructor(strings: readonly string[]) {
    this.length = strings.length;
    // Two passes, each encoding a string again (not a Buffer kept a string): what each shares with the one before and
    // the bytes in all; then the bytes.
    const shared = new Uint8Array(strings.length);
    let total = 0;
    let exact = true;
    let before = Buffer.alloc(0);
    for (let k = 0; k < strings.length && exact; k++) {
      const b = Buffer.from(strings[k]!, 'utf8');
      exact = b.toString('utf8') === strings[k];
      if (k % RESTART !== 0) {
        const most = Math.min(before.length, b.length, 0xff);
        let n = 0;
        while (n < most && before[n] === b[n]) n++;
        shared[k] = n;
      }
      total += b.length - shared[k]!;
      before = b;
    }
    if (!exact) {
      this.#bytes = null;
      this.#ends = null;
      this.#shared = null;
      this.#strings = [...strings];
      return;
    }
    const bytes = Buffer.alloc(total);
    const ends = new UintColumn(strings.length);
    let at = 0;
    for (let k = 0; k < strings.length; k++) {
      at += Buffer.from(strings[k]!, 'utf8').copy(bytes, at, shared[k]!);
      ends.set(k, at);
    }
    if (at !== total) throw new Error(`string column: ${at} bytes written of ${total}`);
    this.#bytes = bytes;
    this.#ends = ends;
    this.#shared = shared;
    this.#strings = null;
  }
  at(k: number): string {
    if (!(Number.isInteger(k) && k >= 0 && k < this.length)) throw new RangeError(`string column: no string ${k} (${this.length})`);
    if (this.#strings) return this.#strings[k]!;
    const bytes = this.#bytes!;
    const ends = this.#ends!;
    const shared = this.#shared!;
    // From the restart at or before k: each string's own bytes written after the bytes it shares with the one before.
    let length = 0;
    for (let j = k - (k % RESTART); j <= k; j++) {
      const start = j === 0 ? 0 : ends.at(j - 1);
      const end = ends.at(j);
      length = shared[j]! + end - start;
      if (this.#scratch.length < length) {
        const grown = Buffer.alloc(Math.max(length, this.#scratch.length * 2, 64));
        this.#scratch.copy(grown);
        this.#scratch = grown;
      }
      bytes.copy(this.#scratch, shared[j]!, start, end);
    }
    return this.#scratch.toString('utf8', 0, length);
  }
}
