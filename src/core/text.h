/*
 * text.h — the one text layer every stage shares (prefix text_): folding,
 * words, phrases and sentences of UTF-8 text.
 *
 * Offsets are byte offsets into the text given, end exclusive: in
 * "le 24 mars" the word "24" is {3, 5}. Folded words are NFD with the
 * combining marks dropped, case-folded, ’ and ‘ turned into '
 * ("Dévoilé" -> "devoile"). Nothing here allocates state beyond what it
 * returns; everything is safe to call from several threads.
 */
#ifndef FRISE_CORE_TEXT_H
#define FRISE_CORE_TEXT_H

#include "frise/frise.h"

/* A folded copy of text[0, len) (len < 0: up to the NUL). Returns a new
 * string (g_free). */
char *text_fold(const char *text, gssize len);

/* What text_fold() makes of U+00C0 + i, i < 64 (the second byte of its
 * UTF-8 minus 0x80): one lower-case ASCII letter ("É" -> 'e'), or 0 when
 * it folds to something else (æ, ß…, ×): for a scanner that folds
 * Latin-1 letters inline and must agree with text_fold(). */
extern const char text_latin1_fold[64];

/* A word of a text: letters, digits and the marks on them; a '-' between
 * letters is kept inside ("peut-être"), a '.' is not ("J.-C." is "J", "C"). */
typedef struct {
	size_t start, end; /* in the text given to text_tokens() */
	char *folded;      /* owned by the array */
} TextToken;

/* The words of text[0, len), in order. Invalid UTF-8 bytes are skipped.
 * Returns a new GArray of TextToken whose clear function frees `folded`
 * (g_array_unref). */
GArray *text_tokens(const char *text, size_t len);

/*
 * True when the folded phrase `phrase` (words separated by spaces or
 * apostrophes) occurs at token i of `toks`: each phrase word must equal
 * its token, except that with `prefix` the last one need only start it
 * ("action en just" matches "action en justice"). Sets *last (may be
 * NULL) to the index of the last token matched.
 */
bool text_phrase_at(const GArray *toks, guint i, const char *phrase, bool prefix, guint *last);

/* True when one of the n folded phrases of `table` occurs in `toks`. */
bool text_has_phrase(const GArray *toks, const char *const *table, size_t n);

/* True when `word` is one of the n strings of `table` (strcmp). */
bool text_in_table(const char *const *table, size_t n, const char *word);
#define TEXT_IN_TABLE(t, w) text_in_table((t), G_N_ELEMENTS(t), (w))

/* A character as patterns compare it: lower case, ’ ‘ ʼ as ', a no-break
 * space as a space. */
gunichar text_fold_char(gunichar c);
/* The bytes of s[0, len) that `pattern` (lower case) opens, compared
 * through text_fold_char(); 0 when it does not. */
size_t text_match_prefix(const char *s, size_t len, const char *pattern);

/* A sentence of a text. */
typedef struct {
	size_t start, end;         /* in the text, end exclusive, trimmed */
	size_t raw_start, raw_end; /* the same in the article's raw bytes */
	bool boilerplate;          /* lies in a boilerplate line */
} FriseSentence;

/*
 * Splits text[start, end) into sentences: at . ! ? … followed by a capital,
 * and at line ends; not after the abbreviations of `lang` ("M.", "Lt.";
 * src/lang/xx/words.txt) or a word with a dot inside ("J.-C."), in
 * decimals ("3.5"), inside « » quotes, or at an ellipsis followed by a
 * small letter. A sentence that runs past 1,500 bytes is cut at its next
 * comma, semicolon or colon, or at a space past 2,250 bytes, so that no
 * sentence is longer than a few KB whatever the page. raw_* are set equal
 * to the text offsets; boilerplate false.
 * Returns a new GArray of FriseSentence (g_array_unref).
 */
GArray *text_sentences(const char *text, size_t start, size_t end, FriseLang lang);

#endif
