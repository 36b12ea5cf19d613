// Writes a new issue into content/issues as UTF-8 with front matter, named by its date.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { BulletinError } from '../bulletin/errors.ts';
import type { BulletinMeta } from '../bulletin/types.ts';
import { ISSUES_DIR } from './load.ts';

export interface StoredIssue {
  file: string;
  /** Undoes the store: restores the replaced issue or removes the new one. */
  undo(): Promise<void>;
}

/** The text a stored issue holds: its metadata as YAML front matter, then the bulletin text unchanged. */
export function issueFileText(meta: BulletinMeta, body: string): string {
  const frontMatter: Record<string, unknown> = { title: meta.title, date: meta.date };
  if (meta.issue !== null) frontMatter.issue = meta.issue;
  if (meta.note) frontMatter.note = meta.note;
  return `---\n${yaml.dump(frontMatter, { lineWidth: -1 })}---\n${body}`;
}

export async function storeIssue(
  contentDir: string,
  meta: BulletinMeta,
  body: string,
  force: boolean,
): Promise<StoredIssue> {
  const file = path.join(contentDir, ISSUES_DIR, `${meta.date}.txt`);
  const previous = await readFile(file).catch(() => null);
  if (previous && !force) {
    throw new BulletinError(
      file,
      1,
      `an issue dated ${meta.date} is already there; pass --force to replace it, or --date to give the new one another date`,
    );
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, issueFileText(meta, body), 'utf8');
  await rename(temporary, file);
  return {
    file,
    undo: async () => {
      if (previous) await writeFile(file, previous);
      else await rm(file, { force: true });
    },
  };
}
