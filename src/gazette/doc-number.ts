/**
 * 发文字号 (document numbers): parsing every common spelling, finding them in text, normalising
 * search queries, and deriving the ASCII URL slug (README, "Clause IDs").
 *
 * Two printed forms exist:
 * - 机关代字〔年份〕序号号, e.g. 吉政办发〔2022〕26号; normalised with full-width 〔〕 and no spaces.
 * - 令 numbers, e.g. 国务院令第675号: they carry no year. They keep their own canonical form
 *   (agency 国务院令, year 0, serial 675, normalised 国务院令第675号) rather than a made-up year.
 */

import type { DocumentNumber } from './model.ts';
import { toMatchForm } from './width.ts';

const HAN = '\\p{Script=Han}';
const OPEN = '[〔［\\[【（(]';
const CLOSE = '[〕］\\]】）)]';
const DIGIT = '[0-9０-９]';
const WS = '[\\s\\u3000]*';
/** Serial: a number or a range (吉政干任〔2023〕6-7号), with any dash glyph. */
const SERIAL = `${DIGIT}+(?:${WS}[-－—–~～]${WS}${DIGIT}+)?`;
/** Years 1900–2099: other four-digit runs before a bracket are not document numbers. */
const YEAR = '(?:[1１][9９]|[2２][0０])[0-9０-９]{2}';

/**
 * Agency: the whole run of Han characters (at most 12) right before the bracket, bounded by a non-Han
 * character (「（吉发〔2021〕33号）」). In running prose the run may swallow a preceding word
 * (「根据吉政办发〔2022〕26号」 gives 根据吉政办发); docNumberSlug then throws on 根, so the caller
 * reports it instead of publishing a wrong number.
 */
const AGENCY = `(?<!${HAN})(${HAN}{1,12}?)`;
/** open ? year close ? — at most one bracket may be missing (TOC 「吉政办发2022〕27号」). */
const BRACKETED = `${AGENCY}${WS}(${OPEN})?${WS}(${YEAR})${WS}(${CLOSE})?${WS}(?:第${WS})?(${SERIAL})${WS}号`;
const ORDER = `(?<!${HAN})(${HAN}{1,12}?令)${WS}第${WS}(${DIGIT}+)${WS}号`;
const ANY = new RegExp(`${BRACKETED}|${ORDER}`, 'gu');

export interface FoundDocumentNumber {
  number: DocumentNumber;
  /** A bracket was missing and has been supplied; callers report `toc-repaired` or similar. */
  repaired: boolean;
}

export interface DocumentNumberOccurrence extends FoundDocumentNumber {
  /** UTF-16 offset and length of the printed form in the searched text. */
  index: number;
  length: number;
}

const halfWidthDigits = (s: string): string =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function fromMatch(m: RegExpExecArray): FoundDocumentNumber | null {
  const [printed, agency, open, year, close, serial, orderAgency, orderSerial] = m;
  if (orderAgency !== undefined && orderSerial !== undefined) {
    const n = halfWidthDigits(orderSerial);
    return {
      number: { normalized: `${orderAgency}第${n}号`, printed, agency: orderAgency, year: 0, serial: n },
      repaired: false,
    };
  }
  if (agency === undefined || year === undefined || serial === undefined) return null;
  // Both brackets missing is a bare 「吉政办发2022 26号」: too loose to accept in running text.
  if (open === undefined && close === undefined) return null;
  const y = halfWidthDigits(year);
  const s = halfWidthDigits(serial).replace(/[\s\u3000]/g, '').replace(/[－—–~～]/g, '-');
  return {
    number: { normalized: `${agency}〔${y}〕${s}号`, printed, agency, year: Number(y), serial: s },
    repaired: open === undefined || close === undefined,
  };
}

/**
 * All document numbers in a text, in order, with their offsets. Accepts 〔〕 [] ［］ 【】 () （） and
 * mixed pairs, spaces anywhere (〔2022〕27 号), full-width digits, an optional 第 before the serial,
 * and the 令 form; a number missing exactly one bracket is returned with `repaired: true`.
 */
