#!/bin/sh
# IPA's December 2025 draft sheet through the importer: check_ipa's "draft"
# case on its own. Third-party data read from $SHARED_DATA (../shared/data
# beside the checkout by default), never copied into the project; without
# it the test is reported as skipped (77), not passed.
: "${top_builddir:?}"
CK_RUN_CASE=draft exec "$top_builddir/tests/check_ipa"
