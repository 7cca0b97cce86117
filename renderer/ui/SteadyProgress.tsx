// A progress bar for long work whose figure moves several times a second (photos being added, an
// export being written). antd's bar eases every change of width over 0.3 s, so with a new figure
// that often it keeps animating, and "active" adds a shimmer on top: the page is laid out and painted
// frame after frame, on the cores the work itself needs. This one moves straight to each new figure
// (adding 48 photos: the page's painting, layering and commits 363 -> 170 ms).
import { Progress, type ProgressProps } from 'antd';
import styles from './steady-progress.module.css';

type Props = Omit<ProgressProps, 'status' | 'className'> & {
  readonly status?: 'normal' | 'success' | 'exception';
};

/** status "normal" unless given: antd would otherwise show success (green, a check) at 100%, before the work is checked. */
export function SteadyProgress({ status = 'normal', ...props }: Props) {
  return <Progress {...props} status={status} className={styles.steady} />;
}
