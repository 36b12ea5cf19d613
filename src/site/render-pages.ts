// Site data → HTML and XML files: one Eleventy run over the templates with the selected pages.
import Eleventy from '@11ty/eleventy';
import { configureSite, type SiteConfigOptions, TEMPLATES_DIR } from './eleventy.config.ts';
import { locateTemplateError } from './errors.ts';

export async function renderPages(
  outDir: string,
  options: SiteConfigOptions,
  templatesDir = TEMPLATES_DIR,
): Promise<number> {
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
