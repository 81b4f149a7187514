/**
 * The structure of a legal norm (法律、法规、规章): 编 章 节 above the articles, 条 款 项 目 below them,
 * recognised from the printed text and given ids that follow the way the law is cited (README, Clause IDs):
 *
 *   编 第X编 b{n} · 章 第X章 z{n} (b{n}-z{m} when the chapters restart under each 编) · 节 第X节 z{n}-j{m}
 *   条 第X条 t{n}, 第X条之Y t{n}zhi{Y} — independent of its chapter: 第十二条 is t12 wherever the chapters are
 *   款 t{n}-k{m}, only when the 条 has several 款 (its first paragraph is 款1)
 *   项 （一） t{n}-x{p} in a one-款 条, t{n}-k{m}-x{p} otherwise · 目 1. …-m{q}
 *   table tab{k}, omitted note omit{k}, unnumbered paragraph before the first article para{k} (positional)
 *
 * The adapters hand their paragraphs to parseOfficial (official.ts), which calls `isLegalNorm` on the body
 * and builds it here instead of with the 公文 clause tree (clauses.ts) when it is one.
 */
import type { Block, ClauseBlock, ClauseLevel, Finding, SourceRef } from '../../gazette/model.ts';
import { walkBlocks } from '../../gazette/blocks.ts';
import { chineseToNumber } from '../../gazette/numerals.ts';
import { stripLayoutSpaces } from '../../gazette/width.ts';
import type { BodyItem } from './clauses.ts';
import { parseClauseLabel } from './clauses.ts';

const CN = '[〇零一二三四五六七八九十百千]+';
/** Layout spaces the sources print: ASCII, U+3000 (001), no-break space (HTML &nbsp;). */
const SP = '[ \\u3000\\u00A0]';

/** 「第十二条　」「第十二条之一 」: the article label needs a space after it, so 「第十二条规定的…」 is prose. */
const ARTICLE = new RegExp(`^第${SP}*(${CN})${SP}*条(?:之(${CN}))?${SP}+(?=\\S)`);
/** 「第一章  总则」「第一章　总　　则」「### 第一节  风险管理」「第二编 物权」: a division heading, its title short and unpunctuated. */
const DIVISION = new RegExp(`^第${SP}*(${CN})${SP}*(编|章|节)(?:${SP}*(.*))?$`);
const DIVISION_LEVEL = { 编: 'bian', 章: 'zhang', 节: 'jie' } as const;
const SENTENCE = /[。，；：,;:！？!?]/;

export interface ArticleLabel {
  /** As printed, spaces trimmed: 「第十二条」「第十二条之一」. */
  label: string;
  number: number;
  sub: number | null;
  /** The text after the label: the 条's first 款. */
  rest: string;
}

export function parseArticleLabel(text: string): ArticleLabel | null {
  const t = text.trimStart();
  const m = ARTICLE.exec(t);
  if (!m) return null;
  const number = chineseToNumber(m[1]!);
  const sub = m[2] === undefined ? null : chineseToNumber(m[2]);
  if (number === null || number < 1 || (m[2] !== undefined && (sub === null || sub < 1))) return null;
  return { label: stripLayoutSpaces(m[0]), number, sub, rest: t.slice(m[0].length).trim() };
}

export interface DivisionHeading {
  level: 'bian' | 'zhang' | 'jie';
  label: string;
  number: number;
  /** 「总则」, letter-spacing removed; '' when the heading prints none. */
  title: string;
}

export function parseDivisionHeading(text: string): DivisionHeading | null {
  const m = DIVISION.exec(text.trim());
  if (!m) return null;
  const number = chineseToNumber(m[1]!);
  const title = stripLayoutSpaces(m[3] ?? '');
  if (number === null || number < 1 || SENTENCE.test(title) || [...title].length > 30) return null;
  const kind = m[2] as keyof typeof DIVISION_LEVEL;
  return { level: DIVISION_LEVEL[kind], label: `第${m[1]}${kind}`, number, title };
}

/**
 * A body is a legal norm when its paragraphs open with 第一条 and 第二条, in that order, as article
 * labels (a label followed by a space). A 公文 that merely has one paragraph starting 「第三条规定…」,
 * or cites articles in running text, is not one.
 */