export function findDocumentNumbers(text: string): DocumentNumberOccurrence[] {
  const out: DocumentNumberOccurrence[] = [];
  // Every form ends in 号: most lines of a dump hold none, and the pattern is slow to fail.
  if (!text.includes('号')) return out;
  for (const m of text.matchAll(ANY)) {
    const found = fromMatch(m);
    if (found) out.push({ ...found, index: m.index, length: m[0].length });
  }
  return out;
}

/** The whole string (outer spaces ignored) as one document number, repairs allowed; null otherwise. */
export function parseDocumentNumberLenient(s: string): FoundDocumentNumber | null {
  const trimmed = s.trim();
  if (!trimmed.endsWith('号')) return null;
  const [only] = findDocumentNumbers(trimmed);
  return only && only.index === 0 && only.length === trimmed.length ? { number: only.number, repaired: only.repaired } : null;
}

/** The whole string as one correctly bracketed document number; null if it needed a repair or is not one. */
export function parseDocumentNumber(s: string): DocumentNumber | null {
  const found = parseDocumentNumberLenient(s);
  return found && !found.repaired ? found.number : null;
}

/**
 * Turns what a reader types into the normalised 发文字号, or null when that cannot be done unambiguously.
 * Accepts any printed spelling, loose token queries in any order (「吉政办发2022 26」, 「2022 26号 吉政办发」,
 * 「吉政办发 2022-26」) and URL slugs (「jzbf-2022-26」). With `known` (the normalised numbers in the set),
 * a query without a year (「26号 吉政办发」) or a slug resolves when exactly one known number fits.
 *
 * Tokens: the Han characters other than 号第年 form the agency; of two numbers, the one without 号 is
 * the year when the other has 号, else the only one that can be a year (1900–2099); two possible
 * years and no 号 → null.
 */
export function normalizeDocNumberQuery(query: string, known: readonly string[] = []): string | null {
  const exact = parseDocumentNumberLenient(query);
  if (exact) return exact.number.normalized;

  const q = toMatchForm(query);
  if (/^[a-z]+(?:-\d+){1,3}$/i.test(q)) {
    const slug = q.toLowerCase();
    return unique(known.filter((k) => slugOf(k) === slug));
  }
  if (/[^\p{Script=Han}\d \-〔〕[\]【】()]/u.test(q)) return null;
  const agency = q.replace(/[^\p{Script=Han}]|[号第年]/gu, '');
  if (agency === '') return null;

  let tokens = [...q.matchAll(/(\d+(?:-\d+)?)(号)?/g)].map((m) => ({ value: m[1] ?? '', marked: m[2] !== undefined }));
  const [first] = tokens;
  const joined = first && tokens.length === 1 ? /^((?:19|20)\d\d)-(\d+)$/.exec(first.value) : null;
  if (first && joined?.[1] && joined[2]) {
    tokens = [
      { value: joined[1], marked: false },
      { value: joined[2], marked: first.marked },
    ];
  }
  const yearLike = (t: { value: string; marked: boolean }) => !t.marked && /^(?:19|20)\d\d$/.test(t.value);

  if (tokens.length === 2) {
    const year = tokens.some((t) => t.marked) ? tokens.find((t) => !t.marked) : unique(tokens.filter(yearLike));
    const serial = tokens.find((t) => t !== year);
    if (!year || !serial || !yearLike(year)) return null;
    return `${agency}〔${year.value}〕${serial.value}号`;
  }
  const [serial] = tokens;
  if (tokens.length !== 1 || !serial || yearLike(serial)) return null;
  const pattern = new RegExp(`^${agency}〔\\d{4}〕${serial.value}号$`);
  return unique(known.filter((k) => pattern.test(k)));
}

