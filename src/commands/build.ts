// `jianbao build`: builds the whole site and reports what it wrote.
import { buildSite } from '../site/build.ts';
import type { Output } from './output.ts';

export interface BuildCommand {
  contentDir: string;
  outDir: string;
  pathPrefix: string;
}

export const CACHE_DIR = '.cache/jianbao';

export async function runBuild(command: BuildCommand, output: Output): Promise<number> {
  const started = performance.now();
  const result = await buildSite({ ...command, cacheDir: CACHE_DIR });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.error(
    `built ${result.issues} issues, ${result.articles} articles, ${result.pages} pages into ${command.outDir} in ${seconds} s`,
  );
  return 0;
}
