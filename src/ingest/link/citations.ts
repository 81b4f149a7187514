/**
 * The link stage (src/ingest/pipeline.ts): the documents a published text cites, resolved
 * against the set, and the reverse links (cited-by).
 *
 * Only the published (authoritative) text is scanned: copies never reach a GazetteDocument's body,
 * so a tampered copy (000's 《中共吉林省委 欧宝体育关于…》) can never create or break a link.
 *
 * What counts as a citation:
 * - every 《title》, read up to its matching 》 so nested 〈〉 and （） stay inside
 *   (《吉林省贯彻落实〈气象高质量发展纲要（2022—2035年）〉重点任务及分工方案》), with the 发文字号
 *   that follows it in brackets: （吉发〔2021〕33号）, (吉卫联发〔2021〕44号), （国务院令 第 675 号）;
 *   a nested 〈title〉 is part of its citation, not one of its own;
 * - a 发文字号 on its own when it opens the text or stands right after （ ( 【 [ or 、. In running prose
 *   the 机关代字 cannot be told from the word before it (「按照国办发〔2021〕50号」 reads as agency
 *   按照国办发), so such mentions are left out rather than published with a wrong number.
 * Not citations: the document itself — the 印发 formula 「现将《plan》印发给你们」 names the document's
 * own plan — and an 人事任免/要闻 entry's own number.
 */
import type { Block, Citation, ClauseBlock, DocumentNumber, GazetteDocument, SourceDocument, SourceRef, TextLink } from '../../gazette/model.ts';
import { allBlocks } from '../../gazette/blocks.ts';
import { chineseToNumber } from '../../gazette/numerals.ts';
import { toMatchForm } from '../../gazette/width.ts';
import { findDocumentNumbers } from '../../gazette/doc-number.ts';
import { aliasRun, type IssuerRegister } from '../structure/issuers.ts';

/** A document in either stage: the link stage scans a GazetteDocument; a SourceDocument works for tests and tools. */
export type CitingDocument = GazetteDocument | SourceDocument;

/** A date printed after a title, 「（2021年12月20日）」 (003 l.17): an annotation, not part of the title. */
const TRAILING_DATE = /\(\d{4}年\d{1,2}月\d{1,2}日\)$/;

/**
 * The form in which a cited title and a document title are compared:
 * toMatchForm (width, spaces — so 中共吉林省委 吉林省人民政府 = 中共吉林省委吉林省人民政府 —, dashes),
 * title brackets 《》〈〉 dropped, a trailing printed date dropped; then, when the part before the first
 * 关于 consists only of authorities the gazette abbreviates (IssuerRegister.titleAliases: any short form,
 * 、 between them — 省委/省政府 mean 吉林's in 吉林省人民政府公报), it becomes their canonical set: 「中共吉林省委 吉林省人民政府关于创新型省份建设的意见」 and 「省委省政府关于创新型省份建设的意见」
 * both give 「中共吉林省委+吉林省人民政府|关于创新型省份建设的意见」.
 * The 关于… remainder, which ends with the 文种 (意见, 通知 …), must match exactly, and the issuer sets
 * must be equal: 省政府关于X and 省政府办公厅关于X stay apart, and a prefix with anything unknown
 * (欧宝体育关于…, 「…印发〈关于…〉的通知」) is compared as the whole title, never stripped.
 */
export function titleKey(title: string, register: IssuerRegister): string {
  const t = toMatchForm(title).replace(/[《》〈〉<>]/g, '').replace(TRAILING_DATE, '');
  const at = t.indexOf('关于');
  const issuers = at > 0 ? aliasRun(register, t.slice(0, at)) : null;
  return issuers ? `${[...new Set(issuers)].sort().join('+')}|${t.slice(at)}` : t;
}

/** Titles a document answers to: its own, its plan's, and the plan an 印发 notice names (关于印发X的通知). */
function ownTitleKeys(doc: CitingDocument, register: IssuerRegister): Set<string> {
  const named = /关于印发(.+)的通知$/.exec(doc.title)?.[1];
  return new Set([doc.title, doc.planTitle, named].flatMap((t) => (t ? [titleKey(t, register)] : [])));
}

