// `jianbao build`: builds the whole site and reports what it wrote.
import { buildSite } from '../site/build.ts';
import type { Output } from './output.ts';
import { progressReporter } from './progress.ts';

export interface BuildCommand {
  contentDir: string;
  outDir: string;
  pathPrefix: string;
}

export const CACHE_DIR = '.cache/jianbao';

export async function runBuild(command: BuildCommand, output: Output): Promise<number> {
  const started = performance.now();
  const progress = progressReporter(output);
  const result = await buildSite({ ...command, cacheDir: CACHE_DIR, progress: progress.step });
  progress.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.error(
    `built ${result.issues} issues, ${result.articles} articles, ${result.pagesRendered} pages into ${command.outDir} in ${seconds} s`,
  );
  return 0;
}
