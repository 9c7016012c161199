/*
 * extract.h — from tagged articles to merged events (prefix extract_):
 * event-type templates, sentence splitting, headlines, status, event
 * candidates, publication-date estimates for undated articles, and the
 * merge of candidates across articles into FriseEvents.
 *
 * Nothing here touches files, SQLite or the clock: the store feeds it
 * documents (FriseDoc) and keeps what comes out. Offsets are byte offsets
 * into FriseDoc.text, end exclusive, unless named raw_*, which are byte
 * offsets into the article's original bytes (see article.h).
 */
#ifndef FRISE_EXTRACT_H
#define FRISE_EXTRACT_H

#include "frise/date.h"
#include "frise/event.h"
#include "frise/timex.h"

/* ---- event-type templates (templates/events.json and user files) ---- */

typedef struct FriseTemplates FriseTemplates;

/* The built-in templates (/frise/templates/events.json). Returns a new
 * set (extract_templates_free) or NULL with `error`. */
FriseTemplates *extract_templates_new(GError **error);
/* Adds the types of a template file held in `json` (`name` names it in
 * messages): an existing id is replaced, a new one is added before
 * "other". False with `error` naming `name` when the JSON is bad. */
bool extract_templates_add(FriseTemplates *templates, const char *json, size_t len,
			   const char *name, GError **error);
void extract_templates_free(FriseTemplates *templates);
/* The types, in template order; owned by `templates`. */
const GPtrArray *extract_templates_types(const FriseTemplates *templates);
/* The type whose trigger, in `lang`, matches nearest to byte `anchor` of
 * `text` ("other" when none does); static to `templates`. */
const char *extract_classify(const FriseTemplates *templates, FriseLang lang,
			     const char *text, size_t len, size_t anchor);

/* ---- sentences and headlines ---- */

typedef struct {
	size_t start, end;         /* in the text, end exclusive, trimmed */
	size_t raw_start, raw_end; /* the same in the article's raw bytes */
	bool boilerplate;          /* lies in a boilerplate line */
} FriseSentence;

/* Splits text[start, end) into sentences: at . ! ? … followed by a capital,
 * and at line ends; not after abbreviations ("M.", "J.-C.", "etc."), in
 * decimals ("3.5"), inside « » quotes, or at an ellipsis followed by a
 * small letter. raw_* are set equal to the text offsets; boilerplate false.
 * Returns a new GArray of FriseSentence (g_array_unref). */
GArray *extract_sentences(const char *text, size_t start, size_t end);

/* A headline for `sentence` (`len` bytes) whose temporal expression is
 * bytes [tstart, tend) of it: the expression with its preposition, and
 * leading filler ("Cependant,", "Pour rappel,"), removed; capitalised; cut
 * at a clause or word boundary to at most `max` characters (0: 90).
 * Returns a new string (g_free). */
char *extract_headline(const char *sentence, size_t len, size_t tstart, size_t tend,
		       FriseLang lang, size_t max);

/* Status of what `sentence` says happens at `timex` (offsets relative to
 * the sentence), given the article's date `dct` (or NULL). */
FriseStatus extract_status(const char *sentence, size_t len, const FriseTimex *timex,
			   const char *dct);

/* Content words of `text`: case- and accent-folded, stop words and words
 * shorter than 3 letters dropped, in text order, with repeats.
 * Returns a new array of strings (g_ptr_array_unref). */
GPtrArray *extract_words(const char *text, size_t len);

/* ---- documents, candidates, estimates, merge ---- */

/* One article as the extractor sees it; every pointer is borrowed. */
typedef struct {
	const char *id;          /* FriseArticle.id */
	const char *title;
	const char *url;         /* or NULL */
	const char *text;        /* FriseArticle.text */
	size_t len;
	FriseLang lang;
	const char *published;   /* the article's own date, or NULL when undated */
	const char *dct;         /* the date its mentions were resolved against, or NULL */
	const GArray *sentences; /* FriseSentence, in order */
	const GArray *timexes;   /* FriseTimex in `text`, in order */
} FriseDoc;

/* A dated sentence that may report an event. */
typedef struct {
	guint doc;             /* index of its FriseDoc */
	guint sentence;        /* index into the doc's sentences */
	FriseTimex timex;      /* copy; explain is NULL */
	char key[17];          /* stable mention key: hex of a hash of article id,
				  sentence text and the expression's text */
	char *type;            /* template id */
	char *title;           /* headline */
	FriseStatus status;
	double position;       /* where the sentence starts in the article body, 0..1 */
	GPtrArray *words;      /* content words (extract_words), plus the lead's context */
} FriseCandidate;

void extract_candidate_free(FriseCandidate *candidate);

