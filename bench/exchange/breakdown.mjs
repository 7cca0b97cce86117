// Where the exchange benchmark's time went: the page's probe records (host calls, Blob reads,
// digests, write transactions) summed up for each kind of run.
import { median } from '../support.mjs';

const sum = (list, f) => list.reduce((n, x) => n + f(x), 0);

const channelCalls = (run, ...channels) => run.api.filter((c) => channels.includes(c.channel));
const spanOf = (list) =>
  list.length === 0 ? 0 : Math.max(...list.map((c) => c.end)) - Math.min(...list.map((c) => c.start));

export function exportBreakdown(run) {
  const begin = channelCalls(run, 'exportBegin')[0];
  const writes = channelCalls(run, 'exportWrite');
  const finish = channelCalls(run, 'exportFinish')[0];
  const lastWrite = Math.max(...writes.map((w) => w.end));
  return {
    plan: begin.start - run.start,
    begin: begin.end - begin.start,
    writing: lastWrite - begin.end,
    writes: writes.length,
    writeEach: median(writes.map((w) => w.end - w.start)),
    writeSum: sum(writes, (w) => w.end - w.start),
    blobReads: run.blobReads.length,
    blobReadSum: sum(run.blobReads, (b) => b.end - b.start),
    blobReadEach: median(run.blobReads.map((b) => b.end - b.start)),
    blobBytes: sum(run.blobReads, (b) => b.size),
    manifest: finish.start - lastWrite,
    finish: finish.end - finish.start,
    after: run.end - finish.end,
    longTasks: run.longTasks.length,
    longTaskMs: sum(run.longTasks, (t) => t.duration),
  };
}

export function verifyBreakdown(run) {
  const scan = channelCalls(run, 'importScan')[0];
  const reads = channelCalls(run, 'importRead', 'importReadFiles');
  return {
    scan: scan.end - scan.start,
    before: scan.start - run.start,
    reads: spanOf(reads),
    rest: run.end - Math.max(scan.end, ...reads.map((r) => r.end)),
  };
}

export function applyBreakdown(run) {
  const reads = channelCalls(run, 'importRead', 'importReadFiles');
  const firstRead = Math.min(...reads.map((r) => r.start));
  const lastRead = Math.max(...reads.map((r) => r.end));
  const blobTx = run.txs
    .filter((t) => t.mode === 'readwrite' && t.photoBlobs)
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return {
    beforeFirstRead: firstRead - run.start,
    reading: lastRead - firstRead,
    reads: reads.length,
    readSum: sum(reads, (r) => r.end - r.start),
    readEach: median(reads.map((r) => r.end - r.start)),
    digests: run.digests.length,
    digestSum: sum(run.digests, (d) => d.end - d.start),
    digestBytes: sum(run.digests, (d) => d.size),
    txStart: blobTx ? blobTx.start - lastRead : Number.NaN,
    tx: blobTx ? blobTx.end - blobTx.start : Number.NaN,
    after: blobTx ? run.end - blobTx.end : Number.NaN,
    longTasks: run.longTasks.length,
    longTaskMs: sum(run.longTasks, (t) => t.duration),
  };
}

export const medianOf = (list, key) => median(list.map((x) => x[key]));
