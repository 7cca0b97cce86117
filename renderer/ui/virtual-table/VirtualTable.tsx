// A virtualized table for the app's long lists (the project ledger, the issue list at 200,000 rows):
// only the rows in view are in the DOM, and it is still a table to screen readers (ARIA table roles,
// row indexes, sort state) and to the keyboard (arrows, Page Up/Down, Enter opens, Space selects).
import { type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import {
  type KeyboardEvent,
  memo,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { FLEX_MIN, fitColumns } from './fit-columns';
import styles from './virtual-table.module.css';

export interface TableSort<K extends string> {
  key: K;
  order: 'asc' | 'desc';
}

export interface VirtualColumn<P, K extends string = string> {
  key: string;
  title: string;
  width: number | 'flex';
  align?: 'left' | 'right';
  /** Left out when the table is too narrow for every column: the higher, the sooner (fit-columns.ts). */
  dropOrder?: number;
  sortKey?: K;
  render: (row: P) => ReactNode;
}

/** Rows the user ticked, for bulk actions; the table shows a checkbox column when given. */
export interface TableSelection<P> {
  selected: ReadonlySet<string>;
  /** A row's box was ticked or cleared; with Shift, the range from the last ticked row. */
  onToggle: (row: P, index: number, range: boolean) => void;
  /** The header's box: every row of the list, or none. */
  onToggleAll: () => void;
  rowLabel: (row: P) => string;
  allLabel: string;
}

interface Props<P extends { id: string }, K extends string> {
  label: string;
  rows: readonly P[];
  columns: readonly VirtualColumn<P, K>[];
  sort: TableSort<K>;
  onSort: (sort: TableSort<K>) => void;
  onOpen: (row: P) => void;
  selection?: TableSelection<P>;
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

const CHECK_WIDTH = 44;

/** The width of an element, followed as it changes (0 until it is laid out). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function VirtualTable<P extends { id: string }, K extends string>(props: Props<P, K>) {
  const { rows, sort, selection } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const columns = fitColumns(props.columns, useWidth(rootRef), selection ? CHECK_WIDTH : 0);
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

  const template = [
    ...(selection ? [`${CHECK_WIDTH}px`] : []),
    ...columns.map((c) => (c.width === 'flex' ? `minmax(${String(FLEX_MIN)}px, 1fr)` : `${c.width}px`)),
  ].join(' ');
  const selected = selection?.selected;
  // Counted once per change of the rows or the ticks, not on every scroll: 200,000 rows are many.
  const selectedCount = useMemo(
    () => (selected ? rows.reduce((n, r) => (selected.has(r.id) ? n + 1 : n), 0) : 0),
    [rows, selected],
  );

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus(),
    );
  };

  const onRowKey = (event: KeyboardEvent, index: number, row: P) => {
    if (event.target !== event.currentTarget) return; // a key in a control of the row is the control's
    if (event.key === 'Enter') props.onOpen(row);
    else if (event.key === ' ' && selection) selection.onToggle(row, index, event.shiftKey);
    else if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'PageDown') focusRow(index + 10);
    else if (event.key === 'PageUp') focusRow(index - 10);
    else return;
    event.preventDefault();
  };

  // The rows' handlers through one stable object, so that a row React already drew is not drawn again
  // on every scroll step: only the rows entering the view render.
  const handlers = useRef<RowHandlers<P>>({ open: props.onOpen, key: onRowKey });
  handlers.current.open = props.onOpen;
  handlers.current.key = onRowKey;
  handlers.current.toggle = selection?.onToggle;
  handlers.current.rowLabel = selection?.rowLabel;

  const toggle = (key: K) =>
    props.onSort({ key, order: sort.key === key && sort.order === 'asc' ? 'desc' : 'asc' });

  return (
    <div
      ref={rootRef}
      role="table"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-busy={props.loading || undefined}
      className={styles.table}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.header} style={{ gridTemplateColumns: template }}>
          {selection && (
            <div role="columnheader" className={styles.check}>
              <input
                type="checkbox"
                aria-label={selection.allLabel}
                checked={rows.length > 0 && selectedCount === rows.length}
                ref={(box) => {
                  if (box) box.indeterminate = selectedCount > 0 && selectedCount < rows.length;
                }}
                onChange={selection.onToggleAll}
              />
            </div>
          )}
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
                  <TableRow
                    key={row.id}
                    row={row}
                    index={item.index}
                    start={item.start}
                    ticked={selection?.selected.has(row.id) ?? false}
                    selectable={selection !== undefined}
                    template={template}
                    columns={columns}
                    handlers={handlers}
                  />
                );
              })}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** A click on the row's checkbox cell ticks the box; it must not also open the row. */
const stop = (event: MouseEvent) => event.stopPropagation();

interface RowHandlers<P> {
  open: (row: P) => void;
  key: (event: KeyboardEvent, index: number, row: P) => void;
  toggle?: (row: P, index: number, range: boolean) => void;
  rowLabel?: (row: P) => string;
}

interface RowProps<P, K extends string> {
  row: P;
  index: number;
  start: number;
  ticked: boolean;
  selectable: boolean;
  template: string;
  columns: readonly VirtualColumn<P, K>[];
  handlers: RefObject<RowHandlers<P>>;
}

function RowOf<P extends { id: string }, K extends string>(props: RowProps<P, K>) {
  const { row, index, ticked, handlers } = props;
  return (
    <div
      role="row"
      tabIndex={0}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={props.selectable ? ticked : undefined}
      className={ticked ? `${styles.row} ${styles.selected}` : styles.row}
      style={{
        gridTemplateColumns: props.template,
        height: ROW_HEIGHT,
        transform: `translateY(${props.start}px)`,
      }}
      onClick={() => handlers.current.open(row)}
      onKeyDown={(e) => handlers.current.key(e, index, row)}
    >
      {props.selectable && (
        <div role="cell" className={styles.check} onClick={stop}>
          <input
            type="checkbox"
            aria-label={handlers.current.rowLabel?.(row) ?? ''}
            checked={ticked}
            onChange={(e) =>
              handlers.current.toggle?.(
                row,
                index,
                (e.nativeEvent as unknown as { shiftKey?: boolean }).shiftKey === true,
              )
            }
          />
        </div>
      )}
      {props.columns.map((c) => {
        const content = c.render(row);
        // A cell cut short with an ellipsis shows its whole text on hover.
        const title =
          typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
        return (
          <div
            key={c.key}
            role="cell"
            title={title}
            className={c.align === 'right' ? styles.right : styles.cell}
          >
            {content}
          </div>
        );
      })}
    </div>
  );
}

const TableRow = memo(RowOf) as typeof RowOf;
