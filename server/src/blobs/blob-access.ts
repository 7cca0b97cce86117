// Who may move photos: the blob routes' rows of the roles table, kept here until the server's policy
// (server/src/auth/policy.ts) holds them; the routes take any function of this shape.
import type { Caller } from '../http/caller';

/**
 * upload: add bytes to any blob (the routes name no team: the hash is the identity, and a blob is
 * served only through a team's reference). missing: ask which of a team's photos the server lacks.
 * download: a blob a team's records reference.
 */
export type BlobAction = 'upload' | 'missing' | 'download';

export interface AccessRefusal {
  readonly status: 403;
  readonly code: 'forbidden' | 'otherTeam';
  readonly message: string;
}

/**
 * upload and missing: inspectors on their own team's devices, and the office; leaders write nothing,
 * admins keep people and devices, not records. download: inspectors of the team, the office, leaders.
 */
export function blobAccess(caller: Caller, teamId: string | null, action: BlobAction): AccessRefusal | null {
  switch (caller.role) {
    case 'office':
      return null;
    case 'leader':
      return action === 'download' ? null : refuse('forbidden', `a leader may not ${action} photos`);
    case 'admin':
      return refuse('forbidden', `an admin may not ${action} photos`);
    case 'inspector': {
      const ownTeam = caller.personTeamId;
      if (ownTeam === null || caller.deviceTeamId !== ownTeam) {
        return refuse('otherTeam', "an inspector works on their own team's devices only");
      }
      if (teamId !== null && teamId !== ownTeam) {
        return refuse('otherTeam', "an inspector reaches their own team's photos only");
      }
      return null;
    }
  }
}

function refuse(code: AccessRefusal['code'], message: string): AccessRefusal {
  return { status: 403, code, message };
}
