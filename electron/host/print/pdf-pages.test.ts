import { describe, expect, it } from 'vitest';
import { countPdfPages } from './pdf-pages';

const pdf = (text: string) => new TextEncoder().encode(text);

describe('countPdfPages', () => {
  it('counts page objects, not the page tree', () => {
    const body = [
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R >> endobj',
      '4 0 obj <</Type/Page/Parent 2 0 R>> endobj',
      '5 0 obj << /Type\n/Page\n/Parent 2 0 R >> endobj',
    ].join('\n');
    expect(countPdfPages(pdf(`%PDF-1.4\n${body}\n%%EOF`))).toBe(3);
  });

  it('reads a view into a larger buffer by its own bounds', () => {
    const whole = pdf('/Type /Page /Type /Page');
    expect(countPdfPages(whole.subarray(0, 11))).toBe(1);
  });
});
