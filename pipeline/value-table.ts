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

/**
 * Strings (a run's report ids) kept as one buffer of their UTF-8 bytes and where each ends, instead of a string and
 * an array slot each (some 65–75 bytes a 40-character id, where this keeps 41–44: its bytes and an offset sized to
 * need). A string is made again each time one is asked for (`at`): a caller that keeps it keeps a copy. A list with a
 * string that UTF-8 cannot give back as it was (a lone surrogate) is kept as the strings themselves, never changed.
 * Pure.
 */
export class StringColumn {
  readonly length: number;
  readonly #bytes: Buffer | null;
  readonly #ends: UintColumn | null;
  readonly #strings: readonly string[] | null;
  constructor(strings: readonly string[]) {
    this.length = strings.length;
    let total = 0;
    for (const s of strings) total += Buffer.byteLength(s, 'utf8');
    const bytes = Buffer.alloc(total);
    const ends = new UintColumn(strings.length);
    let at = 0;
    let exact = true;
    for (let k = 0; k < strings.length && exact; k++) {
      const s = strings[k]!;
      const end = at + bytes.write(s, at, 'utf8');
      exact = bytes.toString('utf8', at, end) === s;
      ends.set(k, end);
      at = end;
    }
    exact &&= at === total;
    this.#bytes = exact ? bytes : null;
    this.#ends = exact ? ends : null;
    this.#strings = exact ? null : [...strings];
  }
  at(k: number): string {
    if (!(Number.isInteger(k) && k >= 0 && k < this.length)) throw new RangeError(`string column: no string ${k} (${this.length})`);
    if (this.#strings) return this.#strings[k]!;
    return this.#bytes!.toString('utf8', k === 0 ? 0 : this.#ends!.at(k - 1), this.#ends!.at(k));
  }
}
