#!/usr/bin/env python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Generate the built-in mapping sets from the METI set's cross-references.

The built-in METI set (data/criteria/meti-sc-2026-03.xml) carries, for each
criterion, the clauses of other frameworks that IPA's sheet cross-references
(its columns for ISO/IEC 27001:2022, the government unified standards R7,
the JAMA/JAPIA guideline 2.3 with LV1 to LV3, Cyber Essentials v16 and
CMMC). This script turns them into, per framework:

  data/mapping/meti-sc-2026-03-to-FRAMEWORK.mapping.xml
      a mapping set METI -> FRAMEWORK, every mapping intersects-with (the
      sheet says "related", not "equal"), the set marked provisional;
  data/criteria/frameworks/FRAMEWORK.xml
      a minimal criteria set holding the framework's clause ids only (no
      texts: those are the standard owners'), so that records against the
      framework can be checked and derived.

Clause ids are normalised to the libscsec id form ([A-Za-z0-9_.:-]):
"2.1.1(1)(4)" (government unified standards) becomes 2.1.1-1 and 2.1.1-4;
"A.2.8" (Cyber Essentials, written so once in the sheet) becomes A2.8, and
its ranges "A7.14 - A7.17" the questions they span;
JAMA/JAPIA's "No.103, No.104 (LV2)" gives No.103 and No.104 at LV2.

Run from anywhere: python3 tools/gen-mappings.py
tests/mapping_data.sh checks that the files in the tree are what it writes.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:scsec:criteria:1}"
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FRAMEWORKS = [
    # sheet framework id, target set id, version, title, level labels
    ("iso27001", "iso27001", "2022", "ISO/IEC 27001:2022", None),
    ("gov-unified-r7", "gov-unified-r7", "R7",
     "Japanese government unified standards (FY2025 / R7 edition)", None),
    ("jama-japia", "jama-japia", "2.3", "JAMA/JAPIA cybersecurity guideline v2.3",
     ["LV1", "LV2", "LV3"]),
    ("cyber-essentials", "cyber-essentials", "16", "Cyber Essentials v16", None),
    ("cmmc", "cmmc", "32-CFR-170", "CMMC (32 CFR Part 170)", None),
]

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$")


