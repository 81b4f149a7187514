/** How the gazette writes a date (pure); issue numbers are src/gazette/numbering.ts. */

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
