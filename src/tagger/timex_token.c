/*
 * timex_token.c — the tagger's tokeniser (prefix tx_): splits a text into
 * the tokens the matcher walks (tx_tokenise: words looked up in the
 * language table, digit runs, punctuation, and one gap token for each run
 * of words the table does not know), merges numbers said in words into
 * one number token (tx_merge_numbers), and tells whether a '.' ends a
 * sentence (tx_dot_continues, the one rule of the tokeniser and of the
 * tense's window). Everything else here has file scope.
 *
 * Offsets are byte offsets into the text as given; a token is [start,
 * end), end exclusive. The text is read as it is: a BOM and CR are
 * blanks, NFD accents are folded with their letter, so offsets need no
 * mapping back. The tagger's hot loop: no allocation, one table lookup a
 * word, ASCII letters 8 at a time.
 */
#include "timex_private.h"
#include "core/lang.h"
#include "core/text.h"

#include <string.h>

/* TX_F_ROOT for a token whose mask and word are set: decided here, where
 * they are at hand, so that the matcher's scan tests one byte. */
static inline guint8
root_flag(const TxTable *t, const TxTok *k)
{
	return (k->mask & t->root_mask) || (k->word >= 0 && t->root_word_count[k->word] > 0) ? TX_F_ROOT : 0;
}

static inline bool
is_space(gunichar u)
{
	return u == ' ' || u == '\t' || u == '\r' || u == '\n' || u == 0xA0 || u == 0x202F ||
	       u == 0x2009 || u == 0xFEFF || u == 0x200B || u == '\f' || u == '\v';
}

static void
set_digit_classes(const TxTable *t, TxTok *k)
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

