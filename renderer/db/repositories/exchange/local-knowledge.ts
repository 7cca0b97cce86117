// What this laptop holds, as a knowledge (version vector): its own changes up to its clock, what it
// pulled from the sync server, and everything each imported bundle said its source held (a bundle completes its source's knowledge
// once applied, docs/bundle-format.md §7). Read from two small places, never by scanning the rows:
// the rows' winning clocks would understate it (a change overwritten since no longer shows).
import { mergeKnowledge } from '../../../../shared/bundle/knowledge';
import type { Knowledge } from '../../../../shared/bundle/manifest';
import { decodeHlc } from '../../../../shared/sync/hlc';
import type { DuchaDatabase } from '../../database';
import { deviceClock } from '../../device-clock';

export async function localKnowledge(db: DuchaDatabase): Promise<Knowledge> {
  return db.transaction('r', [db.devices, db.meta], async () => {
    let knowledge: Knowledge = {};
    for (const device of await db.devices.toArray()) knowledge = mergeKnowledge(knowledge, device.knowledge);
    // What sync brought in counts as held too (renderer/db/repositories/sync/replica.ts keeps it).
    const synced = (await db.meta.get('syncKnowledge'))?.value as Knowledge | undefined;
    if (synced) knowledge = mergeKnowledge(knowledge, synced);
    const own = await deviceClock(db);
    // The device clock moves past every clock it has seen; only its own node's part is ours.
    if (own && decodeHlc(own).wall > 0) knowledge = mergeKnowledge(knowledge, { [decodeHlc(own).node]: own });
    return knowledge;
  });
}
