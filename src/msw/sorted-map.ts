/**
 * A Map that also keeps its values in order, so a query endpoint reads them sorted instead of
 * sorting the whole store per request. The order is kept on `set`, `delete` and `clear`; a value
 * changed in place (not set again) keeps its old place.
 */
export class SortedMap<K, V> extends Map<K, V> {
  readonly #compare: (a: V, b: V) => number;
  #order: V[] = [];

  constructor(compare: (a: V, b: V) => number) {
    super();
    this.#compare = compare;
  }

  /** Index of the first value not before `value`. */
  #lowerBound(value: V): number {
    let low = 0;
    let high = this.#order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#compare(this.#order[middle]!, value) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #remove(value: V): void {
    let index = this.#lowerBound(value);
    while (index < this.#order.length && this.#order[index] !== value && this.#compare(this.#order[index]!, value) === 0) index++;
    if (this.#order[index] !== value) index = this.#order.indexOf(value);
    if (index >= 0) this.#order.splice(index, 1);
  }

  override set(key: K, value: V): this {
    if (super.has(key)) this.#remove(super.get(key)!);
    super.set(key, value);
    // After its equals, so values that compare equal stay in insertion order.
    let index = this.#lowerBound(value);
    while (index < this.#order.length && this.#compare(this.#order[index]!, value) === 0) index++;
    if (index === this.#order.length) this.#order.push(value);
    else this.#order.splice(index, 0, value);
    return this;
  }

  override delete(key: K): boolean {
    if (!super.has(key)) return false;
    this.#remove(super.get(key)!);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.#order = [];
  }

  /** The values, first to last in the map's order. */
  ordered(): readonly V[] {
    return this.#order;
  }
}
