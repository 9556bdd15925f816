/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Finding a file compiled into the library (io/embedded.h). */
#include "config.h"

#include <string.h>

#include "io/embedded.h"

const struct scsec__embedded *scsec__embedded_find(const char *name)
{
	const struct scsec__embedded *e;

	for (e = scsec__embedded_files; e->name; e++)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}
