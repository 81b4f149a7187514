/**
 * A copy never takes the page of a document the gazette printed (issue 20). When the gazette dump that
 * prints a document cannot be read, is withheld, or lost the document (its text went elsewhere), the
 * copies of that document — a scraped record, a Traditional mirror — are not published in its place:
 * they are collation witnesses of the standard text (标准文本), not the text. An editor may decide
 * otherwise in content/editorial/copies.json (see README, 「Copies in place of the gazette」); a copy
 * shown tampered never is. Nor is a document from a copy, gazette or not, that names an issuer that is
 * no known issuing authority (issuers.ts): with no gazette text beside it, nothing can show it genuine.
 *
 * What the gazette printed is told from its text, not its parse: a line that is the document's 发文字号,
 * a TOC entry with its title; and, of a dump that could not be read or is withheld, any occurrence of
 * its title (an unreadable file may be the gazette, whatever its parse says).
 */
import type { Finding, GazetteDocument, Issue, SourceDocument } from '../../gazette/model.ts';
import { parseDocumentNumberLenient } from '../../gazette/doc-number.ts';
import { toMatchForm } from '../../gazette/width.ts';
import { isTraditionalDocument, titleKey, titleKeys, titleKeysOf } from './group.ts';
import { unknownIssuers, type IssuerRegister } from '../structure/issuers.ts';
import { toSimplified } from '../text/traditional.ts';

/** A source that may be the gazette printing a document. */
export interface GazetteWitness {
  file: string;
  text: string;
  /** The issue it was read as; null when it could not be read. */
  issue: Issue | null;
  /** The source is published: only its TOC and 发文字号 lines tell what it printed but did not place. */
  readable: boolean;
  /** Normalised 发文字号 of the documents read from it: another document claiming one is not a copy of it. */
  placed: ReadonlySet<string>;
}

/** An editor's decision that a copy may be published although the gazette prints the document. */
export interface CopyDecision {
  /** Published id, e.g. jzbf-2022-26. */
  document: string;
  /** The copy to publish, e.g. content/sources/002_….txt */
  file: string;
  /** Why, in the editor's words. */
  reason: string;
}

export const COPY_DECISIONS_FILE = 'content/editorial/copies.json';

/** Titles shorter than this (「政务要闻」) are column names that every issue prints. */
const MIN_TITLE = 8;

