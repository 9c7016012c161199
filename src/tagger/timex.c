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
#include "frise-resources.h"

#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>
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
	if (k->ndigits == 4 && v >= 1000 && v <= 2199)
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

/* U+00C0..U+00FF folded to one lower-case ASCII letter, 0 when the
 * fold is longer (æ, ß, þ) or the character no letter (×, ÷); must agree
 * with fold_c0 in timex_table.c. */
static const char fold1[64] =
	"aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0"
	"aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";

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

static inline bool
is_letter(gunichar u)
{
	if (u >= 0xC0 && u <= 0x24F)
		return u != 0xD7 && u != 0xF7;
	if (u >= 0x2000 && u <= 0x206F)
		return false;   /* general punctuation (’ — …): no table lookup */
	return g_unichar_isalpha(u) || g_unichar_ismark(u);
}

/* A word with letters beyond Latin-1 (œ, ß, Cyrillic…): folded by
 * tx_fold, then looked up. */
static int
slow_word(const TxTable *t, const unsigned char *s, size_t i, size_t j)
{
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
				if (u >= 0xC0 && u <= 0xFF && fold1[u - 0xC0]) {
					lc = (unsigned char)fold1[u - 0xC0];
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
			set_digit_classes(t, k);
			k->flags |= root_flag(t, k);
			i = j;
			continue;
		}
		k->kind = TOK_PUNCT;
		k->end = (guint32)(i + clen);
		if (c < 0x80) {
			k->word = t->punct_word[c];
		} else if (u == 0x2019 || u == 0x2018) {
			k->word = t->punct_word['\''];
		} else {
			char f[8];
			int n2 = tx_fold(text + i, clen, f, sizeof f);
			if (n2 > 0)
				k->word = tx_word_id(t, f, n2);
		}
		if (u == '!' || u == '?' || u == ';') {
			pending |= F_BREAK;
		} else if (u == '.') {
			/* "7.2", "U.S.", "Corp.'s", "Corp. said": no sentence
			 * end; only a blank then anything but a lower-case
			 * letter ends one */
			size_t q = i + 1;
			if (q >= len || (s[q] < 0x80 && (ascii_class[s[q]] & A_SPACE))) {
				while (q < len && s[q] < 0x80 && (ascii_class[s[q]] & A_SPACE))
					q++;
				if (!(q < len && s[q] >= 'a' && s[q] <= 'z'))
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
			if (o != i)   /* nothing merged yet: nothing to move */
				k[o] = k[i];
			o++;
			i++;
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
			if (v >= 1000) {
				total += (group ? group : 1) * v;
				group = 0;
			} else if (entry_is_mul(e) && group > 0 && group < v) {
				group *= v;
			} else if (total == 0 && group >= 10 && group < 100 && v >= 20 && v < 100 && v % 10 == 0) {
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
		Tok m = k[i];
		if (last > i) {
			m.end = k[last].end;
			m.word = -1;
			m.mask = 0;
		}
		m.num = (int)MIN(total + group, 1000000000L);
		m.mask |= (G_GUINT64_CONSTANT(1) << t->cls_num);
		if (said_year && m.num >= 1000 && m.num <= 2199)
			m.mask |= G_GUINT64_CONSTANT(1) << t->cls_year;
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
       bool *aux, bool *part, bool *skip, bool *passive, bool *pluperfect, bool *det, bool *abbrev)
{
	*aux = *part = *skip = *passive = *pluperfect = *det = *abbrev = false;
	int tense = FRISE_TENSE_NONE;
	if (n == 0)
		return tense;
	unsigned char lastb = (unsigned char)w[n - 1];
	for (int q = t->cue_first[lastb]; q < t->cue_first[lastb + 1]; q++) {
		const TxCue *c = &g_array_index(t->cues, TxCue, t->cue_index[q]);
		if (c->len > n)
			continue;
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
		if (c->abbrev) {
			*abbrev = true;
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
		else if (tense == FRISE_TENSE_NONE)
			tense = c->tense;
	}
	return tense;
}

/* The tense of the clause around tokens [a, b): the cue nearest to it
 * within the sentence. `why` receives the cue word. */
/* The cue of a word, `next` the word after it (next_n 0: none): tense |
 * 4 aux | 8 participle | 16 skip | 32 passive marker | 64 pluperfect |
 * 128 determiner | 256 abbreviation. */
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
	bool aux, part, skip, passive, pluperfect, det, abbrev;
	int r = cue_of(t, w ? w : buf, w ? strlen(w) : n, next, next_n, &aux, &part, &skip, &passive,
		       &pluperfect, &det, &abbrev);
	g_free(w);
	return r | (aux ? 4 : 0) | (part ? 8 : 0) | (skip ? 16 : 0) | (passive ? 32 : 0) |
	       (pluperfect ? 64 : 0) | (det ? 128 : 0) | (abbrev ? 256 : 0);
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
	/* "vs. Wade", "Gen. Schwarzkopf", "J. Smith": an abbreviation the
	 * table names, or an initial, ends no sentence */
	size_t w = p;
	while (w > 0 && p - w < 8 && g_ascii_isalpha(text[w - 1]))
		w--;
	if (w == p || (w > 0 && g_ascii_isalpha(text[w - 1])))
		return true;
	if (p - w == 1 && g_ascii_isupper(text[w]))
		return false;
	return !(word_cue(t, text + w, p - w, NULL, 0) & 256);
}

#define TENSE_REACH 160   /* bytes each way, within the sentence */
#define TENSE_WORDS 96

typedef struct {
	size_t s, e;   /* the word's bytes */
	int cue;       /* word_cue, -1 until asked */
} TenseWord;

/* The cue of words w[q], computed once; the word after it counts only
 * when nothing but blanks stands between them ("plans to"). */
static int
cue_at(const TxTable *t, const char *text, TenseWord *w, int nw, int q)
{
	if (w[q].cue < 0) {
		const char *next = NULL;
		size_t next_n = 0;
		if (q + 1 < nw) {
			size_t p = w[q].e;
			while (p < w[q + 1].s && (text[p] == ' ' || text[p] == '\t'))
				p++;
			if (p == w[q + 1].s) {
				next = text + w[q + 1].s;
				next_n = w[q + 1].e - w[q + 1].s;
			}
		}
		w[q].cue = word_cue(t, text + w[q].s, w[q].e - w[q].s, next, next_n);
	}
	return w[q].cue;
}

/* The word that makes w[q] a past perfect ("had" in "had not called",
 * "had been scheduled"): a PLUPERFECT cue at most three words before it
 * with only adverbs and participles between; its index, or -1. */
static int
had_before(const TxTable *t, const char *text, TenseWord *w, int nw, int q)
{
	for (int r = q - 1; r >= 0 && r >= q - 3; r--) {
		int c = cue_at(t, text, w, nw, r);
		if (c & 64)
			return r;
		if (!(c & (16 | 8)))
			return -1;
	}
	return -1;
}

/* The tense of the clause around text[a, b): the cue nearest to it in its
 * sentence. Read from the text itself (the tokens keep only the words
 * the table knows). `why` receives the cue word. */
static int
clause_tense(const TxTable *t, const char *text, size_t len, size_t a, size_t b,
	     char *why, size_t whylen, bool *pluperfect)
{
	*pluperfect = false;
	size_t lo = a, hi = b;
	while (lo > 0 && a - lo < TENSE_REACH && !sentence_end(t, text, len, lo - 1))
		lo--;
	while (lo < a && ((unsigned char)text[lo] & 0xC0) == 0x80)
		lo++;
	while (hi < len && hi - b < TENSE_REACH && !sentence_end(t, text, len, hi))
		hi++;
	TenseWord w[TENSE_WORDS];
	int nw = 0, after = -1;
	size_t i = lo;
	while (i < hi && nw < TENSE_WORDS) {
		if (i >= a && i < b) {
			i = b;
			if (after < 0)
				after = nw;
			continue;
		}
		unsigned char c = (unsigned char)text[i];
		size_t clen = 1;
		gunichar u = c;
		if (c >= 0x80 && (u = decode((const unsigned char *)text + i, hi - i, &clen)) == (gunichar)-1)
			break;
		bool letter = c < 0x80 ? (ascii_class[c] & A_ALPHA) != 0 : is_letter(u);
		if (!letter) {
			i += clen;
			continue;
		}
		size_t j = i;
		while (j < hi && !(j >= a && j < b)) {
			unsigned char d = (unsigned char)text[j];
			size_t dl = 1;
			if (d < 0x80) {
				if (!(ascii_class[d] & A_ALPHA))
					break;
			} else {
				gunichar x = decode((const unsigned char *)text + j, hi - j, &dl);
				if (x == (gunichar)-1 || !is_letter(x))
					break;
			}
			j += dl;
		}
		w[nw].s = i;
		w[nw].e = j;
		w[nw].cue = -1;   /* computed when needed */
		nw++;
		i = j;
	}
	if (after < 0)
		after = nw;
	/* nearest words first: after-1, after, after-2, after+1, …; the
	 * first that is a cue gives the tense (before wins a tie) */
	for (int d = 1; d <= nw; d++) {
		for (int side = 0; side < 2; side++) {
			int q = side == 0 ? after - d : after + d - 1;
			if (q < 0 || q >= nw)
				continue;
			int tense = cue_at(t, text, w, nw, q) & 3;
			int from = q;   /* the first word of the cue */
			if (tense == FRISE_TENSE_PAST && q > 0 && !(w[q].cue & 4)) {
				/* a past form right after "be" is a passive
				 * participle: the tense is that of the words before
				 * ("will be named", "would still be held") */
				if (cue_at(t, text, w, nw, q - 1) & 32)
					tense = FRISE_TENSE_NONE;
				/* …and after a determiner an adjective: "a still
				 * unspecified date" */
				for (int r = q - 1; r >= 0 && r >= q - 3; r--) {
					int c = cue_at(t, text, w, nw, r);
					if (c & 128)
						tense = FRISE_TENSE_NONE;
					if (!(c & 16))
						break;
				}
			}
			if (tense == FRISE_TENSE_FUTURE) {
				/* a plan in the past perfect is past: "had been
				 * scheduled to expire Friday" */
				int h = had_before(t, text, w, nw, q);
				if (h >= 0) {
					tense = FRISE_TENSE_PAST;
					from = h;
				}
			}
			if (w[q].cue & 4) {
				/* auxiliary + participle, maybe with adverbs between
				 * ("a déjà annoncé", "has not yet said"): past */
				for (int r = q + 1; r < nw && r <= q + 4; r++) {
					int c = cue_at(t, text, w, nw, r);
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
				*pluperfect = (w[q].cue & 64) != 0;
				int h = *pluperfect ? -1 : had_before(t, text, w, nw, from);
				if (h >= 0) {
					*pluperfect = true;
					from = h;
				}
			}
			if (tense != FRISE_TENSE_NONE) {
				/* the cue, or the whole verb group it needed */
				size_t wl = MIN(w[q].e - w[from].s, whylen - 1);
				memcpy(why, text + w[from].s, wl);
				why[wl] = 0;
				return tense;
			}
		}
	}
	return FRISE_TENSE_NONE;
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
				return true;
			}
		}
	}
	return false;
}

static void
fill_seen(const TxTable *t, const Matcher *m, guint i0, TxSeen *seen, const TxRule *r)
{
	for (int s = 0; s < TX_NSLOTS; s++)
		seen->v[s] = TX_UNSET;
	for (int d = 0; d < m->best_len; d++) {
		const TxEdge *e = m->best_path[d];
		if (e->cls < 0)
			continue;
		const Tok *k = &m->toks[i0 + d];
		int slot = e->slot >= 0 ? e->slot : t->class_slot[e->cls];
		int value = TX_UNSET;
		const TxEntry *en = entry_of(t, k->word, e->cls);
		if (en != NULL) {
			value = en->value;
			for (int q = 0; q < en->nsets; q++)
				if (en->sets[q].slot != TX_S_MUL && en->sets[q].slot != TX_S_CAP)
					seen->v[en->sets[q].slot] = en->sets[q].value;
		} else if (k->num != TX_UNSET) {
			value = k->num;
		}
		if (en != NULL && en->value == TX_UNSET && k->num != TX_UNSET && e->cls == t->cls_num)
			value = k->num;
		if (e->cls == t->cls_num && k->num != TX_UNSET)
			value = k->num;
		if (slot >= 0 && value != TX_UNSET)
			seen->v[slot] = value;
	}
	for (int q = 0; q < r->nsets; q++)
		seen->v[r->sets[q].slot] = r->sets[q].value;
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

/* The clause of one expression, for the resolver to ask its tense. */
typedef struct {
	const TxTable *t;
	const char *text;
	size_t len, a, b;
	char why[64];        /* the cue word found */
	bool pluperfect;     /* the clause is in the past perfect */
} TenseQuery;

static int
find_tense(const void *data)
{
	TenseQuery *q = (TenseQuery *)(uintptr_t)data;
	return clause_tense(q->t, q->text, q->len, q->a, q->b, q->why, sizeof q->why, &q->pluperfect);
}

/* Tags text[from, to): a run of whole lines. */
static bool
tag_chunk(const TxTable *t, const char *text, size_t from, size_t to, const FriseTagOptions *opts,
	  const TxDct *dct, State *st, GArray *out, GArray *toks, GString *scratch, size_t *bad)
{
	g_array_set_size(toks, 0);
	if (!tokenise(t, text, from, to, toks, bad))
		return false;
	merge_numbers(t, toks);
	Matcher m = { .t = t, .toks = (const Tok *)(void *)toks->data, .ntoks = toks->len };
	guint scanned = 0;
	bool explain = opts && opts->explain;
	for (guint i = 0; i < m.ntoks;) {
		const Tok *k = &m.toks[i];
		if (!(k->flags & F_ROOT)) {
			i++;
			continue;
		}
		{
			/* no walk when no pattern that starts here takes the next
			 * token ("le", "en", most numbers): the union of what may
			 * follow the token's root edges */
			TxNext x = k->word >= 0 ? t->root_next[k->word] : (TxNext){ 0 };
			for (guint64 bits = k->mask & t->root_mask; bits != 0; bits &= bits - 1) {
				const TxNext *c = &t->class_next[__builtin_ctzll(bits)];
				x.cls |= c->cls;
				x.words |= c->words;
				x.ends |= c->ends;
			}
			const Tok *nx = i + 1 < m.ntoks ? &m.toks[i + 1] : NULL;
			if (!x.ends && (nx == NULL || (!(nx->mask & x.cls) &&
			    (nx->word < 0 || !(x.words >> (nx->word & 63) & 1))))) {
				i++;
				continue;
			}
		}
		m.best_len = 0;
		m.best_rule = -1;
		walk_root(&m, i);
		if (m.best_rule < 0) {
			i++;
			continue;
		}
		const TxRule *r = &g_array_index(t->rules, TxRule, m.best_rule);
		for (; scanned <= i; scanned++)
			if (m.toks[scanned].flags & F_BREAK)
				st->sent++;
		int first = -1, last = -1;
		for (int d = 0; d < m.best_len; d++)
			if (m.best_path[d]->inspan) {
				if (first < 0)
					first = d;
				last = d;
			}
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
			int f2 = -1, l2 = -1;
			for (int d = 0; d < m.best_len; d++)
				if (m.best_path[d]->inspan) {
					if (f2 < 0)
						f2 = d;
					l2 = d;
				}
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
		TxSeen seen;
		fill_seen(t, &m, i, &seen, r);
		TenseQuery tq = { t, text, to, m.toks[i].start, m.toks[i + m.best_len - 1].end, "", false };
		int tense = -1;
		if (seen.v[TX_S_TENSE] != TX_UNSET) {
			tense = seen.v[TX_S_TENSE];
			/* "until Thursday" looks ahead, but not in the past
			 * perfect: "Until Thursday, they had not called him a
			 * suspect" */
			if (tense == FRISE_TENSE_FUTURE && find_tense(&tq) == FRISE_TENSE_PAST && tq.pluperfect)
				tense = FRISE_TENSE_PAST;
		} else if (explain) {
			tense = find_tense(&tq);
		}
		FriseTimex x = { 0 };
		x.start = m.toks[i + first].start;
		x.end = m.toks[i + last].end;
		x.rule = r->name;
		x.type = seen.v[TX_S_TYPE] != TX_UNSET ? seen.v[TX_S_TYPE] : r->type;
		GString *ex = explain ? g_string_new(NULL) : NULL;
		if (ex != NULL) {
			g_string_append_printf(ex, "rule '%s' (%s/tagger.tab line %d); ", r->name,
					       frise_lang_code(t->lang), r->line);
			explain_seen(ex, &seen);
			g_string_append_printf(ex, "tense %s%s%s%s; ",
					       tense == FRISE_TENSE_PAST ? "past" :
					       tense == FRISE_TENSE_FUTURE ? "future" :
					       tense == FRISE_TENSE_PRESENT ? "present" : "none",
					       tq.why[0] ? " (cue '" : "", tq.why, tq.why[0] ? "')" : "");
			if (dct->gran == 3)
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
				  .explain = ex, .scratch = scratch };
		bool rel = false;
		if (tx_resolve(&seen, &ctx, x.value, x.mod, &rel)) {
			x.relative = rel;
			x.tense = rel && tense > 0 ? tense : FRISE_TENSE_NONE;
			/* a time value carries a time part */
			if (x.type == FRISE_TIMEX_DATE && strchr(x.value, 'T') != NULL &&
			    (g_ascii_isdigit(x.value[0]) || x.value[0] == 'X'))
				x.type = FRISE_TIMEX_TIME;
			if (ex != NULL)
				x.explain = g_string_free(ex, FALSE);
			g_array_append_val(out, x);
			if ((x.type == FRISE_TIMEX_DATE || x.type == FRISE_TIMEX_TIME) &&
			    g_ascii_isdigit(x.value[0])) {
				/* an anchored value ("a year earlier") is no new
				 * anchor: chains would drift a year at each step */
				bool anchored = seen.v[TX_S_ANCHOR] != TX_UNSET;
				if (!anchored) {
					g_strlcpy(st->last_value, x.value, sizeof st->last_value);
					st->last_sent = st->sent;
				}
				if (!anchored && strlen(x.value) == 7 && x.value[4] == '-' && x.value[5] == 'Q') {
					g_strlcpy(st->last_quarter, x.value, sizeof st->last_quarter);
					st->quarter_sent = st->sent;
				}
				const char *v = x.value;
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
		} else if (ex != NULL) {
			g_string_free(ex, TRUE);
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
	if (dct.gran == 3) {
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
		if (!tag_chunk(t, text, from, to, opts, &dct, &st, out, toks, scratch, &bad)) {
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
				    "invalid UTF-8 at byte %zu", bad);
			g_array_free(toks, TRUE);
			g_string_free(scratch, TRUE);
			timex_array_free(out);
			return NULL;
		}
		from = to;
	}
	g_array_free(toks, TRUE);
	g_string_free(scratch, TRUE);
	return out;
}
