import { describe, expect, it } from 'vitest';
import { HostError, type HostApi } from '../../shared/contract';
import { bytesToBase64 } from '../../shared/crypto/base64';
import { printPdf } from './print-pdf';

const PDF = '%PDF-1.4 整改';
const pdfBytes = new TextEncoder().encode(PDF);
const base64 = bytesToBase64(pdfBytes);

const api = (reply: Awaited<ReturnType<HostApi['printPdf']>> | Error): Pick<HostApi, 'printPdf'> => ({
  printPdf: (request) => {
    expect(request).toEqual({ html: '<html><head></head></html>', title: '通报' });
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  },
});

describe('printPdf on the page', () => {
  it('gives the PDF as bytes with its page count', async () => {
    const printed = await printPdf(
      api({ pdfBase64: base64, pages: 3, bytes: pdfBytes.byteLength }),
      '<html><head></head></html>',
      '通报',
    );
    expect(printed.pages).toBe(3);
    expect(printed.bytes).toEqual(pdfBytes);
  });

  it('passes on the host’s error', async () => {
    const failure = new HostError('failed', 'printing took longer than 120 s and was stopped');
    await expect(printPdf(api(failure), '<html><head></head></html>', '通报')).rejects.toBe(failure);
  });

  it('refuses a reply whose bytes do not add up', async () => {
    await expect(
      printPdf(api({ pdfBase64: base64, pages: 1, bytes: 5 }), '<html><head></head></html>', '通报'),
    ).rejects.toBeInstanceOf(HostError);
  });
});
