/** What editors publish beside the documents (content/editorial/*.mdx), by kind. */

/** 解读, 编者按, 更正 (belong to a document), 专题 (lists documents), 页面 (such as 关于本刊). */
export const EDITORIAL_KINDS = ['解读', '编者按', '更正', '专题', '页面'] as const;
export type EditorialKind = (typeof EDITORIAL_KINDS)[number];
