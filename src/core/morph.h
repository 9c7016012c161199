/*
 * morph.h — the morphological lexicon (prefix morph_): for a word, every
 * lemma, part of speech, verb form, person, number and gender it can have,
 * in French and English.
 *
 *   French   Hunspell's fr_FR dictionary (Debian hunspell-fr: Dicollecte /
 *            Grammalecte, which carries morphology), looked up in
 *            $FRISE_HUNSPELL_DIR, else /usr/share/hunspell.
 *   English  rules (-s, -ed, -ing, contractions) and two tables built into
 *            the binary: src/lang/en/verbs.txt (irregular verbs, auxiliaries,
 *            modals, verbs that are also nouns) and src/lang/en/lexicon.txt
 *            (function words, words the rules would misread).
 *
 * A word has all its analyses: "aura" is avoir, future, 3sg, and the noun
 * aura; "lancée" the past participle of lancer and the noun lancée; "plans"
 * the verb plan (3sg) and the plural noun. Which one holds is the caller's
 * to decide from context (see morph_can_be_finite_verb() and the notes at
 * the end of this header).
 *
 * Loading: each language loads on first use, once per process. When the
 * French dictionary is missing, the first use says so once (g_warning) and
 * every French word is then unknown (n == 0): frise still runs, and callers
 * fall back on their word-ending rules. morph_available() tells tests and
 * callers which case they are in.
 *
 * Threads: every function may be called from any thread at any time. The
 * Hunspell handle (not thread-safe) is used under a lock; a bounded cache
 * in front of it (sharded, one lock each) makes a repeated word cost one
 * hash lookup and a copy.
 *
 * Ownership: a MorphWord is a plain value the caller owns (on its stack or
 * in the array morph_scan() returns); nothing in it needs freeing. Lemma
 * strings are owned by the lexicon, one copy of each (morph_intern()):
 * valid for the life of the process, comparable with strcmp() or, against
 * another lemma or a morph_intern() string, with ==. They are bounded by
 * the dictionaries, plus, in English, one per stem the rules guess from a
 * word they do not know (about 50 bytes each).
 *
 * Results depend only on the word and the language (never on what was
 * asked before or on the cache), so they are the same on every thread and
 * every run.
 */
#ifndef FRISE_CORE_MORPH_H
#define FRISE_CORE_MORPH_H

#include "frise/frise.h"

/* Part of speech. ORDER POS: morph_pos_name() follows it. */
typedef enum {
	MORPH_POS_NONE = 0,
	MORPH_POS_VERB,
	MORPH_POS_AUX,    /* avoir, être; be, have, do and the modals (MORPH_F_MODAL) */
	MORPH_POS_NOUN,
	MORPH_POS_PROPER, /* a proper noun: place, first name, surname */
	MORPH_POS_ADJ,
	MORPH_POS_ADV,
	MORPH_POS_PRON,   /* MORPH_F_SUBJECT when it can be a subject: il, on, they */
	MORPH_POS_DET,
	MORPH_POS_PREP,
	MORPH_POS_CONJ,
	MORPH_POS_NUM,    /* "trois", "2024" */
	MORPH_POS_INTERJ,
	MORPH_POS_PARTICLE, /* English "to" before a verb, possessive "'s" */
	MORPH_POS_OTHER,  /* prefixes, titles ("M."), signs */
	MORPH_POS_COUNT
} MorphPos;

/*
 * Verb form; MORPH_FORM_NONE when the analysis is no verb. ORDER FORM:
 * morph_form_name() follows it, and PRESENT..IMPERATIVE are the finite
 * forms (morph_form_is_finite()).
 * English: the base is INFINITIVE and PRESENT (person 0: any but 3sg),
 * "-s" PRESENT 3sg, the past SIMPLE_PAST; "will", "shall" are FUTURE and
 * "would", "should", "could", "might" CONDITIONAL (with MORPH_F_MODAL).
 */
typedef enum {
	MORPH_FORM_NONE = 0,
	MORPH_FORM_INFINITIVE,
	MORPH_FORM_PRESENT,
	MORPH_FORM_IMPERFECT,
	MORPH_FORM_SIMPLE_PAST,     /* passé simple; the English past */
	MORPH_FORM_FUTURE,
	MORPH_FORM_CONDITIONAL,
	MORPH_FORM_SUBJ_PRESENT,
	MORPH_FORM_SUBJ_IMPERFECT,
	MORPH_FORM_IMPERATIVE,
	MORPH_FORM_PAST_PARTICIPLE,
	MORPH_FORM_PRESENT_PARTICIPLE,
	MORPH_FORM_COUNT
} MorphForm;

