// A throwaway PKI made with the openssl CLI for the self-test: roots, an intermediate,
// leaves with chosen SANs/EKUs/dates/AIA, a revoked leaf and CRLs. Nothing here is a fixture
// of the project; it lives in a temp dir and is thrown away.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function ossl(args, cwd) {
  return execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

/** ASN.1 GeneralizedTime for `openssl ca -startdate/-enddate`. */
function gt(ms) {
  return `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const DAY = 86_400_000;

export class MiniCa {
  /** Creates a CA (self-signed root when `issuer` is absent) under `dir/name`. */
  constructor(dir, name, { issuer = null, cn = name, pathlen = null, aiaUrl = null, start = Date.now() - 1000 * DAY, end = Date.now() + 3650 * DAY } = {}) {
    this.dir = path.join(dir, name);
    this.name = name;
    mkdirSync(path.join(this.dir, 'newcerts'), { recursive: true });
    writeFileSync(path.join(this.dir, 'index.txt'), '');
    writeFileSync(path.join(this.dir, 'serial'), `${(1000 + Math.floor(Math.random() * 1e6)).toString(16).padStart(6, '0')}\n`);
    writeFileSync(path.join(this.dir, 'crlnumber'), '01\n');
    writeFileSync(this.cfg = path.join(this.dir, 'ca.cnf'), [
      '[ ca ]', 'default_ca = CA_default',
      '[ CA_default ]', `dir = ${this.dir}`, 'database = $dir/index.txt', 'new_certs_dir = $dir/newcerts',
      'serial = $dir/serial', 'crlnumber = $dir/crlnumber', 'default_md = sha256', 'policy = policy_any',
      'unique_subject = no', 'email_in_dn = no', 'default_crl_days = 3650',
      '[ policy_any ]', 'commonName = supplied',
      '[ req ]', 'distinguished_name = dn', 'prompt = no', '[ dn ]', 'CN = unused',
      '',
    ].join('\n'));
    this.key = path.join(this.dir, 'key.pem');
    this.cert = path.join(this.dir, 'cert.pem');
    ossl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', this.key]);
    const ext = ['basicConstraints = critical, CA:TRUE' + (pathlen != null ? `, pathlen:${pathlen}` : ''), 'keyUsage = critical, keyCertSign, cRLSign', 'subjectKeyIdentifier = hash'];
    if (issuer) {
      ext.push('authorityKeyIdentifier = keyid');
      if (aiaUrl) ext.push(`authorityInfoAccess = caIssuers;URI:${aiaUrl}`);
      const csr = path.join(this.dir, 'req.csr');
      ossl(['req', '-new', '-key', this.key, '-subj', `/CN=${cn}`, '-out', csr, '-config', this.cfg]);
      issuer.sign(csr, this.cert, ext, { start, end });
    } else {
      const csr = path.join(this.dir, 'req.csr');
      ossl(['req', '-new', '-key', this.key, '-subj', `/CN=${cn}`, '-out', csr, '-config', this.cfg]);
      this.sign(csr, this.cert, ext, { start, end }, ['-selfsign', '-keyfile', this.key]);
    }
  }

  get pem() { return readFileSync(this.cert, 'utf8'); }
  get der() { return readDer(this.cert); }

  sign(csr, out, extLines, { start, end }, signer = ['-cert', this.cert, '-keyfile', this.key]) {
    const extFile = `${out}.ext`;
    writeFileSync(extFile, `[ v3 ]\n${extLines.join('\n')}\n`);
    ossl(['ca', '-batch', '-notext', '-config', this.cfg, ...signer, '-in', csr, '-out', out,
      '-startdate', gt(start), '-enddate', gt(end), '-extfile', extFile, '-extensions', 'v3']);
  }

  /** Issues a leaf; returns { cert, key, pem, keyPem }. */
  leaf(name, { sans = [], eku = ['serverAuth', 'clientAuth'], start = Date.now() - DAY, end = Date.now() + 90 * DAY, aiaUrl = null, cn = name } = {}) {
    const key = path.join(this.dir, `${name}.key`);
    const csr = path.join(this.dir, `${name}.csr`);
    const cert = path.join(this.dir, `${name}.pem`);
    ossl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    ossl(['req', '-new', '-key', key, '-subj', `/CN=${cn}`, '-out', csr, '-config', this.cfg]);
    const ext = ['basicConstraints = CA:FALSE', 'keyUsage = critical, digitalSignature', 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid'];
    if (eku.length) ext.push(`extendedKeyUsage = ${eku.join(', ')}`);
    if (sans.length) ext.push(`subjectAltName = ${sans.join(', ')}`);
    if (aiaUrl) ext.push(`authorityInfoAccess = caIssuers;URI:${aiaUrl}`);
    this.sign(csr, cert, ext, { start, end });
    return { cert, key, pem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
  }

  revoke(certFile) {
    ossl(['ca', '-config', this.cfg, '-cert', this.cert, '-keyfile', this.key, '-revoke', certFile]);
  }

  crl() {
    const out = path.join(this.dir, `crl-${Date.now()}.pem`);
    ossl(['ca', '-gencrl', '-config', this.cfg, '-cert', this.cert, '-keyfile', this.key, '-out', out]);
    return readFileSync(out, 'utf8');
  }
}

export function readDer(pemFile) {
  const text = readFileSync(pemFile, 'utf8');
  const m = text.match(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/);
  return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}
