/**
 * Regional vocabulary (两岸用语): Taiwan-style words that a Traditional-Chinese mirror substitutes for the
 * mainland words of the original text (content/sources/002 against 000, the same document). Character conversion alone cannot
 * undo them — 最佳化 is three characters where the original has 优化 — so reconcile maps them back before
 * comparing copies.
 *
 * A maintained data table: add a row when a new mirror shows a new substitution, with where it was seen.
 * Rows are written as the mirror prints them (Traditional characters); `traditional.ts` converts each key
 * with the same converter it uses for text, so the table applies after character conversion.
 *
 * Only words a mirror substitutes wholesale belong here. Words that are ordinary mainland usage too
 * (信息, 数据, 项目, 质量, 平台 — not substituted in 002) must not be added: the table is applied only to
 * Traditional sources, but a wrong row would still hide a real difference between copies.
 */

export interface RegionalWord {
  /** As printed in the Taiwan-style mirror. */
  regional: string;
  /** The mainland word of the original. */
  mainland: string;
  /** Where the substitution was observed. */
  seen: string;
}

export const REGIONAL_VOCABULARY: readonly RegionalWord[] = [
  { regional: '最佳化', mainland: '优化', seen: '002 ×25 (title, summary, infobox, body)' },
  { regional: '智慧財產權', mainland: '知识产权', seen: '002 item 17 ×7' },
  { regional: '計畫', mainland: '计划', seen: '002 ×7' },
  { regional: '數位', mainland: '数字', seen: '002 ×6 (省政务服务和数字化局, 数字技术)' },
  { regional: '網路', mainland: '网络', seen: '002 ×2' },
  { regional: '軟體', mainland: '软件', seen: '002 ×2' },
  { regional: '人工智慧', mainland: '人工智能', seen: '002 ×2' },
  { regional: '套用', mainland: '应用', seen: '002 items 8, 19' },
  { regional: '視窗', mainland: '窗口', seen: '002 基本原则' },
  { regional: '資料庫', mainland: '数据库', seen: '002 item 13' },
  { regional: '協定', mainland: '协议', seen: '002 item 14' },
  { regional: '人民民眾', mainland: '人民群众', seen: '002 item 21 (群眾 → 民眾 inside 人民群众)' },
  { regional: '大中國小', mainland: '大中小学', seen: '002 item 21 (小学 → 國小 inside 大中小学)' },
  { regional: '借鑑', mainland: '借鉴', seen: '002 item 15' },
];
