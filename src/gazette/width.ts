/**
 * Width and spacing normalisation.
 *
 * - toMatchForm: a canonical form for comparing texts across copies, for search and for lookups.
 *   Lossy on purpose; never shown to readers.
 * - stripLayoutSpaces: removes spaces that a PDF line break or a wrapped table cell left inside
 *   Chinese text. Display-safe, but only for titles and table cells: in body text,
 *   joint issuers (中共吉林省委 吉林省人民政府), name lists and 「日期 正文」 entries need their spaces.
 */

/** Any space a source may use: ASCII, TAB, NBSP (004), ideographic U+3000 (003) and the other Unicode spaces. */
const SPACE_CLASS = '[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]';
const SPACES = new RegExp(`${SPACE_CLASS}+`, 'g');

/** Hyphen, figure/en/em dashes, horizontal bar, minus, box-drawing line (PDF 「──」), small and full-width hyphens. */
const DASHES = /[\u2010-\u2015\u2212\u2500\uFE58\uFE63\uFF0D]/g;

/**
 * Characters set solid in Chinese typesetting: Han ideographs, CJK punctuation (、。〔〕《》「」…),
 * full-width forms （），：, and the punctuation Chinese shares with Western text but sets wide (“”‘’—…).
 */
const WIDE = '[\\p{Script=Han}\\u3001-\\u303F\\uFF01-\\uFFEF\\u2014\\u2015\\u2018\\u2019\\u201C\\u201D\\u2026]';
const SPACES_TOUCHING_WIDE = new RegExp(`(?<=${WIDE})${SPACE_CLASS}+|${SPACE_CLASS}+(?=${WIDE})`, 'gu');

/**
 * Canonical form for matching:
 * full-width ASCII （），：；．－ and ０-９Ａ-Ｚａ-ｚ → half-width; every space kind → one space;
 * every dash variant (- — – ― ─ －) → `-` (so 2021—2035 matches the TOC's 2021-2035, and —— becomes --);
 * curly quotes “”‘’ → straight " and ' (004 prints "1+10" where others print “1+10”);
 * then a space survives only between two ASCII letters/digits (ISSN 1009), so 珲春 S 波段 = 珲春S波段,
 * 2023 年 = 2023年 and 中共吉林省委 吉林省人民政府 = 中共吉林省委吉林省人民政府.
 * Brackets 〔〕【】《》〈〉 and 、。 are kept: they carry meaning (document numbers, titles).
 */
export function toMatchForm(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DASHES, '-')
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(SPACES, ' ')
    .trim()
    .replace(/(?<![A-Za-z0-9]) | (?![A-Za-z0-9])/g, '');
}

/**
 * Removes every run of spaces (ASCII, ideographic, no-break …) that touches a wide character on either
 * side, collapses the remaining runs (between Latin letters, digits, ASCII punctuation) to one ASCII
 * space, and trims the ends. Glyphs are never changed: ( stays ( and （ stays （.
 *
 * 「关于 印发」 → 「关于印发」; 「规划 (2021—2035年)实施」 → 「规划(2021—2035年)实施」 (the space touches 划);
 * 「(2022—2025 年) 的通知」 → 「(2022—2025年)的通知」; 「2023 年」 → 「2023年」;
 * 「珲春 S 波段」 → 「珲春S波段」 (decision: Chinese typesetting puts no space around embedded Latin
 * letters or digits, the other copy (000) prints 珲春S波段, and any visual gap is the renderer's job);
 * 「ISSN 1009-1818」 and 「R&D (研发)」's 「R&D (」 keep their space.
 */
export function stripLayoutSpaces(s: string): string {
  return s.replace(SPACES_TOUCHING_WIDE, '').replace(SPACES, ' ').trim();
}

const HAN = /\p{Script=Han}/u;
const WIDE_CHAR = new RegExp(`^${WIDE}$`, 'u');
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
/** Any character fullWidthPunctuation may change: most texts have none, and are returned as they are. */
const HALF_WIDTH = /[(),;:?!]/;
const MARKS = /[,;:?!]+/g;

/**
 * Half-width punctuation set in Chinese text, displayed full-width: Chinese typesetting sets ，；：？！（）
 * wide, while a PDF text layer or a web copy often carries the ASCII glyph (content/sources/000_0e00a8da3e3bc271.txt:6
 * 「各市(州)人民政府,长白山管委会,」 where the printed page sets 「各市（州）人民政府，长白山管委会，」). A typographic normalisation for display only: the API and the .txt export keep what
 * the source printed. One UTF-16 unit is replaced by one, so offsets (links, the ledger) hold, and toMatchForm
 * folds the result back to the same form, so matching and search see no change.
 *
 * - a pair ( ) that holds a Han character or touches a wide character outside: 「(2022—2025年)」「(一)」
 *   「规划(2021」; 「R&D (x)」 and 「f(x)」 keep theirs;
 * - ,;:?! after a wide character (汉字, CJK punctuation, a full-width bracket); 1,000 and 8:30 keep theirs.
 */
export function fullWidthPunctuation(s: string): string {
  if (!HALF_WIDTH.test(s)) return s;
  const wide = (c: string | undefined): boolean => c !== undefined && WIDE_CHAR.test(c);
  let t = s;
  if (s.includes('(') && s.includes(')')) {
    const out = s.split('');
    const open: number[] = [];
    for (let i = 0; i < out.length; i++) {
      if (out[i] === '(') open.push(i);
      else if (out[i] === ')' && open.length > 0) {
        const from = open.pop() ?? 0;
        if (HAN.test(s.slice(from + 1, i)) || wide(s[from - 1]) || wide(s[i + 1])) [out[from], out[i]] = ['（', '）'];
      }
    }
    t = out.join('');
  }
  // A run of marks after a wide character turns full-width whole: each mark then follows a wide one.
  return t.replace(MARKS, (run: string, at: number) => (wide(t[at - 1]) ? run.replace(/./g, (c) => FULL[c] ?? c) : run));
}

/** How many characters fullWidthPunctuation changes in a text. */
export function widenedCount(s: string): number {
  const w = fullWidthPunctuation(s);
  if (w === s) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] !== w[i]) n++;
  return n;
}
