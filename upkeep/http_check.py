"""Checking external addresses over HTTP (httpx), politely.

- At most `concurrency` requests at once, and one at a time per host with `host_delay` seconds
  between two requests to the same host (each host's addresses are checked in turn by one thread).
- HEAD first; a HEAD answered with an error status (many servers refuse or mishandle HEAD) is
  asked again with GET, whose body is never read.
- Redirects are followed by hand, up to `max_redirects`, and each hop is recorded.
- `timeout` seconds for connecting and for each read; a timeout, a TLS failure, a refused
  connection or an unknown host is an "error" with its reason, an error status is "broken".
"""

import ssl
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "DemocracyLibraryLinkChecker/1.0 (checks links in the library's public pages)"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass
class Result:
    url: str
    status: str  # ok, redirected, broken, error
    status_code: int | None = None
    method: str = ""
    final_url: str = ""
    redirects: list = field(default_factory=list)
    error: str = ""

    def as_dict(self):
        return asdict(self)


def _reason(error):
    """A short, human reason for a failed request."""
    if isinstance(error, httpx.TimeoutException):
        return "timeout"
    cause = error
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return f"TLS error: {getattr(cause, 'reason', None) or cause}"[:300]
        cause = cause.__cause__ or cause.__context__
    if isinstance(error, httpx.ConnectError):
        return f"connection failed: {error}"[:300]
    return f"{type(error).__name__}: {error}"[:300]


def _ask(client, method, url):
    if method == "HEAD":
        return client.head(url)
    with client.stream("GET", url) as response:  # the body is never read
        return response


def check_url(client, url, *, max_redirects=10):
    redirects = []
    current = url
    for _hop in range(max_redirects + 1):
        try:
            method = "HEAD"
            response = _ask(client, method, current)
            if response.status_code >= 400:
                method = "GET"
                response = _ask(client, method, current)
        except (httpx.HTTPError, ssl.SSLError, OSError, ValueError) as error:
            return Result(
                url, "error", method=method, final_url=current, redirects=redirects, error=_reason(error)
            )
        location = response.headers.get("location")
        if response.status_code in REDIRECT_CODES and location:
            redirects.append({"url": current, "status": response.status_code})
            current = urljoin(current, location)
            if urlsplit(current).scheme not in ("http", "https"):
                return Result(
                    url,
                    "error",
                    response.status_code,
                    method,
                    current,
                    redirects,
                    "redirect to a non-web address",
                )
            continue
        if response.status_code >= 400:
            return Result(url, "broken", response.status_code, method, current, redirects)
        status = "redirected" if redirects else "ok"
        return Result(url, status, response.status_code, method, current, redirects)
    return Result(url, "error", None, "", current, redirects, f"more than {max_redirects} redirects")


def check_urls(urls, *, concurrency=8, host_delay=1.0, timeout=10.0, max_redirects=10, verify=True):
    """{url: Result} for every address, checked with the bounds above."""
    by_host = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[(urlsplit(url).hostname or "").lower()].append(url)
    results = {}
    lock = threading.Lock()

    def check_host(host_urls):
        with httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            verify=verify,
            headers={"User-Agent": USER_AGENT},
        ) as client:
            for index, url in enumerate(host_urls):
                if index and host_delay:
                    time.sleep(host_delay)
                result = check_url(client, url, max_redirects=max_redirects)
                with lock:
                    results[url] = result

    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="check-links") as pool:
        for future in [pool.submit(check_host, host_urls) for host_urls in by_host.values()]:
            future.result()
    return results
