import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, utf8ByteLength } from './base64';

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
      '@@@@',
      'QQ-_',
      'ＱＱ==',
    ]) {
      expect(base64ToBytes(text), text).toBeNull();
    }
    expect(base64ToBytes('')).toEqual(new Uint8Array());
    expect(base64ToBytes('QQ==')).toEqual(Uint8Array.of(0x41));
    expect(base64ToBytes('QUI=')).toEqual(Uint8Array.of(0x41, 0x42));
  });
});

describe('utf8ByteLength', () => {
  it('counts as TextEncoder encodes', () => {
    for (const text of ['', 'abc', 'é', '督查〔2026〕12号', '😀x', 'a\ud800b', '\udc00', 'x\ud83d']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
