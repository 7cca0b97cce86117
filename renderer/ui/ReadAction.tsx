// A control that only reads (a filter, a search, a sort, a document saved to a file) stays usable inside
// a page a leader sees read-only (renderer/features/sync/ReadOnlyBoundary.tsx disables every antd
// control of the page at once; what only reads opts back in here).
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

export function ReadAction({ children }: { children: ReactNode }) {
  return <ConfigProvider componentDisabled={false}>{children}</ConfigProvider>;
}
