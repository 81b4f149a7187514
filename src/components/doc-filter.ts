/** Filters the document index by kind and issuer in the browser (no server); the choice is kept in the URL. */
const form = document.getElementById('doc-filter') as HTMLFormElement | null;
const items = [...document.querySelectorAll<HTMLLIElement>('.doc-list li')];

function apply(): void {
  if (!form) return;
  const kind = (form.elements.namedItem('kind') as HTMLSelectElement).value;
  const issuer = (form.elements.namedItem('issuer') as HTMLSelectElement).value;
  let shown = 0;
  for (const li of items) {
    const ok = (!kind || li.dataset['kind'] === kind) && (!issuer || (li.dataset['issuers'] ?? '').split('|').includes(issuer));
    li.hidden = !ok;
    if (ok) shown++;
  }
  (form.elements.namedItem('count') as HTMLOutputElement).value = `${shown} 份文件`;
  const params = new URLSearchParams();
  if (kind) params.set('kind', kind);
  if (issuer) params.set('issuer', issuer);
  history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const name of ['kind', 'issuer']) {
    const select = form.elements.namedItem(name) as HTMLSelectElement;
    select.value = params.get(name) ?? '';
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  apply();
}
