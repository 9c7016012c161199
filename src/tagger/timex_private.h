/*
 * timex_private.h — what the files of the tagger share (prefix tx_): the
 * compiled language table (timex_table.c), the tokeniser (timex_token.c),
 * the matcher (timex.c), the clause's tense (timex_tense.c), the resolver
 * (timex_resolve.c, timex_relative.c) and the other calendars
 * (timex_calendar.c).
 *
 * Words are compared folded: lower case, accents stripped, ’ -> ' (so
 * "Février", "fevrier" and "FÉVRIER" are one word). A word of the table
 * has an id; a token of the text gets the id of its folded form, or -1.
 */
#ifndef FRISE_TIMEX_PRIVATE_H
#define FRISE_TIMEX_PRIVATE_H

#include "frise/timex.h"
#include "core/clause.h"

#include <string.h>

#define TX_UNSET (-32768)     /* a slot of TxSeen nobody filled */
#define TX_VAGUE (-32767)     /* a quantity written as "plusieurs", "several" */
#define TX_MAX_WORD 64        /* longest word (bytes, folded) the table can hold */
#define TX_MAX_CLASSES 64     /* classes are bits of a guint64 */
#define TX_MAX_ELEMS 24       /* longest pattern, in tokens */

/* The slots a match fills: the "relative + what was seen" of a timex.
 * ORDER SLOT: slot_names[] in timex_table.c follows it. */
typedef enum {
	TX_S_YEAR = 0, TX_S_YY, TX_S_DECADE, TX_S_CENTURY, TX_S_MONTH, TX_S_DAY,
	TX_S_WEEKDAY, TX_S_HOUR, TX_S_MINUTE, TX_S_POD, TX_S_SEASON, TX_S_QUARTER,
	TX_S_HALF, TX_S_UNIT, TX_S_QTY, TX_S_SHIFT, TX_S_DIR, TX_S_REF, TX_S_MOD,
	TX_S_TENSE, TX_S_PM, TX_S_NUM, TX_S_WEEKEND, TX_S_ANCHOR, TX_S_FRAC,
	TX_S_TYPE, TX_S_QTY2, TX_S_MUL, TX_S_CAP, TX_S_EASTER,
	TX_S_MINUS, TX_S_ADD, TX_S_CAL, TX_S_OBSERVE, TX_S_FROMEND, TX_S_NEAR,
	/* the era a year is counted in: -1 before Christ ("44 BC"), 1 after ("AD 79") */
	TX_S_ERA,
	/* the amounts of a compound offset ("1 an 11 mois"), filled by the
	 * matcher from each NUM UNIT pair, and how many pairs there were */
	TX_S_N_Y, TX_S_N_M, TX_S_N_W, TX_S_N_D, TX_S_N_H, TX_S_N_MIN, TX_S_N_S, TX_S_NPAIRS,
	TX_NSLOTS
} TxSlot;

/* Calendars a feast is counted in (slot cal). ORDER CAL: cal_names[] in
 * timex_table.c follows it. */
typedef enum {
	TX_CAL_GREGORIAN = 0, TX_CAL_ORTHODOX, TX_CAL_HEBREW, TX_CAL_ISLAMIC, TX_CAL_CHINESE,
	TX_CAL_HINDU, TX_CAL_SANKRANTI, TX_CAL_PARSI
} TxCal;

/* Easter Sunday of Gregorian year `year` (Orthodox: the Julian computus),
 * as an R.D. day number (GLib's Julian day: 1 is 0001-01-01). */
int tx_cal_easter(int year, bool orthodox);

/* The R.D. of day d of month m of calendar `cal` that falls in Gregorian
 * year y; 0 when none does. HEBREW: months from Nisan (1), Adar II 13.
 * ISLAMIC: months from Muharram (1). CHINESE: month 1 only (New Year).
 * HINDU: m the lunar month (1 Chaitra .. 12 Phalguna, amanta), d the tithi
 * (1-15 bright half, 16-30 dark half). SANKRANTI: the day the sun enters
 * sidereal sign m (1 Mesha .. 10 Makara), plus d days. PARSI: Navroz plus
 * d - 1 days. See timex_calendar.c. */
int tx_cal_day(int cal, int y, int m, int d);

