/** The decode-warning list renders plain text (never HTML), with an accessible label, where and who refuses. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DecodeWarning } from '@/core/model';
import { DecodeWarningList } from './extension-view';

const w: DecodeWarning = { code: 'EMPTY_RDN', field: 'tbsCertificate.issuer.rdn[1]', offset: 42, message: 'an empty RDN <img src=x onerror=alert(1)>', rejectedBy: ['pyca/cryptography'] };

describe('DecodeWarningList', () => {
  it('labels the list, says where and who refuses, escapes text', () => {
    const html = renderToStaticMarkup(createElement(DecodeWarningList, { warnings: [w] }));
    expect(html).toContain('aria-label="Decode warnings"');
    expect(html).toContain('Empty name component');
    expect(html).toContain('tbsCertificate.issuer.rdn[1]');
    expect(html).toMatch(/at byte (<!-- -->)?42/);
    expect(html).toContain('pyca/cryptography');
    expect(html).not.toContain('<img');
  });
  it('renders nothing without warnings', () => {
    expect(renderToStaticMarkup(createElement(DecodeWarningList, { warnings: [] }))).toBe('');
  });
});
