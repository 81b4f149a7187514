/** Shared by the sources-*.test.ts files: reading seeds and corpus fixtures, walking blocks, the character ledger. */
import { readFileSync } from 'node:fs';
import type { Block, SourceDocument, SourceParse } from '../../../src/gazette/model.ts';
import type { SourceInput } from '../../../src/ingest/text/lines.ts';

export const SEEDS = {
  s000: '000_0e00a8da3e3bc271.txt',
  s001: '001_2dbcd8b680e63142.txt',
  s002: '002_51f41672fcbbe418.txt',
  s003: '003_49b82304a1133bd7.txt',
  s004: '004_e163b0431eceb10c.txt',
} as const;

export const CORPUS = {
  guobanfa126: 'gov_guobanfa2018-126_innovation_reforms_content_html.txt',
  guofa4: 'gov_guofa2019-4_vocational_education_plan_content_html.txt',
  tekun: 'guangzhou_suifubangui2021-7_tekun_support_notice_html.txt',
  hukou: 'guangzhou_suifubangui2025-8_points_hukou_measures_html.txt',
  familyDoctor: 'guangzhou_suiweihan2023-1930_family_doctor_plan_html.txt',
  laoshebufa: 'lawrefbook_laoshebufa2008-3_notice_md.txt',
  zuiming: 'lawrefbook_zuiming_supplement7_2021_md_table.txt',
  shanghai: 'shanghai_hufubanfa2021-19_housing_14th_fyp_md.txt',
} as const;

export function seed(name: string): SourceInput {
  const file = `content/sources/${name}`;
  return { file, text: readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8') };
}

export function corpus(name: string): SourceInput {
  const file = `tests/fixtures/corpus/${name}`;
  return { file, text: readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8') };
}

/** Every block in reading order, children after their clause. */
export function allBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...(b.type === 'clause' ? allBlocks(b.children) : [])]);
}

export const clauses = (blocks: Block[]) => allBlocks(blocks).filter((b) => b.type === 'clause');

/** Every string a document publishes. */
function published(d: SourceDocument): string[] {
  const blockTexts = (blocks: Block[]): string[] =>
    allBlocks(blocks).flatMap((b) => {
      switch (b.type) {
        case 'clause':
          return [b.label, b.text];
        case 'table':
          return [b.table.caption ?? '', ...[...b.table.header, ...b.table.rows].flatMap((r) => r.cells.map((c) => c.text))];
        case 'entry':
          return [b.printedDate ?? '', b.text];
        default:
          return [b.text];
      }
    });
  return [
    d.title,
    d.printedTitle,
    d.docNumber?.printed ?? '',
    d.addressees ?? '',
    d.notice ?? '',
    d.signature.issuer ?? '',
    d.signature.date ?? '',
    d.planTitle ?? '',
    ...Object.entries(d.meta).flat(),
    ...blockTexts(d.body),
    ...d.attachments.flatMap((a) => [a.label, a.title, ...blockTexts(a.body)]),
  ];
}

const counts = (strings: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const s of strings) for (const c of s) if (!/\s/.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
};

/**
 * The character ledger: non-whitespace characters of the input that appear neither in a published
 * field nor in a removal, as 「char×missing」 strings (empty when every character is accounted for).
 */
export function unaccounted(input: SourceInput, parse: SourceParse): string[] {
  const have = counts([
    ...parse.documents.flatMap(published),
    ...Object.entries(parse.meta).flat(),
    ...parse.removals.map((r) => r.text),
  ]);
  const missing: string[] = [];
  for (const [c, n] of counts([input.text])) {
    const short = n - (have.get(c) ?? 0);
    if (short > 0) missing.push(`${c}×${short}`);
  }
  return missing;
}