function unique<T>(candidates: T[]): T | null {
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

function slugOf(normalized: string): string | null {
  const n = parseDocumentNumber(normalized);
  if (!n) return null;
  try {
    return docNumberSlug(n);
  } catch {
    return null; // a known number with an unmapped agency cannot be what a slug query names
  }
}

/**
 * Pinyin initials of the characters that occur in 机关代字: province and city short names
 * (京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台, 穗深 …, the cities and
 * counties of 吉林), organ words (政府办发函规任干令委卫教财人社部厅局党中国 …) and common department
 * abbreviations (发改 人社 住建 卫健 市监 应急 自然资 工信 退役军人 …).
 *
 * Characters whose reading differs by context are left out on purpose, so an agency using them fails
 * loudly instead of getting a slug that might collide: 行 (银行 háng / 行政 xíng), 会 (委员会 huì /
 * 财会 kuài), 重 (重庆 chóng / zhòng), 乐, 调, 传, 校, 六 (六安 lù), 蚌, 番, 单, 种, 率.
 * Kept because agency usage fixes the reading: 长 cháng (长春, 长沙), 藏 zàng (西藏), 厦 xià (厦门),
 * 都 dū (成都), 宿 sù (宿迁), 省 shěng, 石 shí, 大 dà, 朝 cháo (朝阳).
 */
const INITIAL_GROUPS: Record<string, string> = {
  a: '安澳鞍案岸',
  b: '办部保北白本备标表兵编版滨包宝',
  c: '财长春城川场产出处常残储朝承沧成察裁草测赤滁',
  d: '党电地道档大丹督定东都德滇敦',
  e: '鄂',
  f: '府发法妇防扶抚阜福佛丰服复',
  g: '国规干贵桂赣港甘工公管广关改革构格估供高共郭',
  h: '函沪黑杭海湖河合环化核航红珲汉哈呼邯衡惠淮华鹤桦辉浑和',
  j: '吉京冀晋津局教建监计检纪金健技交机军急减济进经街江价奖据疆锦九佳嘉荆景焦蛟集靖',
  k: '科康矿空考开口抗昆克',
  l: '令辽鲁劳联林利理旅粮路流陇兰拉连临柳龙泸洛廊梨赉岭',
  m: '民闽贸蒙梅明免盟牡绵茂',
  n: '宁农能南内',
  p: '平评贫聘盘莆萍濮磐',
  q: '琼黔秦青区侨旗权气企庆泉衢齐乾前',
  r: '人任融蓉榕然日',
  s: '苏陕蜀穗深沈社市省审司署生商水税史室所设识诉讼视石松四三山上汕韶绍宿随遂数实食十舒双',
  t: '台厅通统体铁土退态团投特天太唐泰潭桐铜图洮',
  w: '委卫皖务外文物网位温无乌芜梧渭潍威武吴汪',
  x: '新湘厦县乡信息险宣协心巡销刑学汛象西襄孝徐许咸邢兴',
  y: '渝豫粤云院业医药育游运源研银邮烟应役议意延营盐扬宜岳阳玉榆伊',
  z: '浙政藏中组字资自住质证知战章志震站州镇总综专准作仲征郑淄肇湛株遵珠舟漳',
};

/** Character → initial, built once from INITIAL_GROUPS. */
export const PINYIN_INITIALS: ReadonlyMap<string, string> = new Map(
  Object.entries(INITIAL_GROUPS).flatMap(([initial, chars]) => [...chars].map((c) => [c, initial] as const)),
);

/**
 * ASCII slug for URLs: pinyin initials of the agency, year, serial — 吉政办发〔2022〕26号 → jzbf-2022-26,
 * 吉政干任〔2023〕6-7号 → jzgr-2023-6-7, 国务院令第675号 → gwyl-675 (令 numbers have no year).
 * Throws an Error naming the character when the agency holds one outside the table: a guessed initial
 * could make two documents share a slug, so callers turn the error into a finding.
 */
export function docNumberSlug(n: DocumentNumber): string {
  const initials = [...n.agency]
    .map((c) => {
      const initial = PINYIN_INITIALS.get(c);
      if (initial === undefined) {
        throw new Error(`docNumberSlug: no pinyin initial for 「${c}」 in 机关代字 「${n.agency}」 (${n.normalized})`);
      }
      return initial;
    })
    .join('');
  return n.year === 0 ? `${initials}-${n.serial}` : `${initials}-${n.year}-${n.serial}`;
}
