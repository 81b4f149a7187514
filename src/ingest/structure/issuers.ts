/**
 * Known issuing authorities (发文机关), from the gazette's configuration (GazetteConfig.issuers,
 * gongbao.config.ts). A document's issuer is published only when it is on this list; anything else is
 * reported, and where an authoritative copy names a known issuer at the same place, the copy is treated as
 * tampered (tamper.ts). Add an authority to the configuration when a genuine new issuer appears in the build
 * report as `issuer-unknown`; names are full official names, as signed.
 */
import type { Issuer } from '../../gazette/config.ts';
import type { DocumentNumber, SourceDocument } from '../../gazette/model.ts';
import { docNumberSlug } from '../../gazette/doc-number.ts';
import { toMatchForm } from '../../gazette/width.ts';
import { toSimplified } from '../text/traditional.ts';

/** The issuer list read once, for the stages that check names against it. */
export interface IssuerRegister {
  /** Full names, as configured. */
  readonly names: readonly string[];
  /**
   * The short forms of the authorities the gazette abbreviates — each such authority under its own name and
   * every alias — with the authority they stand for, longest first (so 省政府办公厅 is never read as 省政府 + 办公厅).
   */
  readonly titleAliases: ReadonlyArray<readonly [alias: string, authority: string]>;
  /** 机关代字 (国办发) → the authority whose numbers carry it. */
  readonly codes: ReadonlyMap<string, string>;
  /** 机关代字 → the configured ASCII initials of its slugs (docNumberSlug). */
  readonly slugs: ReadonlyMap<string, string>;
  /** The names in comparison form (toMatchForm). */
  readonly known: ReadonlySet<string>;
  /** Known names by first character, longest first, for scanning compared text. */
  readonly byFirst: ReadonlyMap<string, readonly string[][]>;
}

export function issuerRegister(issuers: readonly Issuer[]): IssuerRegister {
  const byFirst = new Map<string, string[][]>();
  for (const { name } of issuers) {
    const chars = Array.from(toMatchForm(name));
    byFirst.set(chars[0]!, [...(byFirst.get(chars[0]!) ?? []), chars].sort((a, b) => b.length - a.length));
  }
  return {
    names: issuers.map((i) => i.name),
    titleAliases: issuers
      .filter((i) => i.aliases.length > 0)
      .flatMap((i) => [...new Set([i.name, ...i.aliases])].map((a) => [toMatchForm(a), i.name] as const))
      .sort((a, b) => b[0].length - a[0].length),
    codes: new Map(issuers.flatMap((i) => i.codes.map((c) => [c, i.name] as const))),
    slugs: new Map(issuers.flatMap((i) => Object.entries(i.slugs))),
    known: new Set(issuers.map((i) => toMatchForm(i.name))),
    byFirst,
  };
}

/**
 * The authorities a run of short forms names, in order — 「省委省政府」 → 中共吉林省委, 吉林省人民政府 —, or null
 * when any part of it is no alias. 、 and , between the parts are allowed.
 */
export function aliasRun(register: IssuerRegister, text: string): string[] | null {
  const found: string[] = [];
  let rest = toMatchForm(text);
  while ((rest = rest.replace(/^[、,]+/, '')) !== '') {
    const hit = register.titleAliases.find(([alias]) => rest.startsWith(alias));
    if (!hit) return null;
    found.push(hit[1]);
    rest = rest.slice(hit[0].length);
  }
  return found.length ? found : null;
}

/** Issuers under their full names: short forms expanded, duplicates dropped, order kept. */
export function canonicalIssuers(register: IssuerRegister, names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => (isKnownIssuer(register, n) ? [n] : (aliasRun(register, n) ?? [n]))))];
}

/**
 * Exact match after width normalisation, as printed or after Traditional→Simplified conversion:
 * 国务院辦公廳 is known. (Conversion is not applied blindly: it can mangle Simplified text.)
 */
export function isKnownIssuer(register: IssuerRegister, name: string): boolean {
  const printed = toMatchForm(name);
  return register.known.has(printed) || register.known.has(toMatchForm(toSimplified(printed)));
}

/** The issuers a document names — its issuer list and its 落款, joint issuers split — that are not known. */
export function unknownIssuers(register: IssuerRegister, doc: Pick<SourceDocument, 'issuers' | 'signature'>): string[] {
  const named = [...doc.issuers, doc.signature.issuer ?? ''].flatMap((n) => n.split(/[\s、，,]+/)).filter(Boolean);
  return [...new Set(named.filter((n) => !isKnownIssuer(register, n) && aliasRun(register, n) === null))];
}

/**
 * Occurrences of known issuer names in a text given as characters (the comparison form of tamper.ts):
 * the longest name at each position, none inside another (国务院办公厅, not also 国务院).
 */
export function findIssuerNames(register: IssuerRegister, chars: readonly string[]): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < chars.length; i++) {
    const name = register.byFirst.get(chars[i]!)?.find((n) => n.every((c, k) => chars[i + k] === c));
    if (!name) continue;
    found.push({ start: i, end: i + name.length });
    i += name.length - 1;
  }
  return found;
}

/**
 * The URL slug of a 发文字号: docNumberSlug's pinyin initials, or those the configuration gives the 机关代字
 * (issuers[].slugs) in the same form — 蚌政发〔2020〕3号 with 「bzf」 → bzf-2020-3. Throws as docNumberSlug does.
 */
export function numberSlug(register: IssuerRegister, n: DocumentNumber): string {
  const initials = register.slugs.get(n.agency);
  return initials === undefined ? docNumberSlug(n) : [initials, ...(n.year === 0 ? [] : [n.year]), n.serial].join('-');
}

/**
 * The authority a document's 机关代字 belongs to when the document names other known issuers only: 「国办发」
 * on a text signed 国务院 alone. Null when the code is not configured or the issuer is among those named.
 */
export function codeMismatch(register: IssuerRegister, doc: Pick<SourceDocument, 'issuers' | 'signature' | 'docNumber'>): string | null {
  const owner = doc.docNumber ? register.codes.get(doc.docNumber.agency) : undefined;
  if (!owner) return null;
  const named = canonicalIssuers(register, [...doc.issuers, doc.signature.issuer ?? ''].flatMap((n) => n.split(/[\s、，,]+/)).filter(Boolean));
  return named.length > 0 && named.every((n) => isKnownIssuer(register, n)) && !named.includes(owner) ? owner : null;
}
