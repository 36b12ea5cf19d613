// Each folder in tests/fixtures/bulletin is one behaviour of the format: input, expected structure, optional config.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError, decodeBytes, parseBulletinText } from '../../src/bulletin/index.ts';
import type { BulletinBody } from '../../src/bulletin/types.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/bulletin');

interface ExpectedWarning {
  line: number;
  includes: string;
}
interface Expected {
  preface?: string[];
  sections?: unknown[];
  warnings?: ExpectedWarning[];
  error?: ExpectedWarning;
}

function parseFixture(folder: string): BulletinBody {
  const dir = path.join(FIXTURES, folder);
  const inputName = readdirSync(dir).find((name) => name.startsWith('input.'));
  if (!inputName) throw new Error(`${folder} has no input file`);
  const configFile = path.join(dir, 'config.json');
  const config = readdirSync(dir).includes('config.json') ? JSON.parse(readFileSync(configFile, 'utf8')) : {};
  const file = `${folder}/${inputName}`;
  const { text } = decodeBytes(readFileSync(path.join(dir, inputName)), file);
  return parseBulletinText(text, { file, ...config });
}

/** The parsed structure in the shape fixtures write by hand (section lines and empty prefaces left out). */
function comparable(body: BulletinBody) {
  return {
    ...(body.preface.length > 0 ? { preface: body.preface } : {}),
    sections: body.sections.map(({ title, slug, preface, articles }) => ({
      title,
      slug,
      ...(preface.length > 0 ? { preface } : {}),
      articles,
    })),
  };
}

describe('bulletin fixtures', () => {
  for (const folder of readdirSync(FIXTURES).sort()) {
    const expected: Expected = JSON.parse(readFileSync(path.join(FIXTURES, folder, 'expected.json'), 'utf8'));
    if (expected.error) {
      const { line, includes } = expected.error;
      it(`${folder}: refuses the input with the file and line ${line}`, () => {
        let caught: unknown;
        try {
          parseFixture(folder);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(BulletinError);
        const error = caught as BulletinError;
        expect(error.line).toBe(line);
        expect(error.message).toMatch(new RegExp(`^${folder}/input\\.\\w+:${line}: `));
        expect(error.message).toContain(includes);
      });
      continue;
    }
    it(`${folder}: reads the expected sections, articles and warnings`, () => {
      const body = parseFixture(folder);
      const { warnings = [], ...structure } = expected;
      expect(comparable(body)).toEqual(structure);
      expect(body.warnings.map((warning) => warning.line)).toEqual(warnings.map((warning) => warning.line));
      body.warnings.forEach((warning, index) => {
        expect(warning.message).toContain(warnings[index]?.includes);
      });
    });
  }
});
