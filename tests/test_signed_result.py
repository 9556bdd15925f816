"""Signed result documents (issue 12, "Results a buyer can verify"):
scsec evaluate --sign, scsec verify RESULT [--trust LIST --operator-cert CERT]
[--evidence RECORD], with the tests/pki.sh PKI."""

import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import AS_OF, SRCDIR, STAGE, example, scsec  # noqa: E402
from test_trust import PKI, TestSignedCli, TrustCase, pki, pki_text  # noqa: E402,F401

RECORD = example("minato-logistics.xml")


class TestSignedResults(TrustCase):
    @classmethod
    def setUpClass(cls):
        if not STAGE:
            raise unittest.SkipTest("no staged installation")
        subprocess.run(["sh", os.path.join(SRCDIR, "tests", "pki.sh"), PKI], check=True)

    signed_list = TestSignedCli.signed_list

    def signed_result(self, party="body1", record=RECORD, name="result.xml", *extra):
        out = self.path(name)
        chain = pki(party, "chain.pem")
        args = ["evaluate", record, "--as-of", AS_OF, "--sign", pki(party, "key.pem"),
                "--cert", pki(party, "cert.pem")]
        if os.path.exists(chain):
            args += ["--chain", chain]
        r = scsec(*(args + list(extra) + ["-o", out]))
        self.assertIn(r.rc, (0, 1), repr(r))
        return out

    def verify(self, path, *extra):
        return scsec("verify", path, *extra)

    def test_signed_and_verified(self):
        res = self.signed_result()
        r = self.verify(res)
        self.assertStatus(r, 0)
        self.assertIn("signature 1: valid", r.out)
        self.assertIn(pki_text("body1", "fingerprint"), r.out)
        # the signed document is still a result: it validates and reads back
        self.assertStatus(scsec("validate", res), 0)
        self.assertStatus(scsec("report", res, "-o", self.path("r.html")), 0)
        # re-evaluating the record gives exactly this result
        r = self.verify(res, "--evidence", RECORD)
        self.assertStatus(r, 0)
        self.assertIn("the result matches", r.out)
        # another record: verified but not matching
        r = self.verify(res, "--evidence", example("kitakaze-precision.xml"))
        self.assertStatus(r, 1)
        self.assertIn("NOT the record evaluated", r.out)
        # missing files
        self.assertStatus(self.verify(res, "--evidence", self.path("none.xml")), 4)
        self.assertStatus(self.verify(self.path("none.xml")), 4)

    def test_tampered_or_unsigned(self):
        res = self.signed_result()
        with open(res, encoding="utf-8") as f:
            text = f.read()
        for old, new in (('subject="Minato Logistics Co., Ltd."', 'subject="Minato Logistics Co."'),
                         ('<gap id="1-1-1-1" reason="method"', '<gap id="1-1-1-1" reason="expired"'),
                         ('as-of="%s"' % AS_OF, 'as-of="2020-01-01"')):
            with self.subTest(change=new):
                self.assertIn(old, text)
                bad = self.path("bad.xml")
                with open(bad, "w", encoding="utf-8") as f:
                    f.write(text.replace(old, new, 1))
                r = self.verify(bad)
                self.assertStatus(r, 3)
        plain = self.path("plain.xml")
        self.assertStatus(scsec("evaluate", RECORD, "--as-of", AS_OF, "--format", "xml",
                                "-o", plain), 0)
        r = self.verify(plain)
        self.assertStatus(r, 3)
        self.assertIn("no signature", r.err)

    def test_trust_list(self):
        lst = self.signed_list()
        op = ["--trust", lst, "--operator-cert", pki("operator", "cert.pem")]
        for party, status, verdict in (("body1", 0, "counted"), ("body2", 0, "counted"),
                                       ("expert", 0, "counted"), ("stranger", 3, "unknown-party"),
                                       ("revoked", 3, "revoked")):
            with self.subTest(party=party):
                res = self.signed_result(party, name=party + ".xml")
                r = self.verify(res, *op)
                self.assertStatus(r, status)
                self.assertIn("trust:       " + verdict, r.out)
        # a trust list needs its operator
        self.assertStatus(self.verify(self.signed_result(), "--trust", lst), 2)
        # signed by someone else than the operator: refused
        other = self.signed_list("stranger")
        self.assertStatus(self.verify(self.signed_result(), "--trust", other, "--operator-cert",
                                      pki("operator", "cert.pem")), 3)

    def test_result_under_a_trust_policy(self):
        """A result computed with --trust re-evaluates only with that list."""
        lst = self.signed_list()
        op = ["--trust", lst, "--operator-cert", pki("operator", "cert.pem")]
        res = self.signed_result("body1", example("kitakaze-precision.xml"), "t.xml", *op)
        r = self.verify(res, "--evidence", example("kitakaze-precision.xml"))
        self.assertStatus(r, 2)
        r = self.verify(res, "--evidence", example("kitakaze-precision.xml"), *op)
        self.assertStatus(r, 0)

    def test_signers_of_the_record_read_back(self):
        """A result whose record carries signatures (counted, unknown, revoked)
        names them; read back, it writes the same document and still matches."""
        lst = self.signed_list()
        op = ["--trust", lst, "--operator-cert", pki("operator", "cert.pem")]
        record = os.path.join(SRCDIR, "tests", "data", "trust", "kitakaze-pledged.xml")
        src = record
        for party in ("body1", "stranger", "revoked"):
            signed = self.path("record-%s.xml" % party)
            self.assertStatus(scsec("sign", src, "--key", pki(party, "key.pem"), "--cert",
                                    pki(party, "cert.pem"), "--time", "2026-04-01", "-o", signed),
                              0)
            src = signed
        res = self.signed_result("body2", signed, "r.xml", *op)
        j = self.path("r.json")
        r = scsec("evaluate", signed, "--as-of", AS_OF, "--format", "json", "-o", j, *op)
        self.assertStatus(r, 0)
        with open(j, encoding="utf-8") as f:
            doc = f.read()
        for verdict in ("counted", "unknown-party", "revoked"):
            self.assertIn('"verdict": "%s"' % verdict, doc)
        r = self.verify(res, "--evidence", signed, *op)
        self.assertStatus(r, 0)
        self.assertIn("the result matches", r.out)
        # the JSON form reads back too (report it without evaluating)
        self.assertStatus(scsec("report", j, "-o", self.path("r.html")), 0)

    def test_usage(self):
        self.assertStatus(scsec("evaluate", RECORD, "--sign", pki("body1", "key.pem")), 2)
        self.assertStatus(scsec("evaluate", RECORD, "--sign", pki("body1", "key.pem"), "--cert",
                                pki("body1", "cert.pem"), "--format", "json"), 2)
        self.assertStatus(scsec("verify", RECORD, "--evidence", RECORD), 2)


if __name__ == "__main__":
    unittest.main()
