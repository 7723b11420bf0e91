import { createElement, use, type ComponentType } from 'react';

export type Preloadable<P extends object> = ComponentType<P> & {
  /** Loads the component's chunk (the page's idle warm-up); once it has, the component renders at once. */
  preload(): Promise<void>;
};

/**
 * A component in its own chunk that renders at once when the chunk is already loaded. React.lazy
 * suspends on its first render even then (its promise is only made at that render), so the
 * Suspense boundary showed its fallback first and its content one more render later: on a
 * one-certificate drop the overview's first row waited for that second pass. Until the chunk is
 * loaded this suspends, like React.lazy; a chunk that fails to load is tried again on the next
 * render and its error reaches the nearest error boundary.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  function PreloadedComponent(props: P) {
    if (loaded) return createElement(loaded, props);
    use(preload());
    // use() returns only once the chunk has loaded (it suspends until then).
    return loaded ? createElement(loaded, props) : null;
  }
  return Object.assign(PreloadedComponent, { preload });
}
