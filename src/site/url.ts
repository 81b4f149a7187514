import { withBase } from '../gazette/urls.ts';

/** Site-relative URL that honours the configured base path (BASE_PATH), e.g. href('/issues/') → '/gongbao/issues/'. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
