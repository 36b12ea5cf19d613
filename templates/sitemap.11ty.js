// The sitemap: src/site/sitemap.ts.
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

export function render(data) {
  return this.sitemap(data.model);
}
