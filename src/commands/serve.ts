// `jianbao serve`: builds, serves the site on 127.0.0.1 and updates it when the content folder changes.
import { watch } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { buildSite, normalizePathPrefix } from '../site/build.ts';
import { type StaticServer, serveStatic } from '../site/static-server.ts';
import { CACHE_DIR } from './build.ts';
import type { Output } from './output.ts';
import { progressReporter } from './progress.ts';

export interface ServeCommand {
  contentDir: string;
  outDir: string;
  pathPrefix: string;
  port: number;
  /** Resolves to stop serving (tests); otherwise serving stops on SIGINT/SIGTERM. */
  stop?: Promise<void>;
}

const SETTLE_MS = 300;

export async function runServe(
  command: ServeCommand,
  output: Output,
  describeError: (error: unknown) => string,
): Promise<number> {
  const progress = progressReporter(output);
  const rebuild = async () => {
    const started = performance.now();
    const result = await buildSite({
      ...command,
      cacheDir: CACHE_DIR,
      incremental: true,
      progress: progress.step,
    });
    progress.done();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    output.error(
      `${result.incremental ? 'updated' : 'built'}: ${result.issues} issues, ${result.articles} articles, ${result.pagesRendered} pages rendered, ${result.written} files written in ${seconds} s`,
    );
  };
  await rebuild();
  let server: StaticServer;
  try {
    server = await serveStatic({
      root: command.outDir,
      pathPrefix: normalizePathPrefix(command.pathPrefix),
      port: command.port,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    output.error(`jianbao: 127.0.0.1:${command.port} is already in use; pass --port with another number`);
    return 1;
  }
  output.error(`serving ${server.url} (Ctrl+C to stop)`);

  // A bulletin dropped into the content folder (or edited there) is picked up without a restart;
  // changes arriving during a build are gathered into the next one.
  await mkdir(command.contentDir, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher = watch(command.contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() =>
        rebuild().catch((error) => {
          progress.done();
          output.error(`${describeError(error)}\nthe site was left as it was`);
        }),
      );
    }, SETTLE_MS);
  });

  await (command.stop ?? untilSignal());
  clearTimeout(timer);
  watcher.close();
  await running;
  await server.close();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