/** A stretch of published text and where a citation in it is anchored. */
interface Passage {
  text: string;
  clause: string;
  source: SourceRef;
  /** The entry's own 发文字号 (人事任免), not a citation. */
  own?: string;
}

/**
 * The notice has no SourceRef of its own: it is anchored at `lines.notice` where the adapter reports it,
 * else at the document's first line (the authoritative source's, for a GazetteDocument).
 */
function noticeSource(doc: CitingDocument): SourceRef {
  const at = doc.lines?.['notice'];
  if ('sources' in doc) {
    const s = doc.sources.find((x) => x.role === 'authoritative') ?? doc.sources[0];
    return { file: s?.file ?? '', line: at ?? s?.lines.from ?? 0 };
  }
  return { file: doc.file, line: at ?? doc.span.from };
}

/**
 * Published text in reading order: notice, body, attachments. Each passage is anchored at its innermost
 * block's id — the clause for clause text, the paragraph (para1 …) for a preamble, the table for its
 * caption and cells, the entry, the attachment for its title — so a citation deep-links to where it is.
 */
function passages(doc: CitingDocument): Passage[] {
  const out: Passage[] = [];
  if (doc.notice) out.push({ text: doc.notice, clause: '', source: noticeSource(doc) });
  const walk = (blocks: Block[]): void => {
    for (const b of blocks) {
      switch (b.type) {
        case 'clause':
          out.push({ text: b.text, clause: b.id, source: b.source });
          walk(b.children);
          break;
        case 'table': {
          const { caption, header, rows } = b.table;
          if (caption) out.push({ text: caption, clause: b.id, source: b.table.source });
          for (const row of [...header, ...rows])
            for (const cell of row.cells) out.push({ text: cell.text, clause: b.id, source: row.source });
          break;
        }
        case 'entry':
          out.push({ text: b.text, clause: b.id, source: b.source, ...(b.docNumber ? { own: b.docNumber.normalized } : {}) });
          break;
        default:
          out.push({ text: b.text, clause: b.id, source: b.source });
      }
    }
  };
  walk(doc.body);
  for (const a of doc.attachments) {
    out.push({ text: a.title, clause: a.id, source: a.source });
    walk(a.body);
  }
  return out;
}

/** A 《》 title never spans a sentence end; an unclosed 《 is a typo, not a title running to the end of the clause. */
const TITLE_STOP = /[。\n]/;
const MAX_TITLE = 150;

