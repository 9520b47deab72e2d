"""The connection a request to the model goes over: straight to a model on this machine, through the user's proxy
(`http_proxy`, `https_proxy`, `no_proxy`, as urllib reads them) to any other host.

A model on 127.0.0.1, ::1 or localhost is never reached through a proxy: with `http_proxy` set, as on many office
machines, urllib would hand the section's text to the proxy while the program says it is sending to 127.0.0.1.
`http.client` is used directly (not urllib's opener) so that nothing follows a redirect: a 3xx answer is refused
by the caller, and the key in the Authorization header is never repeated to another host.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import ssl
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    """How to reach an endpoint: the host and port to connect to, the proxy used (None: direct), the request
    target to send, and the headers the proxy needs."""

    scheme: str
    host: str
    port: int
    proxy: urllib.parse.SplitResult | None
    target: str

    def describe(self) -> str:
        """The proxy, as the user may be told of it (without its password), or empty when direct."""
        if self.proxy is None:
            return ""
        return f"{self.proxy.hostname}:{self.proxy.port or 80}"

    def connection(self, timeout: float) -> http.client.HTTPConnection:
        if self.proxy is None:
            if self.scheme == "https":
                return http.client.HTTPSConnection(
                    self.host, self.port, timeout=timeout, context=ssl.create_default_context()
                )
            return http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        proxy_host, proxy_port = self.proxy.hostname or "", self.proxy.port or 80
        if self.scheme == "https":  # a tunnel through the proxy (CONNECT), TLS with the model's host inside it
            tunnelled = http.client.HTTPSConnection(
                proxy_host, proxy_port, timeout=timeout, context=ssl.create_default_context()
            )
            tunnelled.set_tunnel(self.host, self.port, headers=self.proxy_headers())
            return tunnelled
        return http.client.HTTPConnection(proxy_host, proxy_port, timeout=timeout)

    def proxy_headers(self) -> dict[str, str]:
        if self.proxy is None or self.proxy.username is None:
            return {}
        user = urllib.parse.unquote(self.proxy.username)
        password = urllib.parse.unquote(self.proxy.password or "")
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return {"Proxy-Authorization": f"Basic {token}"}

    def request_headers(self) -> dict[str, str]:
        """Headers for the request itself: a plain-HTTP proxy reads its credentials from the request."""
        return self.proxy_headers() if self.proxy is not None and self.scheme == "http" else {}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1, localhost and its subdomains, and 0.0.0.0 (which reaches this machine too)."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def route(url: str) -> Route:
    """The route to `url` (an http:// or https:// address)."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    port = parts.port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    proxy = None
    if not is_loopback(host) and not urllib.request.proxy_bypass(host):
        address = urllib.request.getproxies().get(scheme)
        if address:
            proxy = urllib.parse.urlsplit(address if "://" in address else f"http://{address}")
    target = url if proxy is not None and scheme == "http" else path
    return Route(scheme, host, port, proxy, target)
