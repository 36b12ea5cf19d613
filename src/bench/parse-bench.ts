// Parse throughput: decoding and parsing a generated corpus, the median of several runs.
import { decodeBytes } from '../bulletin/decode.ts';
import { parseBulletinText } from '../bulletin/parse.ts';
import type { CorpusIssue } from './corpus.ts';

export interface ParseMeasurement {
  issues: number;
  articles: number;
  megabytes: number;
  /** Median seconds to decode and parse the whole corpus once. */
  seconds: number;
  megabytesPerSecond: number;
}

export function benchParse(corpus: readonly CorpusIssue[], runs = 5): ParseMeasurement {
  const files = corpus.map((issue) => ({ name: issue.fileName, bytes: Buffer.from(issue.text) }));
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  let articles = 0;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    articles = 0;
    for (const file of files) {
      const body = parseBulletinText(decodeBytes(file.bytes, file.name).text, { file: file.name });
      for (const section of body.sections) articles += section.articles.length;
    }
    times.push((performance.now() - started) / 1000);
  }
  const seconds = median(times);
  const megabytes = bytes / 1e6;
  return { issues: files.length, articles, megabytes, seconds, megabytesPerSecond: megabytes / seconds };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
