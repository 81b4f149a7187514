/**
 * How a gazette numbers its issues (GazetteConfig.numbering), written and read from one template pair:
 * 「第{number}期」+「（复总第{cumulative}期）」 gives 2023年第4期（复总第888期）, 「第{number}号」+「（总号：{cumulative}）」
 * gives 2019年第6号（总号：1654）. The year is always 「{year}年」 before the number. Pure.
 */
import type { Numbering } from './config.ts';

interface IssueNumber {
  number: number;
  cumulative: number | null;
}

const fill = (template: string, key: string, value: number): string => template.replace(`{${key}}`, String(value));

/** 第4期（复总第888期） — the gazette's own wording on the cover; 第4期 without a cumulative number. */
export function issueNumberLabel(i: IssueNumber, n: Numbering): string {
  return fill(n.number, 'number', i.number) + (i.cumulative ? fill(n.cumulative, 'cumulative', i.cumulative) : '');
}

/** 2023年第4期（复总第888期） */
export function issueLabel(i: IssueNumber & { year: number }, n: Numbering): string {
  return `${i.year}年${issueNumberLabel(i, n)}`;
}

/** Printed variants of one template character: either bracket width, either colon, spaces between characters. */
const VARIANTS: Record<string, string> = { '(': '[(（]', '（': '[(（]', ')': '[)）]', '）': '[)）]', ':': '[:：]', '：': '[:：]' };

/** A template as a pattern source: each placeholder a captured number, layout spaces allowed anywhere. */
function patternOf(template: string): string {
  return template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => (/^\{\w+\}$/.test(part) ? '(\\d+)' : [...part.replace(/\s/g, '')].map((c) => VARIANTS[c] ?? c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')))
    .join('\\s*');
}

export interface NumberingPatterns {
  /** A cover line 「第4期(复总第888期)」 or 「2023年第4期」: groups year?, number, cumulative?. */
  issueLine: RegExp;
  /** A line holding only the cumulative number, 「(复总第888期)」: group cumulative. */
  cumulativeLine: RegExp;
}

export function numberingPatterns(n: Numbering): NumberingPatterns {
  return {
    issueLine: new RegExp(`^(?:(\\d{4})\\s*年\\s*)?${patternOf(n.number)}\\s*(?:${patternOf(n.cumulative)})?$`),
    cumulativeLine: new RegExp(`^${patternOf(n.cumulative)}$`),
  };
}