/* The candidates of docs[index]: one per DATE/TIME expression outside
 * boilerplate that is not a duration, a set, PRESENT_REF/PAST_REF/
 * FUTURE_REF or an age; with `anchored_only`, only those whose value has a
 * known year. Returns a new array (g_ptr_array_unref frees the elements). */
GPtrArray *extract_candidates(const FriseDoc *docs, guint index, const FriseTemplates *templates,
			      bool anchored_only);
/* The candidates of docs[0], docs[1], … docs[ndocs - 1], in that order: the
 * same as extract_candidates() on each, run on the machine's cores. */
GPtrArray *extract_candidates_all(const FriseDoc *docs, guint ndocs, const FriseTemplates *templates,
				  bool anchored_only);

/* A publication date estimated for an undated article. */
typedef struct {
	char *value;          /* TIMEX3 day or year value, or NULL: no evidence */
	FriseGranularity precision; /* of `value` */
	char *evidence;       /* a sentence saying why, for `frise articles` */
	GHashTable *resolved; /* GUINT_TO_POINTER(timex start) -> char* value: expressions
				 the evidence itself resolves (owned) */
} FriseEstimate;

/*
 * Estimates the publication date of docs[index] (undated: published ==
 * NULL) from the other, dated docs: the events it shares with them (same
 * story, a date pattern such as "XXXX-02-15" or a weekday that fits theirs)
 * are strong evidence; the corpus dates its partial dates fit are weak
 * evidence (year precision). A shared event named by a weekday ("Mardi")
 * makes the estimate day-precise: that day. `out` is filled even without
 * evidence (value NULL); free it with extract_estimate_clear().
 */
void extract_estimate(const FriseDoc *docs, guint ndocs, guint index,
		      const FriseTemplates *templates, FriseEstimate *out);
void extract_estimate_clear(FriseEstimate *estimate);

/*
 * What extract_estimate() compares an undated article with, found once for
 * a whole corpus (on the machine's cores): [j] holds the anchored
 * candidates of docs[j] when it is dated, nothing when it is not. Pass it
 * to extract_estimate_with() for each undated article: the same estimate
 * as extract_estimate(), without finding every article's candidates
 * again (which made estimating a corpus quadratic). An array of ndocs
 * owned arrays: free it with extract_estimate_sets_free(sets, ndocs).
 */
GPtrArray **extract_estimate_sets(const FriseDoc *docs, guint ndocs, const FriseTemplates *tp);
void extract_estimate_sets_free(GPtrArray **sets, guint ndocs);
void extract_estimate_with(const FriseDoc *docs, guint ndocs, guint index, const FriseTemplates *tp,
			   GPtrArray *const *sets, FriseEstimate *estimate);

/* A user's curation, keyed by an event id or mention key.
 * ORDER KIND: extract_override_name() follows it. */
typedef enum {
	FRISE_OVERRIDE_TITLE = 0, /* value: the headline */
	FRISE_OVERRIDE_DATE,      /* value: a TIMEX3 value */
	FRISE_OVERRIDE_TYPE,      /* value: a template id */
	FRISE_OVERRIDE_HIDE,      /* value: unused */
	FRISE_OVERRIDE_MERGE,     /* key and value: two mention keys to put together */
	FRISE_OVERRIDE_SPLIT      /* key: a mention key that must stand alone */
} FriseOverrideKind;

typedef struct {
	FriseOverrideKind kind;
	const char *key;
	const char *value;
} FriseOverride;

/* "title", "date", "type", "hide", "merge", "split"; -1 from parse when unknown. */
const char *extract_override_name(FriseOverrideKind kind);
int extract_override_parse(const char *name);

/*
 * Merges `candidates` (FriseCandidate*, any order) of `docs` into events:
 * compatible dates (equal, or one contains the other, mods applied) and
 * the same story (same type across articles with a shared content word,
 * or a TF-IDF cosine of content words of at least 0.3; within one article
 * only the cosine counts). The same story told by two articles with day
 * dates at most a week apart (same type, cosine >= 0.5) is one event with
 * `conflict` set. The merged date is the finest a source gives. Salience:
 * articles telling it in their own words, date precision, type, lead
 * position, and how many articles name its day. `overrides` (FriseOverride,
 * may be NULL) are applied. An event's id is the key of its first mention in doc
 * order, so adding articles never changes the ids of existing events.
 * Fills id, value, mod, is_time, title, text, type, status, score,
 * conflict, edited, hidden, sources and keys;
 * sequence/created/modified are left 0 for the store.
 * Returns a new array of FriseEvent*, in date order (g_ptr_array_unref).
 */
GPtrArray *extract_merge(const FriseDoc *docs, guint ndocs, GPtrArray *candidates,
			 const GArray *overrides);

/* Content hash of what a reader sees of `event` (date, title, text, type,
 * status, sources), for bumping FriseEvent.sequence: 16 hex digits. */
char *extract_event_digest(const FriseEvent *event);

#endif
