// Child process for the floor measurement: `floor-child.ts ARTICLES.json OUT_DIR` prints {seconds, pages}.
import { readFile } from 'node:fs/promises';
import { buildFloor, type FloorArticle } from './eleventy-floor.ts';

const [articlesFile, outDir] = process.argv.slice(2);
if (!articlesFile || !outDir) throw new Error('usage: floor-child.ts ARTICLES.json OUT_DIR');
const articles = JSON.parse(await readFile(articlesFile, 'utf8')) as FloorArticle[];
process.stdout.write(JSON.stringify(await buildFloor(articles, outDir)));
