// `jianbao build`: content folder → complete site, built aside and swapped in only when it succeeded.
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadContent } from '../content/load.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { renderPages } from './render-pages.ts';
import { selectAllPages } from './selection.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix?: string;
  /** Folder for caches (parsed bulletins, search postings); none when omitted. */
  cacheDir?: string;
  /** Templates to build with; the project's templates/ when omitted (tests use a broken copy). */
  templatesDir?: string;
}

export interface BuildResult {
  model: SiteModel;
  pages: number;
  issues: number;
  articles: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const content = await loadContent(options.contentDir, { cacheDir: options.cacheDir });
  const model = buildSiteModel(content.bulletins, content.config.site);
  const about = await readOptional(path.join(options.contentDir, 'about.md'));
  const pathPrefix = normalizePathPrefix(options.pathPrefix ?? '/');
  const outDir = path.resolve(options.outDir);
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-`));
  try {
    const pages = await renderPages(
      staging,
      { model, render: selectAllPages(model), pathPrefix, about },
      options.templatesDir,
    );
    await swapIn(staging, outDir);
    return { model, pages, issues: model.issues.length, articles: model.articles.length };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
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

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
