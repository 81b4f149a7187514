/**
 * Known issuing authorities (发文机关): a maintained list. A document's issuer is published only when it is
 * on this list; anything else is reported, and where an authoritative copy names a known issuer at the
 * same place, the copy is treated as tampered (tamper.ts). Add an authority here when a genuine new
 * issuer appears in the build report as `issuer-unknown`; names are full official names, as signed.
 */
import type { SourceDocument } from '../../gazette/model.ts';
import { toMatchForm } from '../../gazette/width.ts';
import { toSimplified } from '../text/traditional.ts';

export const KNOWN_ISSUERS: readonly string[] = [
  // 吉林 (the seed issue, content/sources/001)
  '中共吉林省委',
  '中共吉林省委办公厅',
  '吉林省人民政府',
  '吉林省人民政府办公厅',
  // 中央 (tests/fixtures corpus: 国办发〔2018〕126号, 国发〔2019〕4号; 国务院令 cited by D3)
  '国务院',
  '国务院办公厅',
  '劳动和社会保障部', // 劳社部发[2008]3号
  '最高人民法院', // 罪名补充规定（七）, joint with the next
  '最高人民检察院',
  // 广州 (穗府办规〔2021〕7号, 〔2025〕8号; 穗卫函〔2023〕1930号 is signed by the four bodies below the first two)
  '广州市人民政府',
  '广州市人民政府办公厅',
  '广州市卫生健康委员会',
  '广州市财政局',
  '广州市人力资源和社会保障局',
  '广州市医疗保障局',
  // 上海 (沪府办发〔2021〕19号)
  '上海市人民政府',
  '上海市人民政府办公厅',
];

/**
 * Short forms this gazette's sources use for its own authorities (吉林省人民政府公报: 省委 and 省政府 are 吉林's).
 * A document that names one is published under the full names.
 */
export const ISSUER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  省委省政府: ['中共吉林省委', '吉林省人民政府'],
  省委: ['中共吉林省委'],
  省政府: ['吉林省人民政府'],
  省政府办公厅: ['吉林省人民政府办公厅'],
};

const KNOWN = new Set(KNOWN_ISSUERS.map(toMatchForm));

/** Issuers under their full names: aliases expanded, duplicates dropped, order kept. */
export function canonicalIssuers(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => ISSUER_ALIASES[toMatchForm(n)] ?? [n]))];
}

/**
 * Exact match after width normalisation, as printed or after Traditional→Simplified conversion:
 * 吉林省人民政府辦公廳 is known. (Conversion is not applied blindly: it can mangle Simplified text.)
 */
export function isKnownIssuer(name: string): boolean {
  const printed = toMatchForm(name);
  return KNOWN.has(printed) || KNOWN.has(toMatchForm(toSimplified(printed)));
}

/** The issuers a document names — its issuer list and its 落款, joint issuers split — that are not known. */
export function unknownIssuers(doc: Pick<SourceDocument, 'issuers' | 'signature'>): string[] {
  const named = [...doc.issuers, doc.signature.issuer ?? ''].flatMap((n) => n.split(/[\s、，,]+/)).filter(Boolean);
  return [...new Set(named.filter((n) => !isKnownIssuer(n) && !(toMatchForm(n) in ISSUER_ALIASES)))];
}

/** Known names by first character, longest first, for scanning compared text. */
const BY_FIRST: ReadonlyMap<string, readonly string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const name of KNOWN_ISSUERS) {
    const chars = Array.from(toMatchForm(name));
    map.set(chars[0]!, [...(map.get(chars[0]!) ?? []), chars].sort((a, b) => b.length - a.length));
  }
  return map;
})();

/**
 * Occurrences of known issuer names in a text given as characters (the comparison form of tamper.ts):
 * the longest name at each position, none inside another (吉林省人民政府办公厅, not also 吉林省人民政府).
 */
export function findIssuerNames(chars: readonly string[]): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < chars.length; i++) {
    const name = BY_FIRST.get(chars[i]!)?.find((n) => n.every((c, k) => chars[i + k] === c));
    if (!name) continue;
    found.push({ start: i, end: i + name.length });
    i += name.length - 1;
  }
  return found;
}
