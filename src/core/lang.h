/*
 * lang.h — every word frise knows of a language, read from
 * src/lang/<code>/words.txt (built in as a GResource) by one loader
 * (prefix lang_). The tagger's rules are src/lang/<code>/tagger.tab,
 * read by the tagger itself.
 *
 * Lists are read once per language, on first use, and never change: any
 * thread may read them. Entries of folded lists are stored folded
 * (text_fold: accents and case dropped, ’ = '), so callers look up a
 * folded word. A language without a list has an empty one; a string
 * missing from a language falls back to English, then to its key.
 */
#ifndef FRISE_CORE_LANG_H
#define FRISE_CORE_LANG_H

#include "frise/frise.h"

/* The lists of words.txt. ORDER LIST: list_names[] in lang.c follows it. */
typedef enum {
	LANG_DETECT = 0,          /* exact: words that tell the language */
	LANG_STOP,                /* stop words, dropped from content words */
	LANG_ABBREVIATIONS,       /* their "." ends no sentence */
	LANG_WEEKDAYS,            /* Monday first */
	LANG_MONTHS,              /* exact, January first */
	LANG_MONTHS_ABBR,         /* exact, January first */
	LANG_SEASON_HOMOGRAPHS,   /* a season that is also a participle ("été") */
	LANG_SEASON_DETERMINERS,  /* before which it is the season */
	LANG_AGE_WORDS,           /* after a number, an age ("ans", "-year-old") */
	LANG_PRESENT_DEICTICS,    /* "cette semaine": the article's own period */
	LANG_DATELINE_CUES,       /* "publié le": the article's timestamp */
	LANG_SINCE_CUES,          /* "depuis": the start of a period */
	LANG_AUXILIARIES,
	LANG_TIME_PREPOSITIONS,   /* go with a date a headline drops */
	LANG_RANGE_WORDS,         /* join the ends of a range */
	LANG_RANGE_OPENERS,       /* open a range alone ("entre") */
	LANG_DETERMINERS,
	LANG_FILLERS,             /* openers a headline drops */
	LANG_STRONG_HEDGES,       /* a rumour: uncertain */
	LANG_PLANNED_CUES,        /* not happened yet: planned */
	LANG_WEAK_HEDGES,         /* a doubt: uncertain */
	LANG_BOILERPLATE,         /* exact: "line[:N] PATTERN" or "cut PATTERN" */
	LANG_CONTRACTIONS,        /* exact: "à le = au" after a phrase is made */
	LANG_RELATIVE_PRONOUNS,   /* open a relative clause: qui, dont, which */
	LANG_SUBORDINATORS,       /* open a subordinate clause: quand, parce que, because */
	LANG_COORDINATORS,        /* et, mais, and, but */
	LANG_NEGATIONS,           /* ne, not */
	LANG_SPEECH_VERBS,        /* exact lemmas: dire, annoncer, say: what follows is reported */
	LANG_AUXILIARY_LEMMAS,    /* exact lemmas of the auxiliaries of compound tenses */
	LANG_PERFECT_AUXILIARIES, /* exact lemmas: the auxiliary of a perfect (English have) */
	LANG_PERIPHRASTIC,        /* exact lemmas: a verb + infinitive that looks ahead (aller, devoir) */
	LANG_MODAL_LEMMAS,        /* exact lemmas: devoir, pouvoir: a modal mood */
	LANG_PLAN_PARTICIPLES,    /* exact lemmas: "est attendu", "is scheduled": a present passive that looks ahead */
	LANG_COMPARISON_OPENERS,  /* open a comparison alone: than */
	LANG_COMPARISON_LINKS,    /* open one after a comparative: que, as */
	LANG_COMPARATIVES,        /* plus, moins, more, less, same */
	LANG_NAME_HEADS,          /* a date after "X du/of" is part of a name: pont, resolution */
	LANG_NAME_LINKS,          /* the "du"/"of" of such a name */
	LANG_YEAR_PREPOSITIONS,   /* before a bare number, these make it a year: en, in */
	LANG_ANAPHORIC_PRONOUNS,  /* il, they: a headline names whom they stand for */
	LANG_SPECULATION_CUES,    /* "difficile de prédire", "it is unclear": no event */
	LANG_VAGUE_PRONOUNS,      /* ce, it, we: a subject no headline can open with */
	LANG_INFINITIVE_MARKERS,  /* to: the word after it is an infinitive */
	LANG_PASSIVE_AUXILIARIES, /* exact lemmas: être, be: with a participle, the subject undergoes */
	LANG_BACKGROUND_PREPOSITIONS, /* après, since: what they introduce happened at another time */
	/* the boilerplate stage's evidence (src/reader/boilerplate.c) */
	LANG_NAVIGATION_WORDS,    /* words of menus, tools and share links */
	LANG_TEASER_OPENERS,      /* open a line that points to another page ("à lire aussi") */
	LANG_READING_TIME_WORDS,  /* "lecture", "read": with a number and a unit, a reading time */
	LANG_READING_TIME_UNITS,  /* "min", "minutes" */
	LANG_COPYRIGHT_WORDS,     /* "tous droits réservés" */
	LANG_PROMO_WORDS,         /* subscriptions, newsletters, shops */
	LANG_PROMO_PRICE_WORDS,   /* with a price, a blurb ("à partir de 1€") */
	LANG_COMMENT_WORDS,       /* open a comment's marker line ("répondre", "posted by") */
	LANG_BYLINE_WORDS,        /* besides names and dates, the words of a byline */
	LANG_BYLINE_OPENERS,      /* those that open one ("par", "by") */
	LANG_CREDIT_WORDS,        /* a photo credit ("crédit photo") */
	LANG_READER_ADDRESS,      /* words that speak to the reader ("vous", "cliquez") */
	LANG_TIME_ZONES,          /* "gmt", "bst": after a clock, a page's time stamp */
	LANG_PHOTO_AGENCIES,      /* "afp", "reuters": the wire of a photo credit */
	LANG_FOOTER_OPENERS,      /* "this article appeared on": a print footer */
	/* what is an event (src/events/candidate.c) */
	LANG_STATE_VERBS,         /* exact lemmas: être, be: as a clause's lexical verb, a state, no happening */
	LANG_OPINION_VERBS,       /* exact lemmas: penser, hope: a view, no happening */
	LANG_SPECULATION_VERBS,   /* exact lemmas: prédire, suggest: what they govern is uncertain */
	/* headlines (src/events/headline.c) */
	LANG_EXAMPLE_OPENERS,     /* "comme", "such as": open a list of examples a cut may drop */
	LANG_COMPLEMENT_DETS,     /* "du", "des": a determiner that holds "de", a noun's complement after a noun */
	LANG_PLACE_PREPOSITIONS,  /* "à", "in": a name after one is a place, no actor for "il" */
	LANG_LIST_COUNT
} LangList;

