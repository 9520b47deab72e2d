"""The page the browser is opened on in browser mode: a private file that forwards to the address with the secret.

Starting a browser with the address on its command line shows the secret to every local user (`ps`), and with it
the page and the drafts. Jupyter starts the browser on a redirect file instead; so do we: the file is 0600 in the
private data folder, its name holds no secret, and it is removed when the server stops.
"""

from __future__ import annotations

import contextlib
import html
import os
from pathlib import Path

from appraisal import paths
from appraisal.fileio import atomic_write_text

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    <meta http-equiv="refresh" content="0;url={url}" />
    <title>考核自评助手</title>
  </head>
  <body>
    <p>正在打开考核自评助手……如未自动跳转，请<a href="{url}">点击这里</a>。</p>
    <script>window.location.replace({quoted});</script>
  </body>
</html>
"""


def write_redirect(address: str) -> Path:
    """A 0600 page in the data folder that forwards the browser to `address`; its path."""
    folder = paths.ensure_private_dir(paths.data_dir())
    path = folder / f"serve-{os.getpid()}-open.html"
    quoted = '"' + address.replace("\\", "\\\\").replace('"', '\\"') + '"'
    atomic_write_text(path, PAGE.format(url=html.escape(address, quote=True), quoted=quoted), private=True)
    return path


def remove_redirect(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
