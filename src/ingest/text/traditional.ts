/**
 * Traditional → Simplified, for matching only: grouping copies by title, collating a Traditional mirror
 * (002) against the simplified standard text, recognising issuer names. Never shown to readers — a copy
 * is quoted as printed.
 *
 * Converter: OpenCC `tw → cn` (Taiwan variants, then Traditional → Simplified characters and phrases).
 * Not `twp`: its phrase table also rewrites words the original uses itself — on 002 it turned 建立 into
 * 创建, 效能 into 性能, 整合 into 集成 and 核心 into 内核, inventing differences. The words a mirror
 * really substituted are in the maintained table of regional-vocabulary.ts, applied AFTER character
 * conversion (its keys are converted with the same converter), so OpenCC segments the text as printed.
 * With both, 002's body equals 000's exactly (tests/unit/ingest/traditional.test.ts).
 *
 * Every function works on code points and keeps, for each output character, the span of the input it
 * came from, so a difference found in the converted text can be quoted from the printed one.
 */
import { Converter } from 'opencc-js/t2cn';
import { REGIONAL_VOCABULARY } from '../../gazette/regional-vocabulary.ts';

const convert = Converter({ from: 'tw', to: 'cn' });

/** A text as code points, each with the UTF-16 span [start, end) of the printed characters it stands for. */
export interface Traced {
  chars: string[];
  start: number[];
  end: number[];
}

export function trace(text: string): Traced {
  const chars = Array.from(text);
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const c of chars) {
    start.push(offset);
    offset += c.length;
    end.push(offset);
  }
  return { chars, start, end };
}

/** Vocabulary keys after character conversion, grouped by first character, longest first. */
const VOCABULARY: ReadonlyMap<string, ReadonlyArray<{ key: string[]; mainland: string[] }>> = (() => {
  const byFirst = new Map<string, Array<{ key: string[]; mainland: string[] }>>();
  for (const w of REGIONAL_VOCABULARY) {
    const key = Array.from(convert(w.regional));
    const mainland = Array.from(w.mainland);
    // 計畫 and 借鑑 are already mainland words after conversion: nothing left to map.
    if (key.join('') === w.mainland) continue;
    const list = byFirst.get(key[0]!) ?? [];
    list.push({ key, mainland });
    byFirst.set(key[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  return byFirst;
})();

/**
 * OpenCC converts three characters in two steps (麼 → 么 → 幺, 薴 → 苧 → 苎), so converting twice would differ
 * from converting once. 么 is already Simplified (什么) and stays; 苧 goes straight to 苎.
 */
const STABLE: Readonly<Record<string, string>> = { 么: '么', 苧: '苎' };

function convertChars(chars: string[]): string[] {
  const whole = Array.from(convert(chars.join('')));
  // OpenCC's tw→cn dictionaries map code point for code point; convert one by one if that ever changes.
  const out = whole.length === chars.length ? whole : chars.map((c) => convert(c));
  return out.map((c, i) => STABLE[chars[i] ?? ''] ?? STABLE[c] ?? c);
}

/** Characters converted, then regional words replaced; each output character keeps the span of its source. */
export function simplifyTraced(t: Traced): Traced {
  const chars = convertChars(t.chars);
  const out: Traced = { chars: [], start: [], end: [] };
  for (let i = 0; i < chars.length; ) {
    const hit = VOCABULARY.get(chars[i]!)?.find((w) => w.key.every((c, k) => chars[i + k] === c));
    const n = hit ? hit.key.length : 1;
    // A replaced word maps as a whole onto the printed word: its parts have no counterpart of their own.
    for (const c of hit ? hit.mainland : [chars[i]!]) {
      out.chars.push(c);
      out.start.push(t.start[i]!);
      out.end.push(t.end[i + n - 1]!);
    }
    i += n;
  }
  return out;
}

/** Simplified characters and mainland vocabulary, for matching. */
export function toSimplified(text: string): string {
  return simplifyTraced(trace(text)).chars.join('');
}

const HAN = /\p{Script=Han}/u;
/** Enough characters to judge a document; the judgement must not cost a conversion of everything. */
const SAMPLE = 4000;
/** A text's start this long (UTF-16 units: SAMPLE characters and a split pair) is judged as the whole text. */
export const TRADITIONAL_PREFIX = 2 * SAMPLE + 2;

/**
 * Whether a text is written in Traditional characters: at least 2% of its Han characters (and at least
 * three) change under conversion. Simplified text changes almost nowhere (a stray 內 in 003's front matter),
 * while 002 changes in roughly every third character.
 */
export function isTraditional(text: string): boolean {
  let han = 0;
  let changed = 0;
  for (let i = 0, n = 0; i < text.length && n < SAMPLE; n++) {
    const code = text.codePointAt(i)!;
    const c = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
    i += c.length;
    const kind = kindOf(c, code);
    if (kind === NOT_HAN) continue;
    han++;
    if (kind === HAN_CHANGED) changed++;
  }
  return changed >= 3 && changed >= han * 0.02;
}

// Asked of every document of an archive (6,000 at 1,000 issues): a character is classified once, a BMP
// one in a table (a lookup per character is most of the cost).
const NOT_HAN = 1;
const HAN_KEPT = 2;
const HAN_CHANGED = 3;
const bmpKinds = new Uint8Array(0x10000);
const astralKinds = new Map<string, number>();
const classify = (c: string): number => (!HAN.test(c) ? NOT_HAN : convertChars([c])[0] !== c ? HAN_CHANGED : HAN_KEPT);
function kindOf(c: string, code: number): number {
  if (code <= 0xffff) return bmpKinds[code] || (bmpKinds[code] = classify(c));
  let kind = astralKinds.get(c);
  if (kind === undefined) astralKinds.set(c, (kind = classify(c)));
  return kind;
}