export function isLegalNorm(texts: string[]): boolean {
  const numbers = texts.flatMap((t) => {
    const a = parseArticleLabel(t);
    return a && a.sub === null ? [a.number] : [];
  });
  return numbers[0] === 1 && numbers[1] === 2;
}

const articleId = (a: { number: number; sub: number | null }): string => `t${a.number}${a.sub ? `zhi${a.sub}` : ''}`;

/** An open 条 while its paragraphs are read: 款 as lists of blocks, split into ClauseBlocks when it closes. */
interface OpenArticle {
  clause: ClauseBlock;
  /** The 款 read so far; each holds its text and its 项. */
  paragraphs: Array<{ text: string; source: SourceRef; children: Block[] }>;
  /** The 项 open in the last 款, for its 目. */
  item: ClauseBlock | null;
  /** The 条's number was printed before: the collisions below it are consequences, not new findings. */
  duplicate: boolean;
}

/**
 * Builds the block tree of a legal norm's body. Findings:
 * - `duplicate-clause-id` (error): a 条 (or 章, 节, 项, 目) number printed twice where it must be unique;
 *   both are kept with the same id, as clauses.ts does, so no text is lost and the build fails on it;
 * - `number-gap` (info): a 条 whose number does not follow the previous one (excerpts, 删除 articles).
 */
