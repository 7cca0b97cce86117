// The signer of the documents this laptop makes, from its working team; stable while the team's names
// stay the same (the team record is read again on every change of the teams table).
import { useMemo } from 'react';
import { useWorkingContext } from '../../db';
import { type DocumentSigner, signerOf } from './document-signer';

export function useWorkingSigner(): DocumentSigner {
  const team = useWorkingContext()?.team ?? null;
  const { sender, teamName, copyTo } = signerOf(team);
  return useMemo(() => ({ sender, teamName, copyTo }), [sender, teamName, copyTo]);
}
