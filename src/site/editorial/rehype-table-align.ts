/**
 * A rehype plugin (astro.config.mjs) for editorial MDX: a GFM table column's alignment arrives as the cell's
 * `align` property, which the MDX compiler turns into an inline style (`style="text-align:right"`) that the
 * site's Content-Security-Policy (style-src 'self') blocks; this makes it a class (`align-right`, styled in
 * src/styles/global.css).
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function rehypeTableAlign() {
  const walk = (node: HastNode): void => {
    const props = node.properties;
    const align = node.tagName === 'td' || node.tagName === 'th' ? props?.['align'] : undefined;
    if (props && (align === 'left' || align === 'center' || align === 'right')) {
      delete props['align'];
      const classes = Array.isArray(props['className']) ? props['className'] : [];
      props['className'] = [...classes, `align-${align}`];
    }
    for (const child of node.children ?? []) walk(child);
  };
  return walk;
}
