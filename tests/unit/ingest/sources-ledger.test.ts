import { describe, expect, it } from 'vitest';
import type { SourceParse } from '../../../src/gazette/model.ts';
import type { SourceInput } from '../../../src/ingest/text/lines.ts';
import { parseCampusPage } from '../../../src/ingest/sources/campus-page.ts';
import { parseEncyclopedia } from '../../../src/ingest/sources/encyclopedia.ts';
import { parseGovernmentWeb } from '../../../src/ingest/sources/government-web.ts';
import { parseMarkdown } from '../../../src/ingest/sources/markdown.ts';
import { parseNewsArticle } from '../../../src/ingest/sources/news-article.ts';
import { parseScrapedRecord } from '../../../src/ingest/sources/scraped-record.ts';
import { CORPUS, SEEDS, corpus, seed, unaccounted } from './sources-fixtures.ts';

const cases: [string, SourceInput, (i: SourceInput) => SourceParse][] = [
  ['000 scraped record', seed(SEEDS.s000), parseScrapedRecord],
  ['002 encyclopedia', seed(SEEDS.s002), parseEncyclopedia],
  ['003 news article', seed(SEEDS.s003), parseNewsArticle],
  ['004 campus page', seed(SEEDS.s004), parseCampusPage],
  ...(['guobanfa126', 'guofa4', 'tekun', 'hukou', 'familyDoctor'] as const).map(
    (k) => [k, corpus(CORPUS[k]), parseGovernmentWeb] as [string, SourceInput, (i: SourceInput) => SourceParse],
  ),
  ...(['laoshebufa', 'zuiming', 'shanghai'] as const).map(
    (k) => [k, corpus(CORPUS[k]), parseMarkdown] as [string, SourceInput, (i: SourceInput) => SourceParse],
  ),
];

describe('character ledger: every non-whitespace character is published or removed with a reason', () => {
  it.each(cases)('%s', (_, input, parse) => {
    const r = parse(input);
    expect(unaccounted(input, r)).toEqual([]);
    const lines = input.text.split('\n');
    for (const removal of r.removals) {
      expect(removal.reason).not.toBe('');
      expect(removal.text.trim()).not.toBe('');
      // A removal names the line its characters come from.
      const line = new Set(lines[removal.line - 1] ?? '');
      expect([...removal.text.replace(/\s/g, '')].filter((c) => !line.has(c))).toEqual([]);
    }
  });
});
