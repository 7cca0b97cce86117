// The signer of the documents this laptop makes, from its working team; stable while the team's names
// stay the same (the team record is read again on every change of the teams table).
import { useMemo } from 'react';
import { useWorkingContext } from '../../db';
import { type DocumentSigner, signerOf } from './document-signer';

/**
 * The signer once the working team has been read; null until then. A document saved as soon as it is
 * ready (a notice just issued) waits for this, or it would go out without its 发文机关.
 */
export function useWorkingSignerOnceRead(): DocumentSigner | null {
  const working = useWorkingContext();
  const read = working !== undefined;
  const { sender, teamName, copyTo, printedBy } = signerOf(working?.team ?? null);
  return useMemo(
    () => (read ? { sender, teamName, copyTo, printedBy } : null),
    [read, sender, teamName, copyTo, printedBy],
  );
}

/** The signer, empty names while the working team is still being read (a preview fills in a moment later). */
export function useWorkingSigner(): DocumentSigner {
  return useWorkingSignerOnceRead() ?? NOBODY;
}

const NOBODY: DocumentSigner = signerOf(null);
