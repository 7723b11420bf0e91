/** The chain link's time text, and the chain and mTLS views rendering certificate fields as text only. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChainTree } from '@/core/chain/types';
import type { MtlsPairCheck } from '@/core/purpose/mtls';
import { ChainTreeView, relativeValidity, type CertificateLabel } from './chain-forest-view';
import { MtlsPairView } from './mtls-pair-view';

const AT = '2026-06-01T00:00:00Z';

describe('relativeValidity', () => {
  const rows: [input: [notBefore: string, notAfter: string], expected: { state: string; text: string }, why: string][] = [
    [['2020-01-01T00:00:00Z', '2026-05-29T00:00:00Z'], { state: 'expired', text: 'expired 3 days ago' }, 'days while under two months'],
    [['2020-01-01T00:00:00Z', '2025-01-01T00:00:00Z'], { state: 'expired', text: 'expired 16 months ago' }, 'months while under two years'],
    [['2020-01-01T00:00:00Z', '2023-03-27T08:19:18Z'], { state: 'expired', text: 'expired 3 years ago' }, 'years after that'],
    [['2020-01-01T00:00:00Z', '2026-06-01T00:00:00Z'], { state: 'expiring', text: 'expires today' }, 'notAfter is the evaluation time: still valid (RFC 5280 is inclusive)'],
    [['2026-01-01T00:00:00Z', '2026-06-21T00:00:00Z'], { state: 'expiring', text: 'expires in 20 days' }, 'under 30 days left: expiring'],
    [['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'], { state: 'valid', text: 'expires in 7 months' }, 'valid'],
    [['2026-09-01T00:00:00Z', '2027-09-01T00:00:00Z'], { state: 'not-yet-valid', text: 'not yet valid: starts in 3 months' }, 'before notBefore'],
    [['2026-06-02T00:00:00Z', '2027-09-01T00:00:00Z'], { state: 'not-yet-valid', text: 'not yet valid: starts in 1 day' }, 'singular'],
  ];
  it.each(rows)('%j → %j (%s)', ([notBefore, notAfter], expected) => {
    expect(relativeValidity(notBefore, notAfter, AT)).toEqual(expected);
  });
});

const HOSTILE = 'evil <img src=x onerror=alert(1)>\u202e';
const valid = { status: 'valid', detail: null } as const;

describe('ChainTreeView', () => {
  const tree: ChainTree = {
    sha256: 'aa',
    paths: [
      {
        links: [
          { sha256: 'aa', signature: valid, profileProblems: [] },
          { sha256: 'bb', signature: valid, profileProblems: [] },
          { sha256: 'cc', signature: valid, profileProblems: [] },
        ],
        anchor: 'builtin',
        end: 'anchor',
        missingIssuer: null,
        note: null,
      },
    ],
  };
  const labels: Record<string, CertificateLabel> = {
    aa: { name: HOSTILE, loaded: true, validity: { notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' }, key: 'EC P-256' },
    bb: { name: 'Old Intermediate', loaded: true, validity: { notBefore: '2020-01-01T00:00:00Z', notAfter: '2025-01-01T00:00:00Z' }, key: 'RSA 2048' },
    cc: { name: 'Some Root', loaded: false, validity: { notBefore: '2016-06-22T00:00:00Z', notAfter: '2036-06-22T00:00:00Z' }, key: 'RSA 4096' },
  };
  const html = renderToStaticMarkup(
    createElement(ChainTreeView, {
      tree,
      at: AT,
      labelOf: (sha: string) => labels[sha] ?? { name: sha, loaded: false },
      onSelect: () => undefined,
      onOpenBuiltinRoot: () => undefined,
      onTrust: () => undefined,
      onUntrust: () => undefined,
    }),
  );
  it('shows each link\u2019s dates, where they stand and its key', () => {
    expect(html).toContain('2020-01-01 00:00:00 UTC');
    expect(html).toContain('Expired 16 months ago');
    expect(html).toContain('(expires in 7 months)');
    expect(html).toContain('RSA 4096');
    expect(html).toContain('data-validity="expired"');
  });
  it('says an expired link and a built-in root in the button\u2019s text, not colour alone', () => {
    expect(html).toMatch(/Old Intermediate<\/span>(<!-- -->)?<\/span><span class="sr-only"> \(expired\)<\/span><\/button>/u);
    expect(html).toContain('<span class="sr-only"> (built-in root)</span>');
    // Every link is a button, the built-in root too.
    expect(html.match(/<button type="button" class="link-button/gu)?.length).toBe(3);
  });
  it('never puts a certificate field into markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('⟨U+202E⟩');
  });
});

describe('MtlsPairView', () => {
  const check: MtlsPairCheck = {
    server: 's',
    client: 'c',
    pairing: 'picked',
    answersDeferred: false,
    items: [{ id: 'server-trusts-client-ca', label: "What the server must trust: the client's CA", state: 'action', detail: `Configure the server to trust CN=${HOSTILE}` }],
    serverCa: null,
    clientCa: { sha256: 'c', subject: `CN=${HOSTILE}`, name: HOSTILE, fileName: 'evil-img-src-x-onerror-alert-1.pem', kind: 'private', pem: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n' },
    config: [{ stack: 'nginx', side: 'server', lines: `# CN=evil <img src=x onerror=alert(1)>?\nssl_client_certificate /etc/nginx/evil.pem;` }],
    ok: true,
  };
  const html = renderToStaticMarkup(createElement(MtlsPairView, { check, nameOf: (sha: string) => (sha === 'c' ? HOSTILE : 'server'), defaultOpen: true }));
  it('says what to configure, never what a server knows', () => {
    expect(html).toContain('You picked these two certificates.');
    expect(html).toContain('Configure');
    expect(html).not.toMatch(/server side knows/iu);
  });
  it('renders names, details and config text as text only', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
