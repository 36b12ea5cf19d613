// A failed site build, located at the template file and line where it failed.
export class BuildError extends Error {
  override readonly name = 'BuildError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${reason}`, options);
  }
}

/**
 * Eleventy wraps a template failure in layers of errors; Nunjucks names the place as
 * "(/path/templates/issue.njk) [Line 12, Column 5]". This finds it and keeps the original as cause.
 */
export function locateTemplateError(error: unknown, root: string): BuildError {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) messages.push(current.message);
  const all = messages.join('\n');
  const place = /\(([^()\n]+\.\w+)\)\s*\[Line (\d+), Column \d+\]/.exec(all);
  const file = place?.[1] ?? /(\S+\.njk)/.exec(all)?.[1] ?? 'templates';
  const reason = (messages.at(-1) ?? 'the site could not be built').split('\n').filter((line) => line.trim() !== '').at(-1)?.trim() ?? '';
  const relative = file.startsWith(root) ? file.slice(root.length + 1) : file.replace(/^\.\//, '');
  return new BuildError(relative, Number(place?.[2] ?? 1), reason, { cause: error });
}
