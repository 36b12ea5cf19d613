// Front matter, file name and flags → the metadata of one issue (title, date, number).
import { BulletinError } from '../bulletin/errors.ts';
import type { BulletinMeta } from '../bulletin/types.ts';

/** Metadata given on the command line; it wins over front matter and file name. */
export interface MetaOverrides {
  title?: string;
  date?: string;
  issue?: number;
}

export interface MetaSources {
  file: string;
  /** Parsed front matter (never mutated: gray-matter may share it between calls). */
  frontMatter: Readonly<Record<string, unknown>>;
  /** Raw front matter lines, to name the line of a bad value. */
  frontMatterText: string;
  overrides?: MetaOverrides;
  /** Used for issues whose front matter gives no title, e.g. "电子政务简报". */
  siteTitle: string;
}

const DATE_IN_NAME = /(\d{4})-(\d{2})-(\d{2})/;

export function resolveMeta(sources: MetaSources): BulletinMeta {
  const { file, frontMatter, overrides = {} } = sources;
  const lineOf = (key: string) => frontMatterLine(sources.frontMatterText, key);
  const date = overrides.date ?? dateValue(frontMatter.date) ?? dateInFileName(file);
  if (date === undefined) {
    throw new BulletinError(
      file,
      1,
      'no date for this issue: add front matter "date: YYYY-MM-DD", put YYYY-MM-DD in the file name, or pass --date YYYY-MM-DD',
    );
  }
  if (!isCalendarDate(date))
    throw new BulletinError(
      file,
      overrides.date ? 1 : lineOf('date'),
      `"${date}" is not a date of the form YYYY-MM-DD`,
    );

  const rawIssue = overrides.issue ?? frontMatter.issue;
  const issue = rawIssue === undefined || rawIssue === null ? null : Number(rawIssue);
  if (issue !== null && !(Number.isInteger(issue) && issue > 0)) {
    throw new BulletinError(
      file,
      overrides.issue === undefined ? lineOf('issue') : 1,
      `issue number "${String(rawIssue)}" is not a positive whole number`,
    );
  }

  const rawTitle = overrides.title ?? frontMatter.title;
  if (rawTitle !== undefined && typeof rawTitle !== 'string')
    throw new BulletinError(file, lineOf('title'), 'title must be text');
  const title = rawTitle?.trim() || `${sources.siteTitle} ${issue === null ? date : `第${issue}期`}`;

  const meta: BulletinMeta = { title, date, issue };
  if (typeof frontMatter.note === 'string' && frontMatter.note.trim() !== '') meta.note = frontMatter.note;
  return meta;
}

/** YAML reads an unquoted 2014-08-14 as a Date at midnight UTC; a quoted one stays text. */
function dateValue(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  return undefined;
}

function dateInFileName(file: string): string | undefined {
  const name = file.split(/[\\/]/).at(-1) ?? file;
  const match = DATE_IN_NAME.exec(name);
  return match ? match[0] : undefined;
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** 1-based file line of `key:` in the front matter (which starts on line 2, after "---"). */
function frontMatterLine(frontMatterText: string, key: string): number {
  const index = frontMatterText
    .split(/\r\n|\r|\n/)
    .findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index === -1 ? 1 : index + 1;
}
