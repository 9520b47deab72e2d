"""Which blanks a common word of three or four characters can fill: `Language.common_among` asks, for a word with
one character left out (`贯彻落_`, `_于斯`), which of a few dozen similar characters make a common word there — one
dictionary look-up each, ~50,000 in a check of 3,000 字, nearly all of them for blanks no common word fills. A
Bloom filter of the blanks that some common word fills (one bit per blank, by its CRC-32) answers "none" for most
at once; it never says "none" where a word fits (no false negatives), so the look-ups it spares would all have
failed and the answer is the same.

The filter is made from the model's words (~0.1 s) and kept beside the model's prebuilt copy (`Language.kept`),
with its own CRC-32: a copy whose bits do not add up is made again, never trusted (a lost bit would silence a
finding)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

BITS = 21  # 2 MiB of bits (256 KB): ~68,000 blanks fill ~3% of them, so ~3% of empty blanks pass as filled
MASK = (1 << BITS) - 1
SIZES = (3, 4)  # the lengths of the words the filter holds
BLANK = "\0"  # the character left out, in a blank's text (`贯彻落\0`)


def blank_hash(left: str, right: str) -> int:
    """The bit of the blank between `left` and `right`."""
    return zlib.crc32((left + BLANK + right).encode("utf-16-le", "surrogatepass")) & MASK


def make(words: Iterable[str]) -> bytes:
    """The filter of the blanks of `words` (each of SIZES characters): every character of each left out in turn,
    followed by the CRC-32 of the bits (4 bytes, little-endian)."""
    bits = bytearray(1 << (BITS - 3))
    for word in words:
        for k in range(len(word)):
            at = blank_hash(word[:k], word[k + 1 :])
            bits[at >> 3] |= 1 << (at & 7)
    return bytes(bits) + zlib.crc32(bits).to_bytes(4, "little")


def sound(kept: object) -> bool:
    """Whether `kept` is such a filter, whole (its bits add up to its CRC-32)."""
    return (
        isinstance(kept, bytes)
        and len(kept) == (1 << (BITS - 3)) + 4
        and zlib.crc32(memoryview(kept)[:-4]) == int.from_bytes(kept[-4:], "little")
    )


def may_fill(bits: bytes, left: str, right: str) -> int:
    """Nonzero when some word of the filter may have `left`, then one character, then `right`; 0 when none has."""
    at = blank_hash(left, right)
    return bits[at >> 3] >> (at & 7) & 1
