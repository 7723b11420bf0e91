/**
 * One instance per distinct value, for what the Worker posts to the page. Structured clone copies
 * an object it meets again in the same message as a reference to the first copy, so values that
 * thousands of certificates have in common (the same role results, issuer name, revocation state,
 * chain link to the same intermediate) arrive on the page as one object each instead of one per
 * certificate. For a 10,000-certificate bundle that was three times fewer objects for the page to
 * deserialise and for its garbage collector to copy while they were young (docs/engine-decisions.md,
 * "Big drops").
 *
 * Only for plain data as posted (strings, numbers, booleans, null, arrays and plain objects, no
 * undefined): two values are the same when their JSON is, keys in the same order. What is shared
 * must never be changed, by either side.
 */
export class SameValues {
  private readonly seen = new Map<string, unknown>();

  /** The first value posted with this JSON, or `value` itself if it is the first. */
  same<T>(value: T): T {
    const key = JSON.stringify(value);
    const first = this.seen.get(key);
    if (first !== undefined) return first as T;
    this.seen.set(key, value);
    return value;
  }
}
