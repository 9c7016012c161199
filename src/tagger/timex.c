/*
 * timex.c — the temporal tagger's engine (prefix timex_): tokenises the
 * text once, matches every pattern of the language table in one pass over
 * the tokens (a trie walked from each token, longest match wins, leftmost
 * first), fills the slots of the match ("what was seen"), finds the tense
 * of the clause, and hands them to the resolver (timex_resolve.c).
 *
 * Offsets are byte offsets into the text as given, end exclusive. The text
 * is matched as it is: a BOM and CR are blanks, NFD accents are folded
 * with their letter, so offsets need no mapping back.
 */
#include "timex_private.h"
#include "core/clause.h"
#include "core/lang.h"
#include "core/text.h"
#include "frise-resources.h"

#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>
#include <limits.h>
#include <string.h>

struct FriseTagger {
	TxTable *tables[FRISE_LANG_COUNT];
};

FriseTagger *
timex_tagger_new(GError **error)
{
	static const struct { FriseLang lang; const char *path; } langs[] = {
		{ FRISE_LANG_FR, "/frise/src/lang/fr/tagger.tab" },
		{ FRISE_LANG_EN, "/frise/src/lang/en/tagger.tab" },
	};
	FriseTagger *t = g_new0(FriseTagger, 1);
	for (size_t i = 0; i < G_N_ELEMENTS(langs); i++) {
		/* through the resource itself, so that linking the static library
		 * keeps the resource object (and its constructor) */
		GBytes *b = g_resource_lookup_data(frise_res_get_resource(), langs[i].path, 0, error);
		if (b == NULL) {
			timex_tagger_free(t);
			return NULL;
		}
		gsize n;
		const char *data = g_bytes_get_data(b, &n);
		t->tables[langs[i].lang] = tx_table_new(langs[i].lang, langs[i].path + 7, data, n, error);
		g_bytes_unref(b);
		if (t->tables[langs[i].lang] == NULL) {
			timex_tagger_free(t);
			return NULL;
		}
	}
	return t;
}

void
timex_tagger_free(FriseTagger *tagger)
{
	if (tagger == NULL)
		return;
	for (int i = 0; i < FRISE_LANG_COUNT; i++)
		tx_table_free(tagger->tables[i]);
	g_free(tagger);
}

/* ---- tokens ---- */

enum { TOK_WORD, TOK_DIGITS, TOK_PUNCT, TOK_GAP };
enum { F_CAP = 1, F_BREAK = 2 /* a sentence ends before this token */,
       F_ROOT = 4 /* some pattern may start at this token */ };

typedef struct {
	guint32 start, end;
	int word;       /* id in the table, -1 */
	guint64 mask;   /* class bits */
	int num;        /* value of a number, TX_UNSET */
	guint8 kind, flags, ndigits;
} Tok;

/* F_ROOT for a token whose mask and word are set: decided here, where
 * they are at hand, so that the matcher's scan tests one byte. */
static inline guint8
root_flag(const TxTable *t, const Tok *k)
{
	return (k->mask & t->root_mask) || (k->word >= 0 && t->root_word_count[k->word] > 0) ? F_ROOT : 0;
}

static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static inline bool
is_space(gunichar u)
{
	return u == ' ' || u == '\t' || u == '\r' || u == '\n' || u == 0xA0 || u == 0x202F ||
	       u == 0x2009 || u == 0xFEFF || u == 0x200B || u == '\f' || u == '\v';
}

static void
set_digit_classes(const TxTable *t, Tok *k)
{
	guint64 m = (G_GUINT64_CONSTANT(1) << t->cls_num) | (G_GUINT64_CONSTANT(1) << t->cls_int);
	int v = k->num;
	if (k->ndigits == 4 && v >= 1000 && v <= 2999)
		m |= G_GUINT64_CONSTANT(1) << t->cls_year;
	if (k->ndigits == 2)
		m |= G_GUINT64_CONSTANT(1) << t->cls_yy;
	if (k->ndigits <= 2 && v >= 1 && v <= 31)
		m |= G_GUINT64_CONSTANT(1) << t->cls_day;
	if (k->ndigits <= 2 && v <= 24)
		m |= G_GUINT64_CONSTANT(1) << t->cls_hour;
	if (k->ndigits == 2 && v <= 59)
		m |= G_GUINT64_CONSTANT(1) << t->cls_min;
	if (k->ndigits == 2 && v >= 1 && v <= 12)
		m |= G_GUINT64_CONSTANT(1) << t->cls_mm;
	if (k->ndigits <= 2 && v >= 1 && v <= 12)
		m |= G_GUINT64_CONSTANT(1) << t->cls_m12;
	if ((k->ndigits == 3 || k->ndigits == 4) && v / 100 <= 24 && v % 100 <= 59)
		m |= G_GUINT64_CONSTANT(1) << t->cls_hhmm;
	k->mask |= m;
}

/* Byte classes of ASCII for the tokeniser. */
enum { A_SPACE = 1, A_DIGIT = 2, A_ALPHA = 4, A_UPPER = 8, A_NL = 16 };
static const guint8 ascii_class[128] = {
	['\t'] = A_SPACE, ['\n'] = A_SPACE | A_NL, ['\v'] = A_SPACE, ['\f'] = A_SPACE,
	['\r'] = A_SPACE, [' '] = A_SPACE,
	['0' ... '9'] = A_DIGIT,
	['a' ... 'z'] = A_ALPHA,
	['A' ... 'Z'] = A_ALPHA | A_UPPER,
};

