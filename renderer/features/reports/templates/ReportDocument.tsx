// The frame of every report: a complete HTML document that needs nothing from outside. For printing,
// its Content-Security-Policy blocks every request (the host adds the fonts inline, photos are data:
// URLs); for the preview inside the app it may link the app's own copy of the fonts.
import type { ReactNode } from 'react';

export type ReportMode = 'print' | 'preview';

const REPORT_POLICY: Record<ReportMode, string> = {
  print: "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'",
  preview: "default-src 'none'; img-src data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'",
};

/** The app's copy of the shipped fonts the reports use, for previews (relative to the app's page). */
export const PREVIEW_FONT_CSS = 'fonts/report-fonts.css';

export function ReportDocument(props: {
  title: string;
  /** The document's style sheet: a form's (report-css.ts, with its running header) or a 公文's. */
  styleSheet: string;
  mode: ReportMode;
  children: ReactNode;
}) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={REPORT_POLICY[props.mode]} />
        <title>{props.title}</title>
        {props.mode === 'preview' && <link rel="stylesheet" href={PREVIEW_FONT_CSS} />}
        <style dangerouslySetInnerHTML={{ __html: props.styleSheet }} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}
