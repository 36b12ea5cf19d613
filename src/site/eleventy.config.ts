// Eleventy's configuration for the jianbao site: read it as the site's table of contents.

import path from 'node:path';
import { PACKAGE_ROOT, PUBLIC_DIR } from '../package-root.ts';
import type { SiteModel } from './model.ts';
import { pageEntries, pageFile, renderEntry, siteData } from './pages.ts';
import type { SearchPageData } from './search-files.ts';
import { selectAllPages } from './selection.ts';

export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

export interface SiteConfigOptions {
  model: SiteModel;
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

  // One JavaScript template paginates over the list of pages (src/site/pages.ts) and calls the
  // TypeScript function that writes each, typed against the model. Bulletin text is data, never a
  // template: the `html` template of src/site/html.ts escapes every value it prints.
  config.setTemplateFormats(['11ty.js']);
  config.setQuietMode(true);
  // Eleventy warns on stderr when a function takes a share of the build; jianbao measures itself (npm run bench).
  config.benchmarks?.config?.setIsVerbose(false);
  // Eleventy keeps compiled templates for the life of the process. So `serve`, which rebuilds in one
  // process, picks up changed bulletins but needs a restart after a template is edited.

  // Static assets: CSS and icons are copied as they are. An absolute path: Eleventy reads a relative
  // one from the working folder, which is the user's, and a site built from anywhere but jianbao's own
  // folder had no CSS (tests/commands/build.test.ts).
  config.addPassthroughCopy({ [PUBLIC_DIR]: '/' });

  // The data every page is written from (siteData in src/site/pages.ts; an update gives its pages the
  // same). Sub-path hosting: every internal URL is written as base + url, so the same pages serve "/"
  // and "/any/prefix/"; feeds, the sitemap and canonical links are absolute: site.url + url. Both are
  // data, not functions closing over this build's options: Eleventy keeps compiled templates for the
  // process, and a later build must not print this build's prefix.
  for (const [key, value] of Object.entries(siteData(model, pathPrefix, options.about))) {
    config.addGlobalData(key, value);
  }
  // What the search page carries, awaited by Eleventy while it gathers the data.
  config.addGlobalData('search', () => options.search);
  // Every page: what the one template paginates over.
  config.addGlobalData('sitePages', pageEntries(selectAllPages(model)));

  // The pages' functions, called by the template.
  config.addJavaScriptFunction('renderEntry', renderEntry);
  config.addJavaScriptFunction('pageFile', pageFile);
}
