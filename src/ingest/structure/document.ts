/** A source document before its parts are read: the defaults, and what its title says (文种, issuers). */
import type { DocumentKind, SourceDocument, SourceKind } from '../../gazette/model.ts';

const KIND_SUFFIXES: [RegExp, DocumentKind][] = [
  [/通知$/, '通知'],
  [/意见$/, '意见'],
  [/意見$/, '意见'],
  [/方案$/, '方案'],
  [/决定$/, '决定'],
  [/決定$/, '决定'],
  [/办法$/, '办法'],
  [/辦法$/, '办法'],
  [/规定$/, '规定'],
  [/規定$/, '规定'],
  [/条例$/, '条例'],
  [/條例$/, '条例'],
  [/批复$/, '批复'],
  [/批覆$/, '批复'],
  [/通告$/, '通告'],
  [/公告$/, '公告'],
  [/简报$/, '简报'],
  [/函$/, '函'],
];

/** Document kind (文种) from the end of the title; a trailing （七）-style part number is ignored. */
export function kindFromTitle(title: string): DocumentKind {
  const t = title.replace(/[（(][^（）()]*[）)]$/, '');
  for (const [re, kind] of KIND_SUFFIXES) if (re.test(t)) return kind;
  return '其他';
}

/** Issuers named at the head of a title, 「最高人民法院、最高人民检察院关于…」 → both; none without 关于. */
export function issuersFromTitle(title: string): string[] {
  const at = title.search(/关于|關於/);
  if (at <= 0) return [];
  return title
    .slice(0, at)
    .split(/[、\s]+/)
    .filter(Boolean);
}

export function emptyDocument(file: string, sourceKind: SourceKind, title: string, span: { from: number; to: number }): SourceDocument {
  return {
    file,
    sourceKind,
    title,
    printedTitle: title,
    docNumber: null,
    issuers: [],
    addressees: null,
    notice: null,
    signature: { issuer: null, date: null, source: null },
    date: null,
    kind: kindFromTitle(title),
    planTitle: null,
    body: [],
    attachments: [],
    page: null,
    meta: {},
    span,
  };
}