/* ASCII letters lower-cased, 1 for any non-ASCII byte, 0 otherwise. */
static const unsigned char lowtab[256] = {
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
	['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
	['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
	['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
	[0x80 ... 0xFF] = 1,
};

/* Decodes the non-ASCII character at p, `avail` bytes left; (gunichar)-1
 * when it is not valid UTF-8. Two-byte sequences (accented Latin letters)
 * are decoded here; the rest by GLib, which checks them. */
static inline gunichar
decode(const unsigned char *p, size_t avail, size_t *clen)
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
is_apostrophe(gunichar u)
{
	return u == 0x2019 || u == 0x2018 || u == 0x2BC || u == 0x2BB || u == 0x2B9 || u == 0x55A ||
	       u == 0xA78C || u == 0xFF07 || u == 0x2032 || u == 0x2035;
}

static inline bool
is_letter(gunichar u)
{
	if (u >= 0xC0 && u <= 0x24F)
		return u != 0xD7 && u != 0xF7;
	if (G_UNLIKELY(is_apostrophe(u)))
		return false;
	if (u >= 0x2000 && u <= 0x206F)
		return false;   /* general punctuation (’ — …): no table lookup */
	return g_unichar_isalpha(u) || g_unichar_ismark(u);
}

/* A word with letters beyond Latin-1 (œ, ß, Cyrillic…): folded by
 * tx_fold, then looked up. */
static int
slow_word(const TxTable *t, const unsigned char *s, size_t i, size_t j)
{
	if (!t->nonascii_letters)
		return -1;   /* it folds to non-ASCII letters ("œuvre"): no word of the table */
	char f[TX_MAX_WORD];
	int n = tx_fold((const char *)s + i, j - i, f, sizeof f);
	return n > 0 ? tx_word_id(t, f, (size_t)n) : -1;
}

/* Scans the word at s[i] (a letter): sets *end past it and returns its
 * id in the table, or -1. Latin-1 letters fold inline (é -> e); other
 * non-ASCII words go through tx_fold. -2 on invalid UTF-8 (*end at it). */
static inline int
scan_word(const TxTable *t, const unsigned char *s, size_t i, size_t len, size_t *end)
{
	/* The folded word's first 16 bytes go into a and b (as tx_pack8
	 * reads them), so that the lookup needs no reload of f (see
	 * tx_word_id_regs); f keeps the whole word for longer ones. ASCII
	 * letters are taken 8 at a time (SWAR: lower-cased and tested as one
	 * 64-bit word); other letters one by one. */
	const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
	const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
	if (i + 8 <= len) {
		/* most words: fewer than 8 ASCII letters, then an ASCII byte
		 * that is none (a blank, a mark): the word is the first 8
		 * bytes, lower-cased, cut there — what the loop below would
		 * make of it in two turns */
		guint64 x;
		memcpy(&x, s + i, 8);
		x = GUINT64_FROM_LE(x);
		guint64 y = (x | (ones * 0x20)) & ~high;
		guint64 notl = ~((y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1)) & ~x) & high;
		size_t k = notl ? (size_t)__builtin_ctzll(notl) >> 3 : 0;
		if (k > 0 && !(x >> (8 * k) & 0x80)) {
			*end = i + k;
			if (k > t->max_word_len)
				return -1;
			guint64 w = y & ((G_GUINT64_CONSTANT(1) << (8 * k)) - 1);
			return tx_word_id_regs(t, w, 0, tx_hash_packed(w, k), (const char *)s + i, k);
		}
		if (notl == 0 && i + 16 <= len) {
			/* 8 to 15 of them: the next 8 bytes the same way */
			guint64 x2;
			memcpy(&x2, s + i + 8, 8);
			x2 = GUINT64_FROM_LE(x2);
			guint64 y2 = (x2 | (ones * 0x20)) & ~high;
			guint64 notl2 = ~((y2 + ones * (0x80 - 'a')) & ~(y2 + ones * (0x80 - 'z' - 1)) & ~x2) & high;
			size_t k2 = (size_t)__builtin_ctzll(notl2 | (G_GUINT64_CONSTANT(1) << 63)) >> 3;
			if (notl2 != 0 && !(x2 >> (8 * k2) & 0x80)) {
				*end = i + 8 + k2;
				if (8 + k2 > t->max_word_len)
					return -1;
				guint64 w2 = y2 & ((G_GUINT64_CONSTANT(1) << (8 * k2)) - 1);
				return tx_word_id_regs(t, y, w2, tx_hash_packed(y, 8 + k2), (const char *)s + i, 8 + k2);
			}
		}
	}
	char f[TX_MAX_WORD + 8];
	guint64 a = 0, b = 0;
	size_t fl = 0, j = i;
	bool simple = true;
	while (j < len) {
		guint64 w;
		size_t k;
		if (j + 8 <= len) {
			guint64 x;
			memcpy(&x, s + j, 8);
			x = GUINT64_FROM_LE(x);
			guint64 y = (x | (ones * 0x20)) & ~high;   /* ASCII letters lower-cased */
			guint64 ge_a = y + ones * (0x80 - 'a');
			guint64 gt_z = y + ones * (0x80 - 'z' - 1);
			guint64 notl = ~(ge_a & ~gt_z & ~x) & high;
			k = notl ? (size_t)__builtin_ctzll(notl) >> 3 : 8;
			if (k > 0) {
				w = k == 8 ? y : y & ((G_GUINT64_CONSTANT(1) << (8 * k)) - 1);
				goto put;
			}
			if (s[j] < 0x80)
				break;
		}
		{
			unsigned char lc = lowtab[s[j]];
			if (lc <= 1) {
				if (lc == 0)
					break;
				size_t wl;
				gunichar u = decode(s + j, len - j, &wl);
				if (u == (gunichar)-1) {
					*end = j;
					return -2;
				}
				if (!is_letter(u))
					break;
				j += wl;
				if (u >= 0xC0 && u <= 0xFF && text_latin1_fold[u - 0xC0]) {
					/* folded as text_fold() folds it; æ, ß… take the slow path */
					lc = (unsigned char)text_latin1_fold[u - 0xC0];
				} else {
					if (!(u >= 0x300 && u <= 0x36F))
						simple = false;
					continue;
				}
				j -= 1;   /* put: advances by k */
			}
			w = lc;
			k = 1;
		}
	put:
		if (fl < 8) {
			a |= w << (8 * fl);
			if (fl > 0)
				b |= w >> (64 - 8 * fl);
		} else if (fl < 16) {
			b |= w << (8 * (fl - 8));
		}
		if (fl + 8 <= sizeof f) {
			guint64 le = GUINT64_TO_LE(w);
			memcpy(f + fl, &le, 8);
		}
		fl += k;
		j += k;
	}
	*end = j;
	if (fl == 0 || fl > t->max_word_len)
		return simple ? -1 : (fl > t->max_word_len * 2 ? -1 : slow_word(t, s, i, j));
	if (!simple)
		return slow_word(t, s, i, j);
	guint32 h = tx_hash_packed(a, fl);
	return tx_word_id_regs(t, a, b, h, f, fl);
}

/* Whether the '.' at text[p] ends no sentence for what it ends: an
 * abbreviation of the language (src/lang/xx/words.txt [abbreviations]:
 * "vs. Wade", "Gen. Schwarzkopf", "janv. 2024"), an initial ("J. Smith"), or
 * letters dotted one by one ("U.S. Army", "9 a.m. Tuesday"). The one rule
 * of the tokeniser and of the tense's window. */
static bool
dot_continues(const TxTable *t, const char *text, size_t p)
{
	size_t w = p;
	while (w > 0 && p - w < 8 && g_ascii_isalpha(text[w - 1]))
		w--;
	if (w == p || (w > 0 && g_ascii_isalpha(text[w - 1])) || p - w > 6)
		return false;   /* no abbreviation is that long */
	if (p - w == 1 && (g_ascii_isupper(text[w]) || (w >= 1 && text[w - 1] == '.')))
		return true;
	char low[9];
	for (size_t k = 0; k < p - w; k++)
		low[k] = g_ascii_tolower(text[w + k]);
	low[p - w] = 0;
	return lang_has(t->lang, LANG_ABBREVIATIONS, low);
}

/* Splits text[from, len) into words, digit runs and punctuation, appending
 * to `toks`. Returns false at invalid UTF-8 with *bad set to its offset.
 * The hot loop of the tagger: no allocation, one table lookup a word; a
 * run of words the table does not know becomes one gap token (no pattern
 * matches it, it only keeps known words apart). */
static bool
tokenise(const TxTable *t, const char *text, size_t from, size_t len, GArray *toks, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = from;
	guint8 pending = F_BREAK;
	guint n = toks->len, cap = MAX(toks->len, 1024);
	g_array_set_size(toks, cap);
	Tok *out = (Tok *)(void *)toks->data;
	while (i < len) {
		unsigned char c = s[i];
		gunichar u = c;
		size_t clen = 1;
		guint8 ac = 0;
		if (c < 0x80) {
			ac = ascii_class[c];
			if (ac & A_SPACE) {
				if (ac & A_NL)
					pending |= F_BREAK;
				i++;
				continue;
			}
		} else {
			u = decode(s + i, len - i, &clen);
			if (u == (gunichar)-1) {
				*bad = i;
				g_array_set_size(toks, n);
				return false;
			}
			if (is_space(u)) {
				i += clen;
				continue;
			}
		}
		if (n + 1 >= cap) {
			cap *= 2;
			g_array_set_size(toks, cap);
			out = (Tok *)(void *)toks->data;
		}
		if ((ac & A_ALPHA) || (c >= 0x80 && is_letter(u))) {
			size_t j;
			int word = scan_word(t, s, i, len, &j);
			if (word == -2) {
				*bad = j;
				g_array_set_size(toks, n);
				return false;
			}
			if (word < 0) {
				/* a pending sentence break waits for the next known token */
				if (n > 0 && out[n - 1].kind == TOK_GAP) {
					out[n - 1].end = (guint32)j;
				} else {
					out[n++] = (Tok){ .start = (guint32)i, .end = (guint32)j, .word = -1,
							  .num = TX_UNSET, .kind = TOK_GAP };
				}
				/* the one space after a word, here rather than by a
				 * turn of the loop (a branch that predicts well) */
				i = j + (j < len && s[j] == ' ');
				continue;
			}
			Tok *k = &out[n++];
			*k = (Tok){ .start = (guint32)i, .end = (guint32)j, .word = word, .num = TX_UNSET,
				    .kind = TOK_WORD, .flags = pending };
			pending = 0;
			if (c < 0x80 ? (ac & A_UPPER) != 0 : g_unichar_isupper(u))
				k->flags |= F_CAP;
			k->mask = t->wmask[word];
			if (k->flags & F_CAP)
				k->mask |= t->wmask_cap[word];
			if (!(k->flags & F_CAP) || (k->flags & F_BREAK))
				k->mask |= t->wmask_low[word];
			k->flags |= root_flag(t, k);
			i = j + (j < len && s[j] == ' ');
			continue;
		}
		Tok *k = &out[n++];
		*k = (Tok){ .start = (guint32)i, .word = -1, .num = TX_UNSET, .flags = pending };
		pending = 0;
		if (ac & A_DIGIT) {
			size_t j = i;
			int v = 0;
			while (j < len && s[j] >= '0' && s[j] <= '9') {
				if (v < 100000000)
					v = v * 10 + (s[j] - '0');
				j++;
			}
			k->kind = TOK_DIGITS;
			k->num = v;
			k->ndigits = (guint8)MIN(j - i, 255);
			k->end = (guint32)j;
			if (t->digit_words && j - i < 8) /* "lundi en 8", "24/7": digits a pattern names */
				k->word = tx_word_id(t, text + i, j - i);
			set_digit_classes(t, k);
			k->flags |= root_flag(t, k);
			i = j;
			continue;
		}
		k->kind = TOK_PUNCT;
		k->end = (guint32)(i + clen);
		if (c < 0x80) {
			k->word = t->punct_word[c];
		} else if (is_apostrophe(u)) {
			k->word = t->punct_word['\''];
		} else if (t->nonascii_words) {
			/* a sign folds to itself ("°", "«") */
			k->word = tx_word_id(t, text + i, clen);
		}
		if (u == '!' || u == '?' || u == ';') {
			pending |= F_BREAK;
		} else if (u == '.') {
			/* "7.2", "U.S.", "Corp.'s", "Corp. said": no sentence
			 * end; only a blank then anything but a lower-case
			 * letter ends one, and not after letters dotted one by
			 * one ("9 a.m. Tuesday", "the U.S. Army") */
			size_t q = i + 1;
			if (q >= len || (s[q] < 0x80 && (ascii_class[s[q]] & A_SPACE))) {
				guint8 nl = 0;
				while (q < len && s[q] < 0x80 && (ascii_class[s[q]] & A_SPACE))
					nl |= ascii_class[s[q++]] & A_NL;
				/* a line end among the blanks breaks the sentence
				 * anyway (below): no abbreviation to look up then */
				if (nl || (!(q < len && s[q] >= 'a' && s[q] <= 'z') && !dot_continues(t, text, i)))
					pending |= F_BREAK;
			}
		}
		i += clen;
		if (k->word >= 0) {
			k->mask = t->wmask[k->word];
			if (k->flags & F_CAP)
				k->mask |= t->wmask_cap[k->word];
			if (!(k->flags & F_CAP) || (k->flags & F_BREAK))
				k->mask |= t->wmask_low[k->word];
		}
		k->flags |= root_flag(t, k);
	}
	g_array_set_size(toks, n);
	return true;
}

static const TxEntry *
entry_of(const TxTable *t, int word, int cls)
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

static bool
entry_is_mul(const TxEntry *e)
{
	for (int i = 0; i < e->nsets; i++)
		if (e->sets[i].slot == TX_S_MUL)
			return e->sets[i].value != 0;
	return false;
}

/* Merges spelled-out numbers ("vingt et un", "dix-huit",
 * "mille neuf cent quatre-vingt-dix-neuf") into one number token. */
static void
merge_numbers(const TxTable *t, GArray *toks)
{
	Tok *k = (Tok *)(void *)toks->data;
	guint n = toks->len, o = 0;
	guint64 nw = t->numword_mask;
	int dash = tx_word_id(t, "-", 1);
	for (guint i = 0; i < n;) {
		if (!(k[i].mask & nw)) {
			/* the run of tokens up to the next number word, moved at
			 * once (nothing to move while nothing was merged) */
			guint r = i + 1;
			while (r < n && !(k[r].mask & nw))
				r++;
			if (o != i)
				memmove(k + o, k + i, (r - i) * sizeof *k);
			o += r - i;
			i = r;
			continue;
		}
		long total = 0, group = 0;
		bool said_year = false;
		guint j = i, last = i;
		while (j < n) {
			const TxEntry *e = entry_of(t, k[j].word, t->cls_numword);
			if (e == NULL)
				break;
			long v = e->value;
			if (total > 1000000000L || group > 1000000000L)
				break;  /* no date has such numbers; keep it bounded */
			long g100 = group % 100;
			if (j > i && v < 100 && g100 != 0 && !entry_is_mul(e) &&
			    !(g100 >= 20 && g100 % 10 == 0 && (v < 10 || ((g100 == 60 || g100 == 80) && v < 20))) &&
			    !(g100 == 10 && v >= 7 && v <= 9) &&
			    !(total == 0 && group >= 11 && group < 100 && v >= 20 && v % 10 == 0)) {
				/* "deux trois minutes", "one two": two numbers, not
				 * one ("vingt-trois", "quatre-vingt-dix", "dix-sept",
				 * "nineteen ninety" are one) */
				break;
			}
			if (v >= 1000) {
				total += (group ? group : 1) * v;
				group = 0;
			} else if (entry_is_mul(e) && group > 0 && group < v) {
				group *= v;
			} else if (total == 0 && group >= 11 && group < 100 && v >= 20 && v < 100 && v % 10 == 0) {
				/* a year said in pairs: "nineteen ninety-six" */
				group = group * 100 + v;
				said_year = true;
			} else {
				group += v;
			}
			last = j;
			/* joiners: "-", "et" between two number words */
			guint nx = j + 1;
			if (nx + 1 < n && (k[nx].word == dash || (k[nx].mask >> t->cls_numjoin & 1)) &&
			    (k[nx + 1].mask & nw) && k[nx].start == k[j].end + (k[nx].word == dash ? 0 : 1))
				nx++;
			else if (nx < n && k[nx].mask & nw)
				;
			else
				break;
			j = nx;
		}
		{
			/* "twenty-fourth", "thirty first": tens then an ordinal
			 * are one ordinal */
			guint nx = last + 1;
			if (nx + 1 < n && k[nx].word == dash && k[nx].start == k[last].end)
				nx++;
			const TxEntry *oe = nx < n ? entry_of(t, k[nx].word, t->cls_ord) : NULL;
			long g = total + group;
			if (oe != NULL && oe->value >= 1 && oe->value <= 9 && g >= 20 && g < 100 && g % 10 == 0) {
				Tok m = k[i];
				m.end = k[nx].end;
				m.word = -1;
				m.num = (int)g + oe->value;
				m.mask = G_GUINT64_CONSTANT(1) << t->cls_ord;
				m.flags = (guint8)((m.flags & ~F_ROOT) | root_flag(t, &m));
				k[o++] = m;
				i = nx + 1;
				continue;
			}
		}
		Tok m = k[i];
		if (last > i) {
			m.end = k[last].end;
			m.word = -1;
			m.mask = 0;
		}
		m.num = (int)MIN(total + group, 1000000000L);
		m.mask |= (G_GUINT64_CONSTANT(1) << t->cls_num);
		if (said_year && m.num >= 1000 && m.num <= 2999)
			m.mask |= G_GUINT64_CONSTANT(1) << t->cls_year;
		/* a number said in words is a day, an hour, minutes as digits
		 * are ("le quinze juillet", "à quinze heures trente") */
		guint64 sm = 0;
		if (m.num >= 1 && m.num <= 31)
			sm |= G_GUINT64_CONSTANT(1) << t->cls_day;
		if (m.num <= 24)
			sm |= G_GUINT64_CONSTANT(1) << t->cls_hour;
		if (m.num <= 59)
			sm |= G_GUINT64_CONSTANT(1) << t->cls_min;
		m.mask |= sm & t->spelled_mask;
		m.flags = (guint8)((m.flags & ~F_ROOT) | root_flag(t, &m));
		k[o++] = m;
		i = last + 1;
	}
	g_array_set_size(toks, o);
}

/* ---- matching ---- */

typedef struct {
	const TxTable *t;
	const Tok *toks;
	guint ntoks;
	const TxEdge *path[TX_MAX_ELEMS];
	const TxEdge *best_path[TX_MAX_ELEMS];
	int best_len, best_rule;
} Matcher;

static void
walk(Matcher *m, const TxNode *n, guint j, int depth)
{
	if (n->rule >= 0 && (depth > m->best_len || (depth == m->best_len && n->rule < m->best_rule))) {
		m->best_len = depth;
		m->best_rule = n->rule;
		memcpy(m->best_path, m->path, depth * sizeof m->path[0]);
	}
	if (j >= m->ntoks || depth >= TX_MAX_ELEMS)
		return;
	const Tok *k = &m->toks[j];
	if (!(k->mask & n->cls_mask) && (k->word < 0 || !(n->word_bits >> (k->word & 63) & 1)))
		return;   /* no edge takes this token (a gap takes none) */
	for (int e = 0; e < n->nedges; e++) {
		const TxEdge *ed = &n->edges[e];
		bool ok = ed->word >= 0 ? ed->word == k->word : (k->mask >> ed->cls & 1);
		if (!ok)
			continue;
		m->path[depth] = ed;
		walk(m, ed->child, j + 1, depth + 1);
	}
}

static void
walk_root(Matcher *m, guint i)
{
	const TxTable *t = m->t;
	const Tok *k = &m->toks[i];
	if (k->word >= 0) {
		const int *e = t->root_word_edges + t->root_word_first[k->word];
		for (int q = 0; q < t->root_word_count[k->word]; q++) {
			m->path[0] = &t->root->edges[e[q]];
			walk(m, m->path[0]->child, i + 1, 1);
		}
	}
	for (guint64 bits = k->mask & t->root_mask; bits != 0; bits &= bits - 1) {
		int cls = __builtin_ctzll(bits);
		for (int q = t->root_cls_first[cls]; q < t->root_cls_first[cls + 1]; q++) {
			const TxEdge *ed = &t->root->edges[t->root_class_edges[q]];
			m->path[0] = ed;
			walk(m, ed->child, i + 1, 1);
		}
	}
}

/* ---- tense ---- */

static int
cue_of(const TxTable *t, const char *w, size_t n, const char *next, size_t next_n,
       bool *aux, bool *part, bool *skip, bool *passive, bool *pluperfect, bool *det, bool *ending)
{
	*aux = *part = *skip = *passive = *pluperfect = *det = *ending = false;
	int tense = FRISE_TENSE_NONE;
	if (n == 0)
		return tense;
	unsigned char lastb = (unsigned char)w[n - 1];
	unsigned char prevb = n >= 2 ? (unsigned char)w[n - 2] : 0;
	if (n >= 2 && !(t->cue_before[lastb][prevb >> 5] >> (prevb & 31) & 1))
		return tense;   /* no cue ends in these two bytes (most words) */
	for (int q = t->cue_first[lastb]; q < t->cue_first[lastb + 1]; q++) {
		const TxCue *c = &g_array_index(t->cues, TxCue, t->cue_index[q]);
		if (c->len > n || (c->len >= 2 && c->text[c->len - 2] != w[n - 2]))
			continue;   /* the last byte matches (cue_first): the one before it first */
		bool hit = c->suffix ? (n > c->len && memcmp(w + n - c->len, c->text, c->len) == 0)
				     : (c->len == n && memcmp(c->text, w, n) == 0);
		if (!hit)
			continue;
		if (c->next && !(next_n == c->next_len && g_ascii_strncasecmp(next, c->next, next_n) == 0))
			continue;
		if (c->skip) {
			*skip = true;
			continue;
		}
		if (c->passive) {
			*passive = true;
			continue;
		}
		if (c->pluperfect) {
			*pluperfect = true;
			continue;
		}
		if (c->det) {
			*det = true;
			continue;
		}
		if (!c->suffix && !c->aux && !c->participle && c->tense == FRISE_TENSE_NONE) {
			/* a blocker: "united" is no past tense despite "*ed" */
			*aux = *part = false;
			return FRISE_TENSE_NONE;
		}
		if (c->aux)
			*aux = true;
		else if (c->participle)
			*part = true;
		else if (tense == FRISE_TENSE_NONE) {
			tense = c->tense;
			*ending = c->suffix;
		}
	}
	return tense;
}

/* The tense of the clause around tokens [a, b): the cue nearest to it
 * within the sentence. `why` receives the cue word. */
/* The cue of a word, `next` the word after it (next_n 0: none): tense |
 * 4 aux | 8 participle | 16 skip | 32 passive marker | 64 pluperfect |
 * 128 determiner | 512 the tense from a word ending. */
static int
word_cue(const TxTable *t, const char *s, size_t n, const char *next, size_t next_n)
{
	char buf[TX_MAX_WORD * 2];
	if (n >= sizeof buf)
		return 0;
	bool simple = true;
	for (size_t q = 0; q < n; q++) {
		unsigned char c = (unsigned char)s[q];
		buf[q] = lower(s[q]);
		if (c < 0x80)
			continue;
		/* Latin-1 capitals (U+00C0..U+00DE, C3 80..C3 9E) by hand */
		if (c == 0xC3 && q + 1 < n) {
			unsigned char d = (unsigned char)s[q + 1];
			buf[++q] = (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
			continue;
		}
		simple = false;
	}
	buf[n] = 0;
	char *w = simple ? NULL : g_utf8_strdown(s, (gssize)n);
	bool aux, part, skip, passive, pluperfect, det, ending;
	int r = cue_of(t, w ? w : buf, w ? strlen(w) : n, next, next_n, &aux, &part, &skip, &passive,
		       &pluperfect, &det, &ending);
	g_free(w);
	return r | (aux ? 4 : 0) | (part ? 8 : 0) | (skip ? 16 : 0) | (passive ? 32 : 0) |
	       (pluperfect ? 64 : 0) | (det ? 128 : 0) | (ending ? 512 : 0);
}

/* Whether text[p] ends a sentence: as the tokeniser decides, a '.' does
 * only when a blank follows and the next word is not lower case ("7.2",
 * "U.S. officials", "Corp.'s" go on). */
/* The bytes that may end a sentence (see sentence_end). */
static const bool end_byte[256] = { ['.'] = true, ['!'] = true, ['?'] = true, [';'] = true, ['\n'] = true };

static inline bool
sentence_end(const TxTable *t, const char *text, size_t len, size_t p)
{
	char c = text[p];
	if (!end_byte[(unsigned char)c])
		return false;
	if (c != '.')
		return c == '!' || c == '?' || c == ';' || c == '\n';
	size_t q = p + 1;
	if (q < len && text[q] != ' ' && text[q] != '\t' && text[q] != '\r' && text[q] != '\n')
		return false;
	while (q < len && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r'))
		q++;
	if (q < len && text[q] >= 'a' && text[q] <= 'z')
		return false;
	return !dot_continues(t, text, p);
}

#define TENSE_REACH 160   /* bytes each way, within the sentence */
#define TENSE_WORDS 96    /* words read in all, the nearest before first */

typedef struct {
	size_t s, e;   /* the word's bytes */
	int cue;       /* word_cue, -1 until asked */
} TenseWord;

/* The words a tense is looked for in around text[a, b): up to TENSE_REACH
 * bytes each way, not past a sentence end (sentence_end), the expression's
 * own bytes left out. A word is a run of letters; one cut by the edge of
 * the window or by the expression ends there. Of the words, the first
 * TENSE_WORDS count, those before the expression first.
 *
 * They are read lazily, outward from the expression, as the search for
 * the nearest cue asks for them: most clauses give their tense within a
 * few words. Word r is the r-th after the expression (r >= 0) or the -r-th
 * before it (r < 0); tense_word() returns NULL past the last one. */
typedef struct {
	const TxTable *t;
	const char *text;
	size_t len, a, b;
	TenseWord before[TENSE_WORDS]; /* before[k]: the (k+1)-th word before a */
	TenseWord after[TENSE_WORDS];  /* after[k]: the (k+1)-th word at or past b */
	int nb, na;
	size_t pb, pa;                 /* read so far: [pb, a) and [b, pa) */
	bool b_done, a_done;           /* reached the edge of the window */
} TenseScan;

/* At most this many words fit before the expression (a letter and a
 * separator each): below it, no word after the expression is past
 * TENSE_WORDS, whatever stands before. */
#define TENSE_WORDS_BEFORE ((TENSE_REACH + 1) / 2)
G_STATIC_ASSERT(TENSE_WORDS_BEFORE < TENSE_WORDS);

static void
tense_scan_init(TenseScan *s, const TxTable *t, const char *text, size_t len, size_t a, size_t b)
{
	s->t = t;
	s->text = text;
	s->len = len;
	s->a = a;
	s->b = b;
	s->nb = s->na = 0;
	s->pb = a;
	s->pa = b;
	s->b_done = s->a_done = false;
}

/* Whether the character text[q, ...) is a letter, q its first byte. */
static inline bool
letter_at(const unsigned char *u, size_t q, size_t end)
{
	if (u[q] < 0x80)
		return (ascii_class[u[q]] & A_ALPHA) != 0;
	size_t clen;
	gunichar c = decode(u + q, end - q, &clen);
	return c != (gunichar)-1 && is_letter(c);
}

/* Reads the next word before the expression; false at the window's edge.
 * The window takes a character whose bytes are all within TENSE_REACH of
 * a, with no sentence end from it to a (a letter never ends one). */
static bool
scan_back(TenseScan *s)
{
	const unsigned char *u = (const unsigned char *)s->text;
	size_t lim = s->a > TENSE_REACH ? s->a - TENSE_REACH : 0;   /* the first byte in reach */
	size_t p = s->pb, e = 0;
	bool in_word = false;
	while (p > lim) {
		size_t q = p - 1;
		bool letter;
		if (u[q] < 0x80) {
			letter = (ascii_class[u[q]] & A_ALPHA) != 0;
			if (!letter && end_byte[u[q]] && sentence_end(s->t, s->text, s->len, q))
				break;
		} else {
			while (q > 0 && (u[q] & 0xC0) == 0x80)
				q--;
			if (q < lim)
				break;
			letter = letter_at(u, q, p);
		}
		if (letter && !in_word) {
			in_word = true;
			e = p;
		} else if (!letter && in_word) {
			break;
		}
		p = q;
	}
	s->pb = p;
	if (!in_word) {
		s->b_done = true;
		return false;
	}
	s->before[s->nb++] = (TenseWord){ p, e, -1 };
	return true;
}

/* Reads the next word after the expression; false at the window's edge.
 * The window takes a character that starts within TENSE_REACH of b, with
 * no sentence end from b to it. */
static bool
scan_forward(TenseScan *s)
{
	const unsigned char *u = (const unsigned char *)s->text;
	size_t lim = MIN(s->len, s->b + TENSE_REACH);   /* the first byte out of reach */
	size_t p = s->pa, st = 0;
	bool in_word = false;
	while (p < lim) {
		size_t e = p + 1;
		bool letter;
		if (u[p] < 0x80) {
			letter = (ascii_class[u[p]] & A_ALPHA) != 0;
			if (!letter && end_byte[u[p]] && sentence_end(s->t, s->text, s->len, p))
				break;
		} else {
			while (e < s->len && (u[e] & 0xC0) == 0x80)
				e++;
			letter = letter_at(u, p, e);
		}
		if (letter && !in_word) {
			in_word = true;
			st = p;
		} else if (!letter && in_word) {
			break;
		}
		p = e;
	}
	s->pa = p;
	if (!in_word) {
		s->a_done = true;
		return false;
	}
	s->after[s->na++] = (TenseWord){ st, p, -1 };
	return true;
}

static TenseWord *
tense_word_slow(TenseScan *s, int r)
{
	if (r < 0) {
		while (s->nb < -r && !s->b_done && s->nb < TENSE_WORDS)
			scan_back(s);
		return -r <= s->nb ? &s->before[-r - 1] : NULL;
	}
	if (r >= TENSE_WORDS - TENSE_WORDS_BEFORE) {
		/* the words before count first: all of them now */
		while (!s->b_done && s->nb < TENSE_WORDS)
			scan_back(s);
		if (s->nb + r >= TENSE_WORDS)
			return NULL;
	}
	while (s->na <= r && !s->a_done)
		scan_forward(s);
	return r < s->na ? &s->after[r] : NULL;
}

/* Word r, read now if it was not yet. */
static inline TenseWord *
tense_word(TenseScan *s, int r)
{
	if (r < 0 ? -r <= s->nb : r < s->na && r < TENSE_WORDS - TENSE_WORDS_BEFORE)
		return r < 0 ? &s->before[-r - 1] : &s->after[r];
	return tense_word_slow(s, r);
}

/* The cue of word r, computed once; the word after it counts only when
 * nothing but blanks stands between them ("plans to"). */
static int
cue_at(TenseScan *s, int r)
{
	TenseWord *w = tense_word(s, r);
	if (w->cue < 0) {
		const char *next = NULL;
		size_t next_n = 0;
		const TenseWord *x = tense_word(s, r + 1);
		if (x != NULL) {
			size_t p = w->e;
			while (p < x->s && (s->text[p] == ' ' || s->text[p] == '\t'))
				p++;
			if (p == x->s) {
				next = s->text + x->s;
				next_n = x->e - x->s;
			}
		}
		w->cue = word_cue(s->t, s->text + w->s, w->e - w->s, next, next_n);
	}
	return w->cue;
}

/* The word that makes word r a past perfect ("had" in "had not called",
 * "had been scheduled"): a PLUPERFECT cue at most three words before it
 * with only adverbs and participles between; its index, or INT_MIN. */
static int
had_before(TenseScan *s, int r)
{
	for (int x = r - 1; x >= r - 3 && tense_word(s, x) != NULL; x--) {
		int c = cue_at(s, x);
		if (c & 64)
			return x;
		if (!(c & (16 | 8)))
			return INT_MIN;
	}
	return INT_MIN;
}

/* The words a clause's verb group is looked for in around text[a, b): up
 * to `reach` bytes each way, not past a sentence end. */
static void
tense_window(const TxTable *t, const char *text, size_t len, size_t a, size_t b, size_t reach,
	     size_t *lo_, size_t *hi_)
{
	size_t lo = a, hi = b;
	while (lo > 0 && a - lo < reach && !sentence_end(t, text, len, lo - 1))
		lo--;
	while (lo < a && ((unsigned char)text[lo] & 0xC0) == 0x80)
		lo++;
	while (hi < len && hi - b < reach && !sentence_end(t, text, len, hi))
		hi++;
	while (hi < len && ((unsigned char)text[hi] & 0xC0) == 0x80)
		hi++;
	*lo_ = lo;
	*hi_ = hi;
}

/* The tense of the clause around text[a, b): the cue nearest to it in its
 * sentence (TenseScan's words). Read from the text itself (the tokens
 * keep only the words the table knows). `why` receives the cue word. */
static int
clause_tense(const TxTable *t, const char *text, size_t len, size_t a, size_t b,
	     char *why, size_t whylen, bool *pluperfect, bool *ending)
{
	*pluperfect = *ending = false;
	why[0] = '\0'; /* no cue: find_tense() still reports `why` */
	TenseScan sc;
	TenseScan *s = &sc;
	tense_scan_init(s, t, text, len, a, b);
	/* nearest words first: the one before, the one after, the second
	 * before…; the first that is a cue gives the tense (before wins a
	 * tie) */
	for (int d = 1;; d++) {
		bool any = false;
		for (int side = 0; side < 2; side++) {
			int q = side == 0 ? -d : d - 1;
			if (tense_word(s, q) == NULL)
				continue;
			any = true;
			int tense = cue_at(s, q) & 3;
			int from = q;   /* the first word of the cue */
			if (tense == FRISE_TENSE_PAST && tense_word(s, q - 1) != NULL && !(cue_at(s, q) & 4)) {
				/* a past form right after "be" is a passive
				 * participle: the tense is that of the words before
				 * ("will be named", "would still be held") */
				if (cue_at(s, q - 1) & 32)
					tense = FRISE_TENSE_NONE;
				/* …and after a determiner an adjective: "a still
				 * unspecified date" */
				for (int r = q - 1; r >= q - 3 && tense_word(s, r) != NULL; r--) {
					int c = cue_at(s, r);
					if (c & 128)
						tense = FRISE_TENSE_NONE;
					if (!(c & 16))
						break;
				}
			}
			if (tense == FRISE_TENSE_FUTURE) {
				/* a plan in the past perfect is past: "had been
				 * scheduled to expire Friday" */
				int h = had_before(s, q);
				if (h != INT_MIN) {
					tense = FRISE_TENSE_PAST;
					from = h;
				}
			}
			if (cue_at(s, q) & 4) {
				/* auxiliary + participle, maybe with adverbs between
				 * ("a déjà annoncé", "has not yet said"): past */
				for (int r = q + 1; r <= q + 4 && tense_word(s, r) != NULL; r++) {
					int c = cue_at(s, r);
					if (c & 16)
						continue;
					if (!(c & 3) && (c & 8))
						tense = FRISE_TENSE_PAST;
					break;
				}
			}
			if (tense == FRISE_TENSE_PAST) {
				/* "had (not) called", "had been scheduled": a past
				 * before the past */
				*pluperfect = (cue_at(s, q) & 64) != 0;
				int h = *pluperfect ? INT_MIN : had_before(s, from);
				if (h != INT_MIN) {
					*pluperfect = true;
					from = h;
				}
			}
			if (tense != FRISE_TENSE_NONE) {
				*ending = (cue_at(s, q) & 512) != 0;
				/* the cue, or the whole verb group it needed */
				const TenseWord *wf = tense_word(s, from), *wq = tense_word(s, q);
				size_t wl = MIN(wq->e - wf->s, whylen - 1);
				memcpy(why, text + wf->s, wl);
				why[wl] = 0;
				return tense;
			}
		}
		if (!any)
			return FRISE_TENSE_NONE;
	}
}


/* ---- the API ---- */

static bool
parse_dct(const char *s, TxDct *d)
{
	memset(d, 0, sizeof *d);
	if (s == NULL || *s == 0)
		return true;
	int y = 0, m = 0, dd = 0;
	size_t n = strlen(s);
	if (n >= 4 && sscanf(s, "%4d", &y) == 1 && g_ascii_isdigit(s[3]) && y >= 1000) {
		d->year = y;
		d->gran = 1;
		if (n == 4)
			return true;
		if (n >= 7 && s[4] == '-' && sscanf(s + 5, "%2d", &m) == 1 && m >= 1 && m <= 12) {
			d->month = m;
			d->gran = 2;
			if (n == 7)
				return true;
			if (n >= 10 && s[7] == '-' && sscanf(s + 8, "%2d", &dd) == 1 &&
			    g_date_valid_dmy(dd, m, y) && (n == 10 || s[10] == 'T' || s[10] == ' ')) {
				d->day = dd;
				d->gran = 3;
				int hh, mm;
				/* "2013-02-12T04:30": offsets under a day count from it */
				if (n >= 16 && s[13] == ':' && g_ascii_isdigit(s[11]) && g_ascii_isdigit(s[12]) &&
				    g_ascii_isdigit(s[14]) && g_ascii_isdigit(s[15]) &&
				    sscanf(s + 11, "%2d:%2d", &hh, &mm) == 2 && hh < 24 && mm < 60) {
					d->hour = hh;
					d->minute = mm;
					d->gran = 4;
				}
				return true;
			}
		}
	}
	return false;
}

/* Puts the settings of an entry or an edge into `seen` (mul and cap are
 * the table's, no slots of a match). */
static void
apply_sets(TxSeen *seen, const TxSet *sets, int n)
{
	for (int q = 0; q < n; q++)
		if (sets[q].slot != TX_S_MUL && sets[q].slot != TX_S_CAP)
			seen->v[sets[q].slot] = sets[q].value;
}

/* A NUM UNIT pair of a compound offset ("1 an 11 mois"): its amount in
 * the slot of its unit. */
static void
add_amount(TxSeen *seen, int unit, int qty)
{
	static const struct { short slot; short mult; } to[] = {
		[TX_U_YEAR] = { TX_S_N_Y, 1 }, [TX_U_MONTH] = { TX_S_N_M, 1 }, [TX_U_WEEK] = { TX_S_N_W, 1 },
		[TX_U_DAY] = { TX_S_N_D, 1 }, [TX_U_HOUR] = { TX_S_N_H, 1 }, [TX_U_MINUTE] = { TX_S_N_MIN, 1 },
		[TX_U_SECOND] = { TX_S_N_S, 1 }, [TX_U_QUARTER] = { TX_S_N_M, 3 }, [TX_U_HALF] = { TX_S_N_M, 6 },
		[TX_U_DECADE] = { TX_S_N_Y, 10 }, [TX_U_CENTURY] = { TX_S_N_Y, 100 },
		[TX_U_MILLENNIUM] = { TX_S_N_Y, 1000 }, [TX_U_NIGHT] = { TX_S_N_D, 1 },
	};
	if (unit <= 0 || unit >= (int)G_N_ELEMENTS(to) || to[unit].mult == 0 || qty < 0 || qty > 100000)
		return;
	int *v = &seen->v[to[unit].slot];
	*v = (*v == TX_UNSET ? 0 : *v) + qty * to[unit].mult;
	seen->v[TX_S_NPAIRS] = seen->v[TX_S_NPAIRS] == TX_UNSET ? 1 : seen->v[TX_S_NPAIRS] + 1;
}

/* The slots a match fills: seen[0] for the timex (group 1), seen[1] for
 * the second one of a range (group 2); context elements (group 0) fill
 * both. The rule's settings come last. */
static void
fill_seen(const TxTable *t, const Matcher *m, guint i0, TxSeen seen[2], const TxRule *r)
{
	for (int g = 0; g < 2; g++)
		for (int s = 0; s < TX_NSLOTS; s++)
			seen[g].v[s] = TX_UNSET;
	int pending[2] = { TX_UNSET, TX_UNSET };   /* the amount since the last unit */
	for (int d = 0; d < m->best_len; d++) {
		const TxEdge *e = m->best_path[d];
		int g0 = e->group == 2 ? 1 : 0, g1 = e->group == 0 ? 1 : g0;
		if (e->cls >= 0) {
			const Tok *k = &m->toks[i0 + d];
			int slot = e->slot >= 0 ? e->slot : t->class_slot[e->cls];
			int value = TX_UNSET;
			const TxEntry *en = entry_of(t, k->word, e->cls);
			if (en != NULL) {
				value = en->value;
				for (int g = g0; g <= g1; g++)
					apply_sets(&seen[g], en->sets, en->nsets);
			} else if (k->num != TX_UNSET) {
				value = k->num;
			}
			if (e->cls == t->cls_num && k->num != TX_UNSET)
				value = k->num;
			if (e->cls == t->cls_hhmm && k->num != TX_UNSET) {
				for (int g = g0; g <= g1; g++) {
					seen[g].v[TX_S_HOUR] = k->num / 100;
					seen[g].v[TX_S_MINUTE] = k->num % 100;
				}
				slot = -1;
			}
			if (slot >= 0 && value != TX_UNSET)
				for (int g = g0; g <= g1; g++) {
					if (slot == TX_S_UNIT) {
						int q = pending[g];
						add_amount(&seen[g], value, q == TX_UNSET ? 1 : q == TX_VAGUE ? -1 : q);
						pending[g] = TX_UNSET;
					} else if (slot == TX_S_QTY) {
						pending[g] = value;
					}
					seen[g].v[slot] = value;
				}
		}
		for (int g = g0; g <= g1; g++)
			apply_sets(&seen[g], e->sets, e->nsets);
	}
	for (int g = 0; g < 2; g++)
		apply_sets(&seen[g], r->sets, r->nsets);
}

/* How coarse a slot is, for what the two ends of a range share: a slot
 * one end lacks is taken from the other when it is coarser than anything
 * the end says itself ("du 13 au 15 juillet": July; "3-4pm": pm). 0: not
 * shared. */
static int
slot_rank(int s, const TxSeen *seen)
{
	switch (s) {
	case TX_S_YEAR: case TX_S_YY: return 1;
	case TX_S_MONTH: return 2;
	case TX_S_DAY: case TX_S_WEEKDAY: case TX_S_EASTER: case TX_S_CAL: return 3;
	case TX_S_UNIT: case TX_S_SHIFT: {
		int u = seen->v[TX_S_UNIT];
		return u == TX_U_YEAR ? 1 : u == TX_U_MONTH ? 2 : u == TX_U_DAY || u == TX_U_WEEK ? 3 : 0;
	}
	case TX_S_POD: case TX_S_PM: return 4;
	case TX_S_HOUR: return 5;
	case TX_S_MINUTE: return 6;
	default: return 0;
	}
}

static int
finest(const TxSeen *seen)
{
	int f = 0;
	for (int s = 0; s < TX_NSLOTS; s++)
		if (seen->v[s] != TX_UNSET)
			f = MAX(f, slot_rank(s, seen));
	return f;
}

/* The two ends of a range share what only one of them says. */
static void
carry_over(TxSeen *a, TxSeen *b)
{
	TxSeen a0 = *a, b0 = *b;
	int fa = finest(&a0), fb = finest(&b0);
	for (int s = 0; s < TX_NSLOTS; s++) {
		int ra = slot_rank(s, &b0), rb = slot_rank(s, &a0);
		if (a0.v[s] == TX_UNSET && b0.v[s] != TX_UNSET && ra > 0 && ra < fa)
			a->v[s] = b0.v[s];
		if (b0.v[s] == TX_UNSET && a0.v[s] != TX_UNSET && rb > 0 && rb < fb)
			b->v[s] = a0.v[s];
	}
	/* "between two and six days": the unit of the amounts */
	if (a0.v[TX_S_UNIT] == TX_UNSET && b0.v[TX_S_UNIT] != TX_UNSET && a0.v[TX_S_QTY] != TX_UNSET &&
	    a0.v[TX_S_HOUR] == TX_UNSET && b0.v[TX_S_DIR] == TX_UNSET)
		a->v[TX_S_UNIT] = b0.v[TX_S_UNIT];
	/* the day or time a relative end counts from ("1pm-2pm tomorrow") */
	if (a0.v[TX_S_UNIT] == TX_UNSET && b0.v[TX_S_UNIT] != TX_UNSET && slot_rank(TX_S_UNIT, &b0) > 0 &&
	    slot_rank(TX_S_UNIT, &b0) < fa && a0.v[TX_S_DAY] == TX_UNSET && a0.v[TX_S_WEEKDAY] == TX_UNSET) {
		a->v[TX_S_UNIT] = b0.v[TX_S_UNIT];
		a->v[TX_S_SHIFT] = b0.v[TX_S_SHIFT];
	}
	/* "3-4pm": the start is afternoon too, "11-2pm" not (11 > 2) */
	if (a0.v[TX_S_PM] == TX_UNSET && b0.v[TX_S_PM] != TX_UNSET && a0.v[TX_S_HOUR] != TX_UNSET &&
	    b0.v[TX_S_HOUR] != TX_UNSET && a0.v[TX_S_HOUR] > b0.v[TX_S_HOUR] % 12)
		a->v[TX_S_PM] = TX_UNSET;
	/* "11h30-1h30", "8am until 6": an end before the start is in the afternoon */
	if (a->v[TX_S_HOUR] != TX_UNSET && b->v[TX_S_HOUR] != TX_UNSET && b0.v[TX_S_PM] == TX_UNSET) {
		int ha = a->v[TX_S_HOUR] + (a->v[TX_S_PM] == 1 && a->v[TX_S_HOUR] < 12 ? 12 : 0);
		if (b->v[TX_S_HOUR] < 12 && b->v[TX_S_HOUR] < ha && b->v[TX_S_HOUR] + 12 > ha)
			b->v[TX_S_PM] = 1;
	}
	/* "du 28 décembre au 3 janvier 2014": the start is the year before */
	if (a0.v[TX_S_YEAR] == TX_UNSET && b0.v[TX_S_YEAR] != TX_UNSET && a->v[TX_S_YEAR] != TX_UNSET &&
	    a->v[TX_S_MONTH] != TX_UNSET && b->v[TX_S_MONTH] != TX_UNSET && a->v[TX_S_MONTH] > b->v[TX_S_MONTH])
		a->v[TX_S_YEAR]--;
	if (b0.v[TX_S_YEAR] == TX_UNSET && a0.v[TX_S_YEAR] != TX_UNSET && b->v[TX_S_YEAR] != TX_UNSET &&
	    a->v[TX_S_MONTH] != TX_UNSET && b->v[TX_S_MONTH] != TX_UNSET && a->v[TX_S_MONTH] > b->v[TX_S_MONTH])
		b->v[TX_S_YEAR]++;
}

static void
explain_seen(GString *g, const TxSeen *seen)
{
	g_string_append(g, "seen:");
	for (int s = 0; s < TX_NSLOTS; s++)
		if (seen->v[s] != TX_UNSET) {
			const char *sym = tx_slot_symbol(s, seen->v[s]);
			if (seen->v[s] == TX_VAGUE)
				g_string_append_printf(g, " %s=X", tx_slot_name(s));
			else if (sym != NULL)
				g_string_append_printf(g, " %s=%s", tx_slot_name(s), sym);
			else
				g_string_append_printf(g, " %s=%d", tx_slot_name(s), seen->v[s]);
		}
	g_string_append(g, "; ");
}

/* How many sentences back a quarter still anchors "a year earlier". */
#define QUARTER_REACH 3

/* What carries over from one expression (and one chunk) to the next. */
typedef struct {
	int anchor[3];         /* last day named (y, m, d), or the DCT's */
	char last_value[48];   /* last DATE/TIME value */
	char last_quarter[48]; /* last YYYY-Qn value */
	int month_year[13];    /* [m]: the year the text last gave month m with, or 0 */
	int sent_ym[2];        /* year and month of the last month-precise date said
				* with its year in sentence sent_ym_sent, or 0 */
	guint sent_ym_sent;
	guint quarter_sent;    /* the sentence it was in */
	guint last_sent, sent; /* sentence counters */
} State;

/* The parse of the last sentence a tense was asked in: the timexes of one
 * sentence share it. */
typedef struct {
	size_t start, end;   /* the sentence's bytes in the text */
	ClauseParse *parse;
} TenseCache;

/* The clause of one expression, for the resolver to ask its tense. */
typedef struct {
	const TxTable *t;
	const char *text;
	size_t len, a, b;
	char why[64];        /* the cue word found */
	bool pluperfect;     /* the clause is in the past perfect */
	TenseCache *cache;
	size_t from;         /* the start of the chunk: no sentence starts before */
} TenseQuery;

#define MORPH_REACH 60   /* bytes each way parsed for the morphology's tense */

/* The parse of the sentence holding text[a] (core/text.c's splitter, on
 * the words the cues are read in), from the cache when it is the last one
 * asked. */
static const ClauseParse *
sentence_parse(TenseQuery *q, size_t *start)
{
	TenseCache *tc = q->cache;
	if (tc->parse != NULL && q->a >= tc->start && q->a < tc->end) {
		*start = tc->start;
		return tc->parse;
	}
	size_t lo, hi;
	tense_window(q->t, q->text, q->len, q->a, q->b, TENSE_REACH, &lo, &hi);
	/* the clause's verb is near it: a shorter stretch costs the lexicon
	 * fewer lookups */
	if (q->a > lo + MORPH_REACH)
		lo = q->a - MORPH_REACH;
	if (hi > q->b + MORPH_REACH)
		hi = q->b + MORPH_REACH;
	while (lo < q->a && ((unsigned char)q->text[lo] & 0xC0) == 0x80)
		lo++;
	while (hi < q->len && ((unsigned char)q->text[hi] & 0xC0) == 0x80)
		hi++;
	GArray *sents = text_sentences(q->text, lo, hi, q->t->lang);
	size_t s = q->a, e = q->b;
	for (guint i = 0; i < sents->len; i++) {
		const FriseSentence *fs = &g_array_index(sents, FriseSentence, i);
		if (q->a >= fs->start && q->a < fs->end) {
			s = fs->start;
			e = MAX(fs->end, q->b);
			break;
		}
	}
	g_array_unref(sents);
	clause_parse_free(tc->parse);
	tc->parse = clause_parse(q->text + s, e - s, q->t->lang);
	tc->start = s;
	tc->end = e;
	*start = s;
	return tc->parse;
}

/* The tense of an expression's clause from the morphology of its verb
 * group (core/clause.c): the clause holding the expression, else the one it
 * hangs on. A conditional or modal verb without a tense of its own looks
 * ahead ("would meet", "devrait venir"). NONE when no clause around has a
 * verb. `why` gets the verb. */
static int
morph_tense(TenseQuery *q, char *why, size_t whylen)
{
	size_t start;
	const ClauseParse *p = sentence_parse(q, &start);
	if (p == NULL || p->clauses->len == 0)
		return FRISE_TENSE_NONE;
	const Clause *c = clause_at(p, q->a - start);
	while (c != NULL && !clause_has_verb(c))
		c = c->parent >= 0 ? &g_array_index(p->clauses, Clause, c->parent) : NULL;
	if (c == NULL)
		return FRISE_TENSE_NONE;
	int tense = c->tense;
	if (tense == FRISE_TENSE_NONE && (c->mood == CLAUSE_MOOD_CONDITIONAL || c->mood == CLAUSE_MOOD_MODAL))
		tense = FRISE_TENSE_FUTURE;
	const ClauseWord *v = &g_array_index(p->words, ClauseWord, c->verb);
	if (tense == FRISE_TENSE_PRESENT && p->lang == FRISE_LANG_EN &&
	    (morph_has_pos(&v->morph, MORPH_POS_NOUN) || (v->morph.n > 0 && (v->morph.a[0].flags & MORPH_F_GUESS))))
		return FRISE_TENSE_NONE;   /* "886 million shares Thursday": a plural, no verb */
	const ClauseWord *lex = &g_array_index(p->words, ClauseWord, c->main_verb >= 0 ? c->main_verb : c->verb);
	size_t wl = MIN(lex->end - v->start, whylen - 1);
	memcpy(why, q->text + start + v->start, wl);
	why[wl] = 0;
	return tense;
}

/* Whether the last word of `cue`, whose ending gave `tense`, is a verb of
 * that tense for the lexicon ("partira" is; "opéra", "lait" are not): one
 * lookup instead of a parse of the sentence. */
static bool
ending_confirmed(FriseLang lang, const char *cue, int tense)
{
	const char *w = strrchr(cue, ' ');
	w = w != NULL ? w + 1 : cue;
	MorphWord mw;
	if (!morph_analyze(lang, w, -1, &mw))
		return false;
	for (int k = 0; k < mw.n; k++) {
		MorphForm f = (MorphForm)mw.a[k].form;
		int ft = f == MORPH_FORM_FUTURE ? FRISE_TENSE_FUTURE :
			 f == MORPH_FORM_IMPERFECT || f == MORPH_FORM_SIMPLE_PAST || f == MORPH_FORM_SUBJ_IMPERFECT ||
				 f == MORPH_FORM_PAST_PARTICIPLE ? FRISE_TENSE_PAST : FRISE_TENSE_NONE;
		if (ft == tense && (mw.a[k].pos == MORPH_POS_VERB || mw.a[k].pos == MORPH_POS_AUX))
			return !morph_has_pos(&mw, MORPH_POS_NOUN) || f == MORPH_FORM_FUTURE;
	}
	return false;
}

/* The tense of an expression's clause: its verb group's, from the
 * morphology; but a plan said by a word ("prévu", "scheduled to", "plans
 * to", not an ending) looks ahead even in a past or present clause, a past
 * perfect nearby is past, a present (what an ambiguous form reads as
 * first) gives way to a past or future cue, and a clause the morphology
 * finds no verb in keeps the nearest word cue (tagger.tab [cues]). */
static int
find_tense(const void *data)
{
	TenseQuery *q = (TenseQuery *)(uintptr_t)data;
	char cue[64] = "";   /* clause_tense fills it only when it finds a cue */
	bool plup = false, ending = false;
	int by_cue = clause_tense(q->t, q->text, q->len, q->a, q->b, cue, sizeof cue, &plup, &ending);
	char verb[64] = "";
	/* a cue word the table lists (not an ending), a past perfect, any cue
	 * in English (its lexicon guesses by rules: "'s" as "is", "shares" as
	 * a verb) decide without the morphology, which is then not asked */
	bool sure = (by_cue != FRISE_TENSE_NONE && by_cue != FRISE_TENSE_PRESENT && !ending) ||
		    (by_cue == FRISE_TENSE_PAST && plup) ||
		    (q->t->lang == FRISE_LANG_EN && by_cue != FRISE_TENSE_NONE) ||
		    (ending && ending_confirmed(q->t->lang, cue, by_cue));
	int by_morph = sure ? FRISE_TENSE_NONE : morph_tense(q, verb, sizeof verb);
	int tense = by_morph;
	const char *why = verb;
	if (by_morph == FRISE_TENSE_NONE ||
	    (by_morph == FRISE_TENSE_PRESENT && by_cue != FRISE_TENSE_NONE)) {
		/* a present is what an ambiguous form reads as first ("A 20 h
		 * mardi"): a past or future cue nearby says more */
		tense = by_cue;
		why = cue;
	}
	q->pluperfect = plup && tense == FRISE_TENSE_PAST;
	g_strlcpy(q->why, why, sizeof q->why);
	return tense;
}

/* The tokens of group g in the best path: [*first, *last] (indexes into
 * the path), or -1. g 0: any group but context. */
static void
group_span(const Matcher *m, int g, int *first, int *last)
{
	*first = *last = -1;
	for (int d = 0; d < m->best_len; d++) {
		int eg = m->best_path[d]->group;
		if (g == 0 ? eg != 0 : eg == g) {
			if (*first < 0)
				*first = d;
			*last = d;
		}
	}
}

/* What tag_chunk hands to emit() for one timex. */
typedef struct {
	const TxTable *t;
	const char *text;
	size_t from, to;
	const FriseTagOptions *opts;
	const TxDct *dct;
	State *st;
	GArray *out;
	GString *scratch;
	TenseCache *tense_cache;
} Chunk;

/* The last date said moves with each timex: the anchor of "le lendemain",
 * "a year earlier", the year of a later bare "février". */
static void
remember(State *st, const FriseTimex *x, const TxSeen *seen, bool rel)
{
	if (!((x->type == FRISE_TIMEX_DATE || x->type == FRISE_TIMEX_TIME) && g_ascii_isdigit(x->value[0])))
		return;
	/* an anchored value ("a year earlier") is no new anchor: chains
	 * would drift a year at each step */
	bool anchored = seen->v[TX_S_ANCHOR] != TX_UNSET;
	if (!anchored) {
		g_strlcpy(st->last_value, x->value, sizeof st->last_value);
		st->last_sent = st->sent;
	}
	if (!anchored && strlen(x->value) == 7 && x->value[4] == '-' && x->value[5] == 'Q') {
		g_strlcpy(st->last_quarter, x->value, sizeof st->last_quarter);
		st->quarter_sent = st->sent;
	}
	const char *v = x->value;
	if (!rel && strlen(v) >= 7 && v[4] == '-' && g_ascii_isdigit(v[5]) && g_ascii_isdigit(v[6])) {
		/* "février 2024": a later bare "février" is this one */
		int m2 = (v[5] - '0') * 10 + (v[6] - '0');
		if (m2 >= 1 && m2 <= 12) {
			st->month_year[m2] = (int)g_ascii_strtoll(v, NULL, 10);
			st->sent_ym[0] = st->month_year[m2];
			st->sent_ym[1] = m2;
			st->sent_ym_sent = st->sent;
		}
	}
	int y = 0, mo = 0, d = 0;
	if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-' && g_ascii_isdigit(v[5]) &&
	    g_ascii_isdigit(v[8]) && g_ascii_isdigit(v[9])) {
		y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
		mo = (v[5] - '0') * 10 + (v[6] - '0');
		d = (v[8] - '0') * 10 + (v[9] - '0');
	}
	if (y > 0 && g_date_valid_dmy(d, mo, y)) {
		st->anchor[0] = y;
		st->anchor[1] = mo;
		st->anchor[2] = d;
	}
}

/* Resolves one timex, toks[start_tok..end_tok] its span and toks[i0, i0 +
 * len) the whole match (the clause's tense is looked for around it), and
 * appends it. Returns false when the slots make no value. */
static bool
emit(const Chunk *c, const Tok *toks, guint i0, int len, guint start_tok, guint end_tok,
     const TxRule *r, const TxSeen *seen, const TxRule *joined_rule)
{
	const TxTable *t = c->t;
	const TxDct *dct = c->dct;
	State *st = c->st;
	bool explain = c->opts && c->opts->explain;
	TenseQuery tq = { t, c->text, c->to, toks[i0].start, toks[i0 + len - 1].end, "", false, c->tense_cache,
			  c->from };
	int tense = -1;
	if (seen->v[TX_S_TENSE] != TX_UNSET) {
		tense = seen->v[TX_S_TENSE];
		/* "until Thursday" looks ahead, but not in the past perfect:
		 * "Until Thursday, they had not called him a suspect" */
		if (tense == FRISE_TENSE_FUTURE && find_tense(&tq) == FRISE_TENSE_PAST && tq.pluperfect)
			tense = FRISE_TENSE_PAST;
	} else if (explain) {
		tense = find_tense(&tq);
	}
	FriseTimex x = { 0 };
	x.start = toks[start_tok].start;
	x.end = toks[end_tok].end;
	x.rule = r->name;
	x.type = seen->v[TX_S_TYPE] != TX_UNSET ? seen->v[TX_S_TYPE] : r->type;
	GString *ex = explain ? g_string_new(NULL) : NULL;
	if (ex != NULL) {
		g_string_append_printf(ex, "rule '%s' (%s/tagger.tab line %d); ", r->name,
				       frise_lang_code(t->lang), r->line);
		if (joined_rule != NULL)
			g_string_append_printf(ex, "joined with rule '%s' (line %d); ", joined_rule->name,
					       joined_rule->line);
		explain_seen(ex, seen);
		g_string_append_printf(ex, "tense %s%s%s%s; ",
				       tense == FRISE_TENSE_PAST ? "past" :
				       tense == FRISE_TENSE_FUTURE ? "future" :
				       tense == FRISE_TENSE_PRESENT ? "present" : "none",
				       tq.why[0] ? " (cue '" : "", tq.why, tq.why[0] ? "')" : "");
		if (dct->gran == 4)
			g_string_append_printf(ex, "DCT %04d-%02d-%02dT%02d:%02d; ", dct->year, dct->month,
					       dct->day, dct->hour, dct->minute);
		else if (dct->gran == 3)
			g_string_append_printf(ex, "DCT %04d-%02d-%02d; ", dct->year, dct->month, dct->day);
		else if (dct->gran == 2)
			g_string_append_printf(ex, "DCT %04d-%02d; ", dct->year, dct->month);
		else if (dct->gran == 1)
			g_string_append_printf(ex, "DCT %04d; ", dct->year);
		else
			g_string_append(ex, "no DCT; ");
	}
	TxContext ctx = { .dct = dct, .tense = &tense, .find_tense = find_tense, .tense_data = &tq,
			  .type = (int)x.type,
			  .anchor_y = st->anchor[0], .anchor_m = st->anchor[1], .anchor_d = st->anchor[2],
			  .last = st->sent - st->last_sent <= 1 ? st->last_value : "",
			  .last_far = st->last_value,
			  .last_quarter = st->sent - st->quarter_sent <= QUARTER_REACH ? st->last_quarter : "",
			  .month_year = st->month_year,
			  .sent_y = st->sent_ym_sent == st->sent ? st->sent_ym[0] : 0,
			  .sent_m = st->sent_ym_sent == st->sent ? st->sent_ym[1] : 0,
			  .explain = ex, .scratch = c->scratch };
	bool rel = false;
	if (!tx_resolve(seen, &ctx, x.value, x.mod, &rel)) {
		if (ex != NULL)
			g_string_free(ex, TRUE);
		return false;
	}
	x.relative = rel;
	x.tense = rel && tense > 0 ? tense : FRISE_TENSE_NONE;
	/* a time value carries a time part */
	if (x.type == FRISE_TIMEX_DATE && strchr(x.value, 'T') != NULL &&
	    (g_ascii_isdigit(x.value[0]) || x.value[0] == 'X'))
		x.type = FRISE_TIMEX_TIME;
	if (ex != NULL)
		x.explain = g_string_free(ex, FALSE);
	g_array_append_val(c->out, x);
	remember(st, &x, seen, rel);
	return true;
}

/* The year a range's end takes when only the start's resolution says it
 * ("du 28 décembre au 3 janvier": the start's year, the next for an end
 * month before the start's). */
static void
end_follows_start(TxSeen *b, const TxSeen *b0, const FriseTimex *a)
{
	const char *v = a->value;
	if (b0->v[TX_S_YEAR] != TX_UNSET || b0->v[TX_S_YY] != TX_UNSET || b->v[TX_S_MONTH] == TX_UNSET ||
	    strlen(v) < 7 || !g_ascii_isdigit(v[0]) || v[4] != '-' || !g_ascii_isdigit(v[5]))
		return;
	int y = (int)g_ascii_strtoll(v, NULL, 10), m = (v[5] - '0') * 10 + (v[6] - '0');
	b->v[TX_S_YEAR] = b->v[TX_S_MONTH] < m ? y + 1 : y;
}

/* ---- a clock time next to its day ---- */

/* How an expression may join another into one time: a clock time and a
 * day said side by side are one expression ("15 h 30, hier", "demain à
 * 5h", "8 heures ce soir", "tonight at 8", "Thursday 9h30"). */
enum { J_NONE, J_CLOCK, J_DAY, J_HOURS /* hours that may be o'clock */, J_POD /* a part of a day alone */ };

static bool
any_of(const TxSeen *s, const int *slots, int n)
{
	for (int k = 0; k < n; k++)
		if (s->v[slots[k]] != TX_UNSET)
			return true;
	return false;
}

static int
join_kind(const TxSeen *s, int type)
{
	static const int dated[] = { TX_S_DAY, TX_S_WEEKDAY, TX_S_MONTH, TX_S_YEAR, TX_S_YY, TX_S_EASTER,
				     TX_S_UNIT, TX_S_DIR, TX_S_REF, TX_S_DECADE, TX_S_CENTURY, TX_S_SEASON,
				     TX_S_QUARTER, TX_S_HALF };
	if (type == FRISE_TIMEX_DURATION) {
		/* "8 heures ce soir": hours before a part of a day are o'clock
		 * (the caller checks the part of the day) */
		int q = s->v[TX_S_QTY];
		return s->v[TX_S_UNIT] == TX_U_HOUR && q != TX_UNSET && q >= 0 && q <= 24 &&
		       s->v[TX_S_MOD] == TX_UNSET && s->v[TX_S_NPAIRS] == 1 ? J_HOURS : J_NONE;
	}
	if (type == FRISE_TIMEX_SET || s->v[TX_S_REF] != TX_UNSET)
		return J_NONE;
	if (s->v[TX_S_HOUR] != TX_UNSET)
		return any_of(s, dated, G_N_ELEMENTS(dated)) ? J_NONE : J_CLOCK;
	if (s->v[TX_S_POD] != TX_UNSET && !any_of(s, dated, G_N_ELEMENTS(dated)))
		return J_POD;   /* "in the morning", "the morning of" */
	bool day = s->v[TX_S_DAY] != TX_UNSET || s->v[TX_S_WEEKDAY] != TX_UNSET ||
		   s->v[TX_S_EASTER] != TX_UNSET || (s->v[TX_S_UNIT] == TX_U_DAY && s->v[TX_S_QTY] == TX_UNSET) ||
		   /* "1 week ago at 12:00 am", "in 7 days at 5pm" */
		   ((s->v[TX_S_UNIT] == TX_U_DAY || s->v[TX_S_UNIT] == TX_U_WEEK) && s->v[TX_S_DIR] != TX_UNSET &&
		    s->v[TX_S_QTY] != TX_VAGUE && s->v[TX_S_NPAIRS] == 1);
	return day && s->v[TX_S_DECADE] == TX_UNSET && s->v[TX_S_CENTURY] == TX_UNSET ? J_DAY : J_NONE;
}

/* The day `d` at the clock time of `k` (type: k's rule's). */
static TxSeen
joined(const TxSeen *d, const TxSeen *k, int ktype)
{
	TxSeen j = *d;
	if (j.v[TX_S_UNIT] == TX_U_WEEK && j.v[TX_S_DIR] != TX_UNSET) {
		/* a week ago at a time of day: the day seven days back */
		j.v[TX_S_UNIT] = TX_U_DAY;
		j.v[TX_S_QTY] = 7 * (j.v[TX_S_QTY] == TX_UNSET ? 1 : j.v[TX_S_QTY]);
	}
	if (ktype == FRISE_TIMEX_DURATION) {
		j.v[TX_S_HOUR] = k->v[TX_S_QTY];
	} else {
		static const int clock[] = { TX_S_HOUR, TX_S_MINUTE, TX_S_PM, TX_S_MINUS };
		for (size_t q = 0; q < G_N_ELEMENTS(clock); q++)
			if (k->v[clock[q]] != TX_UNSET)
				j.v[clock[q]] = k->v[clock[q]];
		if (k->v[TX_S_MOD] != TX_UNSET)
			j.v[TX_S_MOD] = k->v[TX_S_MOD];
		if (j.v[TX_S_TENSE] == TX_UNSET)
			j.v[TX_S_TENSE] = k->v[TX_S_TENSE];
		if (j.v[TX_S_POD] == TX_UNSET)
			j.v[TX_S_POD] = k->v[TX_S_POD];
	}
	j.v[TX_S_TYPE] = FRISE_TIMEX_TIME;
	return j;
}

/* A bare number that is an hour where a day joins it: digits or words,
 * 0..24, the clause ending after it ("tonight at 8.", not "at 8 percent"). */
static bool
bare_hour(const TxTable *t, const Tok *toks, guint n, guint j)
{
	if (j >= n || !(toks[j].mask >> t->cls_hour & 1) || toks[j].num == TX_UNSET)
		return false;
	/* the end of the clause after it: "tonight at 8.", not "at 1,015 francs" */
	if (j + 2 < n && toks[j + 1].kind == TOK_PUNCT && toks[j + 2].kind == TOK_DIGITS &&
	    toks[j + 1].start == toks[j].end && toks[j + 2].start == toks[j + 1].end)
		return false;
	return j + 1 >= n || (toks[j + 1].flags & F_BREAK) || toks[j + 1].kind == TOK_PUNCT;
}

/* A bare hour that may open a time whose day follows ("8 tonight"): a
 * number 0..24 alone, the next token in the same sentence. */
static bool
bare_hour_first(const TxTable *t, const Tok *toks, guint n, guint i)
{
	return i + 1 < n && toks[i].num != TX_UNSET && (toks[i].mask >> t->cls_hour & 1) &&
	       !(toks[i + 1].flags & F_BREAK) && (toks[i + 1].flags & F_ROOT);
}

/* The match at token j (one timex, a rule that emits): its slots, span
 * and length; false when there is none. Clobbers the matcher's best path. */
static bool
match_at(Matcher *m, guint j, TxSeen *seen, const TxRule **r, int *first, int *last)
{
	if (j >= m->ntoks || !(m->toks[j].flags & F_ROOT))
		return false;
	m->best_len = 0;
	m->best_rule = -1;
	walk_root(m, j);
	if (m->best_rule < 0)
		return false;
	*r = &g_array_index(m->t->rules, TxRule, m->best_rule);
	int f2, l2;
	group_span(m, 2, &f2, &l2);
	group_span(m, 0, first, last);
	if ((*r)->type < 0 || *first < 0 || f2 >= 0 || m->best_len != *last + 1)
		return false;
	TxSeen two[2];
	fill_seen(m->t, m, j, two, *r);
	*seen = two[0];
	return true;
}

/* "8 tonight", "at 9 tomorrow morning": a bare hour at token i before a
 * day that says its part of the day, or after "at". Emits it and returns
 * the tokens it took; 1 (go on) when there is none. */
static guint
bare_hour_time(const Chunk *c, Matcher *m, guint i, guint *scanned)
{
	const TxTable *t = c->t;
	if (G_LIKELY(m->toks[i].num == TX_UNSET) || !bare_hour_first(t, m->toks, m->ntoks, i))
		return 1;
	TxSeen s2;
	const TxRule *r2;
	int f2, l2;
	if (!match_at(m, i + 1, &s2, &r2, &f2, &l2) || f2 != 0 || join_kind(&s2, r2->type) != J_DAY ||
	    !(s2.v[TX_S_POD] != TX_UNSET || s2.v[TX_S_PM] != TX_UNSET ||
	      (i > 0 && (m->toks[i - 1].mask >> t->cls_at & 1))))
		return 1;
	for (; *scanned <= i; (*scanned)++)
		if (m->toks[*scanned].flags & F_BREAK)
			c->st->sent++;
	s2.v[TX_S_HOUR] = m->toks[i].num;
	s2.v[TX_S_TYPE] = FRISE_TIMEX_TIME;
	if (!emit(c, m->toks, i, l2 + 2, i, i + 1 + (guint)l2, r2, &s2, NULL))
		return 1;
	return (guint)l2 + 2;
}

/* Tags text[from, to): a run of whole lines. */
static bool
tag_chunk(const TxTable *t, const char *text, size_t from, size_t to, const FriseTagOptions *opts,
	  const TxDct *dct, State *st, GArray *out, GArray *toks, GString *scratch, TenseCache *tense_cache,
	  size_t *bad)
{
	g_array_set_size(toks, 0);
	if (!tokenise(t, text, from, to, toks, bad))
		return false;
	merge_numbers(t, toks);
	Matcher m = { .t = t, .toks = (const Tok *)(void *)toks->data, .ntoks = toks->len };
	Chunk c = { t, text, from, to, opts, dct, st, out, scratch, tense_cache };
	guint scanned = 0;
	for (guint i = 0; i < m.ntoks;) {
		const Tok *k = &m.toks[i];
		if (!(k->flags & F_ROOT)) {
			i += m.toks[i].num == TX_UNSET ? 1 : bare_hour_time(&c, &m, i, &scanned);
			continue;
		}
		{
			/* no walk when no pattern that starts here takes the next
			 * token ("le", "en", most numbers): the union of what may
			 * follow the token's root edges */
			TxNext x = k->word >= 0 ? t->root_next[k->word] : (TxNext){ 0 };
			for (guint64 bits = k->mask & t->root_mask; bits != 0; bits &= bits - 1) {
				const TxNext *cn = &t->class_next[__builtin_ctzll(bits)];
				x.cls |= cn->cls;
				x.words |= cn->words;
				x.ends |= cn->ends;
			}
			const Tok *nx = i + 1 < m.ntoks ? &m.toks[i + 1] : NULL;
			if (!x.ends && (nx == NULL || (!(nx->mask & x.cls) &&
			    (nx->word < 0 || !(x.words >> (nx->word & 63) & 1))))) {
				i += m.toks[i].num == TX_UNSET ? 1 : bare_hour_time(&c, &m, i, &scanned);
				continue;
			}
		}
		m.best_len = 0;
		m.best_rule = -1;
		walk_root(&m, i);
		if (m.best_rule < 0) {
			i += m.toks[i].num == TX_UNSET ? 1 : bare_hour_time(&c, &m, i, &scanned);
			continue;
		}
		const TxRule *r = &g_array_index(t->rules, TxRule, m.best_rule);
		for (; scanned <= i; scanned++)
			if (m.toks[scanned].flags & F_BREAK)
				st->sent++;
		int first, last;
		group_span(&m, 0, &first, &last);
		if (r->type < 0 || first < 0) {
			i += m.best_len;
			continue;
		}
		if (first > 0) {
			/* Leading context ("in { May }") must not hide a longer
			 * form that starts at the first word of the span ("May
			 * 5, 1998"): match from there too, keep what ends later. */
			int save_len = m.best_len, save_rule = m.best_rule;
			const TxEdge *save_path[TX_MAX_ELEMS];
			memcpy(save_path, m.best_path, sizeof save_path);
			guint j = i + (guint)first;
			m.best_len = 0;
			m.best_rule = -1;
			walk_root(&m, j);
			int f2, l2;
			group_span(&m, 0, &f2, &l2);
			const TxRule *r2 = m.best_rule >= 0 ? &g_array_index(t->rules, TxRule, m.best_rule) : NULL;
			if (r2 != NULL && r2->type >= 0 && f2 == 0 && j + (guint)l2 > i + (guint)last) {
				i = j;
				r = r2;
				first = f2;
				last = l2;
				for (; scanned <= i; scanned++)
					if (m.toks[scanned].flags & F_BREAK)
						st->sent++;
			} else {
				m.best_len = save_len;
				m.best_rule = save_rule;
				memcpy(m.best_path, save_path, sizeof save_path);
			}
		}
		TxSeen seen[2];
		fill_seen(t, &m, i, seen, r);
		int len = m.best_len;   /* the join below walks again */
		int f1, l1, fb, lb;
		group_span(&m, 1, &f1, &l1);
		group_span(&m, 2, &fb, &lb);
		if (fb < 0) {
			/* a clock time and its day side by side are one time, and
			 * so are a day and its part ("the 15th in the morning",
			 * "the morning of the 15th") */
			bool joiner_after = len == last + 2 && (m.toks[i + (guint)len - 1].mask >> t->cls_join & 1);
			int kind = len == last + 1 || joiner_after ? join_kind(&seen[0], r->type) : J_NONE;
			guint k2 = i + (guint)len;
			bool at = false, word = joiner_after;
			if (kind != J_NONE && !joiner_after && k2 < m.ntoks && (m.toks[k2].mask >> t->cls_join & 1) &&
			    !(m.toks[k2].flags & F_BREAK)) {
				/* a joiner; but a part of the day may take it as its
				 * own context ("tomorrow { at lunch }") */
				TxSeen sp;
				const TxRule *rp;
				int fp, lp;
				if (!(kind == J_DAY && match_at(&m, k2, &sp, &rp, &fp, &lp) && fp > 0 &&
				      join_kind(&sp, rp->type) == J_POD)) {
					at = m.toks[k2].mask >> t->cls_at & 1;
					word = m.toks[k2].kind == TOK_WORD;
					k2++;
				}
			}
			if (kind != J_NONE && k2 < m.ntoks && !(m.toks[k2].flags & F_BREAK)) {
				TxSeen s2;
				const TxRule *r2;
				int f2, l2;
				int k2kind = J_NONE;
				bool hours = false;   /* a duration of hours read as o'clock */
				if (match_at(&m, k2, &s2, &r2, &f2, &l2) && (f2 == 0 || kind == J_DAY))
					k2kind = join_kind(&s2, r2->type);
				if (f2 != 0 && k2kind != J_POD)
					k2kind = J_NONE;   /* "mardi vers 21 h 45": two timexes */
				bool punct = k2 > i + (guint)len - (joiner_after ? 1 : 0) && !word;
				if (kind == J_DAY && k2kind == J_POD && !punct) {
					TxSeen j = kind == J_DAY ? seen[0] : s2;
					const TxSeen *p = kind == J_DAY ? &s2 : &seen[0];
					j.v[TX_S_POD] = p->v[TX_S_POD];
					if (p->v[TX_S_MOD] != TX_UNSET)
						j.v[TX_S_MOD] = p->v[TX_S_MOD];
					j.v[TX_S_TYPE] = FRISE_TIMEX_TIME;
					if (emit(&c, m.toks, i, (int)(k2 - i) + l2 + 1, i + (guint)first, k2 + (guint)l2,
						 kind == J_DAY ? r : r2, &j, kind == J_DAY ? r2 : r)) {
						i = k2 + (guint)l2 + 1;
						continue;
					}
				}
				if (kind == J_HOURS && k2kind == J_DAY && first == 0 && s2.v[TX_S_POD] != TX_UNSET)
					kind = J_CLOCK, hours = true;
				if (kind == J_DAY && k2kind == J_HOURS && word)
					k2kind = J_CLOCK, hours = true;   /* "vendredi à seize heures" */
				if (k2kind == J_DAY ? kind == J_CLOCK : k2kind == J_CLOCK && kind == J_DAY) {
					TxSeen j = kind == J_DAY ? joined(&seen[0], &s2, r2->type)
								 : joined(&s2, &seen[0], r->type);
					const TxSeen *day = kind == J_DAY ? &seen[0] : &s2;
					int l = (int)(k2 - i) + l2 + 1;
					if (!hours && day->v[TX_S_POD] != TX_UNSET) {
						/* "ce soir à 00 h 10": two timexes, as the French
						 * TimeBank has them, the hour on that day and
						 * in its half of it */
						bool day_first = kind == J_DAY;
						emit(&c, m.toks, i, l, i + (guint)first, i + (guint)last, r,
						     day_first ? day : &j, NULL);
						emit(&c, m.toks, i, l, k2 + (guint)f2, k2 + (guint)l2, r2,
						     day_first ? &j : day, NULL);
						i = k2 + (guint)l2 + 1;
						continue;
					}
					if (emit(&c, m.toks, i, l, i + (guint)first, k2 + (guint)l2,
						 kind == J_DAY ? r : r2, &j, kind == J_DAY ? r2 : r)) {
						i = k2 + (guint)l2 + 1;
						continue;
					}
				} else if (kind == J_DAY && at && bare_hour(t, m.toks, m.ntoks, k2)) {
					TxSeen j = seen[0];
					j.v[TX_S_HOUR] = m.toks[k2].num;
					j.v[TX_S_TYPE] = FRISE_TIMEX_TIME;
					if (emit(&c, m.toks, i, (int)(k2 - i) + 1, i + (guint)first, k2, r, &j, NULL)) {
						i = k2 + 1;
						continue;
					}
				}
			}
			emit(&c, m.toks, i, len, i + (guint)first, i + (guint)last, r, &seen[0], NULL);
		} else {
			/* a range: two timexes, each with what the other says of
			 * the coarser parts */
			TxSeen b0 = seen[1];
			carry_over(&seen[0], &seen[1]);
			guint n0 = c.out->len;
			if (f1 >= 0 && emit(&c, m.toks, i, len, i + (guint)f1, i + (guint)l1, r, &seen[0], NULL))
				end_follows_start(&seen[1], &b0, &g_array_index(c.out, FriseTimex, n0));
			emit(&c, m.toks, i, len, i + (guint)fb, i + (guint)lb, r, &seen[1], NULL);
		}
		i += last + 1;
	}
	for (; scanned < m.ntoks; scanned++)
		if (m.toks[scanned].flags & F_BREAK)
			st->sent++;
	return true;
}

/* Texts are tagged in chunks of about this many bytes, cut at a line
 * end, so the token array stays small whatever the input's size. */
#define CHUNK (1 << 20)

GArray *
timex_tag(const FriseTagger *tagger, const char *text, size_t len,
	  const FriseTagOptions *opts, GError **error)
{
	FriseLang lang = opts && opts->lang == FRISE_LANG_EN ? FRISE_LANG_EN : FRISE_LANG_FR;
	TxDct dct;
	if (tagger == NULL || (text == NULL && len > 0)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "timex_tag: no tagger or text");
		return NULL;
	}
	if (!parse_dct(opts ? opts->dct : NULL, &dct)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_USAGE,
			    "invalid document date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)", opts->dct);
		return NULL;
	}
	const TxTable *t = tagger->tables[lang];
	GArray *out = g_array_new(FALSE, TRUE, sizeof(FriseTimex));
	GArray *toks = g_array_sized_new(FALSE, FALSE, sizeof(Tok), MIN(len, CHUNK) / 4 + 16);
	State st = { .anchor = { 0, 0, 0 } };
	GString *scratch = g_string_sized_new(64);
	TenseCache cache = { 0, 0, NULL };
	if (dct.gran >= 3) {
		st.anchor[0] = dct.year;
		st.anchor[1] = dct.month;
		st.anchor[2] = dct.day;
	}
	size_t from = 0;
	while (from < len) {
		size_t to = from + CHUNK;
		if (to >= len) {
			to = len;
		} else {
			const char *nl = memchr(text + to, '\n', len - to);
			to = nl ? (size_t)(nl - text) + 1 : len;
		}
		size_t bad = 0;
		if (!tag_chunk(t, text, from, to, opts, &dct, &st, out, toks, scratch, &cache, &bad)) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
				    "invalid UTF-8 at byte %zu", bad);
			g_array_free(toks, TRUE);
			g_string_free(scratch, TRUE);
			clause_parse_free(cache.parse);
			timex_array_free(out);
			return NULL;
		}
		from = to;
	}
	g_array_free(toks, TRUE);
	g_string_free(scratch, TRUE);
	clause_parse_free(cache.parse);
	return out;
}
