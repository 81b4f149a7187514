/** Binary search over ascending numbers: the index of the last one at or before `x` (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
