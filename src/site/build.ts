// `jianbao build`: content folder → site. A full build is made aside and swapped in; an update renders
// only the pages whose data changed and replaces just those files.
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Content, loadContent } from '../content/load.ts';
import type { IndexInThread, IndexThread } from '../search/index-thread.ts';
import { applyUpdate, readManifest, type UpdateCounts } from './apply-update.ts';
import { TEMPLATES_DIR } from './eleventy.config.ts';
import {
  type BuildManifest,
  changedPages,
  countPages,
  globalFingerprint,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  pageFingerprints,
  pagesGone,
  siteCodeHash,
} from './fingerprints.ts';
import {
  type ArticlePage,
  buildSiteModel,
  type ReadingOrder,
  readingOrder,
  type SiteModel,
} from './model.ts';
import { renderSelection, siteData } from './pages.ts';
import { preloadEleventy, renderPages } from './render-pages.ts';
import { planSearch, searchPageData, searchScript } from './search-files.ts';
import { selectAllPages } from './selection.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix?: string;
  /** Folder for caches (parsed bulletins); none when omitted. */
  cacheDir?: string;
  /** Templates to build with; the project's templates/ when omitted (tests use a broken copy). */
  templatesDir?: string;
  /** Render only what changed since the build already in outDir, when there is a compatible one. */
  incremental?: boolean;
  /** Told about each step of a long build. */
  progress?: (step: string) => void;
  /** The content folder already loaded (add has just read it); loaded from contentDir when omitted. */
  content?: Content;
  /**
   * A search index thread started for outDir before the content was loaded (startSearchThread: it reads
   * the index ahead), used when the build updates outDir in place. Whoever started it stops it.
   */
  searchThread?: IndexThread;
  /**
   * outDir's manifest when the caller has read it already, null when there was none (`add`, to decide
   * what to start early): not read again.
   */
  previous?: BuildManifest | null;
}

export interface BuildResult extends UpdateCounts {
  model: SiteModel;
  /** Pages rendered (all of them in a full build). */
  pagesRendered: number;
  issues: number;
  articles: number;
  /** True when only changed pages were rendered. */
  incremental: boolean;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const progress = options.progress ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  siteCodeHash(templatesDir);
  let previous = options.incremental ? options.previous : null;
  if (previous === undefined) previous = await readManifest(outDir);
  // Eleventy (~0.4 s to import) is needed for a full build only: an update writes its pages itself.
  if (previous === null) preloadEleventy();
  const script = searchScript(options.cacheDir);
  progress('reading bulletins');
  const content = options.content ?? (await loadContent(options.contentDir, { cacheDir: options.cacheDir }));
  progress('shaping pages');
  const reading = readingOrder(content.bulletins);
  // An update's index is started at once, before the rest of the model is shaped: the search index
  // thread is the longest part of `add`. Should the build turn out to be a full one, that plan is dropped.
  const updateIndex = previous && planUpdateIndex(reading.articles, previous, outDir, options);
  updateIndex?.catch(() => {}); // awaited below, or dropped
  const dropUpdateIndex = () => updateIndex?.then((index) => index.abandon()).catch(() => {});
  const site = await siteInputs(content, reading, templatesDir, script, options).catch(async (error) => {
    await dropUpdateIndex();
    throw error;
  });
  let built: Built;
  if (updateIndex && previous?.global === site.global) {
    built = await updateSite(site, previous, outDir, await updateIndex, options);
  } else {
    await dropUpdateIndex();
    built = await buildAside(site, outDir, templatesDir, options);
  }
  const { model } = site;
  return { model, ...built, issues: model.issues.length, articles: model.articles.length };
}

/** The rest of the site model, and everything else the pages are made from. */
async function siteInputs(
  content: Content,
  reading: ReadingOrder,
  templatesDir: string,
  script: Promise<string>,
  options: BuildOptions,
): Promise<SiteInputs> {
  const model = buildSiteModel(content.bulletins, content.config.site, reading);
  const about = await readOptional(path.join(options.contentDir, 'about.md'));
  const pathPrefix = normalizePathPrefix(options.pathPrefix ?? '/');
  const global = await globalFingerprint({ model, pathPrefix, about, templatesDir });
  return { model, pathPrefix, about, script, global, saveCache: content.saveCache };
}

/**
 * Plans outDir's index for an update: in the thread `add` started (which read the index ahead), or in
 * one of its own. The articles of issues the last build did not have are sent with their text.
 */