/** End index (of the matching 》) of the title opened at `open`, or -1. Inner 《》 pairs nest. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i - open <= MAX_TITLE; i++) {
    const c = text[i]!;
    if (c === '《') depth++;
    else if (c === '》' && --depth === 0) return i;
    else if (TITLE_STOP.test(c)) return -1;
  }
  return -1;
}

interface Found {
  at: number;
  title: string | null;
  docNumber: DocumentNumber | null;
}

/** Citations in one text, in order of position. */
function citationsIn(p: Passage): Found[] {
  const numbers = findDocumentNumbers(p.text);
  const taken = new Set<number>();
  const found: Found[] = [];
  for (let open = p.text.indexOf('《'); open >= 0; ) {
    const close = closingBracket(p.text, open);
    if (close < 0) {
      open = p.text.indexOf('《', open + 1);
      continue;
    }
    const title = p.text.slice(open + 1, close);
    // （发文字号 right after the 》, spaces allowed; the closing bracket may be lost to a page break.
    const bracket = /^\s*[（(]\s*/.exec(p.text.slice(close + 1));
    const k = bracket ? numbers.findIndex((n) => n.index === close + 1 + bracket[0].length) : -1;
    if (k >= 0) taken.add(k);
    // A number printed inside the title belongs to the title, not a citation of its own.
    numbers.forEach((n, i) => {
      if (n.index > open && n.index < close) taken.add(i);
    });
    if (title.trim() !== '') found.push({ at: open, title, docNumber: numbers[k]?.number ?? null });
    open = p.text.indexOf('《', close + 1);
  }
  numbers.forEach((n, k) => {
    const before = p.text[n.index - 1];
    const delimited = before === undefined || /[（(【[、]/.test(before);
    if (!taken.has(k) && delimited && n.number.normalized !== p.own) found.push({ at: n.index, title: null, docNumber: n.number });
  });
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Every citation in a document's published text, in reading order, `target` still null (linkDocuments
 * resolves it). Mentions of the document itself (its own 发文字号, title or plan title) are skipped.
 */
export function findCitations(doc: CitingDocument, register: IssuerRegister): Citation[] {
  const ownKeys = ownTitleKeys(doc, register);
  const ownNumber = doc.docNumber?.normalized;
  const isSelf = (f: Found): boolean =>
    f.docNumber ? f.docNumber.normalized === ownNumber : f.title !== null && ownKeys.has(titleKey(f.title, register));
  return passages(doc).flatMap((p) =>
    citationsIn(p)
      .filter((f) => !isSelf(f))
      .map((f) => ({ title: f.title, docNumber: f.docNumber, target: null, clause: p.clause, source: p.source })),
  );
}

function indexBy(documents: GazetteDocument[], keys: (d: GazetteDocument) => Iterable<string>): Map<string, Set<GazetteDocument>> {
  const index = new Map<string, Set<GazetteDocument>>();
  for (const d of documents)
    for (const k of keys(d)) {
      const set = index.get(k) ?? new Set();
      set.add(d);
      index.set(k, set);
    }
  return index;
}

/** The one element, or null when there are none or several (an ambiguous link is no link). */
const only = <T>(items: Iterable<T>): T | null => {
  const list = [...items];
  return list.length === 1 ? (list[0] ?? null) : null;
};

/**
 * Finds each document's citations, resolves their targets within the set, and fills `citedBy`.
 *
 * Resolution: by normalised 发文字号 first; otherwise by titleKey against each document's title, plan
 * title and the plan its 印发 title names — but never to a document whose own 发文字号 differs from the
 * cited one (same title, different number = a different document). No match or several → target null.
 * `citedBy` lists the ids of citing documents, sorted, each once. Documents are returned as new objects.
 */
export function linkDocuments(documents: GazetteDocument[], register: IssuerRegister): GazetteDocument[] {
  const byNumber = indexBy(documents, (d) => (d.docNumber ? [d.docNumber.normalized] : []));
  const byTitle = indexBy(documents, (d) => ownTitleKeys(d, register));
  const resolve = (c: Citation): GazetteDocument | null => {
    const cited = c.docNumber?.normalized;
    const numbered = cited ? only(byNumber.get(cited) ?? []) : null;
    if (numbered || c.title === null) return numbered;
    const titled = [...(byTitle.get(titleKey(c.title, register)) ?? [])];
    return only(titled.filter((d) => !cited || !d.docNumber || d.docNumber.normalized === cited));
  };

  const citations = documents.map((d) => findCitations(d, register).map((c) => ({ ...c, target: resolve(c)?.id ?? null })));
  const citedBy = new Map<string, Set<string>>();
  documents.forEach((d, i) => {
    for (const c of citations[i] ?? []) if (c.target) citedBy.set(c.target, (citedBy.get(c.target) ?? new Set()).add(d.id));
  });
  return linkReferences(
    documents.map((d, i) => ({
      ...d,
      citations: citations[i] ?? [],
      citedBy: [...(citedBy.get(d.id) ?? [])].sort(),
    })),
    register,
  );
}

const NUM = '[〇零一二三四五六七八九十百千]+';
const ITEM = `第[（(]?(${NUM})[）)]?项`;
/**
 * A reference to an article: 「本条例第十一条第一款」「《X条例》第五条」「第十二条第二款第（三）项」, or within
 * the 条 it stands in: 「前款」「本条第二款」「前款第八项」.
 */
const REFERENCE = new RegExp(
  `(本(?:办法|条例|规定|细则|规则|法)|《([^《》]{1,80})》)?第(${NUM})条(?:之(${NUM}))?(?:第(${NUM})款)?(?:${ITEM})?` +
    `|(?:本条)?(?:(前款)|第(${NUM})款)(?:${ITEM})?`,
  'g',
);
/** A short name of another norm right before a bare 第X条 (「条例第四条」 after 「以下简称条例」): not this document. */
const OTHER_NORM = /(?:法|条例|规定|办法|细则|规则|决定)$/;
/** 「关于修改《X》的决定」: its bare article references (「将第五条修改为…」) are X's articles. */
const AMENDS = /关于(?:修改|废止)《(.+?)》(?:等[^的]*)?的决定$/;

const n = (s: string | undefined): number | null => (s === undefined ? null : chineseToNumber(s));

/** The most specific anchor a reference names, when the target document has exactly that anchor; else null. */
function anchorOf(ids: ReadonlySet<string>, article: string, kuan: number | null, item: number | null): string | null {
  if (!ids.has(article)) return null;
  const several = ids.has(`${article}-k2`);
  const base = kuan === null ? article : several ? `${article}-k${kuan}` : kuan === 1 ? article : null;
  if (base === null || !ids.has(base)) return null;
  if (item === null) return base;
  const x = `${base}-x${item}`;
  return ids.has(x) ? x : null;
}

/** Block ids of a document. */
const idsOf = (doc: Pick<GazetteDocument, 'body' | 'attachments'>): Set<string> => new Set(allBlocks(doc).map((b) => b.id));

/**
 * Links the article references in every clause's text to their anchors (ClauseBlock.refs): in the same
 * document (「本办法第三条」, a bare 「第十二条第二款第（三）项」, 「前款」), in another document of the set
 * (「《X条例》第五条」, X resolved by title as citations are), and in the document a 修改/废止决定 amends.
 * A reference whose document or anchor is not in the set stays text: nothing is linked by guess.
 */
export function linkReferences(documents: GazetteDocument[], register: IssuerRegister): GazetteDocument[] {
  const byTitle = indexBy(documents, (d) => ownTitleKeys(d, register));
  const ids = new Map(documents.map((d) => [d.id, idsOf(d)]));
  const titled = (title: string): GazetteDocument | null => only(byTitle.get(titleKey(title, register)) ?? []);

  return documents.map((doc) => {
    const amended = AMENDS.exec(doc.title)?.[1];
    const bareTarget = (amended ? titled(amended) : null) ?? doc;
    const own = ids.get(doc.id) ?? new Set<string>();
    const refsIn = (c: ClauseBlock): TextLink[] => {
      const links: TextLink[] = [];
      // The 条 and 款 the text stands in, for 前款 and 本条第X款.
      const at = /^((?:.*-)?t\d+(?:zhi\d+)?)(?:-k(\d+))?(?:-|$)/.exec(c.id);
      for (const m of c.text.matchAll(REFERENCE)) {
        const [whole, prefix, title, art, sub, kuan, item, previous, ownKuan, ownItem] = m;
        let target: GazetteDocument | null;
        let anchor: string | null;
        if (art !== undefined) {
          const before = c.text.slice(0, m.index);
          if (prefix === undefined && OTHER_NORM.test(before)) continue;
          target = title !== undefined ? (titleKey(title, register) === titleKey(doc.title, register) ? doc : titled(title)) : prefix ? doc : bareTarget;
          const article = `t${n(art)}${sub ? `zhi${n(sub)}` : ''}`;
          anchor = target ? anchorOf(ids.get(target.id) ?? new Set(), article, n(kuan), n(item)) : null;
        } else {
          if (!at) continue;
          const current = at[2] === undefined ? 1 : Number(at[2]);
          const k = previous ? current - 1 : n(ownKuan);
          target = doc;
          anchor = k !== null && k >= 1 ? anchorOf(own, at[1]!, k, n(ownItem)) : null;
        }
        if (target && anchor) links.push({ at: m.index, length: whole.length, document: target === doc ? null : target.id, anchor });
      }
      return links;
    };
    const walk = (blocks: Block[]): Block[] =>
      blocks.map((b) => {
        if (b.type !== 'clause') return b;
        const refs = refsIn(b);
        return { ...b, children: walk(b.children), ...(refs.length ? { refs } : {}) };
      });
    return { ...doc, body: walk(doc.body), attachments: doc.attachments.map((a) => ({ ...a, body: walk(a.body) })) };
  });
}
