// The base64 codec against the engine's btoa, and its refusal of every non-canonical spelling.
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeBase64 } from './base64';

const viaBtoa = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

describe('base64', () => {
  it('encodes as btoa does and decodes back, for every length up to 70', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) & 255);
      const text = bytesToBase64(bytes);
      expect(text).toBe(viaBtoa(bytes));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('round-trips all byte values', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('refuses text that is not canonical base64', () => {
    for (const text of [
      'QQ=',
      'QR==',
      'QUJ=',
      'A===',
      '====',
      'QQ==QQ==',
      'Q Q=',
      'QUJD\n',
      '@@@@',
      'QQ-_',
      'ＱＱ==',
    ]) {
      expect(base64ToBytes(text), text).toBeNull();
      expect(() => decodeBase64(text), text).toThrow();
    }
    expect(base64ToBytes('')).toEqual(new Uint8Array());
    expect(base64ToBytes('QQ==')).toEqual(Uint8Array.of(0x41));
    expect(base64ToBytes('QUI=')).toEqual(Uint8Array.of(0x41, 0x42));
  });

  it('decodes into a plain ArrayBuffer, which WebCrypto and Blob take as is', () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 整改');
    const decoded = decodeBase64(bytesToBase64(bytes));
    expect(decoded).toEqual(bytes);
    expect(decoded.buffer).toBeInstanceOf(ArrayBuffer);
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});
