// Compares bytes by length and SHA-256: vitest's deep equality walks a Buffer element by element,
// which takes seconds for a few megabytes, and its diff of two photos says nothing useful anyway.
import { expect } from 'vitest';
import { sha256HexSync } from '../../shared/crypto/sha256';

export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect({ length: actual.length, sha256: sha256HexSync(actual) }).toEqual({
    length: expected.length,
    sha256: sha256HexSync(expected),
  });
}
