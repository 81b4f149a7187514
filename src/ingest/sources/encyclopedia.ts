/**
 * Encyclopedia pages (002, Traditional Chinese): title · summary · 基本介紹 with • infobox bullets ·
 * 全文 · body · navigation (相關詞條 / 熱門詞條 / 聯絡我們).
 *
 * The text stays in Traditional characters: conversion for matching is the reconcile stage's job,
 * and the page is published only as a copy. Such pages print no 发文字号, notice or 落款; the
 * infobox gives the issuer (發布單位) and date (頒布時間).
 */
import type { Removal, SourceParse } from '../../gazette/model.ts';
import type { BodyItem } from '../structure/clauses.ts';
import { buildBody } from '../structure/clauses.ts';
import { emptyDocument } from '../structure/document.ts';
import { isoDate } from '../text/dates.ts';
import { type SourceInput, splitLines } from '../text/lines.ts';
import { remove, takeMeta } from '../text/removals.ts';

const INFOBOX_HEADING = /^基本介[紹绍]$/;
const BODY_HEADING = /^全文$/;
const BULLET = /^•\s*([^:：]+?)\s*[:：]\s*(.*)$/;
const NAVIGATION = /^(?:相關詞條|相关词条|熱門詞條|热门词条|聯絡我們|联络我们|联系我们)$/;

export function parseEncyclopedia(input: SourceInput): SourceParse {
  const { file } = input;
  const lines = splitLines(input.text);
  const removals: Removal[] = [];
  const meta: Record<string, string> = {};
  const items: BodyItem[] = [];

  let title = '';
  let titleLine = 1;
  let zone: 'head' | 'infobox' | 'body' | 'navigation' = 'head';
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    if (NAVIGATION.test(t)) {
      zone = 'navigation';
      remove(removals, l.line, t, 'site navigation');
    } else if (zone === 'navigation') remove(removals, l.line, t, 'site navigation');
    else if (INFOBOX_HEADING.test(t)) {
      zone = 'infobox';
      remove(removals, l.line, t, 'infobox heading (page furniture)');
    } else if (BODY_HEADING.test(t)) {
      zone = 'body';
      remove(removals, l.line, t, 'section heading 全文 (page furniture)');
    } else if (zone === 'infobox' && BULLET.test(t)) {
      const [, key, value] = BULLET.exec(t) as unknown as [string, string, string];
      takeMeta(meta, removals, { line: l.line, text: t }, key, value);
    } else if (zone !== 'head') {
      // A line that is no bullet ends the infobox even without a 全文 heading.
      zone = 'body';
      items.push({ kind: 'text', text: t, source: { file, line: l.line } });
    } else if (!title) {
      title = t;
      titleLine = l.line;
    } else meta['summary'] = meta['summary'] ? `${meta['summary']}\n${t}` : t;
  }

  const body = buildBody(items, { file });
  const lastLine = lines.reduce((n, l) => (l.text.trim() ? l.line : n), titleLine);
  const issuer = meta['發布單位'] ?? meta['发布单位'] ?? null;
  const document = {
    ...emptyDocument(file, 'encyclopedia', title, { from: titleLine, to: lastLine }),
    issuers: issuer ? [issuer] : [],
    date: isoDate(meta['頒布時間'] ?? meta['颁布时间']),
    body: body.blocks,
    meta,
  };
  return { file, kind: 'encyclopedia', meta: {}, issue: null, documents: [document], findings: body.findings, removals };
}
