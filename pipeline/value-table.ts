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
