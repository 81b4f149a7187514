/** Site-relative URL that honours the configured base path (BASE_PATH), e.g. href('/issues/') → '/gongbao/issues/'. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