/* Symbolic values of slots (unit=W, pod=EV, mod=END, ref=PAST, …).
 * ORDER UNIT: unit_names[] in timex_table.c follows it. */
typedef enum {
	TX_U_NONE = 0, TX_U_YEAR, TX_U_MONTH, TX_U_WEEK, TX_U_DAY, TX_U_HOUR,
	TX_U_MINUTE, TX_U_SECOND, TX_U_QUARTER, TX_U_HALF, TX_U_DECADE,
	TX_U_CENTURY, TX_U_WEEKEND, TX_U_SEASON, TX_U_MILLENNIUM, TX_U_NIGHT
} TxUnit;

typedef struct {
	int v[TX_NSLOTS];
} TxSeen;

typedef struct {
	short slot;
	int value;
} TxSet;

/* One entry of the lexicon: a word in a class, with a value for the
 * class's slot and extra settings. */
typedef struct {
	int cls;
	int value;           /* TX_UNSET when none */
	TxSet *sets;
	int nsets;
} TxEntry;

typedef struct TxNode TxNode;

/* An edge of the pattern trie: a literal word or a class. */
typedef struct {
	int word;            /* word id, or -1 for a class edge */
	int cls;             /* class id, or -1 */
	short slot;          /* where the class value goes; -1: the class's default */
	guint8 group;        /* 0: context; 1: the timex's span; 2: the second
			      * timex of a range ("du { 13 } au { 15 juillet }") */
	short nsets;         /* settings of a phrase ending at this edge */
	const TxSet *sets;
	int tag;             /* 0, or the rule whose path this edge is alone in
			      * (a pattern that repeats an element: its loop
			      * must not leak into other patterns) */
	TxNode *child;       /* may be an earlier node: "MORE*" loops */
} TxEdge;

typedef struct {
	char *name;          /* static for the tagger's life */
	int type;            /* FriseTimexType, or -1: NONE (consume, emit nothing) */
	TxSet *sets;
	int nsets;
	int line;
} TxRule;

struct TxNode {
	TxEdge *edges;
	int nedges;
	int rule;            /* index into rules, -1 */
	guint64 cls_mask;    /* the classes of the edges */
	guint64 word_bits;   /* bit (word id % 64) of each word edge: a token
			      * that meets neither mask goes no further */
	/* With TX_INDEX_EDGES edges or more, an index of them, so that a walk
	 * visits only the edges that take its token, in the edges' order:
	 * the class edges' indices in order, and the word edges' (word,
	 * index) pairs sorted by word, then index. NULL below it. */
	int *cls_edges, ncls_edges;
	int *word_keys, *word_edges, nword_edges;
};

#define TX_INDEX_EDGES 16

/* Tense cue words and endings, matched on lower-case text with accents. */
typedef struct {
	char *text;
	size_t len;          /* strlen(text) */
	bool suffix;         /* "*ront": any word ending so */
	bool aux;            /* an auxiliary: the cue holds only before a participle */
	int tense;           /* FriseTense; for participles: PAST */
	bool participle;
	bool skip;           /* an adverb between auxiliary and participle */
	bool passive;        /* "be": a past form right after it is a passive
			      * participle, no tense ("will be named") */
	bool pluperfect;     /* "had": a plan right after it is past ("had been
			      * scheduled to") */
	bool det;            /* a determiner: a past form right after it is an
			      * adjective, no tense ("the planned merger") */
	char *next;          /* NULL, or the word that must follow ("plans to",
			      * not "vacation plans"); lower case */
	size_t next_len;
} TxCue;

/* The union of the edges after a root word (see root_next). */
typedef struct {
	guint64 cls, words;  /* as TxNode's cls_mask and word_bits */
	bool ends;           /* a one-word pattern ends there */
} TxNext;

