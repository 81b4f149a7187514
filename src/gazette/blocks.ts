/** Walking a document's block tree: the one walker, flattened clauses, outline, citation paths. */
import type { Attachment, Block, ClauseBlock, ClauseLevel, GazetteDocument, TextLink } from './model.ts';
import { DIVISION_LEVELS } from './model.ts';
import { toChinese } from './numerals.ts';
import { fullWidthPunctuation } from './width.ts';

/** Every block in reading order (pre-order: a clause, then its children). */
export function* walkBlocks(blocks: Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'clause') yield* walkBlocks(block.children);
  }
}

/** Every block of a document: its body, then each attachment's (附件). */
export function allBlocks(doc: Pick<GazetteDocument, 'body' | 'attachments'>): Block[] {
  return [...walkBlocks(doc.body), ...doc.attachments.flatMap((a: Attachment) => [...walkBlocks(a.body)])];
}

export interface FlatClause {
  id: string;
  label: string;
  level: ClauseLevel;
  title: string | null;
  /**
   * The clause's own text followed by the text of its unnumbered paragraphs and omitted notes
   * (newline-separated), so the JSON API carries every word of the clause; sub-clauses are their own
   * entries and tables are listed separately.
   */
  text: string;
  /** Id of the enclosing clause, null at top level. */
  parent: string | null;
}

/** Every clause in reading order (pre-order), for the JSON API's `clauses`. */
export function flattenClauses(blocks: Block[]): FlatClause[] {
  const parentOf = new Map<ClauseBlock, string>();
  const out: FlatClause[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type !== 'clause') continue;
    for (const c of b.children) if (c.type === 'clause') parentOf.set(c, b.id);
    const own = b.children.flatMap((c) => (c.type === 'paragraph' || c.type === 'omitted' ? [c.text] : []));
    out.push({ id: b.id, label: b.label, level: b.level, title: b.title, text: [b.text, ...own].join('\n'), parent: parentOf.get(b) ?? null });
  }
  return out;
}

/** Every clause of a document: its body's, then each attachment's. */
export function documentClauses(doc: Pick<GazetteDocument, 'body' | 'attachments'>): FlatClause[] {
  return [...flattenClauses(doc.body), ...doc.attachments.flatMap((a) => flattenClauses(a.body))];
}

/**
 * The label as a citation writes it, whatever the source's widths and spaces: 二、 （三） 11. （1） ①;
 * for a legal norm 第三章 第十二条 第十二条之一 第二款 第（三）项 第1目.
 */
export function citationLabel(clause: Pick<ClauseBlock, 'level' | 'number' | 'label' | 'sub'>): string {
  const n = toChinese(clause.number);
  switch (clause.level) {
    case 'bian':
      return `第${n}编`;
    case 'zhang':
      return `第${n}章`;
    case 'jie':
      return `第${n}节`;
    case 'tiao':
      return `第${n}条${clause.sub ? `之${toChinese(clause.sub)}` : ''}`;
    case 'kuan':
      return `第${n}款`;
    case 'xiang':
      return `第（${n}）项`;
    case 'mu':
      return `第${clause.number}目`;
    case 'part':
      return `${n}、`;
    case 'section':
      return `（${n}）`;
    case 'item':
      return `${clause.number}.`;
    case 'subitem':
      return `（${clause.number}）`;
    default:
      return clause.label.trim();
  }
}

export interface OutlineNode {
  id: string;
  label: string;
  title: string;
  level: ClauseBlock['level'];
  path: string;
  children: OutlineNode[];
}

/** The text a clause opens with: its own, or its first 款's when a 条 of several 款 has none of its own. */
export function openingText(c: ClauseBlock): string {
  const first = c.children[0];
  return c.text === '' && first?.type === 'clause' ? first.text : c.text;
}

function titleOf(c: ClauseBlock): string {
  const t = c.title ?? openingText(c);
  return t.length > 28 ? `${t.slice(0, 26)}…` : t;
}

/**
 * Every clause with its citation path (「二、（三）11.」, 「第十二条第二款第（三）项」), for the outline,
 * copy-citation and clause pages. An article is cited without its 编 章 节 (第十二条, not 第三章第十二条),
 * so a division's path is its own and starts no prefix for what lies inside it.
 *
 * A dash item (——) prints no numeral, so it is cited by its place among its dash siblings: 「一、（二）第一项」.
 * In Chinese drafting usage the units enumerated inside a clause are 项 (条、款、项、目), and an unnumbered
 * enumeration is counted (第一项、第二项); an official document's own levels are cited by their printed labels
 * (一、（二）1.), and a legal norm's numbered 项 carries brackets (第（三）项), so neither can read the same.
 * Five dash items of 26号 cited as 「一、（二）——」 before; each now has its own citation.
 */
