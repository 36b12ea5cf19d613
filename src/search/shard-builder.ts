// Builds shard files from documents' texts: a full build appends every batch to empty shards, an
// incremental one appends the new documents to the shards on disk, through the same merge.

import { collectGramRecords } from './gram-records.ts';
import { appendPart, EMPTY_SHARD, type ShardFiles } from './shard-merge.ts';
import { encodeShardParts, type ShardPart } from './shard-parts.ts';

export type { ShardFiles } from './shard-merge.ts';

/**
 * Characters indexed at once: a 1,000-issue corpus (6.3 million) is one batch, so a full build needs no
 * merge; memory stays around 300 MB of typed arrays whatever the corpus size.
 */
const BATCH_CHARACTERS = 8_000_000;

/** Every shard 0…shardCount−1 (empty ones too, so the browser never meets a missing file). */
export function buildShards(texts: readonly string[], shardCount: number): ShardFiles[] {
  const shards = Array.from({ length: shardCount }, () => EMPTY_SHARD);
  for (const parts of batchParts(texts, 0, shardCount)) {
    for (const [shard, part] of parts) shards[shard] = appendPart(shards[shard] as ShardFiles, part);
  }
  return shards;
}

/**
 * Appends documents (ids from firstDoc on, after every document already indexed) to existing shards;
 * returns only the shards that change. readShard gives a shard's current files.
 */
export async function appendToShards(
  readShard: (shard: number) => Promise<ShardFiles>,
  texts: readonly string[],
  firstDoc: number,
  shardCount: number,
): Promise<Map<number, ShardFiles>> {
  const changed = new Map<number, ShardFiles>();
  for (const parts of batchParts(texts, firstDoc, shardCount)) {
    const shards = [...parts.keys()];
    const current = await Promise.all(shards.map((shard) => changed.get(shard) ?? readShard(shard)));
    shards.forEach((shard, i) => {
      changed.set(shard, appendPart(current[i] as ShardFiles, parts.get(shard) as ShardPart));
    });
  }
  return changed;
}

/** The parts of consecutive batches of about BATCH_CHARACTERS, halving a batch whose keys would overflow. */
function* batchParts(
  texts: readonly string[],
  firstDoc: number,
  shardCount: number,
): Generator<Map<number, ShardPart>> {
  for (let first = 0; first < texts.length; ) {
    let end = first;
    for (let characters = 0; end < texts.length && (end === first || characters < BATCH_CHARACTERS); end++) {
      characters += (texts[end] as string).length;
    }
    let records = collectGramRecords(texts.slice(first, end), firstDoc + first);
    while (records === null) {
      if (end - first === 1)
        throw new RangeError(`document ${firstDoc + first} has over 65,534 distinct characters`);
      end = first + Math.floor((end - first) / 2);
      records = collectGramRecords(texts.slice(first, end), firstDoc + first);
    }
    yield encodeShardParts(records, shardCount);
    first = end;
  }
}
