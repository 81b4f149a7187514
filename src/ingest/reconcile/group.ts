/**
 * Recognising copies of one document across sources.
 *
 * - By 发文字号 where a copy prints one: the normalised number is the document's identity.
 * - Otherwise by title, normalised for matching (titleKeys): widths, spaces, dash glyphs, Traditional →
 *   Simplified with the regional vocabulary (for a document printed in Traditional characters), 《》〈〉 and quotes dropped, the 「…关于印发X的通知」 wrapper
 *   opened to X. A copy matches a document when one of its keys equals one of the document's, which are
 *   its title, its inner title and its plan title (002 is D2's plan alone: 吉林省科技創新生態最佳化工程實施方案
 *   = planTitle 吉林省科技创新生态优化工程实施方案).
 * - Two documents claiming one number with no title in common — not even the subject after 关于 — are
 *   different documents: both are kept, never merged, and the conflict is an error (`doc-number-conflict`).
 *
 * An issuer name is never removed from a key: 国务院关于X的意见 and 吉林省人民政府关于X的意见 are different
 * documents. A copy whose issuer was replaced (000) still groups — by its number, and by the plan title
 * inside its 印发 wrapper.
 */
import type { Block, Finding, SourceDocument } from '../../gazette/model.ts';
import { toMatchForm } from '../../gazette/width.ts';
import { isTraditional, toSimplified, TRADITIONAL_PREFIX } from '../text/traditional.ts';
import { byAuthority } from './authority.ts';

/** 「…关于印发X的通知」: the notice publishes X, whose title identifies the document as well. */
const PUBLISHING_NOTICE = /关于(?:印发|转发|发布|颁布)(.+)$/;

function* blockTexts(blocks: readonly Block[]): Generator<string> {
  for (const b of blocks) {
    if (b.type === 'table') continue;
    yield b.text;
    if (b.type === 'clause') yield* blockTexts(b.children);
  }
}

/**
 * Whether a document is printed in Traditional characters, judged on its title and body. Decided per
 * document because conversion must not touch Simplified text: tw→cn turns 显著 into 显着.
 */
// Asked for every document by grouping and by witness choice: counted once (linear in the text).
const traditionalMemo = new WeakMap<SourceDocument, boolean>();

export function isTraditionalDocument(doc: SourceDocument): boolean {
  let traditional = traditionalMemo.get(doc);
  if (traditional === undefined) {
    // Title and body joined by line breaks, as far as the judgement reads.
    let text = doc.title;
    for (const t of blockTexts(doc.body)) {
      if (text.length >= TRADITIONAL_PREFIX) break;
      text += `\n${t}`;
    }
    traditionalMemo.set(doc, (traditional = isTraditional(text)));
  }
  return traditional;
}

