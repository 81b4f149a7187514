import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from '../../../src/gazette/sorted.ts';

describe('lastAtOrBefore', () => {
  const starts = [0, 5, 9, 20];
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [19, 2],
    [20, 3],
    [1000, 3],
  ])('x = %i → index %i', (x, i) => expect(lastAtOrBefore(starts, x)).toBe(i));
  it('answers 0 for one element and for none', () => {
    expect(lastAtOrBefore([7], 3)).toBe(0);
    expect(lastAtOrBefore([], 3)).toBe(0);
  });
});
