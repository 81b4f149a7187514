/**
 * A document as Akoma Ntoso 3.0 XML (OASIS LegalDocML), checked against the official schema in the tests
 * (tests/fixtures/akn/). Normative kinds (通知 意见 方案 …) are an `act` with a `body`; the rest (任免,
 * 要闻, 卷首语 …) a `doc` with a `mainBody`. Every block is an `hcontainer` whose `eId` is our block id
 * unchanged and whose `name` is its kind (part, section, item, subitem, circled, dash; paragraph, table,
 * entry, omitted, heading; attachment) — the one-to-one table is in the README ("Data"). All text is escaped.
 */
import type { Block, Table } from '../../gazette/model.ts';
import { clauseGap, plain, type TextSource } from './text.ts';

export interface AknSource extends TextSource {
  id: string;
  kind: string;
  issuers: string[];
  date: string | null;
  docNumber: string | null;
  /** A 发文字号 inferred from a citation (never printed): an alias, marked so. */
  docNumberInferred: string | null;
  attachments: (TextSource['attachments'][number] & { id: string; omitted: boolean })[];
  /** ISO date of the issue, used when the document carries no date of its own. */
  issueDate: string | null;
}

const NORMATIVE = new Set(['通知', '意见', '方案', '函', '决定', '办法', '规定']);

