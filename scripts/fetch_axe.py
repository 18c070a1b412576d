"""Installs axe-core's axe.min.js for the browser tests' accessibility audit (tests/test_browser_ux.py),
once: the npm package's tarball, straight from the registry with urllib (no Node needed), checked
against the pinned sha512 before anything is written. Run by scripts/test.sh; a no-op when present."""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.10.3"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
# dist.integrity of https://registry.npmjs.org/axe-core/4.10.3
INTEGRITY = "sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg=="
TARGET = Path(__file__).resolve().parent.parent / ".cache" / "axe-core" / "axe.min.js"


def main() -> int:
    if TARGET.exists():
        return 0
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        print(f"axe-core {VERSION}: the tarball's checksum is {digest}, not the pinned {INTEGRITY}", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        script = archive.extractfile("package/axe.min.js").read()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    partial = TARGET.with_suffix(".part")
    partial.write_bytes(script)
    partial.replace(TARGET)
    print(f"installed axe-core {VERSION} in {TARGET.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