export function outline(blocks: Block[], prefix = ''): OutlineNode[] {
  let dashes = 0;
  return blocks.flatMap((b) => {
    if (b.type !== 'clause') return [];
    const label = b.level === 'dash' ? `第${toChinese(++dashes)}项` : citationLabel(b);
    const path = `${prefix}${label}`;
    const inner = DIVISION_LEVELS.has(b.level) ? '' : path;
    return [{ id: b.id, label, title: titleOf(b), level: b.level, path, children: outline(b.children, inner) }];
  });
}

/**
 * A document's outline: its body's clauses, then each attachment as a node of its own whose clauses are cited
 * after its label (「附件1 一、」), so an attachment's 一、 never shares the body's citation.
 */
export function documentOutline(doc: Pick<GazetteDocument, 'body' | 'attachments'>): OutlineNode[] {
  return [
    ...outline(doc.body),
    ...doc.attachments.map((a) => ({ id: a.id, label: a.label, title: a.title, level: 'part' as const, path: a.label, children: outline(a.body, `${a.label} `) })),
  ];
}

export function flatOutline(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flatOutline(n.children)]);
}

/** 《X》 with X's own brackets balanced: the 《 at 0 closes at the very end (「《A》B简报」 is not one title). */
function wrappedWhole(t: string): boolean {
  if (!t.startsWith('《') || !t.endsWith('》')) return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '《') depth++;
    else if (t[i] === '》' && --depth === 0) return i === t.length - 1;
  }
  return false;
}

/**
 * The work a clause belongs to (an 印发 notice's clauses are those of the attached plan), as a citation writes
 * it inside its own 《》: a title within it takes 〈〉 (GB/T 15834—2011 标点符号用法, 书名号 4.15: 书名号里边还要用
 * 书名号时，外面一层用双书名号，里边一层用单书名号), so 137号 reads 《吉林省贯彻落实〈气象高质量发展纲要…〉…方案》
 * and the 简报 《〈吉林市…规划建议〉教育科技发展相关论述简报》; half-width brackets are set full-width
 * (fullWidthPunctuation).
 */
export function citedWork(doc: Pick<GazetteDocument, 'title' | 'planTitle'>): string {
  const t = doc.planTitle ?? doc.title;
  const bare = wrappedWhole(t) ? t.slice(1, -1) : t;
  return fullWidthPunctuation(bare.replaceAll('《', '〈').replaceAll('》', '〉'));
}

/**
 * 《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.; a 规章 published by a 政府令
 * is cited by its title alone, as the law is: 《上海市不动产登记若干规定》第三条第（二）项.
 */
export function citation(doc: Pick<GazetteDocument, 'title' | 'planTitle' | 'docNumber' | 'promulgation'>, path = ''): string {
  const number = doc.docNumber && !doc.promulgation ? `（${doc.docNumber.normalized}）` : '';
  return `《${citedWork(doc)}》${number}${path}`;
}

/** Where a document was published: the gazette's name, its issue and the printed page (原刊页码). */
export interface PublishedIn {
  gazette: string;
  year: number;
  number: number;
  page: number | null;
}

/**
 * The long form, naming where the text was published, in the form of 《法学引注手册》 for a text carried
 * by a periodical (「载《刊名》某年第某期，第某页」): 《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）
 * 二、（三）11.，载《吉林省人民政府公报》2023年第4期，第11页. The page is the printed one, where the document starts.
 */
export function longCitation(short: string, at: PublishedIn): string {
  const page = at.page === null ? '' : `，第${at.page}页`;
  return `${short}，载《${at.gazette}》${at.year}年第${at.number}期${page}`;
}

/** A text cut at its links, from offset `from` on: plain stretches and linked ones, in order. */
export function linkPieces(text: string, refs: TextLink[] = [], from = 0): Array<{ text: string; link: TextLink | null }> {
  const out: Array<{ text: string; link: TextLink | null }> = [];
  let at = from;
  for (const r of refs) {
    if (r.at < at) continue;
    if (r.at > at) out.push({ text: text.slice(at, r.at), link: null });
    out.push({ text: text.slice(r.at, r.at + r.length), link: r });
    at = r.at + r.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), link: null });
  return out;
}

/** The id itself, or its nearest enclosing id that `has` accepts (p8-s25-para1 → p8-s25, block ids nest by '-'); '' if none. */
export function enclosingId(id: string, has: (id: string) => boolean): string {
  let at = id;
  while (at && !has(at)) at = at.includes('-') ? at.replace(/-[^-]+$/, '') : '';
  return at;
}
