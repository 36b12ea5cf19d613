// Test support: temporary folders that a test removes when it is done.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const created: string[] = [];

export function temporaryDirectory(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `jianbao-${label}-`));
  created.push(dir);
  return dir;
}

export function removeTemporaryDirectories(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temporary copy of the repository's content folder (the real bulletin and its settings). */
export function bundledContentCopy(label: string): string {
  const dir = temporaryDirectory(label);
  cpSync(path.join(import.meta.dirname, '../../content'), dir, { recursive: true });
  return dir;
}