/* The entries of one list, in file order; owned by the loader. */
typedef struct {
	const char *const *items; /* `n` strings, then NULL */
	guint n;
} LangWords;

const LangWords *lang_list(FriseLang lang, LangList list);

/* True when `word` (folded, for a folded list) is an entry of the list. */
bool lang_has(FriseLang lang, LangList list, const char *word);
/* True when the two words, joined by one space, are an entry: "such as". */
bool lang_has_pair(FriseLang lang, LangList list, const char *first, const char *second);

/* The string `key` of [strings] in `lang`, else in English, else `key`
 * itself: never NULL, static storage. */
const char *lang_string(FriseLang lang, const char *key);

/* The string `key` of [strings] in `lang` only, or NULL. */
const char *lang_string_own(FriseLang lang, const char *key);

/* Every "key = value" of [strings] whose key starts with `prefix`, in
 * `lang` over English: a new table key -> value (strings borrowed from
 * the loader; g_hash_table_unref). For the web page, which gets its
 * words as data. */
GHashTable *lang_strings_with_prefix(FriseLang lang, const char *prefix);

/* `fmt` (a string with one "%s") with `a` where the %s is, and
 * lang_fill2() with two: not through printf, since `a` and `b` may come
 * from the input. Return new strings (g_free). */
char *lang_fill(const char *fmt, const char *a);
char *lang_fill2(const char *fmt, const char *a, const char *b);

/* `lang`, or English when it is FRISE_LANG_UNKNOWN or not a language. */
FriseLang lang_or_english(FriseLang lang);

#endif