/* ASCII letters lower-cased, 1 for any non-ASCII byte, 0 otherwise. */
static const unsigned char lowtab[256] = {
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
	['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
	['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
	['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
	[0x80 ... 0xFF] = 1,
};

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
				gunichar u = tx_decode(s + j, len - j, &wl);
				if (u == (gunichar)-1) {
					*end = j;
					return -2;
				}
				if (!tx_is_letter(u))
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
bool
tx_dot_continues(const TxTable *t, const char *text, size_t p)
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
bool
tx_tokenise(const TxTable *t, const char *text, size_t from, size_t len, GArray *toks, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = from;
	guint8 pending = TX_F_BREAK;
	guint n = toks->len, cap = MAX(toks->len, 1024);
	g_array_set_size(toks, cap);
	TxTok *out = (TxTok *)(void *)toks->data;
	while (i < len) {
		unsigned char c = s[i];
		gunichar u = c;
		size_t clen = 1;
		guint8 ac = 0;
		if (c < 0x80) {
			ac = tx_ascii_class[c];
			if (ac & TX_A_SPACE) {
				if (ac & TX_A_NL)
					pending |= TX_F_BREAK;
				i++;
				continue;
			}
		} else {
			u = tx_decode(s + i, len - i, &clen);
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
			out = (TxTok *)(void *)toks->data;
		}
		if ((ac & TX_A_ALPHA) || (c >= 0x80 && tx_is_letter(u))) {
			size_t j;
			int word = scan_word(t, s, i, len, &j);
			if (word == -2) {
				*bad = j;
				g_array_set_size(toks, n);
				return false;
			}
			if (word < 0) {
				/* a pending sentence break waits for the next known token */
				if (n > 0 && out[n - 1].kind == TX_TOK_GAP) {
					out[n - 1].end = (guint32)j;
				} else {
					out[n++] = (TxTok){ .start = (guint32)i, .end = (guint32)j, .word = -1,
							  .num = TX_UNSET, .kind = TX_TOK_GAP };
				}
				/* the one space after a word, here rather than by a
				 * turn of the loop (a branch that predicts well) */
				i = j + (j < len && s[j] == ' ');
				continue;
			}
			TxTok *k = &out[n++];
			*k = (TxTok){ .start = (guint32)i, .end = (guint32)j, .word = word, .num = TX_UNSET,
				    .kind = TX_TOK_WORD, .flags = pending };
			pending = 0;
			if (c < 0x80 ? (ac & TX_A_UPPER) != 0 : g_unichar_isupper(u))
				k->flags |= TX_F_CAP;
			k->mask = t->wmask[word];
			if (k->flags & TX_F_CAP)
				k->mask |= t->wmask_cap[word];
			if (!(k->flags & TX_F_CAP) || (k->flags & TX_F_BREAK))
				k->mask |= t->wmask_low[word];
			k->flags |= root_flag(t, k);
			i = j + (j < len && s[j] == ' ');
			continue;
		}
		TxTok *k = &out[n++];
		*k = (TxTok){ .start = (guint32)i, .word = -1, .num = TX_UNSET, .flags = pending };
		pending = 0;
		if (ac & TX_A_DIGIT) {
			size_t j = i;
			int v = 0;
			while (j < len && s[j] >= '0' && s[j] <= '9') {
				if (v < 100000000)
					v = v * 10 + (s[j] - '0');
				j++;
			}
			k->kind = TX_TOK_DIGITS;
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
		k->kind = TX_TOK_PUNCT;
		k->end = (guint32)(i + clen);
		if (c < 0x80) {
			k->word = t->punct_word[c];
		} else if (tx_is_apostrophe(u)) {
			k->word = t->punct_word['\''];
		} else if (t->nonascii_words) {
			/* a sign folds to itself ("°", "«") */
			k->word = tx_word_id(t, text + i, clen);
		}
		if (u == '!' || u == '?' || u == ';') {
			pending |= TX_F_BREAK;
		} else if (u == '.') {
			/* "7.2", "U.S.", "Corp.'s", "Corp. said": no sentence
			 * end; only a blank then anything but a lower-case
			 * letter ends one, and not after letters dotted one by
			 * one ("9 a.m. Tuesday", "the U.S. Army") */
			size_t q = i + 1;
			if (q >= len || (s[q] < 0x80 && (tx_ascii_class[s[q]] & TX_A_SPACE))) {
				guint8 nl = 0;
				while (q < len && s[q] < 0x80 && (tx_ascii_class[s[q]] & TX_A_SPACE))
					nl |= tx_ascii_class[s[q++]] & TX_A_NL;
				/* a line end among the blanks breaks the sentence
				 * anyway (below): no abbreviation to look up then */
				if (nl || (!(q < len && s[q] >= 'a' && s[q] <= 'z') && !tx_dot_continues(t, text, i)))
					pending |= TX_F_BREAK;
			}
		}
		i += clen;
		if (k->word >= 0) {
			k->mask = t->wmask[k->word];
			if (k->flags & TX_F_CAP)
				k->mask |= t->wmask_cap[k->word];
			if (!(k->flags & TX_F_CAP) || (k->flags & TX_F_BREAK))
				k->mask |= t->wmask_low[k->word];
		}
		k->flags |= root_flag(t, k);
	}
	g_array_set_size(toks, n);
	return true;
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
void
tx_merge_numbers(const TxTable *t, GArray *toks)
{
	TxTok *k = (TxTok *)(void *)toks->data;
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
			const TxEntry *e = tx_entry_of(t, k[j].word, t->cls_numword);
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
			const TxEntry *oe = nx < n ? tx_entry_of(t, k[nx].word, t->cls_ord) : NULL;
			long g = total + group;
			if (oe != NULL && oe->value >= 1 && oe->value <= 9 && g >= 20 && g < 100 && g % 10 == 0) {
				TxTok m = k[i];
				m.end = k[nx].end;
				m.word = -1;
				m.num = (int)g + oe->value;
				m.mask = G_GUINT64_CONSTANT(1) << t->cls_ord;
				m.flags = (guint8)((m.flags & ~TX_F_ROOT) | root_flag(t, &m));
				k[o++] = m;
				i = nx + 1;
				continue;
			}
		}
		TxTok m = k[i];
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
		m.flags = (guint8)((m.flags & ~TX_F_ROOT) | root_flag(t, &m));
		k[o++] = m;
		i = last + 1;
	}
	g_array_set_size(toks, o);
}
