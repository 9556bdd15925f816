# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Render a local HTML file in headless chromium and inspect the rendered page.

Standard library only: chromium is driven through the DevTools protocol
over ``--remote-debugging-pipe`` (it reads commands on file descriptor 3
and writes replies and events on 4, each message JSON followed by a NUL).

    with Page("dashboard.html") as page:      # skipTest when chromium is missing
        page.evaluate("document.title")
        page.boxes("svg")                     # [{'x':..,'y':..,'width':..,'height':..,'text':..}]
        page.overflowing()                    # text boxes whose content is wider than the box
        page.outside_requests()               # every request to anything but the file itself
        page.screenshot("out.png")            # or page.pdf("out.pdf")

Headless, with no display; ``--no-sandbox`` when running as root (CI).
Every wait has a timeout, and the browser is always killed on exit.
Host names resolve to nothing, so a page that tries to fetch from outside
shows the attempt (outside_requests()) without reaching the network.

Run as a script (``browser.py FILE.html [--png OUT]``) it prints the
boxes of SVG elements, overflows and outside requests; exit 77 when
chromium is missing.
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def find_chromium():
    """The chromium executable (SCSEC_CHROMIUM overrides), or None."""
    env = os.environ.get("SCSEC_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for c in CANDIDATES:
        if os.access(c, os.X_OK):
            return c
    return None


class BrowserError(Exception):
    """The browser failed, timed out or reported a protocol error."""


class Page:
    """One headless chromium rendering one local HTML file."""

    def __init__(self, path, width=1280, height=900, timeout=30.0, chromium=None):
        self.path = os.path.abspath(path)
        self.url = "file://" + self.path
        self.width, self.height = width, height
        self.timeout = timeout
        self.chromium = chromium or find_chromium()
        self.proc = None
        self.profile = None
        self.requests = []
        self.console = []
        self._buf = b""
        self._id = 0
        self._events = []
        self.session = None

    # -- life cycle -------------------------------------------------------

    def __enter__(self):
        if self.chromium is None:
            raise unittest.SkipTest("chromium is not installed")
        if not os.path.isfile(self.path):
            raise BrowserError("no such file: " + self.path)
        try:
            self._start()
            self._open()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _start(self):
        self.profile = tempfile.mkdtemp(prefix="scsec-chromium-")
        cmd_r, cmd_w = os.pipe()   # we write commands, chromium reads fd 3
        ev_r, ev_w = os.pipe()     # chromium writes fd 4, we read
        args = [self.chromium, "--headless=new", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + self.profile,
                "--window-size=%d,%d" % (self.width, self.height),
                "--remote-debugging-pipe", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")

        def child():
            # move both ends out of the way first, then onto 3 and 4
            a = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(ev_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.close(a)
            os.close(b)

        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env.setdefault("HOME", self.profile)
        # ASan preloads of the test harness must not reach the browser
        env.pop("LD_PRELOAD", None)
        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL,
                                         pass_fds=(3, 4), preexec_fn=child,
                                         env=env, start_new_session=True)
        finally:
            os.close(cmd_r)
            os.close(ev_w)
        self._w, self._r = cmd_w, ev_r

    def close(self):
        """Kill the browser (whatever state it is in) and remove its profile."""
        if self.proc is not None:
            for fd in (getattr(self, "_w", None), getattr(self, "_r", None)):
                if fd is not None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self._w = self._r = None
            try:
                os.killpg(self.proc.pid, 9)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            self.proc = None
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    # -- protocol ---------------------------------------------------------

    def _read_message(self, deadline):
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("chromium did not answer in time")
            ready, _, _ = select.select([self._r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed the pipe (exit %s)" % self.proc.poll())
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw.decode("utf-8"))

    def _note(self, msg):
        method = msg.get("method")
        if method == "Network.requestWillBeSent":
            self.requests.append(msg["params"]["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            self.console.append(msg["params"])
        self._events.append(msg)

    def send(self, method, params=None, session=True, timeout=None):
        """Send one command, wait for its reply and return its result."""
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        data = json.dumps(msg).encode("utf-8") + b"\0"
        while data:
            n = os.write(self._w, data)
            data = data[n:]
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self._note(reply)

    def wait_event(self, method, timeout=None):
        """Wait for the event @method (already received ones count)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for i, ev in enumerate(self._events):
                if ev.get("method") == method:
                    del self._events[i]
                    return ev.get("params", {})
            self._note(self._read_message(deadline))

    def _open(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        att = self.send("Target.attachToTarget",
                        {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = att["sessionId"]
        self.send("Network.enable")
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1,
                   "mobile": False})
        self._events.clear()
        self.requests.clear()
        nav = self.send("Page.navigate", {"url": self.url})
        if nav.get("errorText"):
            raise BrowserError("navigation failed: " + nav["errorText"])
        self.wait_event("Page.loadEventFired")

    # -- inspection -------------------------------------------------------

    def evaluate(self, expression):
        """The value of a JavaScript expression in the rendered page."""
        res = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                             "awaitPromise": True})
        if "exceptionDetails" in res:
            raise BrowserError("script failed: %s" % res["exceptionDetails"].get("text"))
        return res.get("result", {}).get("value")

    def boxes(self, selector):
        """The bounding boxes (x, y, width, height, text) of the elements matching @selector."""
        return self.evaluate(
            "Array.from(document.querySelectorAll(%s)).map(e => {"
            " const r = e.getBoundingClientRect();"
            " return {tag: e.tagName.toLowerCase(), id: e.id || '', x: r.x, y: r.y,"
            " width: r.width, height: r.height,"
            " text: (e.textContent || '').trim().slice(0, 80)}; })" % json.dumps(selector))

    def overflowing(self, selector="body *"):
        """Visible HTML elements with text whose content is wider (or taller) than their box."""
        return self.evaluate(
            "Array.from(document.querySelectorAll(%s)).filter(e => {"
            " if (e instanceof SVGElement) return false;"
            " const s = getComputedStyle(e);"
            " if (s.display === 'none' || s.visibility === 'hidden') return false;"
            " if (!Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))"
            "   return false;"
            " if (s.overflowX === 'auto' || s.overflowX === 'scroll') return false;"
            " return e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0"
            "   || s.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1"
            "      && e.clientHeight > 0;"
            "}).map(e => ({tag: e.tagName.toLowerCase(), cls: e.className,"
            " text: e.textContent.trim().slice(0, 60), scrollWidth: e.scrollWidth,"
            " clientWidth: e.clientWidth}))" % json.dumps(selector))

    def outside_requests(self):
        """Requests attempted to anything other than the file itself (data: URLs excepted)."""
        return [u for u in self.requests
                if u.split("#", 1)[0] != self.url and not u.startswith("data:")]

    def screenshot(self, out, full_page=True):
        """Write a PNG of the page (the whole page by default) to @out."""
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.evaluate("[document.documentElement.scrollWidth,"
                                 " document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        res = self.send("Page.captureScreenshot", params, timeout=max(self.timeout, 60))
        with open(out, "wb") as f:
            f.write(base64.b64decode(res["data"]))

    def pdf(self, out, **params):
        """Print the page to PDF (Page.printToPDF, print CSS applies) and write it to @out."""
        params.setdefault("printBackground", True)
        res = self.send("Page.printToPDF", params, timeout=max(self.timeout, 60))
        data = base64.b64decode(res["data"])
        with open(out, "wb") as f:
            f.write(data)
        return data


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("html")
    ap.add_argument("--png")
    ap.add_argument("--pdf")
    ap.add_argument("--viewport", action="store_true",
                    help="the PNG shows the window (--width x --height), not the whole page")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    a = ap.parse_args(argv)
    if find_chromium() is None:
        print("chromium is not installed", file=sys.stderr)
        return 77
    with Page(a.html, a.width, a.height) as page:
        if a.png:
            page.screenshot(a.png, full_page=not a.viewport)
        if a.pdf:
            page.pdf(a.pdf)
        print(json.dumps({"svg": page.boxes("svg"), "overflowing": page.overflowing(),
                          "outside_requests": page.outside_requests()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
