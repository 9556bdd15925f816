# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""The PEP 517 build backend of the scsec bindings: pure Python, nothing to install.

``pip install bindings/python`` must work offline in a plain
``python3 -m venv`` on Debian 12, and must not write into the source tree.
setuptools does neither there: the venv's setuptools 66 cannot build a wheel
without the separate ``wheel`` package (which a plain venv lacks, and which
offline cannot be fetched), and it leaves ``build/`` and ``scsec.egg-info``
beside the sources. The package is three Python modules and a marker file,
so this backend writes the wheel (PEP 427: a zip archive with a
``.dist-info`` directory) itself, reading every file from the tree and
writing only into the directory the frontend names. The metadata is the
``[project]`` table of pyproject.toml (PEP 621), read with :mod:`tomllib`
(Python 3.11+; ``tomli`` before, which pyproject.toml then requires).

Hooks: build_wheel, build_sdist, prepare_metadata_for_build_wheel and
their PEP 660 editable counterparts (an editable install is a ``.pth`` file
naming this source tree).
"""

import base64
import hashlib
import importlib.util
import io
import os
import sys
import tarfile
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]


def _forget_own_bytecode():
    """Importing this module made Python cache its bytecode beside it: remove it.

    (The frontend imports the backend from the source tree; nothing else
    of the build writes there.)
    """
    try:
        cached = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):
        return
    try:
        os.remove(cached)
        os.rmdir(os.path.dirname(cached))
    except OSError:
        pass


sys.dont_write_bytecode = True
_forget_own_bytecode()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "scsec"
# Written by `make install` only (the installed library's directory); never
# part of a wheel, which cannot know where a library was installed.
_GENERATED = {"_libdir.py"}
# A fixed timestamp for archive members: the same tree gives the same wheel.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        return tomllib.load(f)["project"]


def _package_files():
    """The package's files, as paths relative to the tree (sorted)."""
    pkg = os.path.join(ROOT, PACKAGE)
    names = sorted(n for n in os.listdir(pkg)
                   if (n.endswith(".py") or n == "py.typed") and n not in _GENERATED
                   and os.path.isfile(os.path.join(pkg, n)))
    return [PACKAGE + "/" + n for n in names]


def _read(relpath):
    with open(os.path.join(ROOT, relpath), "rb") as f:
        return f.read()


def _metadata():
    """The core metadata (PKG-INFO / METADATA), version 2.1."""
    p = _project()
    lines = ["Metadata-Version: 2.1", "Name: " + p["name"], "Version: " + p["version"]]
    if "description" in p:
        lines.append("Summary: " + p["description"])
    for author in p.get("authors", []):
        if "email" in author:
            lines.append("Author-email: %s <%s>" % (author.get("name", ""), author["email"]))
        elif "name" in author:
            lines.append("Author: " + author["name"])
    license = p.get("license", {})
    if "text" in license:
        lines.append("License: " + license["text"])
    if p.get("keywords"):
        lines.append("Keywords: " + ",".join(p["keywords"]))
    lines += ["Classifier: " + c for c in p.get("classifiers", [])]
    lines += ["Project-URL: %s, %s" % kv for kv in p.get("urls", {}).items()]
    if "requires-python" in p:
        lines.append("Requires-Python: " + p["requires-python"])
    lines += ["Requires-Dist: " + d for d in p.get("dependencies", [])]
    body = ""
    readme = p.get("readme")
    if isinstance(readme, str):
        readme = {"file": readme, "content-type": "text/plain"}
    if readme:
        lines.append("Description-Content-Type: " + readme.get("content-type", "text/plain"))
        body = _read(readme["file"]).decode("utf-8") if "file" in readme else readme["text"]
    return ("\n".join(lines) + "\n\n" + body).encode("utf-8")


def _names():
    p = _project()
    dist = p["name"].replace("-", "_").replace(".", "_")
    return dist, p["version"]


def _dist_info_files():
    dist, version = _names()
    wheel = ("Wheel-Version: 1.0\nGenerator: scsec_backend\nRoot-Is-Purelib: true\n"
             "Tag: py3-none-any\n").encode("ascii")
    info = "%s-%s.dist-info" % (dist, version)
    return info, [(info + "/METADATA", _metadata()), (info + "/WHEEL", wheel)]


def _digest(data):
    raw = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _write_wheel(wheel_directory, members):
    """Write a wheel holding ``members`` ((path, bytes) pairs) and its dist-info."""
    dist, version = _names()
    info, meta = _dist_info_files()
    members = list(members) + meta
    record = "".join("%s,%s,%d\n" % (name, _digest(data), len(data)) for name, data in members)
    members.append((info + "/RECORD", (record + info + "/RECORD,,\n").encode("utf-8")))
    name = "%s-%s-py3-none-any.whl" % (dist, version)
    path = os.path.join(wheel_directory, name)
    tmp = path + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members:
            zi = zipfile.ZipInfo(member, _EPOCH)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    os.replace(tmp, path)
    return name


# ---------------------------------------------------------------- PEP 517


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info, files = _dist_info_files()
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for member, data in files:
        with open(os.path.join(metadata_directory, member), "wb") as f:
            f.write(data)
    return info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(f, _read(f)) for f in _package_files()])


def build_sdist(sdist_directory, config_settings=None):
    dist, version = _names()
    base = "%s-%s" % (dist, version)
    files = ["pyproject.toml", "README", "backend/scsec_backend.py"] + _package_files()
    name = base + ".tar.gz"
    path = os.path.join(sdist_directory, name)
    tmp = path + ".part"
    with tarfile.open(tmp, "w:gz", format=tarfile.PAX_FORMAT) as tf:
        for member, data in [(f, _read(f)) for f in files] + [("PKG-INFO", _metadata())]:
            ti = tarfile.TarInfo(base + "/" + member)
            ti.size = len(data)
            ti.mode = 0o644
            ti.mtime = 315532800  # 1980-01-01, as in the wheel
            tf.addfile(ti, io.BytesIO(data))
    os.replace(tmp, path)
    return name


# ---------------------------------------------------------------- PEP 660


get_requires_for_build_editable = get_requires_for_build_wheel
prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    pth = (ROOT + "\n").encode(sys.getfilesystemencoding())
    return _write_wheel(wheel_directory, [("%s.pth" % PACKAGE, pth)])
