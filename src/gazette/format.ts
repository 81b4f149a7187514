/** How the gazette writes an issue number and a date (pure). */

/** 第4期（复总第888期） — the gazette's own wording on the cover; 第4期 without a cumulative number. */
export function issueNumberLabel(i: { number: number; cumulative: number | null }): string {
  return `第${i.number}期${i.cumulative ? `（复总第${i.cumulative}期）` : ''}`;
}

/** 2023年第4期（复总第888期） */
export function issueLabel(i: { year: number; number: number; cumulative: number | null }): string {
  return `${i.year}年${issueNumberLabel(i)}`;
}

/** 2023-02-28 → 2023年2月28日; anything that is not an ISO date → null. */
export function isoToChinese(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : null;
}

/** 2023-02-28 → 2023年2月28日; no date or not an ISO date → ''. */
export function chineseDate(iso: string | null | undefined): string {
  return (iso && isoToChinese(iso)) || '';
}

/** A 落款 date: ISO dates as 2022年8月12日; anything else (already the printed Chinese form) as it is. */
export function printedDate(date: string | null): string {
  return date ? (isoToChinese(date) ?? date) : '';
}
