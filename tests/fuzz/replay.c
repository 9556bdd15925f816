/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Replays a harness's regression inputs and seed corpus without libFuzzer,
 * so that `make check` (and its valgrind and sanitizer runs) keeps every
 * input that ever failed passing, with any compiler. Built once per
 * harness with -DFUZZ_NAME=\"fuzz_x\"; reads
 * $top_srcdir/tests/fuzz/{regressions,corpus}/FUZZ_NAME, or the files and
 * directories given as arguments. A failed assertion aborts (the harness's
 * FZ_CHECK), which fails the test. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		perror(path);
		exit(1);
	}
	do {
		if (len == cap && !(buf = realloc(buf, cap = cap ? cap * 2 : 65536))) {
			perror("realloc");
			exit(1);
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 1;
}

/* Every regular file of a directory, in name order; 0 when it is absent. */
static size_t run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i, done = 0;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap && !(names = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names)))
			exit(1);
		if (!(names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)))
			exit(1);
		sprintf(names[n++], "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (!stat(names[i], &st) && S_ISREG(st.st_mode))
			done += run_file(names[i]);
		free(names[i]);
	}
	free(names);
	return done;
}

int main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	char dir[4096];
	size_t done = 0;
	int i;

	if (argc > 1) {
		for (i = 1; i < argc; i++) {
			struct stat st;

			if (!stat(argv[i], &st) && S_ISDIR(st.st_mode))
				done += run_dir(argv[i]);
			else
				done += run_file(argv[i]);
		}
	} else {
		snprintf(dir, sizeof dir, "%s/tests/fuzz/regressions/%s", top ? top : ".", FUZZ_NAME);
		done += run_dir(dir);
		snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", top ? top : ".", FUZZ_NAME);
		done += run_dir(dir);
	}
	printf("%s: %zu inputs replayed, all clean\n", FUZZ_NAME, done);
	return done ? 0 : 77;
}
