import { describe, expect, it } from 'vitest';
import { allowScriptUrl } from './trusted-types';

describe('Trusted Types default policy: script URLs from this origin only', () => {
  const base = 'https://example.org/tools/certscope/';
  const allowed: [string, string, string][] = [
    ['./assets/worker-abc.js', 'https://example.org/tools/certscope/assets/worker-abc.js', 'the engine worker, relative to a sub-path'],
    ['/tools/certscope/sw.js', 'https://example.org/tools/certscope/sw.js', 'the service worker'],
    ['blob:https://example.org/1234-5678', 'blob:https://example.org/1234-5678', 'a blob made by this page'],
  ];
  it.each(allowed)('%s → %s (%s)', (input, expected) => {
    expect(allowScriptUrl(input, base)).toBe(expected);
  });
  const refused: [string, string][] = [
    ['https://evil.example/x.js', 'another origin'],
    ['//evil.example/x.js', 'protocol-relative to another origin'],
    ['http://example.org/x.js', 'same host, other scheme'],
    ['data:text/javascript,alert(1)', 'a data: URL'],
    ['javascript:alert(1)', 'a javascript: URL'],
    ['blob:https://evil.example/1234', 'a blob from another origin'],
  ];
  it.each(refused)('%s is refused (%s)', (input) => {
    expect(() => allowScriptUrl(input, base)).toThrow(/Trusted Types/);
  });
});
