// Site data → HTML and XML files: one Eleventy run over the templates, every page of a full build.
import { configureSite, type SiteConfigOptions, TEMPLATES_DIR } from './eleventy.config.ts';
import { locateTemplateError } from './errors.ts';

/**
 * Eleventy, imported on first use. Before that import, Eleventy's ESM cache buster is switched off: it
 * registers module hooks on a loader thread (Node 20), which every later import then waits on, and it
 * only serves Eleventy's own watch mode, which jianbao does not use (`serve` rebuilds in-process and
 * needs a restart after template edits; see the README).
 */
let eleventyModule: Promise<typeof import('@11ty/eleventy')> | undefined;

function loadEleventy() {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
  eleventyModule ??= import('@11ty/eleventy');
  return eleventyModule.then((loaded) => loaded.default);
}

/**
 * Starts importing Eleventy (~0.4 s of module loading) so that it overlaps a command's other start-up
 * work (reading the content folder) instead of following it.
 */
export function preloadEleventy(): void {
  loadEleventy().catch(() => {}); // an import error surfaces when the pages are rendered
}

export async function renderPages(
  outDir: string,
  options: SiteConfigOptions,
  templatesDir = TEMPLATES_DIR,
): Promise<number> {
  const Eleventy = await loadEleventy();
  const eleventy = new Eleventy(templatesDir, outDir, {
    quietMode: true,
    // jianbao's configuration is this function; no eleventy.config.js from the working folder may add to it.
    configPath: false,
    config: (config: unknown) => configureSite(config, options),
  });
  // Eleventy would print a summary and its own error report; jianbao reports for itself.
  eleventy.disableLogger();
  try {
    const written = await eleventy.write();
    return countWritten(written);
  } catch (error) {
    throw locateTemplateError(error);
  }
}

function countWritten(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  return result
    .flat(2)
    .filter((entry) => entry && typeof entry === 'object' && 'outputPath' in entry && entry.outputPath)
    .length;
}
