"""Loads PKCS#12 files with pyca/cryptography, all in one process.

Input on stdin: one JSON array per line, [path, password-or-null]. Output: one JSON object per
line: {"path": ..., "ok": true, "key": bool, "certificates": n} or {"path": ..., "ok": false, "error": ...}.
"""
import json
import sys
import warnings

from cryptography.hazmat.primitives.serialization import pkcs12

warnings.simplefilter("ignore")

for line in sys.stdin:
    if not line.strip():
        continue
    path, password = json.loads(line)
    try:
        with open(path, "rb") as f:
            data = f.read()
        loaded = pkcs12.load_pkcs12(data, None if password is None else password.encode("utf-8"))
        count = (1 if loaded.cert else 0) + len(loaded.additional_certs)
        print(json.dumps({"path": path, "ok": True, "key": loaded.key is not None, "certificates": count}), flush=True)
    except Exception as e:  # noqa: BLE001 - every refusal is an answer
        print(json.dumps({"path": path, "ok": False, "error": f"{type(e).__name__}: {e}"}), flush=True)