typedef struct {
	FriseLang lang;
	GHashTable *words;   /* folded word (owned) -> id+1, while reading */
	guint32 *hash;       /* open addressing, FNV-1a: id+1 or 0; for the hot loop */
	guint32 hash_mask;
	guint8 *word_len;    /* id -> strlen of the folded word */
	size_t max_word_len; /* the longest word of the table */
	guint64 (*word16)[2];/* id -> the word's first 16 bytes, zero-padded */
	int punct_word[128]; /* ASCII punctuation -> word id, -1 */
	bool digit_words;    /* some pattern names digits as a word ("en 8") */
	bool nonascii_words; /* some word is a non-ASCII sign ("°"): the tokeniser
			      * must fold and look up such signs */
	bool nonascii_letters; /* some word folds to letters beyond ASCII: the
			      * tokeniser must fold and look up such words */
	const guint64 *wmask, *wmask_cap, *wmask_low; /* the data of the three masks below */
	GPtrArray *word_text;/* id -> folded word */
	GArray *entries;     /* id -> GArray* of TxEntry (NULL when none) */
	GPtrArray *classes;  /* class id -> name */
	short class_slot[TX_MAX_CLASSES];
	guint64 numword_mask;/* class bits of number words */
	guint64 spelled_mask;/* the built-in classes (DAY, HOUR, MIN) a number said
			      * in words joins, as its value allows ([options]
			      * spelled) */
	int cls_numword, cls_numjoin, cls_num, cls_int, cls_year, cls_yy, cls_day,
	    cls_hour, cls_min, cls_ord, cls_mm;
	int cls_hhmm;        /* HHMM: 3 or 4 digits that read as a clock time ("1030") */
	int cls_m12;         /* M12: 1 or 2 digits 1..12, a month number (slot month) */
	int cls_join;        /* JOIN: may stand between a clock time and its day */
	int cls_at;          /* CLOCKAT: a bare number after it, next to a day, is
			      * a clock hour ("tonight at 8") */
	int cls_offset;      /* OFFSETFROM: between a duration and the date it counts
			      * from, its slot dir the way ("three days after Easter") */
	TxNode *root;
	/* Root dispatch: the root's edges by word id, and its class edges. */
	int *root_word_first;  /* word id -> first index in root_word_edges */
	int *root_word_count;  /* word id -> how many */
	int *root_word_edges;  /* edge indexes into root->edges */
	int *root_class_edges; /* sorted by class */
	int root_cls_first[TX_MAX_CLASSES + 1]; /* class -> first in root_class_edges */
	int nroot_class;
	guint64 root_mask;     /* classes some root edge needs */
	TxNext *root_next;     /* word id -> what may follow it as a root */
	TxNext class_next[TX_MAX_CLASSES]; /* the same for root class edges */
	GArray *rules;       /* TxRule */
	GArray *cues;        /* TxCue */
	int cue_first[257];  /* cues by their last byte: cue_index[cue_first[b] .. cue_first[b+1]) */
	guint32 cue_before[256][8]; /* [b]: bit per byte a cue ending in b has before it,
				     * all set when one is b alone: a word whose last two
				     * bytes are no cue's is told at once */
	int *cue_index;
	GPtrArray *nodes;    /* every node, for freeing */
	GPtrArray *phrases;  /* phrase classes ([phrases]), while reading */
	GPtrArray *owned;    /* settings arrays the edges point to, for freeing */
	GHashTable *celems;  /* pattern elements read, while reading */
	/* Each token's class bits are cached per word id. */
	GArray *word_mask;   /* id -> guint64: classes whatever the case */
	GArray *cap_mask;    /* id -> guint64: classes only when capitalised (cap=1) */
	GArray *low_mask;    /* id -> guint64: classes only when lower case or first
			      * in a sentence (cap=-1) */
} TxTable;

/* Builds a table from its text; `name` names it in messages. */
TxTable *tx_table_new(FriseLang lang, const char *name, const char *text, size_t len,
		      GError **error);
void tx_table_free(TxTable *table);

/* Folds `n` bytes of UTF-8 into `out` (NUL-terminated). Returns the
 * length, or -1 when it does not fit in `cap`. */
int tx_fold(const char *s, size_t n, char *out, size_t cap);

/* Hash of a folded word from its length and its first 8 bytes packed as
 * tx_pack8 does (zero-padded): one multiply, from what the tokeniser
 * already holds in a register; the probe compares the whole word anyway. */
static inline guint32
tx_hash_packed(guint64 first8, size_t n)
{
	guint64 h = (first8 ^ ((guint64)n << 58)) * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
	return (guint32)(h >> 32);
}

/* 8 bytes as a little-endian word, whatever the machine (one load on
 * x86 and ARM): how word16 is kept and compared. */
