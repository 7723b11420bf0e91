/** The compatibility table, weakness flags and input notes render plain text, labelled, with links that are only links. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Pkcs12Compatibility, Pkcs12ImporterAnswer, Pkcs12Weakness } from '@/core/model';
import { InputNotesView } from './input-notes-view';
import { Pkcs12CompatView, WeaknessList } from './pkcs12-compat-view';

const row = (over: Partial<Pkcs12ImporterAnswer>): Pkcs12ImporterAnswer => ({
  importer: 'openssl-3.0',
  name: 'OpenSSL 3.0–3.3',
  via: 'openssl pkcs12',
  answer: 'needs-option',
  option: '-legacy',
  reason: 'RC2-40-CBC (PKCS#12 PBE) (safe 1): is legacy <img src=x onerror=alert(1)>',
  decidedBy: [{ parameter: 'RC2-40-CBC (PKCS#12 PBE)', where: ['safe 1'], effect: 'needs-option', says: 'is legacy', claim: 'x', confidence: 'high', sources: ['a', 'm'] }],
  notes: [],
  sources: [
    { id: 'a', title: 'OpenSSL legacy provider', url: 'https://docs.openssl.org/3.0/man7/OSSL_PROVIDER-legacy/' },
    { id: 'm', title: 'Measured here', url: 'docs/pkcs12-compat.md#checked-here' },
  ],
  ...over,
});

const TABLE: Pkcs12Compatibility = {
  parameters: ['safe 1: RC2-40-CBC (PKCS#12 PBE)'],
  answers: [row({ checkedHere: 'openssl here' }), row({ importer: 'windows', name: 'Windows 10 1709+', answer: 'refuses', option: null, notes: [{ parameter: 'no friendlyName', where: ['safe 2, bag 1'], effect: 'note', says: 'shows without a friendly name', claim: 'n', confidence: 'low', sources: [] }] })],
};

describe('Pkcs12CompatView', () => {
  const html = renderToStaticMarkup(createElement(Pkcs12CompatView, { name: 'legacy.p12', compatibility: TABLE }));
  it('labels each importer row with its answer, and summarises refusals and options', () => {
    expect(html).toContain('aria-label="Where legacy.p12 imports"');
    expect(html).toContain('aria-label="OpenSSL 3.0–3.3: Needs -legacy"');
    expect(html).toContain('aria-label="Windows 10 1709+: Refuses"');
    expect(html).toMatch(/Needs an option:.*OpenSSL 3\.0–3\.3 \(-legacy\)/);
    expect(html).toContain('checked here');
    expect(html).toContain('shows without a friendly name');
  });
  it('escapes text, links https sources without referrer, shows other addresses as text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://docs.openssl.org/3.0/man7/OSSL_PROVIDER-legacy/"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).not.toContain('href="docs/pkcs12-compat.md');
    expect(html).toContain('docs/pkcs12-compat.md#checked-here');
  });
});

describe('WeaknessList', () => {
  const w: Pkcs12Weakness = { code: 'CIPHER_WEAK', where: 'PKCS#12 safe 1', message: 'RC2-40-CBC: a 40-bit key', opensslNeedsLegacy: true };
  it('says the consequence, and renders nothing without weaknesses', () => {
    const html = renderToStaticMarkup(createElement(WeaknessList, { where: 'safe 1', weaknesses: [w] }));
    expect(html).toContain('aria-label="Weaknesses of safe 1"');
    expect(html).toContain('CIPHER_WEAK');
    expect(html).toContain('OpenSSL 3 needs -legacy');
    expect(renderToStaticMarkup(createElement(WeaknessList, { where: 'safe 1', weaknesses: [{ ...w, opensslNeedsLegacy: false }] }))).not.toContain('needs -legacy');
    expect(renderToStaticMarkup(createElement(WeaknessList, { where: 'safe 1', weaknesses: undefined }))).toBe('');
  });
});

describe('InputNotesView', () => {
  it('lists notes with their PEM block and counts lenient items by warning code', () => {
    const html = renderToStaticMarkup(
      createElement(InputNotesView, {
        name: 'bundle.pem',
        decoded: {
          notes: [{ message: 'PEM block 2 has the label "ERRORS" <b>', location: { offset: 120, pemBlock: 2, label: 'ERRORS' } }],
          certificates: [
            { sha256Hex: 'a', decodeWarnings: [{ code: 'EMPTY_RDN', field: 'f', offset: 1, message: 'm', rejectedBy: [] }] },
            { sha256Hex: 'b', decodeWarnings: [{ code: 'EMPTY_RDN', field: 'f', offset: 1, message: 'm', rejectedBy: [] }] },
            { sha256Hex: 'c' },
          ],
          csrs: [],
          crls: [],
        },
      }),
    );
    expect(html).toContain('aria-label="Notes on bundle.pem"');
    expect(html).toMatch(/PEM block (<!-- -->)?2/);
    expect(html).not.toContain('<b>');
    expect(html).toContain('aria-label="Decode warnings in bundle.pem"');
    expect(html).toMatch(/2 certificates/);
    expect(html).toMatch(/EMPTY_RDN<\/span>(<!-- -->)? ×2/);
  });
  it('renders nothing for an input without notes or warnings', () => {
    expect(renderToStaticMarkup(createElement(InputNotesView, { name: 'x', decoded: { certificates: [{ sha256Hex: 'a', decodeWarnings: [] }], csrs: [], crls: [] } }))).toBe('');
  });
});
