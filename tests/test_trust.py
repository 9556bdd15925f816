#!/usr/bin/env python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Trust lists through the command line (doc/trust.md, issue 12): scsec trust
new/add/revoke/list/sign, and --trust on evaluate, batch and report."""

import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import AS_OF, SRCDIR, STAGE, CliTestCase, example, scsec  # noqa: E402
BUILDDIR = os.environ.get("top_builddir") or SRCDIR
PKI = os.path.join(BUILDDIR, "tests", "pki")
PLEDGED = os.path.join(SRCDIR, "tests", "data", "trust", "kitakaze-pledged.xml")

BODY_PEM = os.path.join(SRCDIR, "tests", "data", "trust", "body.pem")
BODY_FP = "7a567b214106a2ba9bd1dd9710bffaba426f2eab242f03a00b7f27222c75b8e8"
CA_FP = "c" * 64
RECORD = example("kitakaze-precision.xml")


class TrustCase(CliTestCase):
    def new_list(self, name="list.xml"):
        path = self.path(name)
        r = scsec("trust", "new", "--operator", "IPA", "--version", "2026-04",
                  "--issued", "2026-04-01", "-o", path)
        self.assertStatus(r, 0)
        return path

    def listed(self, path, *extra):
        r = scsec("trust", "list", path, "--format", "json", *extra)
        self.assertStatus(r, 0)
        return json.loads(r.out)


class TestTrustCommands(TrustCase):
    def test_build_and_list(self):
        lst = self.new_list()
        self.assertStatus(scsec("trust", "add", lst, "--name", "Body One", "--role",
                                "evaluation-body", "--cert", BODY_PEM, "--from", "2026-01-01",
                                "--until", "2027-12-31"), 0)
        self.assertStatus(scsec("trust", "add", lst, "--name", "Expert CA", "--role", "expert",
                                "--fingerprint", CA_FP.upper(), "--ca", "--subject",
                                "CN=Jane Expert,O=Experts"), 0)
        self.assertStatus(scsec("trust", "revoke", lst, "--issuer", "CN=Operator CA",
                                "--serial", "0A1B", "--date", "2026-05-01"), 0)
        self.assertStatus(scsec("trust", "revoke", lst, "--cert", BODY_PEM,
                                "--date", "2026-06-01"), 0)
        self.assertNoTempFiles()
        j = self.listed(lst)
        self.assertEqual((j["operator"], j["version"], j["issued"], j["verified"]),
                         ("IPA", "2026-04", "2026-04-01", False))
        self.assertEqual([(p["name"], p["role"], p["sha256"], p["ca"], p["certificate"])
                          for p in j["parties"]],
                         [("Body One", "evaluation-body", BODY_FP, False, True),
                          ("Expert CA", "expert", CA_FP, True, False)])
        self.assertEqual(j["parties"][0]["until"], "2027-12-31")
        self.assertEqual(j["parties"][1]["subject"], "CN=Jane Expert,O=Experts")
        self.assertEqual([(v["sha256"], v["serial"], v["date"]) for v in j["revocations"]],
                         [(None, "a1b", "2026-05-01"), (BODY_FP, None, "2026-06-01")])
        text = scsec("trust", "list", lst)
        self.assertStatus(text, 0)
        self.assertIn("Body One", text.out)
        self.assertIn("not checked", text.out)
        # The file is what the schema describes.
        self.assertStatus(scsec("validate", lst), 0)

    def test_refusals(self):
        lst = self.new_list()
        before = open(lst, "rb").read()
        # Same party twice, bad fingerprint, bad role: the list is unchanged.
        self.assertStatus(scsec("trust", "add", lst, "--name", "A", "--role", "expert",
                                "--fingerprint", CA_FP), 0)
        after = open(lst, "rb").read()
        for args in (["--name", "A", "--role", "expert", "--fingerprint", CA_FP],
                     ["--name", "B", "--role", "expert", "--fingerprint", "abc"],
                     ["--name", "B", "--role", "Not A Token", "--fingerprint", CA_FP],
                     ["--name", "B", "--role", "expert", "--cert", self.write("x.pem", "junk")]):
            r = scsec("trust", "add", lst, *args)
            self.assertStatus(r, 2)
            self.assertEqual(open(lst, "rb").read(), after)
        self.assertNotEqual(before, after)
        # Usage errors.
        self.assertStatus(scsec("trust", "add", lst, "--name", "B", "--role", "expert"), 2)
        self.assertStatus(scsec("trust", "add", lst, "--name", "B", "--role", "expert",
                                "--fingerprint", CA_FP, "--cert", BODY_PEM), 2)
        self.assertStatus(scsec("trust", "revoke", lst, "--fingerprint", CA_FP), 2)
        self.assertStatus(scsec("trust", "revoke", lst, "--issuer", "CN=x", "--date",
                                "2026-01-01"), 2)
        r = scsec("trust", "list", lst, "--date", "2026-01-01")
        self.assertStatus(r, 2)
        self.assertIn("'--date' is not an option of 'scsec trust list'", r.err)
        self.assertStatus(scsec("trust", "frobnicate"), 2)
        self.assertStatus(scsec("trust", "new", "--operator", "IPA", "-o", self.path("n.xml")), 2)
        self.assertStatus(scsec("trust", "list", self.path("missing.xml")), 4)
        # A list that is not one, with its place.
        bad = self.write("bad.xml", '<trust-list xmlns="urn:scsec:trust:1" version="1" '
                                    'issued="2026-01-01"><operator>X</operator><bogus/>'
                                    '</trust-list>')
        r = scsec("trust", "list", bad)
        self.assertStatus(r, 3)
        self.assertIn("bad.xml:1:", r.err)
        dtd = self.write("dtd.xml", '<!DOCTYPE x [<!ENTITY a "b">]><trust-list/>')
        self.assertStatus(scsec("trust", "list", dtd), 3)


class TestTrustPolicyCli(TrustCase):
    def test_without_a_list_no_policy(self):
        r = scsec("evaluate", RECORD, "--as-of", AS_OF, "--format", "json")
        self.assertStatus(r, 0)
        j = json.loads(r.out)
        self.assertEqual(j["trust"], {"applied": False})
        self.assertEqual(j["level"], 4)
        self.assertNotIn("Trust:", scsec("evaluate", RECORD, "--as-of", AS_OF).out)

    def test_list_needs_its_operator(self):
        lst = self.new_list()
        for cmd in (["evaluate", RECORD], ["batch", RECORD],
                    ["report", RECORD, "-o", self.path("r.html")]):
            r = scsec(*cmd, "--trust", lst)
            self.assertStatus(r, 2)
            self.assertIn("--operator-cert", r.err)
        self.assertStatus(scsec("evaluate", RECORD, "--operator-cert", BODY_PEM), 2)
        self.assertStatus(scsec("evaluate", RECORD, "--trust", lst, "--operator-cert", BODY_PEM,
                                "--unverified-trust"), 2)
        # An unsigned list is refused when checked against an operator.
        r = scsec("evaluate", RECORD, "--trust", lst, "--operator-cert", BODY_PEM)
        self.assertIn(r.rc, (3, 4), repr(r))
        self.assertIn("refused", r.err)

    def test_unverified_list_is_flagged(self):
        lst = self.new_list()
        scsec("trust", "add", lst, "--name", "Body One", "--role", "evaluation-body",
              "--cert", BODY_PEM)
        r = scsec("evaluate", RECORD, "--as-of", AS_OF, "--format", "json", "--trust", lst,
                  "--unverified-trust")
        self.assertIn(r.rc, (0, 1), repr(r))
        self.assertIn("without checking", r.err)
        j = json.loads(r.out)
        self.assertEqual((j["trust"]["operator"], j["trust"]["verified"]), ("IPA", False))
        self.assertEqual(j["trust"]["signers"], [])
        # The record carries no signature: its third-party claims count as self.
        self.assertLess(j["level"], 4)
        t = scsec("evaluate", RECORD, "--as-of", AS_OF, "--trust", lst, "--unverified-trust")
        self.assertIn("NOT verified", t.out)
        self.assertIn("the record carries no signature", t.out)
        html = self.path("r.html")
        self.assertStatus(scsec("report", RECORD, "--as-of", AS_OF, "--trust", lst,
                                "--unverified-trust", "-o", html), 0)
        self.assertIn("<dt>Trust</dt>", open(html, encoding="utf-8").read())
        b = scsec("batch", RECORD, "--as-of", AS_OF, "--trust", lst, "--unverified-trust",
                  "--format", "json")
        self.assertStatus(b, 0)
        self.assertLess(json.loads(b.out)[0]["level"], 4)


def pki(party, name):
    return os.path.join(PKI, party, name)


def pki_text(party, name):
    with open(pki(party, name), encoding="utf-8") as f:
        return f.read().strip()


class TestSignedCli(TrustCase):
    """The policy end to end: a tests/pki.sh PKI, a list the operator signed
    with scsec trust sign, records signed with scsec sign (at a fixed time),
    evaluated by scsec."""

    @classmethod
    def setUpClass(cls):
        if not STAGE:
            raise unittest.SkipTest("no staged installation")
        subprocess.run(["sh", os.path.join(SRCDIR, "tests", "pki.sh"), PKI], check=True)

    def sign_record(self, parties, name="record.xml"):
        out = self.path(name)
        src = PLEDGED
        for k, party in enumerate(parties):
            chain = pki(party, "chain.pem")
            dst = out if k == len(parties) - 1 else self.path("%s.%d" % (name, k))
            r = scsec("sign", "--key", pki(party, "key.pem"), "--cert", pki(party, "cert.pem"),
                      *(["--chain", chain] if os.path.exists(chain) else []),
                      "--time", "2026-04-01T00:00:00Z", src, "-o", dst)
            self.assertStatus(r, 0)
            src = dst
        if not parties:
            with open(PLEDGED, "rb") as f, open(out, "wb") as g:
                g.write(f.read())
        return out

    def signed_list(self, signer="operator"):
        lst = self.new_list("unsigned.xml")
        for name, role, party in (("Body One", "evaluation-body", "body1"),
                                  ("Jane Expert", "expert", "expert"),
                                  ("Old Body", "evaluation-body", "expired"),
                                  ("Revoked Body", "evaluation-body", "revoked")):
            self.assertStatus(scsec("trust", "add", lst, "--name", name, "--role", role,
                                    "--cert", pki(party, "cert.pem")), 0)
        self.assertStatus(scsec("trust", "add", lst, "--name", "Body Two", "--role",
                                "evaluation-body", "--cert", pki("intermediate", "cert.pem"),
                                "--ca", "--subject", pki_text("body2", "subject")), 0)
        self.assertStatus(scsec("trust", "revoke", lst, "--issuer", pki_text("operator", "subject"),
                                "--serial", pki_text("revoked", "serial"), "--date",
                                "2026-05-01"), 0)
        out = self.path("list-%s.xml" % signer)
        self.assertStatus(scsec("trust", "sign", lst, "--key", pki(signer, "key.pem"), "--cert",
                                pki(signer, "cert.pem"), "-o", out), 0)
        return out

    def evaluate(self, record, lst, *extra):
        r = scsec("evaluate", record, "--as-of", AS_OF, "--format", "json", "--trust", lst,
                  "--operator-cert", pki("operator", "cert.pem"), *extra)
        self.assertIn(r.rc, (0, 1), repr(r))
        return json.loads(r.out)

    def test_levels_by_signer(self):
        lst = self.signed_list()
        j = self.listed(lst, "--operator-cert", pki("operator", "cert.pem"))
        self.assertTrue(j["verified"])
        self.assertEqual(j["signer"], pki_text("operator", "fingerprint"))
        cases = [(["body1"], 4, "third-party", "counted", "Body One"),
                 (["body2"], 4, "third-party", "counted", "Body Two"),
                 (["expert"], 3, "expert-reviewed", "counted", "Jane Expert"),
                 (["stranger"], 0, "self", "unknown-party", None),
                 (["expired"], 0, "self", "certificate-not-valid", "Old Body"),
                 (["revoked"], 0, "self", "revoked", "Revoked Body"),
                 ([], 0, "self", None, None)]
        for parties, level, method, verdict, party in cases:
            with self.subTest(parties=parties):
                j = self.evaluate(self.sign_record(parties), lst)
                self.assertEqual(j["level"], level)
                t = j["trust"]
                self.assertEqual((t["applied"], t["verified"], t["method"]),
                                 (True, True, method))
                if verdict is None:
                    self.assertEqual(t["signers"], [])
                else:
                    g = t["signers"][0]
                    self.assertEqual((g["verdict"], g["party"]), (verdict, party))
                    self.assertEqual(g["signing_time"], "2026-04-01T00:00:00Z")
                    self.assertEqual(g["fingerprint"], pki_text(parties[0], "fingerprint"))
                    self.assertEqual(g["subject"], pki_text(parties[0], "subject"))
                if level < 4:
                    self.assertIn("unverified", json.dumps(j["levels"]))
        # Without the list, as today: the claims count, no policy applied.
        r = scsec("evaluate", self.sign_record(["stranger"]), "--as-of", AS_OF, "--format",
                  "json")
        self.assertEqual(json.loads(r.out)["level"], 4)
        self.assertEqual(json.loads(r.out)["trust"], {"applied": False})
        # The text summary names who vouched and why not.
        two = self.sign_record(["stranger", "expert"], "two.xml")
        t = scsec("evaluate", two, "--as-of", AS_OF, "--trust", lst, "--operator-cert",
                  pki("operator", "cert.pem"))
        self.assertIn("the operator's signature checked", t.out)
        self.assertIn("unknown-party", t.out)
        self.assertIn("Jane Expert (expert)", t.out)
        # batch and report take the list too.
        b = scsec("batch", two, self.sign_record(["body1"], "b.xml"), "--as-of", AS_OF,
                  "--format", "json", "--trust", lst, "--operator-cert",
                  pki("operator", "cert.pem"))
        self.assertStatus(b, 0)
        self.assertEqual([row["level"] for row in json.loads(b.out)], [3, 4])
        html = self.path("r.html")
        self.assertStatus(scsec("report", two, "--as-of", AS_OF, "--trust", lst,
                                "--operator-cert", pki("operator", "cert.pem"), "-o", html), 0)
        self.assertIn("Jane Expert", open(html, encoding="utf-8").read())
        # In Japanese (issue 14): the labels and verdicts, the same data.
        t = scsec("evaluate", two, "--as-of", AS_OF, "--trust", lst, "--operator-cert",
                  pki("operator", "cert.pem"), "--lang", "ja")
        self.assertIn("信頼リスト:", t.out)
        self.assertIn("運営者の署名を確認済み", t.out)
        self.assertIn("未登録の署名者", t.out)
        self.assertIn("Jane Expert (expert)", t.out)
        self.assertNotIn("the signatures support", t.out)
        self.assertStatus(scsec("report", two, "--as-of", AS_OF, "--trust", lst, "--lang", "ja",
                                "--operator-cert", pki("operator", "cert.pem"), "-o", html), 0)
        page = open(html, encoding="utf-8").read()
        for words in ("署名者", "判定", "有効な署名が裏付ける評価方法", "未登録の署名者"):
            self.assertIn(words, page)
        for words in ("Trust list", "Verdict", "unknown-party", "the signatures"):
            self.assertNotIn(words, page)

    def test_verify_record_under_list(self):
        lst = self.signed_list()
        op = pki("operator", "cert.pem")
        r = scsec("verify", self.sign_record(["body1"]), "--trust", lst, "--operator-cert", op)
        self.assertStatus(r, 0)
        self.assertIn("trusted:     yes, party 'Body One' (evaluation-body)", r.out)
        for party, verdict in (("stranger", "unknown-party"), ("revoked", "revoked")):
            with self.subTest(party=party):
                r = scsec("verify", self.sign_record([party]), "--trust", lst,
                          "--operator-cert", op)
                self.assertStatus(r, 3)
                self.assertIn("trusted:     no (%s)" % verdict, r.out)
                self.assertIn("no signature is by a party the trust list trusts", r.err)
                # Valid signatures all the same, without the list.
                self.assertStatus(scsec("verify", self.sign_record([party])), 0)
        # One trusted signature among others is enough; each is listed.
        r = scsec("verify", self.sign_record(["stranger", "expert"], "two.xml"), "--trust", lst,
                  "--operator-cert", op)
        self.assertStatus(r, 0)
        self.assertIn("trusted:     no (unknown-party)", r.out)
        self.assertIn("trusted:     yes, party 'Jane Expert' (expert)", r.out)
        # The list itself must be the operator's.
        r = scsec("verify", self.sign_record(["body1"]), "--trust", self.signed_list("stranger"),
                  "--operator-cert", op)
        self.assertStatus(r, 3)
        r = scsec("verify", self.sign_record(["body1"]), "--trust", lst)
        self.assertStatus(r, 2)

    def test_lists_refused(self):
        record = self.sign_record(["body1"])
        # Signed by someone else than the operator.
        for signer in ("stranger", "body1"):
            lst = self.signed_list(signer)
            r = scsec("evaluate", record, "--trust", lst, "--operator-cert",
                      pki("operator", "cert.pem"))
            self.assertStatus(r, 3)
            self.assertIn("not the operator certificate", r.err)
        # Tampered after signing: a day of trust, a party's name.
        lst = self.signed_list()
        data = open(lst, encoding="utf-8").read()
        for old, new in (('date="2026-05-01"', 'date="2026-06-01"'),
                         ('name="Old Body"', 'name="Odd Body"')):
            bad = self.write("tampered.xml", data.replace(old, new, 1))
            r = scsec("evaluate", record, "--trust", bad, "--operator-cert",
                      pki("operator", "cert.pem"))
            self.assertStatus(r, 3)
            self.assertIn("not valid", r.err)
        # Unsigned.
        r = scsec("trust", "list", self.path("unsigned.xml"), "--operator-cert",
                  pki("operator", "cert.pem"))
        self.assertStatus(r, 3)
        self.assertIn("carries no signature", r.err)


if __name__ == "__main__":
    unittest.main()
