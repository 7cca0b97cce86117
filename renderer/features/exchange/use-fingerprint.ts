import { useEffect, useState } from 'react';
import { fingerprintOf } from './fingerprint';

/** The fingerprint of a key, once computed (WebCrypto is asynchronous). */
export function useFingerprint(publicKey: string | null | undefined): string | null {
  const [result, setResult] = useState<{ key: string; fingerprint: string } | null>(null);
  useEffect(() => {
    if (!publicKey) return;
    let live = true;
    void fingerprintOf(publicKey).then((fingerprint) => {
      if (live) setResult({ key: publicKey, fingerprint });
    });
    return () => {
      live = false;
    };
  }, [publicKey]);
  return result && result.key === publicKey ? result.fingerprint : null;
}
