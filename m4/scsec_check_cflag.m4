# SCSEC_CHECK_CFLAGS(VARIABLE, FLAG...)
# -------------------------------------
# Append to VARIABLE each FLAG the C compiler accepts, probing one at a
# time with -Werror so that a flag the compiler only warns about (clang's
# "unknown warning option") counts as refused. The small equivalent of
# autoconf-archive's AX_CHECK_COMPILE_FLAG and AX_APPEND_COMPILE_FLAGS.
AC_DEFUN([SCSEC_CHECK_CFLAGS], [
AC_REQUIRE([AC_PROG_CC])dnl
for scsec_flag in $2; do
  AS_VAR_PUSHDEF([scsec_cache], [scsec_cv_cflag_$scsec_flag])dnl
  AC_CACHE_CHECK([whether $CC accepts $scsec_flag], [scsec_cache], [
    scsec_saved_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $scsec_flag"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
                      [AS_VAR_SET([scsec_cache], [yes])], [AS_VAR_SET([scsec_cache], [no])])
    CFLAGS=$scsec_saved_CFLAGS])
  AS_VAR_IF([scsec_cache], [yes], [$1="${$1:+$$1 }$scsec_flag"])
  AS_VAR_POPDEF([scsec_cache])dnl
done
])
