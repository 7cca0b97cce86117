// Photo sync through the host's relay: the JSON call, a chunk up (syncUpload) and an original down
// (syncDownload, whose bytes the host has already checked against the hash), the server's address
// added to each. The page itself never talks to the sync server.
import type { HostApi } from '../../shared/contract';
import type { PhotoTransport } from '../../shared/sync/client/photo-transport';

export const relayPhotoTransport = (api: HostApi, server: string): PhotoTransport => ({
  call: (request) => api.syncCall({ server, ...request }),
  upload: (chunk) => api.syncUpload({ server, ...chunk }),
  download: (request) => api.syncDownload({ server, ...request }),
});
