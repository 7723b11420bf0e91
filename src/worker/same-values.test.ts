/** One instance per distinct posted value: what is shared, and what is kept apart. */
import { describe, expect, it } from 'vitest';
import { SameValues } from './same-values';

describe('SameValues', () => {
  // [first, second, one instance?, why]
  const ROWS: readonly [unknown, unknown, boolean, string][] = [
    [{ state: 'not-checked', crlUrls: [], note: null }, { state: 'not-checked', crlUrls: [], note: null }, true, 'equal plain objects'],
    [['chrome', 'go'], ['chrome', 'go'], true, 'equal arrays'],
    [{ a: [{ b: 1 }] }, { a: [{ b: 1 }] }, true, 'equal nested values'],
    [['chrome', 'go'], ['go', 'chrome'], false, 'order matters in an array'],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, false, 'keys in another order are kept apart (never merged wrongly)'],
    [{ a: 1 }, { a: '1' }, false, 'a number and a string'],
    [{ a: null }, { a: 0 }, false, 'null and 0'],
    [[], {}, false, 'an empty array and an empty object'],
  ];
  it.each(ROWS)('%#: %s / %s → shared %s (%s)', (first, second, shared) => {
    const values = new SameValues();
    const a = values.same(first);
    const b = values.same(second);
    expect(a).toBe(first);
    expect(b === first).toBe(shared);
    if (!shared) expect(b).toBe(second);
  });

  it('each pool is its own: a new one shares nothing with the last', () => {
    const first = { verdict: 'suitable' };
    new SameValues().same(first);
    const other = { verdict: 'suitable' };
    expect(new SameValues().same(other)).toBe(other);
  });

  it('structured clone keeps the sharing: the page gets one object for all', () => {
    const values = new SameValues();
    const list = Array.from({ length: 5 }, () => ({ issuer: values.same({ rfc4514: 'CN=CA' }) }));
    const copy = structuredClone(list);
    expect(new Set(copy.map((c) => c.issuer)).size).toBe(1);
    expect(copy).toEqual(list);
  });
});
