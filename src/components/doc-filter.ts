/** Narrows a document list (DocList.astro) by kind and issuer in the browser (no server); the choice is kept in the URL. */
const form = document.getElementById('doc-filter') as HTMLFormElement | null;
const items = [...document.querySelectorAll<HTMLLIElement>('.doc-list li')];
const MENUS = ['kind', 'issuer'] as const;
const select = (name: string): HTMLSelectElement | null => (form?.elements.namedItem(name) as HTMLSelectElement | null) ?? null;
const valueOf = (li: HTMLLIElement, name: (typeof MENUS)[number]): string[] => (name === 'kind' ? [li.dataset['kind'] ?? ''] : (li.dataset['issuers'] ?? '').split('|'));

function apply(): void {
  if (!form) return;
  const chosen = MENUS.flatMap((name) => {
    const v = select(name)?.value ?? '';
    return v ? [[name, v] as const] : [];
  });
  let shown = 0;
  for (const li of items) {
    const ok = chosen.every(([name, v]) => valueOf(li, name).includes(v));
    li.hidden = !ok;
    if (ok) shown++;
  }
  (form.elements.namedItem('count') as HTMLOutputElement).value = `${shown} 份文件`;
  const params = new URLSearchParams(chosen.map(([name, v]) => [name, v]));
  history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const name of MENUS) {
    const s = select(name);
    if (s) s.value = params.get(name) ?? '';
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  apply();
}
