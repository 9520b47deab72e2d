"""The WordprocessingML names the Word reader uses: its namespaces, a tag in the main one, an on/off property."""

from __future__ import annotations

from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    """`tag` in the main namespace, as lxml names it: `{…/main}p`."""
    return f"{{{W_NS}}}{tag}"


def switched_on(node: Any) -> bool:
    """Whether an on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`) is on: present, and not 0/false/off."""
    return node is not None and node.get(w("val"), "1") not in ("0", "false", "off")