def idkey(s):
    """libscsec's id order: runs of digits by value."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", s)]


def clauses(framework, text):
    """[(clause id, level rank or 0)] of one reference cell."""
    out = []
    if framework == "jama-japia":
        # "No.103, No.104 (LV2) , No.115 (Lv1)": a level closes a group
        for group in re.finditer(r"([^()]*?)\((L[Vv](\d))\)", text):
            for no in re.findall(r"No\.\s*(\d+)", group.group(1)):
                out.append(("No." + no, int(group.group(3))))
        return out
    if framework == "cyber-essentials":
        # "A7.14 - A7.17", "A8.1- A8.3": the questions of the range
        text = re.sub(r"([A-Z]\d+)\.(\d+)\s*-\s*\1\.(\d+)",
                      lambda m: ", ".join("%s.%d" % (m.group(1), n) for n in
                                          range(int(m.group(2)), int(m.group(3)) + 1)), text)
    for tok in re.split(r"[,\s]+", text.strip()):
        if not tok:
            continue
        if framework == "gov-unified-r7":
            m = re.match(r"^([\d.]+)((?:\(\d+\))*)$", tok)
            if not m:
                raise SystemExit("unexpected government clause %r" % tok)
            items = re.findall(r"\((\d+)\)", m.group(2))
            out += [(m.group(1) + "-" + i, 0) for i in items] or [(m.group(1), 0)]
            continue
        if framework == "cyber-essentials":
            tok = re.sub(r"^([A-Z])\.(\d)", r"\1\2", tok)
        out.append((tok, 0))
    for c, _ in out:
        if not ID.match(c):
            raise SystemExit("clause %r of %s is not an id" % (c, framework))
    return out


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def main():
    src = os.path.join(TOP, "data", "criteria", "meti-sc-2026-03.xml")
    root = ET.parse(src).getroot()
    meti_id, meti_version = root.get("id"), root.get("version")
    written = []
    for fw, set_id, version, title, levels in FRAMEWORKS:
        pairs = {}       # (meti id, clause) -> reference text
        clause_level = {}
        for crit in root.iter(NS + "criterion"):
            for ref in crit.findall(NS + "ref"):
                if ref.get("framework") != fw:
                    continue
                for clause, lv in clauses(fw, ref.text or ""):
                    pairs.setdefault((crit.get("id"), clause), (ref.text or "").strip())
                    if lv:
                        clause_level[clause] = min(lv, clause_level.get(clause, lv))
        ids = sorted({c for _, c in pairs}, key=idkey)
        name = "%s-to-%s" % (meti_id, set_id)
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<!-- Generated by tools/gen-mappings.py from the cross-references of',
            '     %s; do not edit. PROVISIONAL: IPA\'s sheet calls these' % meti_id,
            '     clauses "related", so every mapping is intersects-with, not reviewed. -->',
            '<mapping-set xmlns="urn:scsec:mapping:1" id="%s" version="1" provisional="true">'
            % name,
            '  <title>%s to %s (provisional, from the sheet\'s cross-references)</title>'
            % (esc(meti_id), esc(title)),
            '  <source id="%s" version="%s"/>' % (meti_id, esc(meti_version)),
            '  <target id="%s" version="%s"/>' % (set_id, esc(version)),
        ]
        for (mid, clause) in sorted(pairs, key=lambda p: (idkey(p[0]), idkey(p[1]))):
            lines.append('  <mapping source="%s" target="%s" relationship="intersects-with" '
                         'rationale="semantic"/>' % (mid, clause))
        lines.append("</mapping-set>")
        out = os.path.join(TOP, "data", "mapping", name + ".mapping.xml")
        write(out, "\n".join(lines) + "\n")
        written.append(out)
        # the target set: ids only
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<!-- Generated by tools/gen-mappings.py; do not edit.',
            '     A MINIMAL criteria set: the clause ids of %s that' % title,
            '     %s cross-references, and no texts (the texts are the' % meti_id,
            '     standard owner\'s). For checking and deriving records by id only. -->',
            '<criteria-set xmlns="urn:scsec:criteria:1" id="%s" version="%s">'
            % (set_id, esc(version)),
            '  <title xml:lang="en">%s: clause ids only (minimal set for mappings)</title>'
            % esc(title),
            '  <publisher>libscsec (ids from the cross-references of %s)</publisher>'
            % esc(meti_id),
            '  <scoring model="all-required"/>',
        ]
        ranks = levels or ["all"]
        for r, label in enumerate(ranks, 1):
            lines.append('  <level rank="%d" label="%s" method="self" validity="P1Y" '
                         'validity-provisional="true" requires-lower="%s">'
                         % (r, label, "true" if r > 1 else "false"))
            lines.append('    <title xml:lang="en">%s %s</title>' % (esc(title), label))
            lines.append('  </level>')
        lines.append('  <category id="clauses">')
        lines.append('    <title xml:lang="en">Clauses cross-referenced by %s</title>'
                     % esc(meti_id))
        for c in ids:
            lines.append('    <requirement id="r-%s">' % c)
            lines.append('      <name xml:lang="en">%s %s</name>' % (esc(title), c))
            lines.append('      <criterion id="%s" level="%d">' % (c, clause_level.get(c, 1)))
            lines.append('        <text xml:lang="en">%s %s (id only)</text>' % (esc(title), c))
            lines.append('      </criterion>')
            lines.append('    </requirement>')
        lines.append('  </category>')
        lines.append('</criteria-set>')
        out = os.path.join(TOP, "data", "criteria", "frameworks", set_id + ".xml")
        write(out, "\n".join(lines) + "\n")
        written.append(out)
        print("%s: %d mappings, %d clause ids" % (name, len(pairs), len(ids)))
    return written


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                raise SystemExit("%s is not what tools/gen-mappings.py writes" % path)
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
