# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""tests/browser.py itself: boxes, overflow, outside requests, PNG and PDF from a page of its own."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser  # noqa: E402

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="https://fonts.example.invalid/x.css"></head><body>
<svg id="chart" width="200" height="100"><rect width="50" height="50"/></svg>
<div id="narrow" style="width:40px;overflow:hidden;white-space:nowrap">a text wider than its box</div>
<div id="wide" style="width:600px">fits</div>
<img src="http://example.invalid/x.png" alt="">
<script>document.title = 'rendered ' + (1 + 1);</script>
</body></html>"""


class BrowserTest(unittest.TestCase):
    def setUp(self):
        if browser.find_chromium() is None:
            self.skipTest("chromium is not installed")
        self.dir = tempfile.TemporaryDirectory()
        self.html = os.path.join(self.dir.name, "t.html")
        with open(self.html, "w", encoding="utf-8") as f:
            f.write(PAGE)

    def tearDown(self):
        self.dir.cleanup()

    def test_page(self):
        with browser.Page(self.html) as page:
            self.assertEqual(page.evaluate("document.title"), "rendered 2")
            svg = page.boxes("#chart")
            self.assertEqual(len(svg), 1)
            self.assertEqual((svg[0]["width"], svg[0]["height"]), (200, 100))
            over = page.overflowing()
            self.assertEqual([o["text"] for o in over], ["a text wider than its box"])
            out = page.outside_requests()
            self.assertIn("http://example.invalid/x.png", out)
            self.assertIn("https://fonts.example.invalid/x.css", out)
            self.assertNotIn(page.url, out)
            png = os.path.join(self.dir.name, "t.png")
            page.screenshot(png)
            with open(png, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
            data = page.pdf(os.path.join(self.dir.name, "t.pdf"))
            self.assertTrue(data.startswith(b"%PDF-"))
        self.assertIsNone(page.proc)

    def test_script_error_and_kill(self):
        page = browser.Page(self.html)
        with page:
            pid = page.proc.pid
            with self.assertRaises(browser.BrowserError):
                page.evaluate("no_such_function()")
        with self.assertRaises(ProcessLookupError):
            os.kill(pid, 0)

    def test_missing_file(self):
        with self.assertRaises(browser.BrowserError):
            with browser.Page(os.path.join(self.dir.name, "absent.html")):
                pass


if __name__ == "__main__":
    unittest.main()