static inline guint64
tx_pack8(const char *p)
{
	guint64 v;
	memcpy(&v, p, 8);
	return GUINT64_FROM_LE(v);
}

/* Looks up a folded word of n bytes whose first 16 bytes, zero-padded,
 * are the words a and b (tx_pack8), and whose hash (tx_hash_packed) is h;
 * `text` is the whole word, read only when it is longer than 16 bytes.
 * The tokeniser builds a, b and h in registers as it scans: reading back
 * a word it has just stored byte by byte stalls the CPU (no store
 * forwarding), which was the tagger's single hottest spot. */
static inline int
tx_word_id_regs(const TxTable *t, guint64 a, guint64 b, guint32 h, const char *text, size_t n)
{
	for (guint32 i = h & t->hash_mask;; i = (i + 1) & t->hash_mask) {
		guint32 v = t->hash[i];
		if (v == 0)
			return -1;
		if (t->word_len[v - 1] != n)
			continue;
		if (n <= 16 ? (t->word16[v - 1][0] == a && t->word16[v - 1][1] == b)
			    : memcmp(g_ptr_array_index(t->word_text, v - 1), text, n) == 0)
			return (int)v - 1;
	}
}

/* Looks up a folded word in a buffer zero-padded to at least 16 bytes. */
static inline int
tx_word_id_padded(const TxTable *t, const char *padded, size_t n)
{
	guint64 a = tx_pack8(padded);
	return tx_word_id_regs(t, a, tx_pack8(padded + 8), tx_hash_packed(a, n), padded, n);
}

static inline int
tx_word_id(const TxTable *t, const char *folded, size_t n)
{
	if (n <= 16) {
		/* digits, signs: the two words it is compared by, no more */
		char pad[16] = { 0 };
		memcpy(pad, folded, n);
		return tx_word_id_padded(t, pad, n);
	}
	char pad[TX_MAX_WORD + 16] = { 0 };
	if (n >= TX_MAX_WORD)
		return -1;
	memcpy(pad, folded, n);
	return tx_word_id_padded(t, pad, n);
}

/* ---- tokens (timex_token.c) ---- */

/* A token's kind, and its flags. */
enum { TX_TOK_WORD, TX_TOK_DIGITS, TX_TOK_PUNCT, TX_TOK_GAP };
enum { TX_F_CAP = 1, TX_F_BREAK = 2 /* a sentence ends before this token */,
       TX_F_ROOT = 4 /* some pattern may start at this token */ };

/* A token of the text: [start, end) byte offsets, end exclusive ("mars"
 * at the start of "mars 2011" is [0, 4)). */
typedef struct {
	guint32 start, end;
	int word;       /* id in the table, -1 */
	guint64 mask;   /* class bits */
	int num;        /* value of a number, TX_UNSET */
	guint8 kind, flags, ndigits;
} TxTok;

/* Byte classes of ASCII for the tokeniser. */
enum { TX_A_SPACE = 1, TX_A_DIGIT = 2, TX_A_ALPHA = 4, TX_A_UPPER = 8, TX_A_NL = 16 };
static const guint8 tx_ascii_class[128] G_GNUC_UNUSED = {
	['\t'] = TX_A_SPACE, ['\n'] = TX_A_SPACE | TX_A_NL, ['\v'] = TX_A_SPACE, ['\f'] = TX_A_SPACE,
	['\r'] = TX_A_SPACE, [' '] = TX_A_SPACE,
	['0' ... '9'] = TX_A_DIGIT,
	['a' ... 'z'] = TX_A_ALPHA,
	['A' ... 'Z'] = TX_A_ALPHA | TX_A_UPPER,
};

/* Decodes the non-ASCII character at p, `avail` bytes left; (gunichar)-1
 * when it is not valid UTF-8. Two-byte sequences (accented Latin letters)
 * are decoded here; the rest by GLib, which checks them. */
