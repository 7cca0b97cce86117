// The device key signing a server's challenge. The private key is the non-extractable CryptoKey the
// bundles are signed with (exchange/device-identity.ts): one key is this laptop, by USB and by sync.
import { SIGNATURE_ALGORITHM } from '../../../../shared/bundle/signing';
import { bytesToBase64 } from '../../../../shared/crypto/base64';
import type { DeviceSigner } from '../../../../shared/sync/client/session';
import type { DuchaDatabase } from '../../database';
import { deviceIdentity } from '../exchange/device-identity';

export async function deviceSigner(db: DuchaDatabase, deviceId: string): Promise<DeviceSigner> {
  const { privateKey } = await deviceIdentity(db);
  return {
    deviceId,
    sign: async (bytes) =>
      bytesToBase64(
        new Uint8Array(await globalThis.crypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, bytes)),
      ),
  };
}
