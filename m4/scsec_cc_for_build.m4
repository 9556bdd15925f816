# SCSEC_CC_FOR_BUILD
# ------------------
# The C compiler for programs that run during the build (lib/embed.c, which
# compiles the schemas and built-in sets into the library): CC_FOR_BUILD,
# with CFLAGS_FOR_BUILD, CPPFLAGS_FOR_BUILD and LDFLAGS_FOR_BUILD. Natively
# they default to CC and its flags; in a cross build (--host differs from
# --build) to the first of cc, gcc, clang that builds a program that runs
# here. The small equivalent of autoconf-archive's AX_CC_FOR_BUILD, which
# Debian does not install with autoconf.
AC_DEFUN([SCSEC_CC_FOR_BUILD], [
AC_REQUIRE([AC_PROG_CC])dnl
AC_REQUIRE([AC_CANONICAL_BUILD])dnl
AC_REQUIRE([AC_CANONICAL_HOST])dnl
AC_ARG_VAR([CC_FOR_BUILD], [C compiler for programs run during the build])
AC_ARG_VAR([CFLAGS_FOR_BUILD], [C compiler flags for CC_FOR_BUILD])
AC_ARG_VAR([CPPFLAGS_FOR_BUILD], [preprocessor flags for CC_FOR_BUILD])
AC_ARG_VAR([LDFLAGS_FOR_BUILD], [linker flags for CC_FOR_BUILD])
AS_IF([test "x$cross_compiling" = xno], [
  : "${CC_FOR_BUILD=$CC}"
  : "${CFLAGS_FOR_BUILD=$CFLAGS}"
  : "${CPPFLAGS_FOR_BUILD=$CPPFLAGS}"
  : "${LDFLAGS_FOR_BUILD=$LDFLAGS}"
], [
  : "${CFLAGS_FOR_BUILD=-O2}"
  : "${CPPFLAGS_FOR_BUILD=}"
  : "${LDFLAGS_FOR_BUILD=}"
])
AC_CACHE_CHECK([for a C compiler for the build machine ($build)], [scsec_cv_cc_for_build], [
  scsec_cv_cc_for_build=no
  for scsec_cc in ${CC_FOR_BUILD:-cc gcc clang}; do
    rm -f conftest_build conftest_build.exe
    printf 'int main(void) { return 0; }\n' > conftest_build.c
    AS_IF([$scsec_cc $CPPFLAGS_FOR_BUILD $CFLAGS_FOR_BUILD $LDFLAGS_FOR_BUILD \
             -o conftest_build conftest_build.c >&AS_MESSAGE_LOG_FD 2>&1 &&
           { ./conftest_build || ./conftest_build.exe; } >&AS_MESSAGE_LOG_FD 2>&1],
          [scsec_cv_cc_for_build=$scsec_cc; break])
  done
  rm -f conftest_build conftest_build.exe conftest_build.c])
AS_IF([test "x$scsec_cv_cc_for_build" = xno],
  [AC_MSG_ERROR([no C compiler for the build machine that makes programs that run here: set CC_FOR_BUILD (install the Debian package gcc)])])
CC_FOR_BUILD=$scsec_cv_cc_for_build
AS_CASE([$build_os], [mingw* | cygwin* | msys*], [BUILD_EXEEXT=.exe], [BUILD_EXEEXT=])
AC_SUBST([BUILD_EXEEXT])
AC_SUBST([CC_FOR_BUILD])
AC_SUBST([CFLAGS_FOR_BUILD])
AC_SUBST([CPPFLAGS_FOR_BUILD])
AC_SUBST([LDFLAGS_FOR_BUILD])
])
