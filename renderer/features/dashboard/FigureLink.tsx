// A figure that opens the list behind it. Its accessible name says what the figure is and its value
// ("思茅区 整改率：33.3%"), so a screen reader and a test find it by what it means.
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';

export function FigureLink(props: {
  to: string;
  label: string;
  children: ReactNode;
  testId?: string;
  style?: CSSProperties;
  /** Runs before the page changes (by mouse or keyboard), e.g. to set the filter of the page opened. */
  onClick?: () => void;
}) {
  return (
    <Link
      to={props.to}
      aria-label={props.label}
      data-testid={props.testId}
      style={props.style}
      onClick={props.onClick}
    >
      {props.children}
    </Link>
  );
}
