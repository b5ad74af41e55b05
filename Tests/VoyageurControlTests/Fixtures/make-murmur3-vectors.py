#!/usr/bin/env python3
"""Regenerates murmur3-vectors.json with an independent MurmurHash3 (PyPI mmh3).

Not run by the tests. Usage:
    python3 -m venv /tmp/mmh3venv && /tmp/mmh3venv/bin/pip install mmh3
    /tmp/mmh3venv/bin/python make-murmur3-vectors.py > murmur3-vectors.json
"""
import json
import sys

import mmh3

FLAGS = [
    "multilingual_llm_enabled",
    "french_generation_enabled",
    "spanish_generation_enabled",
    "direct_generation_enabled",
    "translation_pipeline_enabled",
    "emergency_fallback_enabled",
]

SUBJECTS = [
    "",  # the key is then "<flag>:" alone
    "a",
    "ab",
    "abc",
    "abcd",
    "user-42",
    "AAPL",
    "BRK.B",
    "^GSPC",
    "élodie",
    "José",
    "Zoë-Ñandú",
    "日本語",
    "emoji-🚀",
    "user-1000000",
    "00000000-0000-4000-8000-000000000000",
    "a" * 63,
    "x" * 64,
    "long subject with spaces and punctuation; ok? yes!",
    "MSFT",
    "user:7",
    "\t",
]

VECTORS = [
    ("french_generation_enabled", "user-42"),
    ("spanish_generation_enabled", "AAPL"),
]
for index, subject in enumerate(SUBJECTS):
    VECTORS.append((FLAGS[index % len(FLAGS)], subject))
# Every subject length mod 4 against one flag, so each tail case is covered
# for a fixed prefix.
for length in range(0, 8):
    VECTORS.append(("french_generation_enabled", "s" * length))


def vector(flag, subject):
    key = f"{flag}:{subject}"
    value = mmh3.hash(key, 0, signed=False)
    return {
        "flag": flag,
        "subject": subject,
        "hash": value,
        "hex": f"0x{value:08x}",
        "bucket": value % 100 + 1,
        "keyByteCount": len(key.encode("utf-8")),
    }


json.dump(
    [vector(flag, subject) for flag, subject in VECTORS],
    sys.stdout,
    ensure_ascii=False,
    indent=2,
)
sys.stdout.write("\n")