function planUpdateIndex(
  articles: readonly ArticlePage[],
  previous: BuildManifest,
  outDir: string,
  options: BuildOptions,
): Promise<IndexInThread> {
  options.progress?.(`indexing ${articles.length} articles for search (in a worker thread)`);
  const newFrom = articles.findIndex((article) => !(article.issue.url in previous.issues));
  return planSearch(articles, outDir, {
    cacheDir: options.cacheDir,
    started: options.searchThread,
    newFrom: newFrom === -1 ? articles.length : newFrom,
  });
}

interface SiteInputs {
  model: SiteModel;
  pathPrefix: string;
  about: string | null;
  script: Promise<string>;
  global: string;
  /** Content.saveCache: called where the build would wait anyway, or uses little memory. */
  saveCache?: () => Promise<void>;
}

type Built = Omit<BuildResult, 'model' | 'issues' | 'articles'>;

/** Every page by Eleventy, into a folder beside outDir that then replaces it. */
async function buildAside(
  { model, pathPrefix, about, script, global, saveCache }: SiteInputs,
  outDir: string,
  templatesDir: string,
  options: BuildOptions,
): Promise<Built> {
  const progress = options.progress ?? (() => {});
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-`));
  let index: IndexInThread | undefined;
  try {
    // The index is built in another thread while this one renders the pages; the thread sends the
    // stamp the search page carries before it plans. It is written after the pages render.
    progress(`indexing ${model.articles.length} articles for search (in a worker thread)`);
    index = await planSearch(model.articles, staging, { cacheDir: options.cacheDir });
    const all = selectAllPages(model);
    const manifest: BuildManifest = { version: MANIFEST_VERSION, global, ...pageFingerprints(all) };
    const search = searchPageData(index, script);
    search.catch(() => {}); // awaited by the rendering, which reports a failure
    progress(`rendering ${countPages(all)} pages`);
    // Before the rendering, the time of the build's peak memory, which the serialized parses would add to.
    await saveCache?.();
    const pagesRendered = await renderPages(staging, { model, pathPrefix, about, search }, templatesDir);
    progress('writing the search index');
    const written = (await index.write()).written;
    await writeManifest(staging, manifest);
    await swapIn(staging, outDir);
    return {
      pagesRendered,
      written: pagesRendered + written + 1 /* the manifest */,
      removed: 0,
      incremental: false,
    };
  } catch (error) {
    await index?.abandon();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The pages whose data changed since the build in outDir (made by the same code: the global
 * fingerprint is equal), written by src/site/pages.ts without Eleventy, file by file into outDir.
 */
async function updateSite(
  { model, pathPrefix, about, script, global, saveCache }: SiteInputs,
  previous: BuildManifest,
  outDir: string,
  index: IndexInThread,
  options: BuildOptions,
): Promise<Built> {
  const progress = options.progress ?? (() => {});
  try {
    progress('comparing pages with the last build');
    const all = selectAllPages(model);
    const manifest: BuildManifest = { version: MANIFEST_VERSION, global, ...pageFingerprints(all, previous) };
    const render = changedPages(all, manifest, previous);
    progress(`rendering ${countPages(render)} of ${countPages(all)} pages`);
    const search = searchPageData(index, script);
    search.catch(() => {}); // awaited by the rendering; a failure before it is the build's error
    const files = await renderSelection(render, siteData(model, pathPrefix, about), search);
    await saveCache?.();
    // The index before the pages: a page older than its index still finds exactly the truth (the
    // client loads the files the index names), while a new search page before its index would have
    // readers fetch the new stamp's names and get the old files, which a cache could then keep.
    progress('updating the search index');
    const indexWritten = (await index.write()).written;
    progress('replacing changed files');
    const counts = await applyUpdate(files, outDir, pagesGone(manifest, previous));
    await writeManifest(outDir, manifest);
    return {
      pagesRendered: files.size,
      written: counts.written + indexWritten,
      removed: counts.removed,
      incremental: true,
    };
  } catch (error) {
    await index.abandon();
    throw error;
  }
}

/** "/" stays; "bulletin" and "/bulletin" become "/bulletin/". */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Replaces the published folder with the finished one by two renames on the same file system, so a
 * reader (or a web server) sees either the old site or the new one, never a half-written mix.
 */
export async function swapIn(staging: string, outDir: string): Promise<void> {
  const previous = `${staging}.previous`;
  const exists = await stat(outDir).then(
    () => true,
    () => false,
  );
  if (exists) await rename(outDir, previous);
  await rename(staging, outDir);
  if (exists) await rm(previous, { recursive: true, force: true });
}

async function writeManifest(dir: string, manifest: BuildManifest): Promise<void> {
  const temporary = path.join(dir, `${MANIFEST_FILE}.tmp`);
  await writeFile(temporary, `${JSON.stringify(manifest)}\n`);
  await rename(temporary, path.join(dir, MANIFEST_FILE));
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
