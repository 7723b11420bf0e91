"""Run pyca/cryptography's X.509 path validation (cryptography.x509.verification,
a CA/Browser-Forum-profile verifier in the rustls-webpki family) over a batch of
lab cases.

Usage: python verify.py [cases.json]   (no argument or "-": read the cases from stdin)
       python verify.py -version

Output: a JSON array of LabResult objects, one result per line, flushed as it goes.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import sys
import warnings

import cryptography
from cryptography import x509
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

VERSION = f"cryptography {cryptography.__version__}"


class Skip(Exception):
    """The lab cannot express this case for this verifier."""


def load_cert(pem: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode("ascii", "replace"))


def own_name(leaf: x509.Certificate):
    """The leaf's first DNS or IP SAN, as the lab's rule for 'no host given' says."""
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    for gn in san:
        if isinstance(gn, (x509.DNSName, x509.IPAddress)):
            return gn
    return None


def run_case(c: dict) -> dict:
    r = {"id": c.get("id"), "verifier": "webpki", "version": VERSION, "accepts": None, "error": None}
    details: list[str] = []

    def refuse(msg: str, *extra: str) -> dict:
        r["accepts"] = False
        r["error"] = msg
        details.extend(extra)
        return r

    try:
        role = c.get("role")
        if role not in ("server", "client"):
            raise Skip(f"unknown role {role}")
        try:
            at = datetime.datetime.fromisoformat(c["at"].replace("Z", "+00:00"))
        except Exception as e:  # noqa: BLE001
            raise Skip(f"bad 'at' time: {e}") from e
        if at.tzinfo is None:
            at = at.replace(tzinfo=datetime.timezone.utc)

        # The chain the peer sends.
        try:
            leaf = load_cert(c["leaf"])
        except Exception as e:  # noqa: BLE001
            return refuse(str(e), f"the leaf could not be loaded ({type(e).__name__})")
        intermediates = []
        for i, pem in enumerate(c.get("intermediates") or []):
            try:
                intermediates.append(load_cert(pem))
            except Exception as e:  # noqa: BLE001
                return refuse(str(e), f"intermediate {i} could not be loaded ({type(e).__name__})")

        # Trust anchors: a program that cannot load one cannot build its Store at all.
        roots = []
        for i, pem in enumerate(c.get("roots") or []):
            try:
                roots.append(load_cert(pem))
            except Exception as e:  # noqa: BLE001
                return refuse(str(e), f"root {i} could not be loaded, so the program cannot build its Store ({type(e).__name__})")
        try:
            store = Store(roots)
        except Exception as e:  # noqa: BLE001
            return refuse(str(e), f"Store() failed ({type(e).__name__})")

        builder = PolicyBuilder().store(store).time(at)
        if c.get("maxDepth") is not None:
            builder = builder.max_chain_depth(int(c["maxDepth"]))
            details.append(f"max_chain_depth({int(c['maxDepth'])})")
        if c.get("crls"):
            details.append("CRLs ignored: pyca/cryptography's verifier does not check revocation")

        host = c.get("host")
        if role == "server":
            if host:
                kind, value = host.get("kind"), host.get("value")
                if kind == "DNS":
                    subject = x509.DNSName(value)
                elif kind == "IP":
                    subject = x509.IPAddress(ipaddress.ip_address(value.strip("[]")))
                else:
                    raise Skip(f"host kind {kind}: build_server_verifier takes a DNS name or an IP address")
            else:
                try:
                    subject = own_name(leaf)
                except Exception as e:  # noqa: BLE001
                    return refuse(str(e), f"no host given and the leaf's subjectAltName could not be read ({type(e).__name__})")
                if subject is None:
                    return refuse(
                        "no host given and the certificate has no DNS or IP subjectAltName: "
                        "a webpki verifier needs a server name, so it refuses every host name",
                        "lab rule: with no host, use the leaf's first DNS/IP SAN",
                    )
                details.append(f"no host given: verified for the leaf's own SAN {subject.value}")
            try:
                verifier = builder.build_server_verifier(subject)
            except Exception as e:  # noqa: BLE001
                return refuse(str(e), f"build_server_verifier failed ({type(e).__name__})")
            chain = verifier.verify(leaf, intermediates)
            details.append(f"verified chain length {len(chain)}")
        else:
            if host:
                details.append("client role: build_client_verifier takes no name, host ignored (the verified SANs are returned)")
            verifier = builder.build_client_verifier()
            verified = verifier.verify(leaf, intermediates)
            details.append(f"verified chain length {len(verified.chain)}")
        r["accepts"] = True
        r["error"] = None
    except VerificationError as e:
        refuse(str(e))
    except Skip as e:
        r["accepts"] = None
        r["error"] = None
        r["skipped"] = str(e)
    except Exception as e:  # noqa: BLE001  (a malformed extension surfaces here, as in a real program)
        refuse(str(e), f"raised {type(e).__name__} during verification")
    if details:
        r["detail"] = "; ".join(details)
    return r


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "-version":
        print(VERSION)
        return 0
    if len(sys.argv) > 1 and sys.argv[1] != "-":
        with open(sys.argv[1], encoding="utf-8") as f:
            cases = json.load(f)
    else:
        cases = json.load(sys.stdin)
    if not isinstance(cases, list):
        print("cases are not a JSON array of LabCase", file=sys.stderr)
        return 2
    out = sys.stdout
    out.write("[\n")
    for i, c in enumerate(cases):
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                r = run_case(c)
            if caught:
                note = "warnings: " + " | ".join(str(w.message) for w in caught)
                r["detail"] = f"{r['detail']}; {note}" if r.get("detail") else note
        except BaseException as e:  # noqa: BLE001
            if isinstance(e, KeyboardInterrupt):
                raise
            r = {"id": c.get("id") if isinstance(c, dict) else None, "verifier": "webpki", "version": VERSION,
                 "accepts": None, "error": None, "skipped": f"runner error: {type(e).__name__}: {e}"}
        out.write(json.dumps(r, ensure_ascii=False) + (",\n" if i < len(cases) - 1 else "\n"))
        out.flush()
    out.write("]\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
