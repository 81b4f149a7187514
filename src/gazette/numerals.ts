/**
 * Chinese numerals (小写数字 一二三…十百千) and circled digits ①–⑳ ↔ numbers.
 *
 * Parsers use these to *detect* labels, so malformed input returns null instead of throwing:
 * a paragraph that only looks like a number is ordinary text, not an error.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral in the formal positional style used for clause labels and dates:
 * 十 → 10, 十一 → 11, 二十 → 20, 三十一 → 31, 一百零五 → 105, 一百一十 → 110, 〇/零 → 0 (range 0–9999).
 * A run of digits without units is read digit by digit, as in years: 二〇二三 → 2023.
 *
 * Returns null for anything else, including colloquial abbreviations whose value is ambiguous
 * (一百五 is 150 in speech but looks like 105 with 零 dropped), a 零 that skips no place
 * (一百零五十), misordered units (十百) and any non-numeral character.
 */
export function chineseToNumber(s: string): number | null {
  if (s === '') return null;
  const chars = [...s];
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length === 1) return DIGITS[s] ?? null;
    // 二〇二三: a leading 〇 would make 〇五 read as 5, which no printed number does.
    if (DIGITS[chars[0] ?? ''] === 0) return null;
    // Four digits at most (a year): the documented range is 0–9999.
    if (chars.length > 4) return null;
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }

  let total = 0;
  let pending: number | null = null; // digit waiting for its unit
  let lastUnit = Infinity; // place value of the last unit consumed
  let zero = false; // a 零 was read since the last unit
  for (const c of chars) {
    const digit = DIGITS[c];
    const unit = UNITS[c];
    if (digit === 0) {
      // 零 marks a skipped place, so it must follow a unit and cannot repeat.
      if (zero || pending !== null || lastUnit === Infinity) return null;
      zero = true;
    } else if (digit !== undefined) {
      if (pending !== null) return null;
      pending = digit;
    } else if (unit !== undefined) {
      // A bare 十 (十一 = 11) is the only unit allowed without a coefficient.
      const coefficient = pending ?? (unit === 10 && lastUnit === Infinity ? 1 : null);
      if (coefficient === null) return null;
      // Without 零 the next unit is one place lower; 零 stands for at least one skipped place.
      if (lastUnit !== Infinity && (zero ? unit > lastUnit / 100 : unit !== lastUnit / 10)) return null;
      total += coefficient * unit;
      lastUnit = unit;
      pending = null;
      zero = false;
    } else {
      return null;
    }
  }
  if (pending !== null) {
    // The final digit sits in the ones place: directly after 十, or after 零 when places were skipped.
    if (lastUnit !== Infinity && !(zero ? lastUnit >= 100 : lastUnit === 10)) return null;
    total += pending;
  } else if (zero) {
    return null; // trailing 零
  }
  return total;
}

const DIGIT_CHARS = '〇一二三四五六七八九';

/**
 * Writes n (0–9999) in the formal style chineseToNumber reads: 10 → 十, 110 → 一百一十, 105 → 一百零五.
 * Throws a RangeError outside 0–9999 or for a non-integer: callers pass label numbers, never user text.
 */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`numberToChinese: ${n} is not an integer in 0–9999`);
  if (n === 0) return '〇';
  // 十一 not 一十一 when 十 leads.
  if (n >= 10 && n < 20) return `十${n === 10 ? '' : DIGIT_CHARS[n - 10]}`;
  const places: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let gap = false; // a zero place after a non-zero one: written as a single 零
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += `${DIGIT_CHARS[d]}${unit}`;
  }
  return out;
}

/** A label number as a citation writes it: numberToChinese, or the digits for a number out of its range (never thrown). */
export function toChinese(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 9999 ? numberToChinese(n) : String(n);
}

/** ① → 1 … ⑳ → 20; null for any other string. */
export function circledToNumber(s: string): number | null {
  if (s.length !== 1) return null;
  const n = s.charCodeAt(0) - 0x2460 + 1;
  return n >= 1 && n <= 20 ? n : null;
}