export function buildLegalBody(items: BodyItem[], opts: { idPrefix?: string; file?: string } = {}): { blocks: Block[]; findings: Finding[] } {
  const prefix = opts.idPrefix ? `${opts.idPrefix}-` : '';
  const findings: Finding[] = [];
  const root: Block[] = [];
  const seen = new Set<string>();
  const counts = { para: 0, tab: 0, omit: 0, h: 0 };
  let bian: ClauseBlock | null = null;
  let zhang: ClauseBlock | null = null;
  let jie: ClauseBlock | null = null;
  let article: OpenArticle | null = null;
  let lastArticle = 0;
  const chapterNumbers = new Set<number>();
  let chaptersRestart = false;

  const report = (kind: string, severity: Finding['severity'], source: SourceRef, clause: string, message: string, action: string): void => {
    findings.push({ kind, severity, file: source.file || (opts.file ?? ''), line: source.line, message, action, clause });
  };
  const claim = (id: string, label: string, source: SourceRef): void => {
    if (seen.has(id))
      report(
        'duplicate-clause-id',
        'error',
        source,
        id,
        `「${label}」在本文中出现两次，两处将共用锚点 #${id}。`,
        '两处都按原文保留、使用同一锚点；在原文或编辑决定解决之前，构建失败',
      );
    seen.add(id);
  };
  const container = (): Block[] => (jie ?? zhang ?? bian)?.children ?? root;
  const clause = (level: ClauseLevel, id: string, label: string, number: number, text: string, source: SourceRef): ClauseBlock => ({
    type: 'clause',
    id,
    source,
    label,
    level,
    number,
    title: null,
    text,
    children: [],
  });

  /** Closes the open 条: one 款 stays its text, several become 款 clauses t{n}-k{m} with their 项 renamed below them. */
  const closeArticle = (): void => {
    if (!article) return;
    const { clause: c, paragraphs } = article;
    if (paragraphs.length === 1) {
      c.text = paragraphs[0]!.text;
      c.children = paragraphs[0]!.children;
    } else {
      c.text = '';
      c.children = paragraphs.map((p, k) => {
        const kuan = clause('kuan', `${c.id}-k${k + 1}`, '', k + 1, p.text, p.source);
        kuan.children = p.children;
        rename(kuan.children, c.id, kuan.id);
        return kuan;
      });
    }
    if (!article.duplicate) for (const b of walkBlocks(c.children)) if (b.type === 'clause') claim(b.id, b.label || `第${b.number}款`, b.source);
    article = null;
  };
  const rename = (blocks: Block[], from: string, to: string): void => {
    for (const b of walkBlocks(blocks)) {
      b.id = `${to}${b.id.slice(from.length)}`;
      if (b.type === 'table') b.table = { ...b.table, id: b.id };
    }
  };

  for (const item of items) {
    if (item.kind !== 'table' && item.text.trim() === '') continue;
    const source = item.kind === 'table' ? item.table.source : item.source;
    if (item.kind === 'table' || item.kind === 'omitted') {
      // Inside a 条 a table or an omitted note belongs to its current 款; before the first 条 it is top-level.
      const kind = item.kind === 'table' ? 'tab' : 'omit';
      const owner = article ? (article.item ?? null) : null;
      const parentId = article ? (owner?.id ?? article.clause.id) : '';
      const id = `${parentId ? `${parentId}-` : prefix}${kind}${++counts[kind]}`;
      const block: Block =
        item.kind === 'table' ? { type: 'table', id, source, table: { ...item.table, id } } : { type: 'omitted', id, source, text: item.text };
      if (article) (owner?.children ?? article.paragraphs.at(-1)!.children).push(block);
      else container().push(block);
      continue;
    }
    const text = item.text.trim();
    const division = parseDivisionHeading(text);
    if (!division && item.kind === 'heading') {
      // A heading of the source's markup that is no division (「## 附件」): top-level, it ends the open 条.
      closeArticle();
      container().push({ type: 'heading', id: `${prefix}h${++counts.h}`, source, text });
      continue;
    }
    if (division) {
      closeArticle();
      let id: string;
      if (division.level === 'bian') id = `${prefix}b${division.number}`;
      else if (division.level === 'zhang') {
        // Chapters restart under each 编 (民法典): then a chapter's id needs its 编.
        chaptersRestart ||= bian !== null && chapterNumbers.has(division.number);
        chapterNumbers.add(division.number);
        id = chaptersRestart && bian ? `${bian.id}-z${division.number}` : `${prefix}z${division.number}`;
      } else id = zhang ? `${zhang.id}-j${division.number}` : `${prefix}j${division.number}`;
      const block = clause(division.level, id, division.label, division.number, division.title, source);
      block.title = division.title || null;
      claim(id, division.label, source);
      if (division.level === 'bian') {
        root.push(block);
        bian = block;
        zhang = jie = null;
      } else if (division.level === 'zhang') {
        (bian?.children ?? root).push(block);
        zhang = block;
        jie = null;
      } else {
        ((zhang ?? bian)?.children ?? root).push(block);
        jie = block;
      }
      continue;
    }
    const a = parseArticleLabel(text);
    if (a) {
      closeArticle();
      const id = `${prefix}${articleId(a)}`;
      if (a.sub === null && a.number !== lastArticle + 1 && !seen.has(id))
        report('number-gap', 'info', source, id, `「${a.label}」出现在应为第${lastArticle + 1}条的位置；节选或删除条文时会这样。`, '仅报告');
      if (a.sub === null) lastArticle = a.number;
      const block = clause('tiao', id, a.label, a.number, a.rest, source);
      if (a.sub !== null) block.sub = a.sub;
      const duplicate = seen.has(id);
      claim(id, a.label, source);
      container().push(block);
      article = { clause: block, paragraphs: [{ text: a.rest, source, children: [] }], item: null, duplicate };
      continue;
    }
    if (!article) {
      container().push({ type: 'paragraph', id: `${prefix}para${++counts.para}`, source, text });
      continue;
    }
    // Inside a 条: （一） opens a 项 of the current 款, 1. a 目 of the current 项; any other paragraph is a new 款.
    const label = parseClauseLabel(text);
    const current = article.paragraphs.at(-1)!;
    if (label?.level === 'section') {
      const x = clause('xiang', `${article.clause.id}-x${label.number}`, label.label, label.number, label.rest, source);
      current.children.push(x);
      article.item = x;
    } else if (label?.level === 'item' && article.item) {
      const m = clause('mu', `${article.item.id}-m${label.number}`, label.label, label.number, label.rest, source);
      article.item.children.push(m);
    } else {
      article.paragraphs.push({ text, source, children: [] });
      article.item = null;
    }
  }
  closeArticle();
  return { blocks: root, findings };
}
