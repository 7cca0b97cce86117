import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from './hash-file';

const MIB = 1024 * 1024;
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('hashFile', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'ducha-hash-file-'));
  });
  afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const write = async (name: string, bytes: Uint8Array) => {
    const file = path.join(folder, name);
    await fs.writeFile(file, bytes);
    return file;
  };

  it('gives the size and SHA-256 of empty, small, exactly-16 MiB and larger files', async () => {
    for (const size of [0, 1, 2_300_000, 16 * MIB - 1, 16 * MIB, 16 * MIB + 1, 20 * MIB]) {
      const bytes = randomBytes(size);
      const file = await write(`f${String(size)}`, bytes);
      expect(await hashFile(file), `${String(size)} bytes`).toEqual({ size, sha256: sha256Of(bytes) });
    }
  });

  it('keeps files hashed at once apart, though they are read into buffers it reuses', async () => {
    // More files than buffers kept, of sizes that shrink and grow, so a reused buffer holds the tail
    // of a longer file: a digest that read past its own file would differ.
    const contents = Array.from({ length: 24 }, (_, i) => randomBytes(((i * 7919) % 23) * 100_000 + 1));
    const files = await Promise.all(contents.map((bytes, i) => write(`p${String(i)}`, bytes)));
    for (let round = 0; round < 2; round += 1) {
      const digests = await Promise.all(files.map((file) => hashFile(file)));
      expect(digests).toEqual(contents.map((bytes) => ({ size: bytes.length, sha256: sha256Of(bytes) })));
    }
  });

  it('refuses a link instead of reading through it', async () => {
    const target = await write('target', randomBytes(10));
    const link = path.join(folder, 'link');
    await fs.symlink(target, link);
    await expect(hashFile(link)).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
