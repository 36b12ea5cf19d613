// `jianbao add FILE`: checks a new bulletin, stores it in the content folder and updates the site.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBytes } from '../bulletin/decode.ts';
import { BulletinError } from '../bulletin/errors.ts';
import type { Bulletin } from '../bulletin/types.ts';
import { parseBulletinBytes, splitFrontMatter } from '../content/bulletin-file.ts';
import { type Content, ISSUES_DIR, loadContent } from '../content/load.ts';
import type { MetaOverrides } from '../content/meta.ts';
import { storeIssue } from '../content/store-issue.ts';
import { readManifest } from '../site/apply-update.ts';
import { buildSite } from '../site/build.ts';
import { TEMPLATES_DIR } from '../site/eleventy.config.ts';
import { siteCodeHash } from '../site/fingerprints.ts';
import { preloadEleventy } from '../site/render-pages.ts';
import { startSearchThread } from '../site/search-files.ts';
import { CACHE_DIR } from './build.ts';
import type { Output } from './output.ts';
import { progressReporter } from './progress.ts';

export interface AddCommand {
  file: string;
  contentDir: string;
  outDir: string;
  pathPrefix: string;
  overrides: MetaOverrides;
  force: boolean;
}

export async function runAdd(command: AddCommand, output: Output): Promise<number> {
  const started = performance.now();
  const bytes = await readNewIssue(command.file);
  // Eleventy renders a full build only; an update of a site built before writes its pages itself.
  const previous = await readManifest(path.resolve(command.outDir));
  if (previous === null) preloadEleventy();
  // For an update, the search index thread reads the index ahead while the content folder loads
  // (README, Performance); it is stopped whatever happens below.
  const searchThread = previous ? startSearchThread(path.resolve(command.outDir), CACHE_DIR) : undefined;
  siteCodeHash(TEMPLATES_DIR); // read while the content folder loads
  try {
    const progress = progressReporter(output);
    progress.step('reading the content folder');
    const existing = await loadContent(command.contentDir, { cacheDir: CACHE_DIR }).finally(progress.done);
    const bulletin = parseNewIssue(bytes, command, existing);
    for (const warning of bulletin.warnings)
      output.error(`${command.file}:${warning.line}: warning: ${warning.message}`);
    output.error(summary(bulletin));

    await mkdir(path.join(command.contentDir, ISSUES_DIR), { recursive: true });
    const body = splitFrontMatter(decodeBytes(bytes, command.file).text, command.file).body;
    const stored = await storeIssue(command.contentDir, bulletin.meta, body, command.force);
    output.error(`stored as ${stored.file}`);
    try {
      const result = await buildSite({
        contentDir: command.contentDir,
        outDir: command.outDir,
        pathPrefix: command.pathPrefix,
        cacheDir: CACHE_DIR,
        incremental: true,
        progress: progress.step,
        content: withIssue(existing, { ...bulletin, file: stored.file }),
        searchThread,
        previous,
      });
      progress.done();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      output.error(
        `${result.incremental ? 'updated' : 'built'} ${command.outDir}: ${result.pagesRendered} pages rendered, ${result.written} files written, ${result.removed} removed; ${result.issues} issues, ${result.articles} articles in ${seconds} s`,
      );
      return 0;
    } catch (error) {
      progress.done();
      // The site was left as it was; keep the content folder in step with it.
      await stored.undo();
      throw error;
    }
  } finally {
    await searchThread?.abandon();
  }
}

async function readNewIssue(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new BulletinError(
      file,
      1,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Parses the new bulletin with the metadata the editor gave. Without an issue number, it takes the
 * number after the newest numbered issue, as issues are numbered in sequence. Another file already
 * holding this date (under another name) is refused unless --force.
 */
function parseNewIssue(bytes: Buffer, command: AddCommand, existing: Content): Bulletin {
  const options = { sectionSlugs: existing.config.sectionSlugs, siteTitle: existing.config.site.title };
  let bulletin = parseBulletinBytes(bytes, command.file, { ...options, overrides: command.overrides });
  const others = existing.bulletins.filter(
    (other) => path.basename(other.file) !== `${bulletin.meta.date}.txt`,
  );
  const sameDate = others.find((other) => other.meta.date === bulletin.meta.date);
  if (sameDate) {
    throw new BulletinError(
      command.file,
      1,
      `${sameDate.file} already holds the issue of ${bulletin.meta.date}; pass --date to give this one another date`,
    );
  }
  if (bulletin.meta.issue === null) {
    const numbered = others.filter(
      (other) => other.meta.issue !== null && other.meta.date < bulletin.meta.date,
    );
    const latest = numbered.at(-1)?.meta.issue;
    if (latest !== undefined && latest !== null) {
      bulletin = parseBulletinBytes(bytes, command.file, {
        ...options,
        overrides: { ...command.overrides, issue: latest + 1 },
      });
    }
  }
  return bulletin;
}

/** The content folder as it is once the new issue is stored, without reading it all again. */
function withIssue(content: Content, bulletin: Bulletin): Content {
  const others = content.bulletins.filter((other) => other.meta.date !== bulletin.meta.date);
  const bulletins = [...others, bulletin].sort((a, b) => a.meta.date.localeCompare(b.meta.date));
  return { ...content, bulletins };
}

function summary(bulletin: Bulletin): string {
  const articles = bulletin.sections.flatMap((section) => section.articles);
  const sources = new Set(articles.flatMap((article) => (article.source ? [article.source] : [])));
  const { title, date } = bulletin.meta;
  return `${bulletin.file}: ${title} (${date}): ${bulletin.sections.length} sections (${bulletin.sections.map((section) => section.title).join('、')}), ${articles.length} articles, ${sources.size} sources, ${bulletin.warnings.length} warnings`;
}
