/** References from editorial MDX to the gazette: documents by 发文字号 or slug, clauses, lists (src/site/editorial/refs.ts). */
import { describe, expect, it } from 'vitest';
import { citeText, findClause, findDocument, listDocuments, referenceProblem } from '../../../../src/site/editorial/refs.ts';
import { seed, seedDocument } from '../seed.ts';

const docs = seed().documents;
const issues = seed().issues.map((i) => i.id);

describe('findDocument', () => {
  it('finds a document by its 发文字号 in any bracket form, or by slug', () => {
    // content/sources/001_2dbcd8b680e63142.txt:263 prints 吉政办发〔2022〕26号
    expect(findDocument(docs, '吉政办发〔2022〕26号')?.id).toBe('jzbf-2022-26');
    expect(findDocument(docs, '吉政办发[2022]26号')?.id).toBe('jzbf-2022-26');
    expect(findDocument(docs, 'jzbf-2022-26')?.id).toBe('jzbf-2022-26');
    expect(findDocument(docs, '吉政办发〔2022〕99号')).toBeNull();
    expect(findDocument(docs, '26号')).toBeNull();
  });
});

describe('findClause and citeText', () => {
  it('gives the clause its citation path, as the document page does', () => {
    const doc = seedDocument('jzbf-2022-26');
    const ref = findClause(doc, 'p2-s3-i11');
    // content/sources/001_2dbcd8b680e63142.txt:348 「11. 突显关键技术要素。」 in 二、（三）
    expect(ref?.path).toBe('二、（三）11.');
    expect(ref?.clause.title).toBe('突显关键技术要素。');
    expect(citeText(doc, ref)).toBe('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.');
    expect(citeText(doc, null)).toBe('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）');
    expect(findClause(doc, 'p9-s9')).toBeNull();
  });
});

describe('listDocuments', () => {
  it('lists by title words, oldest first; by kind and year', () => {
    expect(listDocuments(docs, { match: '科技 创新' }).map((d) => d.id)).toEqual(['2021-04-13-jb', '2021-12-20-yj', 'jzbf-2022-26']);
    expect(listDocuments(docs, { kind: '通知', year: '2022', issuer: '吉林省人民政府' }).map((d) => d.id)).toEqual(['jzf-2022-21']);
    expect(listDocuments(docs, { match: '航天' })).toEqual([]);
  });
});

describe('referenceProblem', () => {
  it('says in Chinese what is missing, and nothing when all is there', () => {
    expect(referenceProblem(docs, issues, 'Cite', { doc: '吉政办发〔2022〕26号', clause: 'p2-s3-i11' })).toBeNull();
    expect(referenceProblem(docs, issues, 'Cite', { doc: '吉政办发〔2022〕99号' })).toBe('本站没有「吉政办发〔2022〕99号」这份文件（按发文字号或文件标识查找）');
    expect(referenceProblem(docs, issues, 'Quote', { doc: 'jzbf-2022-26', clause: 'p2-s3-i99' })).toBe(
      '《吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知》没有条款 p2-s3-i99',
    );
    expect(referenceProblem(docs, issues, 'Quote', { doc: 'jzbf-2022-26' })).toBe('Quote 须指明 clause（引用的条款）');
    expect(referenceProblem(docs, issues, 'Cite', {})).toBe('缺少 doc（发文字号或文件标识）');
    expect(referenceProblem(docs, issues, 'DocList', { match: '航天' })).toMatch(/^没有符合条件的文件/);
    expect(referenceProblem(docs, issues, 'IssueFacts', { issue: '2023-4' })).toBeNull();
    expect(referenceProblem(docs, issues, 'IssueFacts', { issue: '2023-5' })).toBe('本站没有期次 2023-5');
    expect(referenceProblem(docs, issues, 'front matter', {})).toBeNull();
  });
});
