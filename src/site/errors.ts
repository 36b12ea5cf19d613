// A failed site build, located at the template file and line where it failed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LocatedError } from '../bulletin/errors.ts';

/** A site build that failed in a template. */
export class BuildError extends LocatedError {
  override readonly name = 'BuildError';
}

/**
 * Eleventy wraps a template failure in layers (`originalError`, `cause`); Nunjucks names the file as
 * "(../templates/issue.njk)" and, for errors while rendering, the place as "[Line 12, Column 5]".
 * Compile errors such as "filter not found: x" carry no line, so the line is found by the name.
 */
export function locateTemplateError(error: unknown): BuildError {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  for (let current: unknown = error; current instanceof Error && !seen.has(current); ) {
    seen.add(current);
    messages.push(current.message);
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  const all = messages.join('\n');
  const file = /\(([^()\n]+\.njk)\)/.exec(all)?.[1] ?? /(\S+\.njk)/.exec(all)?.[1];
  const reason = lastLine(messages.at(-1) ?? 'the site could not be built').replace(/^Error: /, '');
  if (!file) return new BuildError('templates', 1, reason, { cause: error });
  const absolute = path.resolve(file);
  const line = Number(
    /\[Line (\d+), Column \d+\]/.exec(all)?.[1] ?? lineNaming(absolute, /not found: (\S+)/.exec(reason)?.[1]),
  );
  return new BuildError(path.relative(process.cwd(), absolute), line, reason, { cause: error });
}

function lastLine(message: string): string {
  return (
    message
      .split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1)
      ?.trim() ?? message
  );
}

function lineNaming(file: string, name: string | undefined): number {
  if (!name) return 1;
  try {
    const index = readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(name));
    return index === -1 ? 1 : index + 1;
  } catch {
    return 1;
  }
}
