// A report element to the HTML document the host prints (and the preview shows).
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export function renderReport(document: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(document)}`;
}
