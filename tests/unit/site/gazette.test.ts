import { describe, expect, it } from 'vitest';
import { GAZETTE, gazette, issueLabel, issueNumberLabel } from '../../../src/site/gazette.ts';

// vitest.config.ts serves virtual:gongbao/config with the seed (gongbao.config.ts), as the integration does for pages.
describe('the configured gazette as pages read it', () => {
  it('gives the publication facts every page shows', () => {
    expect(GAZETTE).toEqual({ name: '吉林省人民政府公报', shortName: '吉林政府公报', publisher: '吉林省人民政府办公厅', legalNote: '政府公报所登文件与正式文件具有同等效力。' });
    expect(gazette.jurisdiction).toBe('吉林省');
  });

  // content/sources/001_2dbcd8b680e63142.txt:11 「第4期(复总第888期)」
  it('labels issues in the configured numbering', () => {
    expect(issueLabel({ year: 2023, number: 4, cumulative: 888 })).toBe('2023年第4期（复总第888期）');
    expect(issueNumberLabel({ number: 4, cumulative: null })).toBe('第4期');
  });
});
