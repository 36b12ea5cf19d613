// The previous/next links at the foot of an article, an issue or a section's year.

import { html } from './html.ts';
import type { Link } from './model.ts';

export interface PagerLabels {
  /** The navigation's accessible name, e.g. "上一篇和下一篇". */
  nav: string;
  previous: string;
  next: string;
}

/** Nothing when there is neither a previous nor a next page. */
export function renderPager(
  base: string,
  labels: PagerLabels,
  previous: Link | null | undefined,
  next: Link | null | undefined,
): string {
  if (!previous && !next) return '';
  return html`<nav class="pager" aria-label="${labels.nav}">${
    previous &&
    html`<a class="pager-previous" rel="prev" href="${base + previous.url}"><span class="pager-label">${labels.previous}</span>${previous.title}</a>`
  }${
    next &&
    html`<a class="pager-next" rel="next" href="${base + next.url}"><span class="pager-label">${labels.next}</span>${next.title}</a>`
  }
</nav>`.value;
}