const searchForm = (s: string): string => toMatchForm(s).replace(/[《》〈〉"'\s\u200B-\u200D\u2060\uFEFF]/g, '');

/** Where a witness prints a document: the line, or null. */
function printedAt(w: GazetteWitness, keys: readonly string[], number: string | null, issuers: readonly string[]): number | null {
  if (number && w.readable && !w.placed.has(number)) {
    const at = w.text.split('\n').findIndex((l) => parseDocumentNumberLenient(searchForm(l))?.number.normalized === number);
    if (at >= 0) return at + 1;
  }
  const long = keys.filter((k) => k.length >= MIN_TITLE);
  if (!w.readable) return printedAnywhere(w, long) ?? ofJurisdiction(w, issuers);
  for (const s of w.issue?.sections ?? [])
    for (const e of s.entries.filter((x) => x.document === null)) {
      if (number && e.docNumber?.normalized === number) return e.source.line;
      if (titleKeysOf([e.title], false).some((k) => long.includes(k))) return e.source.line;
    }
  return null;
}

/**
 * Unread text: the title anywhere, line breaks and all (titles wrap). Not the number alone: a file that
 * cannot be read may cite it, or be another document claiming it.
 */
function printedAnywhere(w: GazetteWitness, titles: readonly string[]): number | null {
  const { joined, starts } = searchText(w);
  for (const k of titles) {
    const at = joined.indexOf(k);
    if (at >= 0) return starts.findLastIndex((s) => s <= at) + 1;
  }
  return null;
}

/**
 * A gazette that cannot be read and has lost its 目录 (a file cut after the cover) may print any document
 * of its jurisdiction: 「吉林省人民政府公报」 on its first lines covers every issuer whose name starts with
 * 吉林省 (or 中共吉林省). With its 目录, the titles it prints are in the text. The line of the name, or null.
 */
function ofJurisdiction(w: GazetteWitness, issuers: readonly string[]): number | null {
  const lines = w.text.split('\n');
  if (lines.some((l) => /^\s*目\s*录\s*$/.test(l))) return null;
  const head = lines.slice(0, 40);
  const at = head.findIndex((l) => GAZETTE_NAME.test(searchForm(l)));
  const place = at < 0 ? null : GAZETTE_NAME.exec(searchForm(head[at]!))![1]!;
  return place && issuers.some((n) => n.replace(/^中共/, '').startsWith(place)) ? at + 1 : null;
}

/** 「吉林省人民政府公报」「广州市政府公报」: the place whose gazette it is. */
const GAZETTE_NAME = /^(\S{2,8}?[省市区州县])(?:人民)?政府公报$/;

const searchTexts = new WeakMap<GazetteWitness, { joined: string; starts: number[] }>();

/** The witness's text in search form, lines joined, with each line's start offset (computed once). */
function searchText(w: GazetteWitness): { joined: string; starts: number[] } {
  let found = searchTexts.get(w);
  if (!found) {
    let joined = '';
    const starts: number[] = [];
    for (const l of w.text.split('\n')) {
      starts.push(joined.length);
      joined += searchForm(l);
    }
    searchTexts.set(w, (found = { joined, starts }));
  }
  return found;
}

/**
 * The documents that may be published, and one error per copy withheld, naming the gazette's line. A
 * document is examined only when no gazette dump is among its sources.
 */
export function withholdCopiesOfGazette(
  documents: readonly GazetteDocument[],
  authoritative: (d: GazetteDocument) => SourceDocument,
  witnesses: readonly GazetteWitness[],
  decisions: readonly CopyDecision[],
  tamperedFiles: ReadonlySet<string>,
  register: IssuerRegister,
): { kept: GazetteDocument[]; withheld: GazetteDocument[]; findings: Finding[] } {
  const kept: GazetteDocument[] = [];
  const withheld: GazetteDocument[] = [];
  const findings: Finding[] = [];
  for (const d of documents) {
    const src = authoritative(d);
    if (d.sources.some((s) => s.kind === 'gazette-dump') || witnesses.length === 0) {
      kept.push(d);
      continue;
    }
    // Without the gazette beside it, a copy's issuer cannot be checked (tamper.ts compares copies): one
    // that is no known issuing authority (issuers.ts) is not published as the standard text.
    const unknown = unknownIssuers(register, src);
    if (unknown.length > 0) {
      withheld.push(d);
      findings.push({
        kind: 'issuer-unverified',
        severity: 'error',
        file: src.file,
        line: src.lines?.['issuer'] ?? src.signature.source?.line ?? src.span.from,
        document: d.id,
        message: `「${d.title}」没有公报文本可供核对，其发文机关「${unknown.join('、')}」不在已知发文机关名单中，不作为标准文本发布。`,
        action: '不发布；若该机关确实存在，将其加入 gongbao.config.ts 的发文机关（issuers）',
      });
      continue;
    }
    const keys = [...titleKeys(src), ...(d.title !== src.title ? [titleKey(d.title, isTraditionalDocument(src))] : [])];
    const number = d.docNumber?.normalized ?? null;
    const where = witnesses.flatMap((w) => {
      const line = printedAt(w, keys, number, [...d.issuers, d.signature.issuer ?? ''].map((n) => toSimplified(n)));
      return line === null ? [] : [{ w, line }];
    })[0];
    if (!where) {
      kept.push(d);
      continue;
    }
    const decided = decisions.find((x) => x.document === d.id && x.file === src.file);
    const untrusted = tamperedFiles.has(src.file);
    if (decided && !untrusted) {
      kept.push(d);
      findings.push({
        kind: 'copy-published-by-decision',
        severity: 'warning',
        file: src.file,
        line: src.span.from,
        document: d.id,
        message: `公报（${where.w.file} 第${where.line}行）刊载的「${d.title}」依编辑决定（${COPY_DECISIONS_FILE}：${decided.reason}）由副本 ${src.file} 发布。`,
        action: '按编辑决定发布副本',
      });
      continue;
    }
    withheld.push(d);
    const why = where.w.readable ? '公报刊载了该文件，但未能将其识别为单独的文件' : '公报来源无法读取或已暂停发布，可能刊载该文件';
    findings.push({
      kind: 'copy-withheld',
      severity: 'error',
      file: where.w.file,
      line: where.line,
      message:
        `「${d.title}」刊于 ${where.w.file} 第${where.line}行，${why}；副本 ${src.file}（第${src.span.from}行起）不代替公报文本发布` +
        (untrusted ? '（该副本被篡改，任何情况下都不发布）。' : '。'),
      action: untrusted
        ? '不发布；修复公报来源'
        : `不发布；修复公报来源，或在 ${COPY_DECISIONS_FILE} 记录由副本发布的决定`,
    });
  }
  return { kept, withheld, findings };
}
