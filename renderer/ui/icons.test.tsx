import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MenuFoldOutlined, PlusOutlined } from './icons';

describe('icons', () => {
  it('are decorative: hidden from the accessibility tree, so a button is named by its text alone', () => {
    const html = renderToStaticMarkup(
      <button type="button">
        <PlusOutlined />
        新建项目
      </button>,
    );
    expect(html).toContain('aria-hidden="true"');
    expect(html).toMatch(
      /<span role="img" aria-label="plus"[^>]*aria-hidden="true"|aria-hidden="true"[^>]*aria-label="plus"/,
    );
    expect(renderToStaticMarkup(<MenuFoldOutlined style={{ fontSize: 16 }} />)).toContain(
      'aria-hidden="true"',
    );
  });
});
