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
#include <stdio.h>
#include <string.h>

/* ORDER TYPE */
static const char *const type_names[] = { "DATE", "TIME", "DURATION", "SET" };

const char *
timex_type_name(FriseTimexType type)
{
	return (unsigned)type < G_N_ELEMENTS(type_names) ? type_names[type] : "DATE";
}

struct FriseTagger {
	TxTable *tables[FRISE_LANG_COUNT];
};

FriseTagger *
timex_tagger_new(GError **error)
{
	static const struct { FriseLang lang; const char *path; } langs[] = {
		{ FRISE_LANG_FR, "/frise/src/lang/fr.tab" },
		{ FRISE_LANG_EN, "/frise/src/lang/en.tab" },
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

enum { TOK_WORD, TOK_DIGITS, TOK_PUNCT };
enum { F_CAP = 1, F_BREAK = 2 /* a sentence ends before this token */ };

typedef struct {
	guint32 start, end;
	int word;       /* id in the table, -1 */
	guint64 mask;   /* class bits */
	int num;        /* value of a number, TX_UNSET */
	guint8 kind, flags, ndigits;
} Tok;

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
	k->mask |= m;
}

/* Splits `text` into words, digit runs and punctuation. Returns false at
 * invalid UTF-8 with *bad set to its offset. */
static bool
tokenise(const TxTable *t, const char *text, size_t len, GArray *toks, size_t *bad)
{
	size_t i = 0;
	guint8 pending = F_BREAK;
	int newlines = 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		gunichar u = c;
		size_t clen = 1;
		if (c >= 0x80) {
			u = g_utf8_get_char_validated(text + i, len - i);
			if (u == (gunichar)-1 || u == (gunichar)-2) {
				*bad = i;
				return false;
			}
			clen = g_utf8_next_char(text + i) - (text + i);
		}
		if (is_space(u)) {
			if (u == '\n' && ++newlines >= 1)
				pending |= F_BREAK;
			i += clen;
			continue;
		}
		newlines = 0;
		Tok k = { .start = (guint32)i, .word = -1, .num = TX_UNSET, .flags = pending };
		pending = 0;
		if (c < 0x80 && g_ascii_isdigit(c)) {
			size_t j = i;
			int v = 0;
			while (j < len && g_ascii_isdigit(text[j])) {
				if (v < 100000000)
					v = v * 10 + (text[j] - '0');
				j++;
			}
			k.kind = TOK_DIGITS;
			k.num = v;
			k.ndigits = (guint8)MIN(j - i, 255);
			k.end = (guint32)j;
			set_digit_classes(t, &k);
			i = j;
		} else if ((c < 0x80 && g_ascii_isalpha(c)) || (c >= 0x80 && g_unichar_isalpha(u))) {
			size_t j = i;
			bool ascii = true;
			while (j < len) {
				unsigned char d = (unsigned char)text[j];
				if (d < 0x80) {
					if (!g_ascii_isalpha(d))
						break;
					j++;
					continue;
				}
				gunichar w = g_utf8_get_char_validated(text + j, len - j);
				if (w == (gunichar)-1 || w == (gunichar)-2) {
					*bad = j;
					return false;
				}
				if (!g_unichar_isalpha(w) && !g_unichar_ismark(w))
					break;
				ascii = false;
				j = g_utf8_next_char(text + j) - text;
			}
			k.kind = TOK_WORD;
			k.end = (guint32)j;
			if (c < 0x80 ? g_ascii_isupper(c) : g_unichar_isupper(u))
				k.flags |= F_CAP;
			char f[TX_MAX_WORD];
			size_t n = j - i;
			int fl = -1;
			if (ascii && n < sizeof f) {
				for (size_t q = 0; q < n; q++)
					f[q] = g_ascii_tolower(text[i + q]);
				f[n] = 0;
				fl = (int)n;
			} else if (!ascii) {
				fl = tx_fold(text + i, n, f, sizeof f);
			}
			if (fl > 0)
				k.word = tx_word_id(t, f, fl);
			i = j;
		} else {
			k.kind = TOK_PUNCT;
			k.end = (guint32)(i + clen);
			char f[8];
			if (tx_fold(text + i, clen, f, sizeof f) > 0)
				k.word = tx_word_id(t, f, strlen(f));
			if (u == '.' || u == '!' || u == '?' || u == ';')
				pending |= F_BREAK;
			i += clen;
		}
		if (k.word >= 0) {
			k.mask |= g_array_index(t->word_mask, guint64, k.word);
			if (k.flags & F_CAP)
				k.mask |= g_array_index(t->cap_mask, guint64, k.word);
			if (!(k.flags & F_CAP) || (k.flags & F_BREAK))
				k.mask |= g_array_index(t->low_mask, guint64, k.word);
		}
		g_array_append_val(toks, k);
	}
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
			k[o++] = k[i++];
			continue;
		}
		long total = 0, group = 0;
		guint j = i, last = i;
		while (j < n) {
			const TxEntry *e = entry_of(t, k[j].word, t->cls_numword);
			if (e == NULL)
				break;
			long v = e->value;
			if (v >= 1000) {
				total += (group ? group : 1) * v;
				group = 0;
			} else if (entry_is_mul(e) && group > 0 && group < v) {
				group *= v;
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
		m.num = (int)(total + group);
		m.mask |= (G_GUINT64_CONSTANT(1) << t->cls_num);
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
	for (int e = 0; e < n->nedges; e++) {
		const TxEdge *ed = &n->edges[e];
		bool ok = ed->word >= 0 ? ed->word == k->word : (k->mask >> ed->cls & 1);
		if (!ok)
			continue;
		m->path[depth] = ed;
		walk(m, ed->child, j + 1, depth + 1);
	}
}

/* ---- tense ---- */

static bool
ends_with(const char *s, size_t n, const char *suf)
{
	size_t l = strlen(suf);
	return n >= l && memcmp(s + n - l, suf, l) == 0;
}

static int
cue_of(const TxTable *t, const char *w, size_t n, bool *aux, bool *part)
{
	*aux = *part = false;
	int tense = FRISE_TENSE_NONE;
	for (guint i = 0; i < t->cues->len; i++) {
		const TxCue *c = &g_array_index(t->cues, TxCue, i);
		bool hit = c->suffix ? (n > strlen(c->text) && ends_with(w, n, c->text))
				     : (strlen(c->text) == n && memcmp(c->text, w, n) == 0);
		if (!hit)
			continue;
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
static int
clause_tense(const TxTable *t, const char *text, const Tok *k, guint n, guint a, guint b,
	     char *why, size_t whylen)
{
	guint lo = a, hi = b;
	while (lo > 0 && !(k[lo].flags & F_BREAK) && a - lo < 30)
		lo--;
	while (hi < n && !(k[hi].flags & F_BREAK) && hi - b < 30)
		hi++;
	int best = FRISE_TENSE_NONE;
	guint bestdist = G_MAXUINT;
	for (guint i = lo; i < hi; i++) {
		if (i >= a && i < b)
			continue;
		if (k[i].kind != TOK_WORD)
			continue;
		char *w = g_utf8_strdown(text + k[i].start, k[i].end - k[i].start);
		size_t wl = strlen(w);
		bool aux, part;
		int tense = cue_of(t, w, wl, &aux, &part);
		if (aux) {
			/* auxiliary + participle within two words: past */
			for (guint q = i + 1; q < hi && q <= i + 3; q++) {
				if (k[q].kind != TOK_WORD)
					continue;
				char *p = g_utf8_strdown(text + k[q].start, k[q].end - k[q].start);
				bool a2, p2;
				int t2 = cue_of(t, p, strlen(p), &a2, &p2);
				g_free(p);
				if (t2 != FRISE_TENSE_NONE)
					break;
				if (p2) {
					tense = FRISE_TENSE_PAST;
					break;
				}
			}
		}
		if (tense != FRISE_TENSE_NONE) {
			guint d = i < a ? a - i : i - b + 1;
			if (d < bestdist) {
				bestdist = d;
				best = tense;
				g_strlcpy(why, w, whylen);
			}
		}
		g_free(w);
	}
	return best;
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
	if (n >= 4 && sscanf(s, "%4d", &y) == 1 && g_ascii_isdigit(s[3])) {
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
			if (seen->v[s] == TX_VAGUE)
				g_string_append_printf(g, " %s=X", tx_slot_name(s));
			else
				g_string_append_printf(g, " %s=%d", tx_slot_name(s), seen->v[s]);
		}
	g_string_append(g, "; ");
}

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
	GArray *toks = g_array_sized_new(FALSE, FALSE, sizeof(Tok), len / 5 + 16);
	size_t bad = 0;
	if (!tokenise(t, text, len, toks, &bad)) {
		g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT,
			    "invalid UTF-8 at byte %zu", bad);
		g_array_free(toks, TRUE);
		g_array_free(out, TRUE);
		return NULL;
	}
	merge_numbers(t, toks);
	Matcher m = { .t = t, .toks = (const Tok *)(void *)toks->data, .ntoks = toks->len };
	const TxNode *root = t->root;
	guint64 root_mask = 0;
	for (int e = 0; e < root->nedges; e++)
		if (root->edges[e].cls >= 0)
			root_mask |= G_GUINT64_CONSTANT(1) << root->edges[e].cls;
	int anchor[3] = { 0, 0, 0 };
	char last_value[48] = "";
	guint last_sent = 0, sent = 0, scanned = 0;
	if (dct.gran == 3) {
		anchor[0] = dct.year;
		anchor[1] = dct.month;
		anchor[2] = dct.day;
	}
	for (guint i = 0; i < m.ntoks;) {
		const Tok *k = &m.toks[i];
		if (!(k->mask & root_mask) &&
		    (k->word < 0 || !g_hash_table_contains(root->index, GINT_TO_POINTER(k->word)))) {
			i++;
			continue;
		}
		m.best_len = 0;
		m.best_rule = -1;
		walk(&m, root, i, 0);
		if (m.best_rule < 0) {
			i++;
			continue;
		}
		const TxRule *r = &g_array_index(t->rules, TxRule, m.best_rule);
		for (; scanned <= i; scanned++)
			if (m.toks[scanned].flags & F_BREAK)
				sent++;
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
		TxSeen seen;
		fill_seen(t, &m, i, &seen, r);
		char why[64] = "";
		int tense = clause_tense(t, text, m.toks, m.ntoks, i, i + m.best_len, why, sizeof why);
		if (seen.v[TX_S_TENSE] != TX_UNSET)
			tense = seen.v[TX_S_TENSE];
		FriseTimex x = { 0 };
		x.start = m.toks[i + first].start;
		x.end = m.toks[i + last].end;
		x.rule = r->name;
		x.type = seen.v[TX_S_TYPE] != TX_UNSET ? seen.v[TX_S_TYPE] : r->type;
		GString *ex = opts && opts->explain ? g_string_new(NULL) : NULL;
		if (ex != NULL) {
			g_string_append_printf(ex, "rule '%s' (%s line %d); ", r->name,
					       lang == FRISE_LANG_EN ? "en.tab" : "fr.tab", r->line);
			explain_seen(ex, &seen);
			g_string_append_printf(ex, "tense %s%s%s%s; ",
					       tense == FRISE_TENSE_PAST ? "past" :
					       tense == FRISE_TENSE_FUTURE ? "future" :
					       tense == FRISE_TENSE_PRESENT ? "present" : "none",
					       why[0] ? " (cue '" : "", why, why[0] ? "')" : "");
		}
		TxContext ctx = { .dct = &dct, .tense = tense, .type = (int)x.type,
				  .anchor_y = anchor[0], .anchor_m = anchor[1], .anchor_d = anchor[2],
				  .last = sent - last_sent <= 1 ? last_value : "", .explain = ex };
		bool rel = false;
		if (tx_resolve(&seen, &ctx, x.value, x.mod, &rel)) {
			x.relative = rel;
			x.tense = rel ? tense : FRISE_TENSE_NONE;
			/* a time value carries a time part */
			if (x.type == FRISE_TIMEX_DATE && strchr(x.value, 'T') != NULL && x.value[0] != 'P')
				x.type = FRISE_TIMEX_TIME;
			if (ex != NULL)
				x.explain = g_string_free(ex, FALSE);
			g_array_append_val(out, x);
			if ((x.type == FRISE_TIMEX_DATE || x.type == FRISE_TIMEX_TIME) &&
			    g_ascii_isdigit(x.value[0])) {
				g_strlcpy(last_value, x.value, sizeof last_value);
				last_sent = sent;
			}
			int y, mo, d;
			if ((x.type == FRISE_TIMEX_DATE || x.type == FRISE_TIMEX_TIME) &&
			    sscanf(x.value, "%4d-%2d-%2d", &y, &mo, &d) == 3 && x.value[4] == '-' &&
			    g_ascii_isdigit(x.value[0])) {
				anchor[0] = y;
				anchor[1] = mo;
				anchor[2] = d;
			}
		} else if (ex != NULL) {
			g_string_free(ex, TRUE);
		}
		i += last + 1;
	}
	g_array_free(toks, TRUE);
	return out;
}

void
timex_array_free(GArray *timexes)
{
	if (timexes == NULL)
		return;
	for (guint i = 0; i < timexes->len; i++)
		g_free(g_array_index(timexes, FriseTimex, i).explain);
	g_array_free(timexes, TRUE);
}