static inline gunichar
tx_decode(const unsigned char *p, size_t avail, size_t *clen)
{
	unsigned c = p[0];
	if (c >= 0xC2 && c < 0xE0) {
		if (avail < 2 || (p[1] & 0xC0) != 0x80)
			return (gunichar)-1;
		*clen = 2;
		return ((gunichar)(c & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (c >= 0xE0 && c < 0xF0 && avail >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	    (c != 0xE0 || p[1] >= 0xA0) && (c != 0xED || p[1] < 0xA0)) {
		/* three bytes, not overlong, not a surrogate: ’ « — … */
		*clen = 3;
		return ((gunichar)(c & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	gunichar u = g_utf8_get_char_validated((const char *)p, (gssize)avail);
	if (u == (gunichar)-1 || u == (gunichar)-2)
		return (gunichar)-1;
	*clen = g_utf8_skip[c];
	return u;
}

/* Characters written for an apostrophe ("Aujourdʼhui", "l′an"): read as
 * "'", never as letters (U+02BC and its kin are letters to Unicode). */
static inline bool
tx_is_apostrophe(gunichar u)
{
	return u == 0x2019 || u == 0x2018 || u == 0x2BC || u == 0x2BB || u == 0x2B9 || u == 0x55A ||
	       u == 0xA78C || u == 0xFF07 || u == 0x2032 || u == 0x2035;
}

static inline bool
tx_is_letter(gunichar u)
{
	if (u >= 0xC0 && u <= 0x24F)
		return u != 0xD7 && u != 0xF7;
	if (G_UNLIKELY(tx_is_apostrophe(u)))
		return false;
	if (u >= 0x2000 && u <= 0x206F)
		return false;   /* general punctuation (’ — …): no table lookup */
	return g_unichar_isalpha(u) || g_unichar_ismark(u);
}

/* The entry of word `word` in class `cls`, or NULL. */
static inline const TxEntry *
tx_entry_of(const TxTable *t, int word, int cls)
{
	if (word < 0)
		return NULL;
	GArray *a = g_array_index(t->entries, GArray *, word);
	if (a == NULL)
		return NULL;
	for (guint i = 0; i < a->len; i++)
		if (g_array_index(a, TxEntry, i).cls == cls)
			return &g_array_index(a, TxEntry, i);
	return NULL;
}

/* Splits text[from, len) into words, digit runs and punctuation, appending
 * to `toks` (TxTok). Returns false at invalid UTF-8 with *bad set to its
 * offset. */
bool tx_tokenise(const TxTable *t, const char *text, size_t from, size_t len, GArray *toks, size_t *bad);

/* Merges numbers said in words ("vingt et un") into one number token. */
void tx_merge_numbers(const TxTable *t, GArray *toks);

/* Whether the '.' at text[p] ends no sentence (an abbreviation, an
 * initial, letters dotted one by one). */
bool tx_dot_continues(const TxTable *t, const char *text, size_t p);

const char *tx_slot_name(int slot);
/* The table's name for a symbolic slot value (unit=W, pod=EV, mod=END…),
 * or NULL for numeric slots. Static storage. */
const char *tx_slot_symbol(int slot, int value);
const char *tx_unit_letter(int unit);

/* The document date, split. `gran` is 0 none, 1 year, 2 month, 3 day,
 * 4 minute (hour and minute set). */
typedef struct {
	int year, month, day, hour, minute;
	int gran;
} TxDct;

/* What the resolver needs besides the slots. */
typedef struct {
	const TxDct *dct;
	int *tense;            /* FriseTense of the clause, -1 until asked: the
				* resolver calls find_tense only when the value
				* depends on it (through tx_tense) */
	int (*find_tense)(const void *data);
	const void *tense_data;
	int type;              /* FriseTimexType the rule gives */
	int anchor_y, anchor_m, anchor_d; /* last day mentioned, 0 if none */
	const char *last;      /* value of the last DATE/TIME in this or the
				* previous sentence, or "" */
	const char *last_far;  /* value of the last DATE/TIME anywhere before,
				* or "": "the following month" (anchor=3) */
	const char *last_quarter; /* the last YYYY-Qn named in the last few
				* sentences, or "" */
	const int *month_year; /* [m], m 1..12: the year the text gave month m
				* with, 0 if none; NULL: none known */
	int sent_y, sent_m;    /* the last date said with its year in this
				* sentence, to month precision, or 0: "began in May
				* 2023 and ended in November" */
	GString *explain;      /* NULL unless asked */
	GString *scratch;      /* reused for the value when not NULL (the
				* caller's, emptied here): no allocation a timex */
} TxContext;

/* The tense of the clause of the expression being resolved. */
static inline int
tx_tense(const TxContext *c)
{
	if (*c->tense < 0)
		*c->tense = c->find_tense != NULL ? c->find_tense(c->tense_data) : FRISE_TENSE_NONE;
	return *c->tense;
}

/* Computes the value and mod of a timex from its slots. `value` has 48
 * bytes, `mod` 16. Returns false when the slots make no value (the match
 * is dropped). */
bool tx_resolve(const TxSeen *seen, const TxContext *ctx, char *value, char *mod,
		bool *relative);

/* ---- what the resolver's files share (timex_resolve.c, timex_relative.c) ---- */

/* A small printf for the values: %d, %0Nd, %s, %c only (timex_resolve.c). */
void tx_appf(GString *g, const char *fmt, ...);

/* Appends a step of the resolution to c->explain, when asked. */
void tx_step(const TxContext *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* The ISO 8601 week (and its year) of day d. */
void tx_iso_week(const GDate *d, int *year, int *week);

/* The amounts of a compound offset: [0] years … [6] seconds; false when
 * the match had one NUM UNIT pair. */
bool tx_amounts(const TxSeen *seen, int a[7]);

/* Season names by slot value (1 spring .. 4 winter), "" at 0. */
extern const char *const tx_season_names[5];

/* The value of a weekday near the DCT or the last day named, and of a
 * unit moved from the DCT or the last date named (timex_relative.c):
 * appended to v; false when the slots make no value. */
bool tx_weekday_value(const TxSeen *seen, const TxContext *c, GString *v, bool *rel);
bool tx_relative_value(const TxSeen *seen, const TxContext *c, GString *v, bool *rel);
/* Value `v`, a day ("2012-03-03", maybe with a part of the day, "TEV") or
 * a time of one ("T13:00"), moved by n `unit`s (TX_U_YEAR … TX_U_MINUTE;
 * hours and minutes only for a time), written into out[size]: "three days
 * after Easter". False when it cannot be. */
bool tx_offset_value(const char *v, int unit, int n, char *out, size_t size);

/* Moves day d by n days, either way. */
static inline void
tx_add_days(GDate *d, int n)
{
	if (n > 0)
		g_date_add_days(d, n);
	else if (n < 0)
		g_date_subtract_days(d, -n);
}

/* The DCT as a day; false when it has no day. */
static inline bool
tx_dct_date(const TxContext *c, GDate *g)
{
	if (c->dct->gran < 3)
		return false;
	g_date_clear(g, 1);
	g_date_set_dmy(g, c->dct->day, c->dct->month, c->dct->year);
	return true;
}

/* Appends day g to v as YYYY-MM-DD. */
static inline void
tx_ymd(GString *v, const GDate *g)
{
	tx_appf(v, "%04d-%02d-%02d", g_date_get_year(g), g_date_get_month(g),
			       g_date_get_day(g));
}

/* The season (1 spring .. 4 winter) month m is in. */
static inline int
tx_season_of_month(int m)
{
	/* meteorological, as news uses them: MAM spring, JJA summer, SON fall */
	if (m >= 3 && m <= 5)
		return 1;
	if (m >= 6 && m <= 8)
		return 2;
	if (m >= 9 && m <= 11)
		return 3;
	return 4;
}

/* ---- the clause's tense (timex_tense.c) ---- */

/* The parse of the last sentence a tense was asked in: the timexes of one
 * sentence share it. */
typedef struct {
	size_t start, end;   /* the sentence's bytes in the text */
	ClauseParse *parse;
} TxTenseCache;

/* The clause of one expression, for the resolver to ask its tense. */
typedef struct {
	const TxTable *t;
	const char *text;
	size_t len, a, b;
	char why[64];        /* the cue word found */
	bool pluperfect;     /* the clause is in the past perfect */
	TxTenseCache *cache;
	size_t from;         /* the start of the chunk: no sentence starts before */
} TxTenseQuery;

/* The FriseTense of the clause of the TxTenseQuery `data` (TxContext's
 * find_tense); sets its why and pluperfect. */
int tx_find_tense(const void *data);

#endif
