/** Small text helpers of the print view (pure). */

/** 第4期（复总第888期） — the gazette's own wording on the cover. */
export function issueNumberLabel(i: { number: number; cumulative: number | null }): string {
  return `第${i.number}期${i.cumulative ? `（复总第${i.cumulative}期）` : ''}`;
}

/** A 落款 date: ISO dates as 2022年8月12日; anything else (already printed Chinese form) as it is. */
export function printedDate(date: string | null): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A CSS string literal (for `content:` in an @page margin box). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}