typedef enum {
	MORPH_NUMBER_NONE = 0, /* not said */
	MORPH_NUMBER_SG,
	MORPH_NUMBER_PL,
	MORPH_NUMBER_INV,      /* either: "mars", "été" (participle of être) */
} MorphNumber;

typedef enum {
	MORPH_GENDER_NONE = 0,
	MORPH_GENDER_MASC,
	MORPH_GENDER_FEM,
	MORPH_GENDER_EPICENE,  /* either: "porte-parole", "on" */
} MorphGender;

/* Flags of one analysis. */
enum {
	MORPH_F_MODAL = 1 << 0,    /* English modal: will, would, can, must… */
	MORPH_F_SUBJECT = 1 << 1,  /* a pronoun that can be a subject */
	MORPH_F_OBJECT = 1 << 2,   /* a pronoun that can be an object: le, lui, se, them */
	MORPH_F_ADJ = 1 << 3,      /* a participle also used as an adjective: "prévue" */
	MORPH_F_GUESS = 1 << 4,    /* from a word-ending rule, not a dictionary (English) */
	MORPH_F_NEGATIVE = 1 << 5, /* English "n't": "didn't", "won't" */
	MORPH_F_LOCUTION = 1 << 6, /* only in a locution: "afin" (de), "auprès" (de) */
};

/*
 * One analysis. `person` is 1, 2 or 3, 0 when not said (nouns, infinitives,
 * English present forms other than 3sg). `lemma` is never NULL: the lexicon's,
 * "" for a number written in digits. Fields are small integers holding the
 * enums above, so that a cached word stays small.
 */
typedef struct {
	const char *lemma;
	guint8 pos;    /* MorphPos */
	guint8 form;   /* MorphForm */
	guint8 person; /* 0..3 */
	guint8 number; /* MorphNumber */
	guint8 gender; /* MorphGender */
	guint8 pad_;
	guint16 flags; /* MORPH_F_* */
} MorphAnalysis;

/* The most analyses a word keeps; past it, MORPH_W_TRUNCATED. */
#define MORPH_MAX_ANALYSES 24
/* Longer words (in bytes) are unknown, without asking the dictionary. */
#define MORPH_WORD_MAX 64

/* Flags of a whole word. */
enum {
	MORPH_W_CAPITALISED = 1 << 0, /* its first letter is a capital */
	MORPH_W_ELIDED = 1 << 1,      /* an elided word comes first: "l'annonce", "qu'il" */
	MORPH_W_INVERTED = 1 << 2,    /* a clitic pronoun follows: "a-t-il", "dis-moi" */
	MORPH_W_CLITIC = 1 << 3,      /* English: a clitic follows: "he's", "Obama's" */
	MORPH_W_PARTIAL = 1 << 4,     /* only the last part of a hyphenated word is known */
	MORPH_W_TRUNCATED = 1 << 5,   /* it had more than MORPH_MAX_ANALYSES analyses */
};

/*
 * The analyses of one word. They describe the bytes [host_start, host_end)
 * of the word, its host; what comes before it (an elided "l'") and from
 * tail_start on (the "il" of "a-t-il", the "'s" of "he's") are other words,
 * which morph_scan() gives their own tokens. tail_start is the word's
 * length when nothing follows. For "a-t-il" (6 bytes):
 * host [0, 1) "a", tail_start 4 ("il"); the "-t-" between belongs to no
 * word. For "l'annonce" (9 bytes): host [2, 9), tail_start 9.
 */
typedef struct {
	guint8 n;       /* analyses in a[]; 0 = unknown word */
	guint8 flags;   /* MORPH_W_* */
	guint8 host_start, host_end, tail_start;
	MorphAnalysis a[MORPH_MAX_ANALYSES];
} MorphWord;

/*
 * Loads `lang`'s lexicon if it is not loaded yet (once per process; later
 * calls return the first call's answer at once). False, with `error` set,
 * when it cannot: the French dictionary missing ("run bash .ci/setup",
 * which installs hunspell-fr) or unreadable. FRISE_LANG_UNKNOWN loads
 * nothing and is never available.
 */
bool morph_load(FriseLang lang, GError **error);

/* True when `lang`'s lexicon is there (loads it on first call). */
bool morph_available(FriseLang lang);

/*
 * Analyses `word` (UTF-8, `len` bytes, or -1 when NUL-terminated) into
 * *out. The word is matched as given and, failing that, lower-cased;
 * accents may be NFC or NFD; ’ and ʼ are apostrophes. French: elisions
 * ("l'annonce", "qu'il", "s'est"), inversions ("a-t-il", "dira-t-on",
 * "dis-moi": the verb, only its finite forms that agree with the pronoun)
 * and hyphenated words the dictionary lacks (their last part, PARTIAL).
 * English: contractions ("didn't", "he's", "they'll").
 * Returns true when the word is known (out->n > 0); an unknown word has
 * n == 0 and its host offsets ("l'OpenAI": host [2, 8)). A word refused
 * without analysis (invalid UTF-8, empty, longer than MORPH_WORD_MAX bytes,
 * or its language not available) has n == 0 and host_start == host_end ==
 * tail_start == 0. Only out->a[0, n) is written.
 */
