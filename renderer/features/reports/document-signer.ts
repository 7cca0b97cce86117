// Who signs the team's documents: the issuing authority (发文机关) when the team has one, else the
// team's own name, and its 抄送 line — from the team working on this laptop, never a fixed name.
import type { Team } from '../../../shared/domain/organization';

export interface DocumentSigner {
  /** The sender printed in the 落款: the issuing authority, or the team's name. */
  sender: string;
  /** The team's own name (督查组). */
  teamName: string;
  /** 抄送; '' when none. */
  copyTo: string;
  /** 印发机关 of the 版记; '' when none. */
  printedBy: string;
}

export function signerOf(
  team: Pick<Team, 'name' | 'issuingAuthority' | 'copyTo' | 'printedBy'> | null,
): DocumentSigner {
  const teamName = team?.name ?? '';
  return {
    sender: team?.issuingAuthority?.trim() || teamName,
    teamName,
    copyTo: team?.copyTo?.trim() ?? '',
    printedBy: team?.printedBy?.trim() ?? '',
  };
}
