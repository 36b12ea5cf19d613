// The jianbao package's folder, for the files it reads at run time (templates, public, parser sources).
//
// Found by walking up from this module, because the same code runs from src/ (through tsx or vitest) and
// bundled into .cache/cli/<stamp>/ (bin/jianbao.js): a path relative to import.meta would differ.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'cli.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`jianbao: no package folder above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

/** The site's static files (stylesheet, icon), copied to the site's root as they are. */
export const PUBLIC_DIR = path.join(PACKAGE_ROOT, 'public');
