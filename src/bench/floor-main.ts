// Runs the bare-Eleventy floor on N synthetic articles: `npx tsx src/bench/floor-main.ts [N] [outDir]`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFloor, type FloorArticle } from './eleventy-floor.ts';

// Common characters, so titles and paragraphs look like bulletin text to the template and the file system.
const hanzi =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

/** mulberry32: a tiny seeded generator, so every run renders the same corpus. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticArticles(count: number, seed = 1): FloorArticle[] {
  const random = seededRandom(seed);
  const text = (length: number) =>
    Array.from({ length }, () => hanzi[Math.floor(random() * hanzi.length)]).join('');
  return Array.from({ length: count }, (_, index) => ({
    id: `a${String(index + 1).padStart(5, '0')}`,
    title: text(18 + Math.floor(random() * 5)),
    paragraphs: [0, 1, 2].map(() => `${text(95 + Math.floor(random() * 10))}。`),
  }));
}

const count = Number(process.argv[2] ?? 22000);
const chosenOutDir = process.argv[3];
const outDir = chosenOutDir ?? (await mkdtemp(join(tmpdir(), 'jianbao-floor-out-')));
const { seconds, pages } = await buildFloor(syntheticArticles(count), outDir);
const peakRssMegabytes = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`floor: ${pages} pages in ${seconds.toFixed(2)} s, peak RSS ${peakRssMegabytes} MB (${outDir})`);
if (!chosenOutDir) await rm(outDir, { recursive: true, force: true });
