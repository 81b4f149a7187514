/**
 * Reconciliation: one document, many copies (README, "Trust: sources, authority, findings").
 *
 * Copies are grouped (group.ts); the authoritative copy is the best-ranked one (authority.ts) whose
 * issuers are all known (issuers.ts) and which no other copy shows to be tampered (tamper.ts); every
 * other copy is collated against it (variants.ts). The published document is the authoritative copy with
 * an ASCII id, its issue, its sources and roles, the collation notes and every finding about any copy.
 */
import type { DocumentKind, DocumentNumber, Finding, GazetteDocument, SourceDocument, SourceParse, Variant } from '../../gazette/model.ts';
import { AUTHORITY_RANK } from './authority.ts';
import { groupCopies, isTraditionalDocument } from './group.ts';
import { canonicalIssuers, codeMismatch, numberSlug, unknownIssuers, type IssuerRegister } from '../structure/issuers.ts';
import type { TamperPlace } from './tamper.ts';
import { findTampering, tamperFindings } from './tamper.ts';
import type { Comparison, Hunk, Witness } from './variants.ts';
import { collate, compareCopy } from './variants.ts';

/** Pinyin initials of the document kinds, for ids of documents without a 发文字号 (2021-12-20-yj). */
const KIND_INITIALS: Readonly<Record<DocumentKind, string>> = {
  通知: 'tz',
  意见: 'yj',
  方案: 'fa',
  函: 'h',
  任免: 'rm',
  要闻: 'yw',
  卷首语: 'jsy',
  封面: 'fm',
  简报: 'jb',
  决定: 'jd',
  办法: 'bf',
  规定: 'gd',
  条例: 'tl',
  政府令: 'zfl',
  批复: 'pf',
  公告: 'gg',
  通告: 'tg',
  其他: 'qt',
};

/** Collation findings an adapter may already have made on the same line of the copy (000 l.226: number-missing). */
const STRUCTURAL = new Set(['copy-omits-number', 'copy-restructures', 'copy-omits-content', 'copy-adds-content']);

function witness(doc: SourceDocument, parse: SourceParse): Witness {
  const removed = new Set(parse.removals.map((r) => r.line));
  // Until the adapter reports `lines`: the title follows the furniture removed at the top of the span
  // (000's record separator `-`), and a 落款 issuer stands on the line above its date.
  const fallback = (part: string): number => {
    if (part === 'title') {
      let line = doc.span.from;
      while (removed.has(line) && line < doc.span.to) line++;
      return line;
    }
    if (part === 'issuer' && doc.signature.source) return doc.signature.source.line - 1;
    return doc.span.from;
  };
  return {
    doc,
    traditional: isTraditionalDocument(doc),
    line: (part) => doc.lines?.[part] ?? fallback(part),
  };
}

interface Collation {
  auth: Witness;
  copies: Array<{ copy: Witness; cmp: Comparison; places: TamperPlace[]; hunks: Set<Hunk> }>;
}

/**
 * The authoritative copy: candidates in rank order, those naming only known issuers first; the first
 * that no other copy shows to be tampered wins. If every candidate is implicated, the best-ranked one.
 */
function collateGroup(ws: readonly Witness[], register: IssuerRegister): Collation {
  const order = [...ws.filter((w) => unknownIssuers(register, w.doc).length === 0), ...ws.filter((w) => unknownIssuers(register, w.doc).length > 0)];
  let first: Collation | null = null;
  for (const auth of order) {
    const copies = ws.filter((w) => w !== auth).map((copy) => {
      const cmp = compareCopy(auth, copy);
      return { copy, cmp, ...findTampering(cmp.pairs, register) };
    });
    const result = { auth, copies };
    first ??= result;
    if (copies.every((c) => c.places.every((p) => p.side === 'copy'))) return result;
  }
  return first!;
}

/** Id from the 发文字号, else the adapter's slug, else date (or issue) and kind; an unmappable 机关代字 is an error. */
function baseSlug(doc: SourceDocument, number: DocumentNumber | null, issue: string | null, findings: Finding[], register: IssuerRegister): string {
  if (number) {
    try {
      return numberSlug(register, number);
    } catch (err) {
      findings.push({
        kind: 'slug-unmapped',
        severity: 'error',
        file: doc.file,
        line: doc.span.from,
        message: `无法由 ${number.normalized} 生成 ASCII 标识：${err instanceof Error ? err.message : String(err)}。`,
        action: '改用元数据中的标识或由日期和类别生成；请在 gongbao.config.ts 的发文机关中为该机关代字写明拼音首字母（用于网址）。',
      });
    }
  }
  return doc.slug ?? `${doc.date ?? issue ?? 'undated'}-${KIND_INITIALS[doc.kind]}`;
}