/** A title in the form used for matching; the trailing 的通知 of a notice is dropped. */
export function titleKey(title: string, traditional: boolean): string {
  return toMatchForm(traditional ? toSimplified(title) : title)
    .replace(/[《》〈〉"'\s]/g, '')
    .replace(/的通知$/, '');
}

/** Keys of a title (and plan title): each in match form, and the title a 印发 notice wraps. */
export function titleKeysOf(titles: ReadonlyArray<string | null>, traditional: boolean): string[] {
  const keys = titles.filter((t): t is string => !!t).map((t) => titleKey(t, traditional));
  const inner = PUBLISHING_NOTICE.exec(keys[0] ?? '')?.[1];
  return [...new Set([...keys, ...(inner ? [inner] : [])])].filter(Boolean);
}

/** Keys of a document: its title, the title a 印发 notice wraps, and its plan title. */
export const titleKeys = (doc: SourceDocument): string[] => titleKeysOf([doc.title, doc.planTitle], isTraditionalDocument(doc));

export interface DocumentGroup {
  /** Copies of one document, most authoritative first. */
  members: SourceDocument[];
  /** Normalised 发文字号, or null. */
  docNumber: string | null;
  /** 0 for the first document claiming its number, 1 for a second, different document with the same number … */
  claim: number;
  keys: Set<string>;
  /** The keys from 关于 on: two copies with one number and one subject are one document (see subjectsOf). */
  subjects: Set<string>;
  /** Findings about the grouping of this document (`doc-number-conflict`). */
  findings: Finding[];
}

const shares = (keys: Set<string>, doc: string[]): boolean => doc.some((k) => keys.has(k));

/**
 * Titles from 关于 on (关于某事项). Only used between copies with the same 发文字号: with the number
 * agreeing, a title that differs in its issuer alone is the same document whose issuer was replaced
 * (tamper.ts reports it), not a second document claiming the number.
 */
const subjectsOf = (keys: readonly string[]): string[] => keys.flatMap((k) => (k.includes('关于') ? [k.slice(k.indexOf('关于'))] : []));

/**
 * Groups documents of all sources. Documents are taken most authoritative first, so each group's first
 * member is its best copy and a second claimant of a number is the less authoritative one.
 */
/**
 * Two gazette issues never hold copies of one document that has no 发文字号 (each issue has its own 政务要闻).
 * Such a document is dated by its issue (gazette-dump.ts), so another date means another issue; two dumps of
 * one issue (a re-scan, a truncated copy) still group.
 */
const fromOtherIssue = (g: DocumentGroup, doc: SourceDocument): boolean =>
  doc.sourceKind === 'gazette-dump' && g.members.some((m) => m.sourceKind === 'gazette-dump' && m.date !== doc.date);

export function groupCopies(docs: readonly SourceDocument[]): DocumentGroup[] {
  const groups: DocumentGroup[] = [];
  // Lookups instead of a scan of every group per document: the groups of a number (in the order they were
  // made) and the groups holding a title key; `made` is that order.
  const made = new Map<DocumentGroup, number>();
  const ofNumber = new Map<string, DocumentGroup[]>();
  const ofKey = new Map<string, DocumentGroup[]>();
  const numbered = (g: DocumentGroup, number: string): void => {
    const list = ofNumber.get(number) ?? [];
    ofNumber.set(number, [...list, g].sort((a, b) => made.get(a)! - made.get(b)!));
  };
  const firstWithKey = (keys: readonly string[], fits: (g: DocumentGroup) => boolean): DocumentGroup | undefined => {
    let first: DocumentGroup | undefined;
    for (const k of keys) for (const g of ofKey.get(k) ?? []) if ((!first || made.get(g)! < made.get(first)!) && fits(g)) first = g;
    return first;
  };
  for (const doc of [...docs].sort(byAuthority)) {
    const keys = titleKeys(doc);
    const number = doc.docNumber?.normalized ?? null;
    const claimants = number ? (ofNumber.get(number) ?? []) : [];
    // A copy without a title to compare cannot contradict its number.
    const same = claimants.find((g) => keys.length === 0 || g.keys.size === 0 || shares(g.keys, keys) || shares(g.subjects, subjectsOf(keys)));
    let group = same ?? (claimants.length === 0 ? firstWithKey(keys, (g) => (!number || !g.docNumber) && !fromOtherIssue(g, doc)) : undefined);
    if (!group) {
      group = { members: [], docNumber: number, claim: claimants.length, keys: new Set(), subjects: new Set(), findings: [] };
      made.set(group, groups.length);
      groups.push(group);
      if (number) numbered(group, number);
      if (claimants.length > 0) {
        const first = claimants[0]!.members[0]!;
        group.findings.push({
          kind: 'doc-number-conflict',
          severity: 'error',
          file: doc.file,
          line: doc.span.from,
          message: `「${doc.title}」印的发文字号 ${number} 也是「${first.title}」（${first.file} 第${first.span.from}行）的发文字号，两个标题毫无共同之处。`,
          action: '作为单独的文件分开发布，标识加后缀，不合并。请核对哪一个发文字号正确。',
        });
      }
    }
    group.members.push(doc);
    if (group.docNumber === null && number !== null) {
      group.docNumber = number;
      if (number) numbered(group, number);
    }
    for (const k of keys) {
      if (group.keys.has(k)) continue;
      group.keys.add(k);
      const holding = ofKey.get(k);
      if (holding) holding.push(group);
      else ofKey.set(k, [group]);
    }
    for (const k of subjectsOf(keys)) group.subjects.add(k);
  }
  return groups;
}
