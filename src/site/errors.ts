// A failed site build, located at the template or page function file and line where it failed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocatedError } from '../bulletin/errors.ts';

/** A site build that failed while rendering a page. */
export class BuildError extends LocatedError {
  override readonly name = 'BuildError';
}

/**
 * Eleventy wraps a failure in a template in layers (`originalError`, `cause`), the outer ones naming the
 * template ("Having trouble rendering 11ty.js template ./templates/pages.11ty.js"), the innermost being
 * the error thrown. It is located at the first place in its stack outside node_modules and Node itself:
 * the template, or the page function in src/site/ it called (the CLI's bundle maps back to the sources).
 */
export function locateTemplateError(error: unknown): BuildError {
  const chain: Error[] = [];
  for (let current: unknown = error; current instanceof Error && !chain.includes(current); ) {
    chain.push(current);
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  const thrown = chain.at(-1);
  const reason = firstLine(thrown?.message ?? 'the site could not be built');
  const place =
    thrown?.stack
      ?.split('\n')
      .map(stackFramePlace)
      .find((found) => found !== null) ?? templateNamed(chain.map((layer) => layer.message).join('\n'));
  if (!place) return new BuildError('templates', 1, reason, { cause: error });
  return new BuildError(path.relative(process.cwd(), place.file), place.line, reason, { cause: error });
}

/** "    at render (/x/templates/pages.11ty.js:11:15)" → that file and line, unless it is a library's. */
function stackFramePlace(frame: string): { file: string; line: number } | null {
  const match = /^\s+at (?:.*\()?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(frame);
  if (!match) return null;
  const file = match[1]?.startsWith('file://') ? fileURLToPath(match[1]) : (match[1] as string);
  if (file.includes(`${path.sep}node_modules${path.sep}`)) return null;
  return { file, line: Number(match[2]) };
}

function templateNamed(messages: string): { file: string; line: number } | null {
  const file = /template (\S+\.11ty\.js)/.exec(messages)?.[1];
  return file ? { file: path.resolve(file), line: 1 } : null;
}

function firstLine(message: string): string {
  return (
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? message
  );
}