/** Text and attribute values: markup characters as entities, characters XML 1.0 forbids as U+FFFD. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const t = (s: string): string => escapeXml(plain(s));
const attr = (name: string, value: string | number): string => ` ${name}="${escapeXml(String(value))}"`;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function tableXml(table: Table): string {
  const span = (n: number, name: string) => (n > 1 ? attr(name, n) : '');
  const row = (cells: Table['rows'][number]['cells'], head: boolean) =>
    `<tr>${cells.map((c) => { const tag = head || c.header ? 'th' : 'td'; return `<${tag}${span(c.rowspan, 'rowspan')}${span(c.colspan, 'colspan')}><p>${t(c.text)}</p></${tag}>`; }).join('')}</tr>`;
  return `<table>${table.caption ? `<caption>${t(table.caption)}</caption>` : ''}${table.header.map((r) => row(r.cells, true)).join('')}${table.rows.map((r) => row(r.cells, false)).join('')}</table>`;
}

function blockXml(b: Block): string {
  const open = (name: string) => `<hcontainer${attr('name', name)}${attr('eId', b.id)}>`;
  switch (b.type) {
    case 'clause': {
      const isHeading = b.title !== null && b.title === b.text;
      const num = `<num>${t(b.label)}</num>`;
      const text = `${clauseGap(b.label, b.text)}${t(b.text)}`;
      if (isHeading) {
        const rest = b.children.length ? b.children.map(blockXml).join('') : '<content><p/></content>';
        return `${open(b.level)}${num}<heading>${text}</heading>${rest}</hcontainer>`;
      }
      if (b.children.length) return `${open(b.level)}${num}<intro><p>${text}</p></intro>${b.children.map(blockXml).join('')}</hcontainer>`;
      return `${open(b.level)}${num}<content><p>${text}</p></content></hcontainer>`;
    }
    case 'table':
      return `${open('table')}<content>${tableXml(b.table)}</content></hcontainer>`;
    case 'entry': {
      const printed = b.printedDate ? t(b.printedDate) : '';
      const date = printed && b.date && ISO.test(b.date) ? `<date${attr('date', b.date)}>${printed}</date> ` : printed ? `${printed} ` : '';
      return `${open('entry')}<content><p>${date}${t(b.text)}</p></content></hcontainer>`;
    }
    case 'heading':
      return `${open('heading')}<heading>${t(b.text)}</heading><content><p/></content></hcontainer>`;
    default:
      return `${open(b.type)}<content><p>${t(b.text)}</p></content></hcontainer>`;
  }
}

export function documentAkn(doc: AknSource): string {
  const act = NORMATIVE.has(doc.kind);
  const type = act ? 'act' : 'doc';
  const date = [doc.date, doc.issueDate].find((d): d is string => d !== null && ISO.test(d)) ?? '1970-01-01';
  const dateName = doc.date ? '成文日期' : doc.issueDate ? '出版日期' : '日期不详';
  const work = `/akn/cn-jl/${type}/${date}/${doc.id}`;
  const expression = `${work}/zho@`;
  const authors = doc.issuers.length ? doc.issuers : ['不详'];
  const author = `<FRBRauthor${attr('href', '#issuer-1')}/>`;
  const frbrDate = `<FRBRdate${attr('date', date)}${attr('name', dateName)}/>`;
  const number = doc.docNumber ?? doc.docNumberInferred;
  const identification =
    `<identification source="#gongbao">` +
    `<FRBRWork><FRBRthis${attr('value', `${work}/!main`)}/><FRBRuri${attr('value', work)}/>` +
    (doc.docNumberInferred && !doc.docNumber ? `<FRBRalias${attr('value', doc.docNumberInferred)}${attr('name', '发文字号（推定）')}/>` : '') +
    `${frbrDate}${author}<FRBRcountry value="cn"/><FRBRsubtype${attr('value', doc.kind)}/>` +
    (number ? `<FRBRnumber${attr('value', number)}/>` : '') +
    `<FRBRname${attr('value', plain(doc.title))}/></FRBRWork>` +
    `<FRBRExpression><FRBRthis${attr('value', `${expression}/!main`)}/><FRBRuri${attr('value', expression)}/>${frbrDate}${author}<FRBRlanguage language="zho"/></FRBRExpression>` +
    `<FRBRManifestation><FRBRthis${attr('value', `${expression}/!main.xml`)}/><FRBRuri${attr('value', `${expression}.akn`)}/>${frbrDate}<FRBRauthor href="#gongbao"/><FRBRformat value="application/akn+xml"/></FRBRManifestation>` +
    `</identification>`;
  const references =
    `<references source="#gongbao"><TLCOrganization eId="gongbao" href="/ontology/organization/gongbao" showAs="gongbao"/>` +
    authors.map((a, i) => `<TLCOrganization${attr('eId', `issuer-${i + 1}`)}${attr('href', `/ontology/organization/cn-jl/${i + 1}`)}${attr('showAs', a)}/>`).join('') +
    `</references>`;
  const preface = `<preface><p><docTitle>${t(doc.title)}</docTitle></p>${doc.docNumber ? `<p><docNumber>${t(doc.docNumber)}</docNumber></p>` : ''}</preface>`;
  const notice = doc.addressees || doc.notice ? [doc.addressees, doc.notice].flatMap((x) => (x ? [`<p>${t(x)}</p>`] : [])) : [];
  const preamble = notice.length ? `<preamble>${notice.join('')}</preamble>` : '';
  const plan = doc.planTitle ? [`<hcontainer name="planTitle" eId="plan-title"><heading>${t(doc.planTitle)}</heading><content><p/></content></hcontainer>`] : [];
  const attachments = doc.attachments.map(
    (a) =>
      `<hcontainer name="attachment"${attr('eId', a.id)}><num>${t(a.label)}</num><heading>${t(a.title)}</heading>` +
      (a.body.length ? a.body.map(blockXml).join('') : `<content><p>${a.omitted ? '（略）' : ''}</p></content>`) +
      `</hcontainer>`,
  );
  const parts = [...plan, ...doc.body.map(blockXml), ...attachments];
  const main = parts.length ? parts.join('') : '<hcontainer name="empty" eId="empty"><content><p/></content></hcontainer>';
  const body = act ? `<body>${main}</body>` : `<mainBody>${main}</mainBody>`;
  const signed = doc.addressees || doc.notice ? [doc.signature.issuer, doc.signature.date].flatMap((x) => (x ? [`<p>${t(x)}</p>`] : [])) : [];
  const conclusions = signed.length ? `<conclusions>${signed.join('')}</conclusions>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">` +
    `<${type}${attr('name', doc.kind)}><meta>${identification}${references}</meta>${preface}${preamble}${body}${conclusions}</${type}>` +
    `</akomaNtoso>\n`
  );
}
