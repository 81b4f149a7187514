/**
 * Progressive enhancement of a document page: every clause gets "copy link" and "copy citation" buttons,
 * and the clause named by the URL hash is highlighted (CSS :target does it without JavaScript; this also
 * covers clauses reached by the outline after load and moves keyboard focus there).
 */
const paths: Record<string, string> = JSON.parse(document.getElementById('clause-paths')?.textContent ?? '{}');
const article = document.querySelector<HTMLElement>('article.document');
const work = article?.dataset['cite'] ?? '';

async function copy(text: string, button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.dataset['state'] = 'copied';
  } catch {
    window.prompt('复制：', text);
  }
  const label = button.textContent;
  button.textContent = '已复制';
  setTimeout(() => {
    button.textContent = label;
    delete button.dataset['state'];
  }, 1500);
}

function button(text: string, title: string, onClick: (b: HTMLButtonElement) => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'clause-action';
  b.textContent = text;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', () => onClick(b));
  return b;
}

for (const clause of document.querySelectorAll<HTMLElement>('.clause[id]')) {
  const id = clause.id;
  const path = paths[id] ?? '';
  const bar = document.createElement('span');
  bar.className = 'clause-actions';
  bar.append(
    button('链接', `复制 ${path} 的链接`, (b) => copy(new URL(`#${id}`, location.href).href, b)),
    button('引用', `复制 ${path} 的引文`, (b) => copy(`${work}${path}`, b)),
  );
  const first = clause.firstElementChild;
  if (first?.classList.contains('clause')) {
    // A 条 of several 款 prints its label at the head of its first 款 (Body.astro), whose own actions end that
    // paragraph: the 条's go right after its label, so each bar stands at the text it cites.
    const label = first.firstElementChild?.querySelector(`:scope > a.clause-label[href="#${CSS.escape(id)}"]`);
    if (!label) continue;
    bar.classList.add('clause-actions--lead');
    label.after(bar);
  } else if (first) {
    first.append(bar);
  }
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
}

window.addEventListener('hashchange', highlight);
highlight();

// The outline is open beside the text on wide screens; on a phone it starts folded above the text.
const outlineBox = document.querySelector<HTMLDetailsElement>('.outline details');
if (outlineBox && window.matchMedia('(max-width: 63.99rem)').matches) outlineBox.open = false;
