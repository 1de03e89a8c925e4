"""The hash functions of a ``check``, without importing hashlib.

``hashlib`` loads OpenSSL's ``_hashlib`` (and libcrypto with it) when imported: ~11 M
instructions, 2.6 % of a one-file check, for two functions the interpreter also builds in.
The built-in ``_sha1`` and ``_blake2`` give the same digests (SHA-1 and BLAKE2 are
standards; hashlib itself serves BLAKE2 from ``_blake2``); an interpreter built without the
built-in SHA-1 gets hashlib's.
"""

from __future__ import annotations

try:
    from _sha1 import sha1
except ImportError:  # a build without the built-in hashes (e.g. OpenSSL-only)
    from hashlib import sha1

try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

__all__ = ["blake2b", "sha1"]