bool morph_analyze(FriseLang lang, const char *word, gssize len, MorphWord *out);

/*
 * The tokeniser: finds the next word of text[0, len) at or after *pos,
 * sets *word to its span (a FriseSpan: in "Il a dit.", "a" is [3, 4), byte
 * 4, the space, is not in it) and *pos past it, and returns true; false at the
 * end. A word is a run of letters, digits and combining marks, joined
 * across an apostrophe (' ’ ʼ) or a hyphen (- U+2010 U+2011) that has a
 * letter or digit on each side: "l'annonce", "a-t-il", "2024" are one
 * word each; "15h30" is one; "3,5" two; "M." is "M". Invalid UTF-8 bytes
 * are skipped as separators. Kept apart so that a shared tokeniser
 * (src/core/text.c) can replace it.
 */
bool morph_next_word(const char *text, gsize len, gsize *pos, FriseSpan *word);

/* One token of morph_scan(): its span in the scanned text and its analyses. */
typedef struct {
	FriseSpan span; /* end-exclusive byte offsets into the scanned text */
	MorphWord word;
} MorphToken;

/*
 * The words of text[0, len) with their analyses, in order, each word split
 * into its host and clitics: "Qu'a-t-il dit ?" gives "Qu'" [0, 3), "a"
 * [3, 4), "il" [7, 9), "dit" [10, 13). Spans are byte offsets into
 * `text`, end exclusive. Returns a new array of *n_tokens tokens (g_free()
 * it; NULL when there are none).
 */
MorphToken *morph_scan(FriseLang lang, const char *text, gsize len, gsize *n_tokens);

/*
 * The lexicon's copy of `s` (`len` bytes, or -1 when NUL-terminated), with
 * ’ turned into ' as in every lemma: morph_intern("avoir", -1) == the lemma
 * of "aura". Owned by the lexicon, for the life of the process; any
 * thread. A caller that compares lemmas often interns its own once.
 */
const char *morph_intern(const char *s, gssize len);

/* True for PRESENT..IMPERATIVE. */
bool morph_form_is_finite(MorphForm form);

/* True when some analysis is a verb or auxiliary in a finite form. */
bool morph_can_be_finite_verb(const MorphWord *word);

/* True when some analysis is a past or present participle. */
bool morph_can_be_participle(const MorphWord *word);

/* True when some analysis has part of speech `pos`. */
bool morph_has_pos(const MorphWord *word, MorphPos pos);

/* True when every analysis is a verb or auxiliary (the word is no noun). */
bool morph_is_only_verb(const MorphWord *word);

/*
 * The first analysis with lemma `lemma` and, unless MORPH_POS_NONE, part
 * of speech `pos`; NULL when there is none. Points into `word`.
 */
const MorphAnalysis *morph_find(const MorphWord *word, const char *lemma, MorphPos pos);

/* "verb", "aux", "noun", …; "future", "past-participle", …: static strings. */
const char *morph_pos_name(MorphPos pos);
const char *morph_form_name(MorphForm form);

/*
 * One analysis as text, as the tests and --explain write it:
 * "avoir aux future 3sg", "lancer verb past-participle fem sg adj",
 * "aura noun fem sg". Returns a new string: g_free() it.
 */
char *morph_analysis_describe(const MorphAnalysis *a);

/* Every analysis of `word`, described and joined with " | "; "" when it
 * is unknown. Returns a new string: g_free() it. */
char *morph_word_describe(const MorphWord *word);

/*
 * Disambiguating, for callers (the lexicon does not): a French form that is
 * both a finite verb and a noun ("aura", "fuite", "annonce", "est") is the
 * verb after a subject pronoun (MORPH_F_SUBJECT: "il aura") or a "ne", the
 * noun after a determiner ("une aura", "la fuite"); a participle ("lancée",
 * "prévue") is a verb after an auxiliary ("a été lancée") and an adjective
 * or noun after a noun or determiner. English: "plans" is the verb after a
 * subject ("she plans to"), the noun after a determiner or adjective ("the
 * plans", "vacation plans"); a past form in -ed is the past after a subject
 * and the participle after an auxiliary ("has planned", "was planned").
 * A capitalised word mid-sentence (MORPH_W_CAPITALISED) is more likely a
 * name than its lower-case analyses say: "May", "Paris" (a plural of pari).
 */

#endif