const letter = (n: number): string => String.fromCharCode('a'.charCodeAt(0) + n);

/** A second document claiming a taken number gets -b; any other clash is an error, never an overwrite. */
function assignId(base: string, claim: number, doc: SourceDocument, used: Set<string>, findings: Finding[]): string {
  const candidate = (n: number): string => (n === 0 ? base : `${base}-${letter(n)}`);
  let n = claim;
  for (; used.has(candidate(n)); n++) {
    findings.push({
      kind: 'slug-collision',
      severity: 'error',
      file: doc.file,
      line: doc.span.from,
      message: `「${doc.title}」将得到标识 ${candidate(n)}，但另一份文件已经用了这个标识。`,
      action: `以 ${candidate(n + 1)} 发布（若也已被占用则顺延）；请给其中一份指定可区分的标识（front matter 的 slug）或改正其元数据。`,
    });
  }
  used.add(candidate(n));
  return candidate(n);
}

/** How the authoritative copy was chosen, when that needs saying, and issuers not on the list. */
function authorityFindings(ws: readonly Witness[], { auth, copies }: Collation, tampered: ReadonlySet<Witness>, register: IssuerRegister): Finding[] {
  const out: Finding[] = [];
  const [top, second] = [ws[0]!, ws[1]];
  if (second && AUTHORITY_RANK[second.doc.sourceKind] === AUTHORITY_RANK[top.doc.sourceKind]) {
    out.push({
      kind: 'authority-tie',
      severity: 'warning',
      file: second.doc.file,
      line: second.doc.span.from,
      message: `两份副本可信程度相同（${top.doc.sourceKind}）：${top.doc.file} 与 ${second.doc.file}。`,
      action: `发布 ${auth.doc.file}；若应以另一份为准，在 content/editorial/ 记录这一选择。`,
    });
  }
  if (auth !== top) {
    out.push({
      kind: 'authority-skipped',
      severity: 'warning',
      file: top.doc.file,
      line: top.line('issuer'),
      message: `${top.doc.file} 的可信程度高于 ${auth.doc.file}，但它所印的发文机关不在已知发文机关名单中，或另一份副本显示它被篡改。`,
      action: `改为发布 ${auth.doc.file}。`,
    });
  }
  const owner = tampered.has(auth) ? null : codeMismatch(register, auth.doc);
  if (owner)
    out.push({
      kind: 'issuer-code-mismatch',
      severity: 'warning',
      file: auth.doc.file,
      line: auth.line('docNumber'),
      message: `发文字号「${auth.doc.docNumber!.normalized}」的机关代字「${auth.doc.docNumber!.agency}」属于${owner}，但文件署名的发文机关是「${[...auth.doc.issuers, auth.doc.signature.issuer ?? ''].filter(Boolean).join('、')}」。`,
      action: '按原样发布；请核对发文字号与落款，或在 gongbao.config.ts 的发文机关中更正机关代字',
    });
  for (const w of [auth, ...copies.map((c) => c.copy)]) {
    const unknown = unknownIssuers(register, w.doc);
    if (unknown.length === 0 || tampered.has(w)) continue;
    out.push({
      kind: 'issuer-unknown',
      severity: 'warning',
      file: w.doc.file,
      line: w.line('issuer'),
      message: `「${unknown.join('、')}」不在已知发文机关名单中。`,
      action:
        w === auth
          ? '照所印名称发布；该机关确实存在的，请把它加入 gongbao.config.ts 的发文机关（issuers）。'
          : '只作报告；发文机关取自标准文本。',
    });
  }
  return out;
}

/**
 * Tampering, structural differences, rewrites and readings of every copy. Copies that share a reading
 * make one Variant (the best-ranked copy's, the others in alsoIn), with one copy-variant finding.
 */
