import { describe, expect, it } from 'vitest';
import { signerOf } from './document-signer';

describe("the team's documents", () => {
  it('are sent by the issuing authority, else by the team, with its copy-to and printed-by lines', () => {
    expect(
      signerOf({
        name: '孟连县督查组',
        issuingAuthority: '孟连县重点项目督查办公室',
        copyTo: '县委办、县政府办',
        printedBy: ' 孟连县重点项目督查办公室 ',
      }),
    ).toEqual({
      sender: '孟连县重点项目督查办公室',
      teamName: '孟连县督查组',
      copyTo: '县委办、县政府办',
      printedBy: '孟连县重点项目督查办公室',
    });
    expect(signerOf({ name: '孟连县督查组', issuingAuthority: '  ' })).toEqual({
      sender: '孟连县督查组',
      teamName: '孟连县督查组',
      copyTo: '',
      printedBy: '',
    });
    expect(signerOf(null).sender).toBe('');
  });
});
