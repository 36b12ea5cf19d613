// Command line: arguments → one function per command; the only place errors become text and exit codes.
// Commands are imported when used, so `parse` does not load Eleventy.
import { parseArgs } from 'node:util';
import { LocatedError } from './bulletin/errors.ts';
import { type Output, processOutput } from './commands/output.ts';
import type { MetaOverrides } from './content/meta.ts';

const USAGE = `Usage: jianbao <command> [options]

Commands:
  parse FILE [--json]     print a bulletin's sections and articles (JSON with --json)
  build                   build the site from the content folder
  serve                   build, serve on 127.0.0.1 and rebuild on change
  add FILE                add a new issue to the content folder and rebuild

Options:
  --content DIR           content folder (default: content)
  --out DIR               output folder (default: _site)
  --path-prefix PATH      URL path the site is served under (default: /)
  --date YYYY-MM-DD, --title TEXT, --issue N   metadata of the bulletin (parse, add)
  --force                 add: replace an issue of the same date
  --port N                serve: port (default 8080)
  --json                  parse: print JSON
`;

/** Wrong usage: exit code 2. */
class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  content: { type: 'string', default: 'content' },
  out: { type: 'string', default: '_site' },
  'path-prefix': { type: 'string', default: '/' },
  date: { type: 'string' },
  title: { type: 'string' },
  issue: { type: 'string' },
  force: { type: 'boolean' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    const { values, positionals } = parseArguments(argv);
    const [command, ...operands] = positionals;
    if (values.help || command === undefined || command === 'help') {
      output.print(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    switch (command) {
      case 'parse':
        return await (await import('./commands/parse.ts')).runParse(
          {
            file: singleFile(operands, 'parse'),
            json: values.json === true,
            contentDir: values.content,
            overrides: metaOverrides(values),
          },
          output,
        );
      case 'build':
        noOperands(operands, 'build');
        return await (await import('./commands/build.ts')).runBuild(
          { contentDir: values.content, outDir: values.out, pathPrefix: values['path-prefix'] },
          output,
        );
      case 'add':
        return await (await import('./commands/add.ts')).runAdd(
          {
            file: singleFile(operands, 'add'),
            contentDir: values.content,
            outDir: values.out,
            pathPrefix: values['path-prefix'],
            overrides: metaOverrides(values),
            force: values.force === true,
          },
          output,
        );
      case 'serve':
        noOperands(operands, 'serve');
        return await (await import('./commands/serve.ts')).runServe(
          {
            contentDir: values.content,
            outDir: values.out,
            pathPrefix: values['path-prefix'],
            port: portNumber(values.port),
          },
          output,
          describeError,
        );
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return reportError(error, output);
  }
}

function parseArguments(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function singleFile(operands: readonly string[], command: string): string {
  if (operands.length !== 1 || !operands[0]) throw new UsageError(`${command} takes exactly one FILE`);
  return operands[0];
}

function noOperands(operands: readonly string[], command: string): void {
  if (operands.length > 0) throw new UsageError(`${command} takes no FILE (use --content DIR)`);
}

function portNumber(value: string | undefined): number {
  if (value === undefined) return 8080;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--port takes a port number, not "${value}"`);
  return Number(value);
}

function metaOverrides(values: { date?: string; title?: string; issue?: string }): MetaOverrides {
  const overrides: MetaOverrides = {};
  if (values.date !== undefined) overrides.date = values.date;
  if (values.title !== undefined) overrides.title = values.title;
  if (values.issue !== undefined) {
    if (!/^\d+$/.test(values.issue))
      throw new UsageError(`--issue takes a whole number, not "${values.issue}"`);
    overrides.issue = Number(values.issue);
  }
  return overrides;
}

function reportError(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.error(`jianbao: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  output.error(describeError(error));
  return 1;
}

/** Located errors read "FILE:LINE: what is wrong"; anything else is a bug and keeps its stack. */
function describeError(error: unknown): string {
  if (error instanceof LocatedError) return error.message;
  return `jianbao: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
