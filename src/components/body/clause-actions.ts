/**
 * Progressive enhancement of a document page: one toolbar (role="toolbar") acts on the current clause —
 * copy its short link (/c/…), its citation, its citation with the gazette issue and printed page. The
 * current clause is the one the reader last clicked or tapped, that the URL names (a deep link, an outline
 * entry, Enter on a clause label), or, while scrolling, the one at the reading line under the sticky header.
 * The toolbar stays in view at the foot of the window, so nothing waits for a tap or a hover to appear; in
 * the document it stands first in the current clause, so it is one Tab stop in all (arrow keys move between
 * its buttons), not two per clause: Tab from clause label to clause label, Enter on one, Tab to its actions.
 * Hovering does not retarget it: the pointer crosses other clauses on its way to the toolbar. The clause named
 * by the URL hash is highlighted (CSS :target does it without JavaScript; this also covers later navigation).
 */
interface ClauseCite {
  path: string;
}

const paths: Record<string, string> = JSON.parse(document.getElementById('clause-paths')?.textContent ?? '{}');
const article = document.querySelector<HTMLElement>('article.document');
const work = article?.dataset['cite'] ?? '';
/** 「，载《吉林省人民政府公报》2023年第4期，第11页」, absent outside a gazette issue. */
const publishedIn = article?.dataset['publishedIn'] ?? '';
/** The folder of this document's short links, e.g. /c/jzbf-2022-26/ (under the base path). */
const shortBase = article?.dataset['shortBase'] ?? '';

const announcer = document.createElement('p');
announcer.className = 'visually-hidden';
announcer.setAttribute('role', 'status');

const actionBar = document.createElement('div');
actionBar.className = 'clause-toolbar no-print';
actionBar.setAttribute('role', 'toolbar');
actionBar.hidden = true;
const pathLabel = document.createElement('span');
pathLabel.className = 'clause-toolbar__path';
pathLabel.id = 'clause-toolbar-path';
actionBar.setAttribute('aria-labelledby', pathLabel.id);
actionBar.append(pathLabel);

let current: HTMLElement | null = null;
const cite = (): ClauseCite => ({ path: current ? (paths[current.id] ?? '') : '' });

async function copy(text: string, what: string, button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    window.prompt('复制：', text);
  }
  const label = button.textContent;
  button.textContent = '已复制';
  button.dataset['state'] = 'copied';
  // A live region, so a screen reader hears what was copied (the button's own text change is not announced).
  announcer.textContent = `已复制${what}：${text}`;
  setTimeout(() => {
    button.textContent = label;
    delete button.dataset['state'];
  }, 1500);
}

const ACTIONS: Array<{ text: string; what: string; value: (c: ClauseCite, id: string) => string; when: boolean }> = [
  { text: '链接', what: '链接', value: (_c, id) => new URL(`${shortBase}${encodeURIComponent(id)}/`, location.href).href, when: shortBase !== '' },
  { text: '引用', what: '引文', value: (c) => `${work}${c.path}`, when: true },
  { text: '引用（含出处）', what: '引文', value: (c) => `${work}${c.path}${publishedIn}`, when: publishedIn !== '' },
];

const buttons = ACTIONS.filter((a) => a.when).map((a, i) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'clause-action';
  b.textContent = a.text;
  b.tabIndex = i === 0 ? 0 : -1;
  b.addEventListener('click', () => {
    if (current) void copy(a.value(cite(), current.id), a.what, b);
  });
  actionBar.append(b);
  return b;
});

// Roving focus: the toolbar is one Tab stop; ← → Home End move inside it.
actionBar.addEventListener('keydown', (e) => {
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const to = buttons[(next + buttons.length) % buttons.length];
  buttons.forEach((b) => (b.tabIndex = b === to ? 0 : -1));
  to?.focus();
});

/** Makes `clause` current; the toolbar moves to its start unless the reader is using the toolbar. */
let holdUntil = 0;
function setCurrent(clause: HTMLElement | null, chosen = true): void {
  if (!clause || !(clause.id in paths)) return;
  // The scroll a deep link causes must not take the choice away again.
  if (chosen) holdUntil = performance.now() + 500;
  if (clause === current) return;
  current?.classList.remove('is-current');
  current = clause;
  clause.classList.add('is-current');
  pathLabel.textContent = paths[clause.id] || clause.dataset['label'] || '';
  actionBar.hidden = false;
  if (!actionBar.contains(document.activeElement)) clause.prepend(actionBar);
}

const clauseAt = (el: EventTarget | null): HTMLElement | null => {
  if (!(el instanceof Element) || actionBar.contains(el)) return null;
  const label = el.closest<HTMLAnchorElement>('a.clause-label');
  const id = label?.hash.slice(1);
  return (id ? document.getElementById(decodeURIComponent(id)) : null) ?? el.closest<HTMLElement>('.clause[id]');
};

const body = document.querySelector<HTMLElement>('.doc-body');
let pending = false;
if (article && body && Object.keys(paths).length > 0) {
  document.body.append(announcer);
  document.body.classList.add('has-clause-toolbar');
  body.addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('a, button')) setCurrent(clauseAt(e.target));
  });
  window.addEventListener(
    'scroll',
    () => {
      if (pending || performance.now() < holdUntil) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        setCurrent(atReadingLine(body), false);
      });
    },
    { passive: true },
  );
}

/** The clause at the reading line: just below the sticky header, near the start of the text column. */
function atReadingLine(body: HTMLElement): HTMLElement | null {
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const box = body.getBoundingClientRect();
  return clauseAt(document.elementFromPoint(box.left + Math.min(box.width / 2, 160), header + 24));
}

function highlight(): void {
  document.querySelector('.is-targeted')?.classList.remove('is-targeted');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  target.classList.add('is-targeted');
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
  if (target.classList.contains('clause')) setCurrent(target);
}

window.addEventListener('hashchange', highlight);
highlight();
// From the start the toolbar names a clause: the one at the reading line, else the first.
if (body && !current) setCurrent(atReadingLine(body) ?? body.querySelector<HTMLElement>('.clause[id]'), false);

// The outline is open beside the text on wide screens; on a phone it starts folded above the text.
const outlineBox = document.querySelector<HTMLDetailsElement>('.outline details');
if (outlineBox && window.matchMedia('(max-width: 63.99rem)').matches) outlineBox.open = false;
