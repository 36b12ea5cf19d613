// Eleventy's configuration for the jianbao site: read it as the site's table of contents.

import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { renderArticlePage } from './article-page.ts';
import { atomDate, formatChineseDate } from './dates.ts';
import type { SiteModel } from './model.ts';
import { renderFrame } from './page-frame.ts';
import { renderPager } from './pager.ts';
import { bodyHtml, renderMarkdown } from './render-text.ts';
import type { SearchPageData } from './search-files.ts';
import type { PageSelection } from './selection.ts';
import { renderSitemap } from './sitemap.ts';

export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const PUBLIC_DIR = path.join(PACKAGE_ROOT, 'public');

export interface SiteConfigOptions {
  model: SiteModel;
  /** The pages to render; a full build renders all of them. */
  render: PageSelection;
  /** URL path the site is served under, "/" or e.g. "/bulletin/". */
  pathPrefix: string;
  /** Markdown of the About page (content/about.md), if the content folder has one. */
  about: string | null;
  /**
   * What the search page carries: its script, inlined, and the index's shard count and stamp. Awaited by
   * Eleventy when it gathers the data, so the index thread computes the stamp while Eleventy starts.
   */
  search: Promise<SearchPageData>;
}

// Eleventy's user config object; its full type is not exported in a form TypeScript can import.
// biome-ignore lint/suspicious/noExplicitAny: Eleventy's UserConfig is untyped here
type EleventyUserConfig = any;

export function configureSite(config: EleventyUserConfig, options: SiteConfigOptions): void {
  const { model, pathPrefix } = options;

  // Templates are Nunjucks, and JavaScript where a page is rendered by TypeScript (the frame, the
  // article pages and the sitemap, for speed: see src/site/page-frame.ts). Bulletin text is data, never a template: no
  // Markdown or HTML file is pre-processed by a template engine; Nunjucks autoescapes every value it
  // prints, and so does the `html` template of src/site/html.ts.
  config.setTemplateFormats(['njk', '11ty.js']);
  config.setIncludesDirectory('_includes');
  config.setLayoutsDirectory('_includes');
  config.setQuietMode(true);
  // Eleventy warns on stderr when a filter takes a share of the build; jianbao measures itself (npm run bench).
  config.benchmarks?.config?.setIsVerbose(false);
  // Eleventy keeps compiled templates for the life of the process (turning that off makes it compile
  // layouts for every page: twice the build time). So `serve`, which rebuilds in one process, picks
  // up changed bulletins but needs a restart after a template is edited.
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });

  // Static assets: CSS and icons are copied as they are.
  config.addPassthroughCopy({ [path.relative(PACKAGE_ROOT, PUBLIC_DIR)]: '/' });

  // The data every template sees, shaped by src/site/model.ts.
  config.addGlobalData('site', model.settings);
  config.addGlobalData('model', model);
  config.addGlobalData('render', options.render);
  config.addGlobalData('about', options.about);
  config.addGlobalData('navSections', model.sections);
  config.addGlobalData('search', () => options.search);

  // Sub-path hosting: every internal URL is written as {{ base }}{{ url }}, so the same templates serve
  // "/" and "/any/prefix/". Feeds, the sitemap and canonical links are absolute: {{ site.url }}{{ url }},
  // with site.url from content/site.yaml. Both are data, not filters closing over this build's options:
  // Eleventy keeps compiled layouts for the process, and a later build must not print this build's prefix.
  config.addGlobalData('base', pathPrefix);

  // Rendering: bulletin paragraphs as escaped plain text, editors' Markdown sanitized.
  config.addFilter('bodyHtml', bodyHtml);
  config.addFilter('markdown', (source: string) => renderMarkdown(source));
  config.addFilter('zhDate', formatChineseDate);
  config.addFilter('atomDate', atomDate);
  config.addShortcode('pager', renderPager);
  // Pages written in TypeScript, called by the .11ty.js templates.
  config.addJavaScriptFunction('articlePage', renderArticlePage);
  config.addJavaScriptFunction('pageFrame', renderFrame);
  config.addJavaScriptFunction('sitemap', renderSitemap);
}
