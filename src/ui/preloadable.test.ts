import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

function Greeting({ name }: { readonly name: string }) {
  return createElement('p', null, `hello ${name}`);
}

const page = (component: ReturnType<typeof preloadable<{ name: string }>>) =>
  renderToString(createElement(Suspense, { fallback: createElement('p', null, 'loading') }, createElement(component, { name: 'ada' })));

describe('preloadable components', () => {
  it('suspends (the boundary shows its fallback) while the chunk is not loaded, and starts loading it', async () => {
    let loads = 0;
    const Lazy = preloadable(async () => {
      loads++;
      return Greeting;
    });
    expect(page(Lazy)).toContain('loading');
    expect(loads).toBe(1);
    await Lazy.preload();
    expect(loads).toBe(1);
  });

  it('renders at once, in the first pass, once preloaded (React.lazy would suspend once more)', async () => {
    const Lazy = preloadable(async () => Greeting);
    await Lazy.preload();
    const html = page(Lazy);
    expect(html).toContain('hello ada');
    expect(html).not.toContain('loading');
  });

  it('tries a chunk that failed to load again on the next preload', async () => {
    let attempt = 0;
    const Lazy = preloadable(async () => {
      attempt++;
      if (attempt === 1) throw new Error('network down');
      return Greeting;
    });
    await expect(Lazy.preload()).rejects.toThrow('network down');
    await Lazy.preload();
    expect(attempt).toBe(2);
    expect(page(Lazy)).toContain('hello ada');
  });
});
