/*
 * timex.h — the temporal tagger (prefix timex_): finds temporal expressions
 * in a text and normalises them to TIMEX3 values against a document date.
 *
 * The tagger knows nothing of articles or stores: it takes UTF-8 text, a
 * language and a document creation time (DCT), and returns spans. Offsets
 * are byte offsets into the text it was given, end exclusive: in
 * "le 24 mars" a timex for "24 mars" has start 3, end 10.
 * Nothing here reads the wall clock; without a DCT, values stay
 * underspecified ("XXXX-03-24") rather than invented.
 *
 *     FriseTagger *tagger = timex_tagger_new(&error);   // once: share it
 *     const char *text = "Le film sortira le 24 mars.";
 *     FriseTagOptions opts = { .lang = FRISE_LANG_FR, .dct = "2024-02-10" };
 *     GArray *found = timex_tag(tagger, text, strlen(text), &opts, &error);
 *     for (guint i = 0; i < found->len; i++) {
 *             const FriseTimex *x = &g_array_index(found, FriseTimex, i);
 *             printf("%.*s = %s\n", (int)(x->end - x->start), text + x->start, x->value);
 *     }                                                  // "le 24 mars = 2024-03-24"
 *     timex_array_free(found);
 *     timex_tagger_free(tagger);
 *
 * Ownership: timex_tagger_new() gives a tagger (timex_tagger_free),
 * timex_tag() an array the caller frees with timex_array_free() (which
 * frees each FriseTimex.explain); FriseTimex.rule is static storage.
 * Threads: a tagger is immutable once made; any number of threads may call
 * timex_tag() with one tagger at once. Making one reads the compiled-in
 * tables (a few milliseconds): make one per process, not one per text.
 */
#ifndef FRISE_TIMEX_H
#define FRISE_TIMEX_H

#include "frise/frise.h"

G_BEGIN_DECLS

/* ORDER TYPE: timex_type_name() follows it. */
typedef enum {
	FRISE_TIMEX_DATE = 0,
	FRISE_TIMEX_TIME,
	FRISE_TIMEX_DURATION,
	FRISE_TIMEX_SET
} FriseTimexType;

/* "DATE", "TIME", "DURATION", "SET"; static storage. timex_type_parse()
 * reads them back (an unknown name is DATE). */
const char *timex_type_name(FriseTimexType type);
FriseTimexType timex_type_parse(const char *name);

/* Tense of the clause around an expression, from the words alone. */
typedef enum {
	FRISE_TENSE_NONE = 0,
	FRISE_TENSE_PAST,
	FRISE_TENSE_PRESENT,
	FRISE_TENSE_FUTURE
} FriseTense;

typedef struct {
	size_t start, end;   /* byte span in the tagged text, end exclusive */
	FriseTimexType type;
	char value[48];      /* TIMEX3 value: "2024-02", "P3M", "XXXX-03-24", "PRESENT_REF" */
	char mod[16];        /* "" or START, MID, END, BEFORE, AFTER, ON_OR_AFTER, APPROX, … */
	FriseTense tense;    /* the tense cue used to resolve it (NONE when unused) */
	bool relative;       /* the value was computed from the DCT */
	const char *rule;    /* name of the rule that matched; static storage */
	char *explain;       /* with FriseTagOptions.explain: the resolution steps, else NULL */
} FriseTimex;

typedef struct {
	FriseLang lang;      /* FR or EN; UNKNOWN means FR */
	const char *dct;     /* TIMEX3 day, month or year value, or NULL: no DCT */
	bool explain;        /* fill FriseTimex.explain */
} FriseTagOptions;

/* The compiled language tables; immutable once made, shareable by threads. */
typedef struct FriseTagger FriseTagger;

/* Builds the tagger from the built-in language tables. */
FriseTagger *timex_tagger_new(GError **error);
void timex_tagger_free(FriseTagger *tagger);

/*
 * Tags `len` bytes of UTF-8 `text`; `opts` may be NULL (French, no DCT,
 * no explanations). Returns a new GArray of FriseTimex,
 * in text order, non-overlapping; free it with timex_array_free().
 * NULL with `error` only for bad arguments: an invalid DCT
 * (FRISE_ERROR_USAGE) or text that is not UTF-8 (FRISE_ERROR_INPUT, the
 * message names the byte offset). A BOM, CR and NFD accents need no
 * preparing: offsets always point into `text` as given.
 */
GArray *timex_tag(const FriseTagger *tagger, const char *text, size_t len,
		  const FriseTagOptions *opts, GError **error);

void timex_array_free(GArray *timexes);

G_END_DECLS

#endif
