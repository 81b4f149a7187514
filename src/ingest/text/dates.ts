/** Dates as sources print them. */
const DATE_CN = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_ISO = /(\d{4})-(\d{1,2})-(\d{1,2})/;

/** ISO yyyy-mm-dd from 「2022年8月12日」「2022 年 8 月 12 日」「2021年04月16日」「2021-04-13」. */
export function isoDate(printed: string | null | undefined): string | null {
  if (!printed) return null;
  const m = DATE_CN.exec(printed) ?? DATE_ISO.exec(printed);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** A line that is nothing but a date, as in a 落款: 「2022年8月12日」. */
export const isDateLine = (s: string): boolean => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(s.trim());
