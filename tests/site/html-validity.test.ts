// Every page of the built site passes the Nu Html Checker (vnu) without an error.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.ts';
import { listFiles } from '../support/site-files.ts';
import { removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const VNU_JAR: string = createRequire(import.meta.url)('vnu-jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

const javaMissing = spawnSync('java', ['-version']).error
  ? 'java not found (install it with: apt-get install -y default-jre-headless)'
  : null;

/** Runs vnu once over several folders (the JVM takes seconds to start) and returns its messages. */
function checkHtml(folders: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const vnu = spawn('java', [
      '-jar',
      VNU_JAR,
      '--errors-only',
      '--format',
      'json',
      '--skip-non-html',
      ...folders,
    ]);
    let report = '';
    vnu.stderr.on('data', (chunk) => {
      report += chunk;
    });
    vnu.on('error', reject);
    vnu.on('close', () => {
      try {
        resolve((JSON.parse(report) as { messages: VnuMessage[] }).messages);
      } catch (error) {
        reject(new Error(`vnu printed no JSON report: ${report.slice(0, 500)}`, { cause: error }));
      }
    });
  });
}

/** "FILE:LINE: message" for each error in a folder, FILE relative to the folder. */
function errorsIn(messages: VnuMessage[], folder: string): string[] {
  return messages
    .filter((message) => message.type === 'error' && message.url)
    .map((message) => ({ ...message, file: fileURLToPath(message.url ?? '') }))
    .filter((message) => message.file.startsWith(`${folder}${path.sep}`))
    .map((message) => `${path.relative(folder, message.file)}:${message.lastLine}: ${message.message}`);
}

const describeWithJava = javaMissing && process.env.CI !== 'true' ? describe.skip : describe;
if (javaMissing && process.env.CI !== 'true')
  console.warn(`skipping the HTML validity tests: ${javaMissing}`);

describeWithJava('the HTML of every page', () => {
  let real: string;
  let hostile: string;
  let control: string;
  let messages: VnuMessage[];

  beforeAll(async () => {
    if (javaMissing) throw new Error(`the HTML validity tests need Java: ${javaMissing}`);
    real = path.join(temporaryDirectory('valid-real'), '_site');
    hostile = path.join(temporaryDirectory('valid-hostile'), '_site');
    control = temporaryDirectory('valid-control');
    await buildSite({ contentDir: path.join(ROOT, 'content'), outDir: real, pathPrefix: '/jb/' });
    await buildSite({
      contentDir: path.join(ROOT, 'tests/fixtures/content/hostile'),
      outDir: hostile,
      pathPrefix: '/jb/',
    });
    // A page with one known error, so that a checker that checks nothing cannot pass the tests below.
    writeFileSync(
      path.join(control, 'broken.html'),
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>错</title></head><body><ul><p>错</p></ul></body></html>\n',
    );
    messages = await checkHtml([real, hostile, control]);
  });
  afterAll(removeTemporaryDirectories);

  it('finds no error on any page of the real bulletin, built under a path prefix', () => {
    expect(listFiles(real).filter((file) => file.endsWith('.html')).length).toBeGreaterThan(50);
    expect(errorsIn(messages, real)).toEqual([]);
  });

  it('finds no error on any page built from a bulletin full of hostile text', () => {
    expect(errorsIn(messages, hostile)).toEqual([]);
  });

  it('reports the error on a broken control page, so the checker did look at the files', () => {
    expect(errorsIn(messages, control)).toEqual([
      'broken.html:1: Element “p” not allowed as child of element “ul” in this context. (Suppressing further errors from this subtree.)',
    ]);
  });

  it('has no message of any kind other than the control page’s', () => {
    expect(messages.filter((message) => !message.url?.includes(path.basename(control)))).toEqual([]);
  });
});
