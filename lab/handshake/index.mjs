// The handshake lab: real TLS verifiers on loopback. See README.md beside this file.
export { runChrome, chromeVersion } from './chrome.mjs';
export { runOpensslHandshake, runCurl, tlsVersions } from './openssl.mjs';
export { normalizeCase, loadCasesFile } from './cases.mjs';
