import { describe, expect, it } from 'vitest';
import { pageHeaders } from './page-headers';

describe('page headers', () => {
  it('never caches the HTML, which names the current build, and keeps hashed assets for good', () => {
    expect(pageHeaders('/app/dist/renderer/index.html', 'text/html')['Cache-Control']).toBe('no-store');
    expect(
      pageHeaders('/app/dist/renderer/assets/index-1LRMIfsP.js', 'text/javascript')['Cache-Control'],
    ).toBe('public, max-age=31536000, immutable');
    expect(
      pageHeaders('C:\\Ducha\\renderer\\assets\\index-1LRMIfsP.js', 'text/javascript')['Cache-Control'],
    ).toContain('immutable');
    expect(pageHeaders('/app/dist/renderer/favicon.svg', 'image/svg+xml')['Cache-Control']).toBeUndefined();
  });
});
