/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the message catalogue (messages.c), every text a person reads
 * in what libscsec and its command line write, by stable code, in English
 * and Japanese. */
#ifndef SCSEC_LIB_IO_MESSAGES_H
#define SCSEC_LIB_IO_MESSAGES_H

/* Non-zero when lang's primary subtag is "ja" ("ja", "ja-JP", "JA_jp"). */
int scsec__lang_ja(const char *lang);

/* The text of code in lang (Japanese for "ja…", English otherwise); the
 * code itself when the catalogue has no such code, so that a missing entry
 * shows rather than crashes. */
const char *scsec__msg(const char *code, const char *lang);

/* The Japanese header of the answer-sheet column named en ("status" gives
 * "実施状況"), or NULL. The readers accept either name. */
const char *scsec__column_ja(const char *en);

#endif
