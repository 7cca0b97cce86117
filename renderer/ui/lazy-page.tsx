// Code loaded on first use: pages (see routes.tsx) and dialogs most sessions never open.
import { type ComponentType, type ReactElement, use } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReactElement;
  /** Loads the code; resolves when it is ready to render. */
  preload: () => Promise<unknown>;
}

/**
 * A component whose code is loaded on first use. Once loaded it renders at once; until then it
 * suspends (call `preload` first to avoid showing the Suspense fallback).
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // let a later use try again
        throw error;
      },
    ));
  const Lazy = (props: P) => {
    const Loaded = loaded ?? use(preload());
    return <Loaded {...props} />;
  };
  Lazy.preload = preload;
  return Lazy;
}
