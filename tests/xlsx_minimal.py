# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Excel workbooks written by hand with zipfile (no openpyxl), for the
hostile and limit cases of test_cli.py and the Python bindings' tests."""
import io
import zipfile


def minimal_xlsx(sheet_xml, extra=None, target="worksheets/sheet1.xml", mode=None):
    """A workbook of one sheet written by hand (zipfile), for hostile cases;
    mode: the sheet relationship's TargetMode."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="x" '
                   'Target="%s"%s/></Relationships>'
                   % (target, ' TargetMode="%s"' % mode if mode else ""))
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or []):
            z.writestr(name, data)
    return buf.getvalue()


def sheet_xml(rows):
    """Sheet XML of inline-string rows."""
    out = []
    for i, row in enumerate(rows, 1):
        cells = "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + j), i, v)
                        for j, v in enumerate(row))
        out.append('<row r="%d">%s</row>' % (i, cells))
    return ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % "".join(out))
