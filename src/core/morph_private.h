/*
 * morph_private.h — what the lexicon's three files share: morph.c (the
 * public API, the cache, the tokeniser), morph_fr.c (French, Hunspell) and
 * morph_en.c (English, rules and tables). Prefixes: morph_fr_, morph_en_,
 * and morph_ for the helpers below.
 *
 * A language's analyse function gets a word already checked and
 * normalised by morph.c: valid UTF-8, NFC, apostrophes ’ ʼ turned into ',
 * NUL-terminated, 1..MORPH_WORD_MAX bytes. It fills *out (zeroed by the
 * caller) with host offsets into that normalised word; morph.c maps them
 * back to the word as given and caches the result.
 */
#ifndef FRISE_CORE_MORPH_PRIVATE_H
#define FRISE_CORE_MORPH_PRIVATE_H

#include "core/morph.h"

/* Called once per process (under morph.c's g_once). */
bool morph_fr_load(GError **error);
bool morph_en_load(GError **error);

/* Thread-safe; only after a successful load. */
void morph_fr_analyze(const char *word, gsize len, MorphWord *out);
void morph_en_analyze(const char *word, gsize len, MorphWord *out);

/* Appends *a to w unless an equal analysis is there; past
 * MORPH_MAX_ANALYSES, sets MORPH_W_TRUNCATED instead. */
void morph_word_add(MorphWord *w, const MorphAnalysis *a);

/* True when the word is digits, maybe with inner '.' or ',' ("2024",
 * "1.000"): a number in either language. */
bool morph_is_digits(const char *word, gsize len);

#endif
