// The ledger as a virtualized table: smooth with thousands of projects, and still a table to screen
// readers (ARIA table roles, row indexes, sort state) and to the keyboard (arrows, Enter opens).
import { type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import type { LedgerSort, SortKey } from './ledger-query';
import styles from './ledger-table.module.css';

export interface LedgerColumn<P> {
  key: string;
  title: string;
  width: number | 'flex';
  align?: 'left' | 'right';
  sortKey?: SortKey;
  render: (row: P) => ReactNode;
}

interface Props<P extends { id: string }> {
  label: string;
  rows: readonly P[];
  columns: readonly LedgerColumn<P>[];
  sort: LedgerSort;
  onSort: (sort: LedgerSort) => void;
  onOpen: (row: P) => void;
  /** The rows are still being read: show that rather than the empty text. */
  loading?: boolean;
  emptyText: string;
  height: number;
}

const ROW_HEIGHT = 44;

/**
 * Follows the size of the scrolling body, like TanStack's own observer but without its first,
 * synchronous read of the size: that read forces a layout of the whole page in the middle of React's
 * commit. The ResizeObserver reports the size after the browser's own layout, before the paint.
 */
const observeElementRect = (instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) => {
  const element = instance.scrollElement;
  if (!element) return;
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
};

export function LedgerTable<P extends { id: string }>(props: Props<P>) {
  const { rows, columns, sort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component does not memoize them.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The body's height is known, so the first render already has the rows that fill it.
    initialRect: { width: 0, height: props.height },
    observeElementRect,
  });

  const template = columns.map((c) => (c.width === 'flex' ? 'minmax(240px, 1fr)' : `${c.width}px`)).join(' ');

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus(),
    );
  };

  const onRowKey = (event: KeyboardEvent, index: number, row: P) => {
    if (event.key === 'Enter') props.onOpen(row);
    else if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'PageDown') focusRow(index + 10);
    else if (event.key === 'PageUp') focusRow(index - 10);
    else return;
    event.preventDefault();
  };

  const toggle = (key: SortKey) =>
    props.onSort({ key, order: sort.key === key && sort.order === 'asc' ? 'desc' : 'asc' });

  return (
    <div
      role="table"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-busy={props.loading || undefined}
      className={styles.table}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.header} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={c.align === 'right' ? styles.right : undefined}
              aria-sort={
                c.sortKey && sort.key === c.sortKey
                  ? sort.order === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {c.sortKey ? (
                <button
                  type="button"
                  className={styles.sortButton}
                  onClick={() => c.sortKey && toggle(c.sortKey)}
                >
                  {c.title}
                  <span aria-hidden className={styles.sortMark}>
                    {sort.key === c.sortKey ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                c.title
              )}
            </div>
          ))}
        </div>
      </div>
      {!props.loading && rows.length === 0 ? (
        <Empty description={props.emptyText} style={{ padding: 32 }} />
      ) : (
        // While loading, the scrolling body is already there (with a spinner), so that the rows, when
        // they come, go into a laid-out element: the virtualizer's set-up on a new element forces a layout.
        <div role="rowgroup" ref={scrollRef} className={styles.body} style={{ height: props.height }}>
          {props.loading ? (
            <div className={styles.loading}>
              <Spin />
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index] as P;
                return (
                  <div
                    key={row.id}
                    role="row"
                    tabIndex={0}
                    data-index={item.index}
                    aria-rowindex={item.index + 2}
                    className={styles.row}
                    style={{
                      gridTemplateColumns: template,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                    }}
                    onClick={() => props.onOpen(row)}
                    onKeyDown={(e) => onRowKey(e, item.index, row)}
                  >
                    {columns.map((c) => (
                      <div
                        key={c.key}
                        role="cell"
                        className={c.align === 'right' ? styles.right : styles.cell}
                      >
                        {c.render(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
