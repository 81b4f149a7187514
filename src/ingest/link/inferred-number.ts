/**
 * 发文字号 learned from citations (推定): a document that prints no number of its own gets the number
 * every resolved citation of it gives — the 意见 of 003 prints none, 26号 cites it as
 * 《中共吉林省委 吉林省人民政府关于创新型省份建设的意见》（吉发〔2021〕33号） (001 l.274).
 * The number is published as inferred, with the citing document and line; `docNumber` stays null
 * (it is what the source printed) and the slug is not changed. Citations that disagree give nothing.
 */
import type { Finding, GazetteDocument, InferredDocNumber } from '../../gazette/model.ts';

export function inferDocNumbers(documents: GazetteDocument[]): { documents: GazetteDocument[]; findings: Finding[] } {
  const evidence = new Map<string, InferredDocNumber[]>();
  for (const d of documents)
    for (const c of d.citations) {
      if (!c.target || !c.docNumber) continue;
      const list = evidence.get(c.target) ?? [];
      list.push({ number: c.docNumber, citedIn: d.id, clause: c.clause, title: c.title, source: c.source });
      evidence.set(c.target, list);
    }
  const findings: Finding[] = [];
  const out = documents.map((d) => {
    const found = evidence.get(d.id);
    if (d.docNumber || !found?.length) return d;
    const numbers = [...new Set(found.map((e) => e.number.normalized))];
    const first = found[0]!;
    const finding: Finding =
      numbers.length === 1
        ? {
            kind: 'doc-number-inferred',
            severity: 'info',
            file: first.source.file,
            line: first.source.line,
            message: `本文未印发文字号；${first.citedIn} 引用本文时注明「${first.number.normalized}」，据此推定（非原文所印）。`,
            action: 'published as inferredDocNumber, marked inferred; the slug is unchanged',
            document: d.id,
          }
        : {
            kind: 'doc-number-conflict',
            severity: 'warning',
            file: first.source.file,
            line: first.source.line,
            message: `本文未印发文字号；引用本文的文件注明的发文字号不一致（${numbers.join('、')}），不作推定。`,
            action: 'no number inferred',
            document: d.id,
          };
    findings.push(finding);
    return { ...d, inferredDocNumber: numbers.length === 1 ? first : null, findings: [...d.findings, finding] };
  });
  return { documents: out, findings };
}