function collationNotes({ auth, copies }: Collation, owner: ReadonlyMap<SourceDocument, SourceParse>): { variants: Variant[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const merged = new Map<string, { variant: Variant; authLine: number }>();
  for (const c of copies) {
    findings.push(...tamperFindings(c.places.filter((p) => p.side === 'copy'), c.copy.doc.file, auth.doc.file));
    findings.push(...tamperFindings(c.places.filter((p) => p.side === 'authoritative'), auth.doc.file, c.copy.doc.file));
    // A defect the copy's adapter already reported at that line needs no second finding.
    const reported = new Set(owner.get(c.copy.doc)!.findings.map((f) => `${f.file}:${f.line}`));
    findings.push(...c.cmp.findings.filter((f) => !STRUCTURAL.has(f.kind) || !reported.has(`${f.file}:${f.line}`)));
    const { readings, findings: rewrites } = collate(c.cmp, c.hunks);
    findings.push(...rewrites);
    for (const r of readings) {
      const seen = merged.get(r.key);
      if (!seen) merged.set(r.key, { variant: r.variant, authLine: r.authLine });
      else if (!seen.variant.alsoIn.includes(r.variant.file)) seen.variant.alsoIn.push(r.variant.file);
    }
  }
  const variants = [...merged.values()].sort((a, b) => a.authLine - b.authLine);
  for (const { variant: v, authLine } of variants) {
    findings.push({
      kind: 'copy-variant',
      severity: 'info',
      file: v.file,
      line: v.line,
      clause: v.clause,
      message: `Reads 「${v.copy}」 where ${auth.doc.file} (line ${authLine}) reads 「${v.authoritative}」${v.alsoIn.length ? `; so do ${v.alsoIn.join(', ')}` : ''}.`,
      action: 'The authoritative reading is published; this one is a collation note.',
    });
  }
  return { variants: variants.map((v) => v.variant), findings };
}

export function reconcile(parses: SourceParse[], register: IssuerRegister, hashes: ReadonlyMap<string, string> = new Map()): { documents: GazetteDocument[]; findings: Finding[] } {
  const owner = new Map<SourceDocument, SourceParse>();
  for (const p of parses) for (const d of p.documents) owner.set(d, p);
  const groups = groupCopies([...owner.keys()]);

  const findings: Finding[] = [];
  const slugOf = new Map<SourceDocument, string>();
  const used = new Set<string>();
  const documents: GazetteDocument[] = [];

  for (const group of groups) {
    const own = [...group.findings];
    const ws = group.members.map((d) => witness(d, owner.get(d)!));
    const collation = collateGroup(ws, register);
    const { auth, copies } = collation;
    // Whichever side a replaced issuer name is on, that copy gives nothing to the published document.
    const tampered = new Set(copies.flatMap((c) => c.places.map((p) => (p.side === 'copy' ? c.copy : auth))));
    const issue = auth.doc.sourceKind === 'gazette-dump' ? (owner.get(auth.doc)!.issue?.id ?? null) : null;
    const docNumber = auth.doc.docNumber ?? ws.find((w) => !tampered.has(w) && w.doc.docNumber)?.doc.docNumber ?? null;
    const id = assignId(baseSlug(auth.doc, docNumber, issue, own, register), group.claim, auth.doc, used, own);
    for (const d of group.members) slugOf.set(d, id);

    own.push(...authorityFindings(ws, collation, tampered, register));
    const notes = collationNotes(collation, owner);
    own.push(...notes.findings);
    findings.push(...own.map((f) => ({ ...f, document: id })));

    const { file: _file, sourceKind: _kind, span: _span, ...published } = auth.doc;
    documents.push({
      ...published,
      issuers: canonicalIssuers(register, published.issuers),
      docNumber,
      id,
      issue,
      sources: [auth, ...copies.map((c) => c.copy)].map((w) => ({
        file: w.doc.file,
        role: w === auth ? ('authoritative' as const) : ('copy' as const),
        kind: w.doc.sourceKind,
        lines: w.doc.span,
        meta: { ...owner.get(w.doc)!.meta, ...w.doc.meta },
        sha256: hashes.get(w.doc.file) ?? null,
      })),
      inferredDocNumber: null,
      variants: notes.variants,
      citations: [],
      citedBy: [],
      findings: [],
    });
  }

  // Findings of the adapters go to the document whose lines they concern; the rest stay issue-level.
  const adapterFindings = parses.flatMap((p) =>
    p.findings.map((f) => {
      if (f.document) return f;
      const doc = p.documents.find((d) => d.span.from <= f.line && f.line <= d.span.to);
      const slug = doc && slugOf.get(doc);
      return slug ? { ...f, document: slug } : f;
    }),
  );
  const all = [...adapterFindings, ...findings];
  const perDocument = new Map<string, Finding[]>();
  for (const f of all) {
    if (!f.document) continue;
    const list = perDocument.get(f.document) ?? [];
    list.push(f);
    perDocument.set(f.document, list);
  }
  for (const d of documents) d.findings = perDocument.get(d.id) ?? [];
  return { documents, findings: all };
}
