/*
 * timex_table.c — reads a language table (src/lang/XX.tab) into a TxTable:
 * the word lexicon, the tense cues and the pattern trie (tx_table_new,
 * tx_table_free, tx_fold, tx_word_id, tx_slot_name, tx_unit_letter).
 *
 * The table format is described at the top of src/lang/fr/tagger.tab. Patterns
 * are expanded (optional elements, alternatives) into plain sequences and
 * merged into one trie, so the matcher walks all patterns at once.
 * Errors name the table and the line.
 */
#include "timex_private.h"

#include <stdlib.h>
#include <string.h>

/* ORDER SLOT */
static const char *const slot_names[TX_NSLOTS] = {
	"year", "yy", "decade", "century", "month", "day", "weekday", "hour",
	"minute", "pod", "season", "quarter", "half", "unit", "qty", "shift",
	"dir", "ref", "mod", "tense", "pm", "num", "weekend", "anchor", "frac",
	"type", "qty2", "mul", "cap", "easter",
};

/* ORDER UNIT */
static const char *const unit_names[] = {
	"NONE", "Y", "M", "W", "D", "H", "MIN", "S", "Q", "HALF", "DE", "CE",
	"WE", "SEASON", "MIL", "NIGHT", NULL
};

static const char *const pod_names[] = { "", "MO", "AF", "EV", "NI", "DT", "MI", NULL };
static const char *const season_names[] = { "", "SP", "SU", "FA", "WI", NULL };
static const char *const mod_names[] = {
	"", "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE",
	"APPROX", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "LESS_THAN", "MORE_THAN", NULL
};
static const char *const ref_names[] = { "", "PRESENT", "PAST", "FUTURE", NULL };
static const char *const tense_names[] = { "NONE", "PAST", "PRESENT", "FUTURE", NULL };
static const char *const type_names[] = { "DATE", "TIME", "DURATION", "SET", NULL };

const char *
tx_slot_name(int slot)
{
	return slot >= 0 && slot < TX_NSLOTS ? slot_names[slot] : "?";
}

/* The symbol names of a slot that takes symbols ("MO" for pod), or NULL. */
static const char *const *
slot_symbols(int slot)
{
	switch (slot) {
	case TX_S_UNIT: return unit_names;
	case TX_S_POD: return pod_names;
	case TX_S_SEASON: return season_names;
	case TX_S_MOD: return mod_names;
	case TX_S_REF: return ref_names;
	case TX_S_TENSE: return tense_names;
	case TX_S_TYPE: return type_names;
	default: return NULL;
	}
}

const char *
tx_slot_symbol(int slot, int value)
{
	const char *const *names = slot_symbols(slot);
	int n = 0;
	if (names == NULL)
		return NULL;
	while (names[n] != NULL)
		n++;
	return value >= 0 && value < n ? names[value] : NULL;
}

const char *
tx_unit_letter(int unit)
{
	return unit >= 0 && unit <= TX_U_NIGHT ? unit_names[unit] : "?";
}

/* Latin-1 Supplement and Latin Extended-A folded to ASCII; GLib has no
 * accent stripper short of g_utf8_normalize + filtering, which allocates
 * per word and is too slow for the hot loop. "" drops the character. */
static const char *const fold_c0[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

int
tx_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	while (p < e) {
		unsigned c = *p;
		if (c < 0x80) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			p++;
			continue;
		}
		gunichar u;
		if (c < 0xE0 && p + 1 < e) {
			u = ((gunichar)(c & 0x1F) << 6) | (p[1] & 0x3F);
			p += 2;
		} else {
			u = g_utf8_get_char_validated((const char *)p, e - p);
			if (u == (gunichar)-1 || u == (gunichar)-2)
				return -1;
			p = (const unsigned char *)g_utf8_next_char((const char *)p);
		}
		const char *rep = NULL;
		char buf[8];
		if (u >= 0xC0 && u <= 0xFF && fold_c0[u - 0xC0] != NULL)
			rep = fold_c0[u - 0xC0];
		else if (u >= 0x300 && u <= 0x36F)
			rep = "";   /* combining accent (NFD input) */
		else if (u == 0x152 || u == 0x153)
			rep = "oe";
		else if (u == 0x2019 || u == 0x2018 || u == 0x2BC)
			rep = "'";
		else if (u >= 0x100 && u <= 0x17F) {
			/* Latin Extended-A: the base letter, by range. */
			static const char base[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllllllln"
				"nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
			size_t k = u - 0x100;
			buf[0] = k < sizeof base - 1 ? base[k] : '?';
			buf[1] = 0;
			rep = buf;
		} else {
			gunichar l = g_unichar_tolower(u);
			int m = g_unichar_to_utf8(l, buf);
			buf[m] = 0;
			rep = buf;
		}
		size_t rl = strlen(rep);
		if (o + rl >= cap)
			return -1;
		memcpy(out + o, rep, rl);
		o += rl;
	}
	out[o] = 0;
	return (int)o;
}

static int
intern(TxTable *t, const char *folded)
{
	gpointer v = g_hash_table_lookup(t->words, folded);
	if (v != NULL)
		return GPOINTER_TO_INT(v) - 1;
	int id = (int)t->word_text->len;
	char *k = g_strdup(folded);
	g_ptr_array_add(t->word_text, k);
	g_hash_table_insert(t->words, k, GINT_TO_POINTER(id + 1));
	GArray *none = NULL;
	g_array_append_val(t->entries, none);
	guint64 zero = 0;
	g_array_append_val(t->word_mask, zero);
	g_array_append_val(t->cap_mask, zero);
	g_array_append_val(t->low_mask, zero);
	return id;
}

static int
class_id(TxTable *t, const char *name, bool create)
{
	for (guint i = 0; i < t->classes->len; i++)
		if (strcmp(g_ptr_array_index(t->classes, i), name) == 0)
			return (int)i;
	if (!create || t->classes->len >= TX_MAX_CLASSES)
		return -1;
	int id = (int)t->classes->len;
	g_ptr_array_add(t->classes, g_strdup(name));
	char *low = g_ascii_strdown(name, -1);
	t->class_slot[id] = -1;
	for (int s = 0; s < TX_NSLOTS; s++)
		if (strcmp(low, slot_names[s]) == 0)
			t->class_slot[id] = (short)s;
	g_free(low);
	return id;
}

static int
slot_of(const char *name)
{
	for (int s = 0; s < TX_NSLOTS; s++)
		if (strcmp(name, slot_names[s]) == 0)
			return s;
	return -1;
}

static int
find_name(const char *const *names, const char *v)
{
	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], v) == 0)
			return i;
	return -1;
}

/* Parses a slot value: a number or the slot's symbol. */
static bool
parse_value(int slot, const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v != 0 && *end == 0) {
		*out = (int)n;
		return true;
	}
	if (strcmp(v, "X") == 0) {
		*out = TX_VAGUE;
		return true;
	}
	const char *const *names = slot_symbols(slot);
	if (names == NULL)
		return false;
	int i = find_name(names, v);
	if (i < 0)
		return false;
	*out = i;
	return true;
}

static bool
table_error(GError **error, const char *name, int line, const char *fmt, const char *what)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "%s:%d: %s '%s'",
		    name, line, fmt, what);
	return false;
}

/* key=value words from `w` on, into a new array. */
static bool
parse_sets(char **w, TxSet **sets, int *nsets, const char *name, int line, GError **error)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(TxSet));
	for (; *w != NULL; w++) {
		char *eq = strchr(*w, '=');
		if (eq == NULL) {
			g_array_free(a, TRUE);
			return table_error(error, name, line, "expected key=value, got", *w);
		}
		*eq = 0;
		TxSet s;
		s.slot = (short)slot_of(*w);
		if (s.slot < 0 || !parse_value(s.slot, eq + 1, &s.value)) {
			*eq = '=';
			g_array_free(a, TRUE);
			return table_error(error, name, line, "unknown setting", *w);
		}
		g_array_append_val(a, s);
	}
	*nsets = (int)a->len;
	*sets = (TxSet *)(void *)g_array_free(a, FALSE);
	return true;
}

static char **
split_words(const char *line)
{
	char **w = g_strsplit_set(line, " \t", -1);
	int o = 0;
	for (int i = 0; w[i] != NULL; i++) {
		if (w[i][0] == 0)
			g_free(w[i]);
		else
			w[o++] = w[i];
	}
	w[o] = NULL;
	return w;
}

/* ---- patterns ---- */

typedef struct {
	int word, cls;
	short slot;
	bool inspan;
} Atom;

typedef struct {
	Atom a[TX_MAX_ELEMS];
	int n;
} Seq;

/* Splits a pattern literal into tokens as the text tokeniser would:
 * runs of letters, runs of digits, single punctuation characters. */
static int
literal_atoms(TxTable *t, const char *lit, Atom *out, int max)
{
	int n = 0;
	const char *p = lit;
	while (*p) {
		const char *s = p;
		unsigned char c = (unsigned char)*p;
		if (g_ascii_isdigit(c)) {
			while (g_ascii_isdigit(*p))
				p++;
		} else if (g_ascii_isalpha(c) || c >= 0x80) {
			while (*p && (g_ascii_isalpha(*p) || (unsigned char)*p >= 0x80))
				p++;
		} else {
			p++;
		}
		char f[TX_MAX_WORD];
		if (n >= max || tx_fold(s, p - s, f, sizeof f) < 0)
			return -1;
		out[n].word = intern(t, f);
		out[n].cls = -1;
		out[n].slot = -1;
		out[n].inspan = true;
		n++;
	}
	return n;
}

static bool
is_class_name(const char *s)
{
	if (!g_ascii_isupper(*s))
		return false;
	for (; *s && *s != ':'; s++)
		if (!g_ascii_isupper(*s) && !g_ascii_isdigit(*s) && *s != '_')
			return false;
	return true;
}

static TxNode *
node_new(TxTable *t)
{
	TxNode *n = g_new0(TxNode, 1);
	n->rule = -1;
	g_ptr_array_add(t->nodes, n);
	return n;
}

static void
insert_seq(TxTable *t, const Seq *seq, int rule)
{
	TxNode *n = t->root;
	for (int i = 0; i < seq->n; i++) {
		const Atom *a = &seq->a[i];
		TxNode *next = NULL;
		for (int e = 0; e < n->nedges; e++) {
			TxEdge *ed = &n->edges[e];
			if (ed->word == a->word && ed->cls == a->cls && ed->slot == a->slot &&
			    ed->inspan == a->inspan) {
				next = ed->child;
				break;
			}
		}
		if (next == NULL) {
			next = node_new(t);
			n->edges = g_renew(TxEdge, n->edges, n->nedges + 1);
			n->edges[n->nedges++] = (TxEdge){ a->word, a->cls, a->slot, a->inspan, next };
		}
		n = next;
	}
	if (n->rule < 0)
		n->rule = rule;
}

/* Expands element `i` of `elems` onward, appending to `cur`. */
static bool
expand(TxTable *t, char **elems, int i, Seq *cur, int rule, int depth_guard,
       const char *name, int line, GError **error)
{
	if (elems[i] == NULL) {
		if (cur->n > 0)
			insert_seq(t, cur, rule);
		return true;
	}
	char *el = elems[i];
	if (strcmp(el, "{") == 0 || strcmp(el, "}") == 0)
		return expand(t, elems, i + 1, cur, rule, depth_guard, name, line, error);
	/* inspan: between braces, or everywhere when there are none */
	bool braces = false, inspan = true;
	for (int k = 0; elems[k] != NULL; k++)
		if (strcmp(elems[k], "{") == 0)
			braces = true;
	if (braces) {
		int open = 0;
		for (int k = 0; k < i; k++) {
			if (strcmp(elems[k], "{") == 0)
				open = 1;
			else if (strcmp(elems[k], "}") == 0)
				open = 0;
		}
		inspan = open;
	}
	size_t len = strlen(el);
	bool optional = len > 1 && el[len - 1] == '?';
	char *body = g_strndup(el, optional ? len - 1 : len);
	char **alts = g_strsplit(body, "|", -1);
	g_free(body);
	bool ok = true;
	int saved = cur->n;
	for (int a = 0; ok && alts[a] != NULL; a++) {
		cur->n = saved;
		const char *alt = alts[a];
		if (is_class_name(alt)) {
			char *cname = g_strdup(alt);
			char *colon = strchr(cname, ':');
			short slot = -1;
			if (colon != NULL) {
				*colon = 0;
				slot = (short)slot_of(colon + 1);
				if (slot < 0) {
					g_free(cname);
					ok = table_error(error, name, line, "unknown slot in", alt);
					break;
				}
			}
			int c = class_id(t, cname, false);
			g_free(cname);
			if (c < 0) {
				ok = table_error(error, name, line, "unknown class", alt);
				break;
			}
			if (cur->n >= TX_MAX_ELEMS) {
				ok = table_error(error, name, line, "pattern too long at", alt);
				break;
			}
			cur->a[cur->n++] = (Atom){ -1, c, slot, inspan };
		} else {
			Atom tmp[TX_MAX_ELEMS];
			int m = literal_atoms(t, alt, tmp, TX_MAX_ELEMS);
			if (m < 0 || cur->n + m > TX_MAX_ELEMS) {
				ok = table_error(error, name, line, "bad literal", alt);
				break;
			}
			for (int k = 0; k < m; k++) {
				tmp[k].inspan = inspan;
				cur->a[cur->n++] = tmp[k];
			}
		}
		ok = expand(t, elems, i + 1, cur, rule, depth_guard, name, line, error);
	}
	cur->n = saved;
	g_strfreev(alts);
	if (ok && optional)
		ok = expand(t, elems, i + 1, cur, rule, depth_guard, name, line, error);
	return ok;
}

static bool
parse_pattern(TxTable *t, char *line, const char *name, int lineno, GError **error)
{
	/* name: elements => TYPE settings */
	char *colon = strstr(line, ": ");
	char *arrow = strstr(line, "=>");
	if (colon == NULL || arrow == NULL || arrow < colon)
		return table_error(error, name, lineno, "expected 'name: elements => TYPE', got", line);
	*colon = 0;
	*arrow = 0;
	char **elems = split_words(colon + 2);
	char **rhs = split_words(arrow + 2);
	bool ok = true;
	TxRule r = { 0 };
	r.line = lineno;
	if (rhs[0] == NULL) {
		ok = table_error(error, name, lineno, "missing type after =>", line);
	} else {
		r.type = strcmp(rhs[0], "NONE") == 0 ? -1 : find_name(type_names, rhs[0]);
		if (r.type < -1 || (r.type == -1 && strcmp(rhs[0], "NONE") != 0))
			ok = table_error(error, name, lineno, "unknown type", rhs[0]);
	}
	if (ok)
		ok = parse_sets(rhs + 1, &r.sets, &r.nsets, name, lineno, error);
	if (ok) {
		r.name = g_strdup(g_strstrip(line));
		g_array_append_val(t->rules, r);
		Seq cur = { .n = 0 };
		ok = expand(t, elems, 0, &cur, (int)t->rules->len - 1, 0, name, lineno, error);
	}
	g_strfreev(elems);
	g_strfreev(rhs);
	return ok;
}

static bool
parse_word(TxTable *t, char *line, const char *name, int lineno, GError **error)
{
	char **w = split_words(line);
	bool ok = true;
	if (w[0] == NULL || w[1] == NULL) {
		ok = table_error(error, name, lineno, "expected 'word CLASS [value] [key=value…]', got", line);
		goto out;
	}
	char f[TX_MAX_WORD];
	if (tx_fold(w[0], strlen(w[0]), f, sizeof f) < 0) {
		ok = table_error(error, name, lineno, "word too long", w[0]);
		goto out;
	}
	int c = class_id(t, w[1], true);
	if (c < 0) {
		ok = table_error(error, name, lineno, "too many classes at", w[1]);
		goto out;
	}
	TxEntry e = { .cls = c, .value = TX_UNSET };
	int k = 2;
	if (w[2] != NULL && strchr(w[2], '=') == NULL) {
		if (!parse_value(t->class_slot[c], w[2], &e.value)) {
			ok = table_error(error, name, lineno, "bad value", w[2]);
			goto out;
		}
		k = 3;
	}
	if (!parse_sets(w + k, &e.sets, &e.nsets, name, lineno, error)) {
		ok = false;
		goto out;
	}
	int id = intern(t, f);
	GArray **slot = &g_array_index(t->entries, GArray *, id);
	if (*slot == NULL)
		*slot = g_array_new(FALSE, FALSE, sizeof(TxEntry));
	int cap = 0;
	for (int q = 0; q < e.nsets; q++)
		if (e.sets[q].slot == TX_S_CAP)
			cap = e.sets[q].value;
	g_array_append_val(*slot, e);
	GArray *masks = cap > 0 ? t->cap_mask : cap < 0 ? t->low_mask : t->word_mask;
	g_array_index(masks, guint64, id) |= G_GUINT64_CONSTANT(1) << c;
out:
	g_strfreev(w);
	return ok;
}

static bool
parse_cue(TxTable *t, char *line, const char *name, int lineno, GError **error)
{
	char **w = split_words(line);
	bool ok = true;
	if (w[0] == NULL || w[1] == NULL) {
		ok = table_error(error, name, lineno, "expected 'word TENSE', got", line);
	} else {
		TxCue c = { 0 };
		c.suffix = w[0][0] == '*';
		c.text = g_utf8_strdown(w[0] + (c.suffix ? 1 : 0), -1);
		c.len = strlen(c.text);
		if (strcmp(w[1], "AUX") == 0) {
			c.aux = true;
		} else if (strcmp(w[1], "SKIP") == 0) {
			c.skip = true;
		} else if (strcmp(w[1], "PASSIVE") == 0) {
			c.passive = true;
		} else if (strcmp(w[1], "PLUPERFECT") == 0) {
			c.pluperfect = true;
		} else if (strcmp(w[1], "DET") == 0) {
			c.det = true;
		} else if (strcmp(w[1], "ABBREV") == 0) {
			c.abbrev = true;
		} else if (strcmp(w[1], "PARTICIPLE") == 0) {
			c.participle = true;
			c.tense = FRISE_TENSE_PAST;
		} else {
			int v = find_name(tense_names, w[1]);
			if (v < 0)
				ok = table_error(error, name, lineno, "unknown tense", w[1]);
			c.tense = v;
		}
		for (int k = 2; ok && w[k] != NULL; k++) {
			if (g_str_has_prefix(w[k], "next=") && w[k][5] != 0 && c.next == NULL) {
				c.next = g_utf8_strdown(w[k] + 5, -1);
				c.next_len = strlen(c.next);
			} else {
				ok = table_error(error, name, lineno, "expected 'next=WORD', got", w[k]);
			}
		}
		if (ok) {
			g_array_append_val(t->cues, c);
		} else {
			g_free(c.text);
			g_free(c.next);
		}
	}
	g_strfreev(w);
	return ok;
}

TxTable *
tx_table_new(FriseLang lang, const char *name, const char *text, size_t len, GError **error)
{
	TxTable *t = g_new0(TxTable, 1);
	t->lang = lang;
	t->words = g_hash_table_new(g_str_hash, g_str_equal);
	t->word_text = g_ptr_array_new_with_free_func(g_free);
	t->entries = g_array_new(FALSE, FALSE, sizeof(GArray *));
	t->word_mask = g_array_new(FALSE, FALSE, sizeof(guint64));
	t->cap_mask = g_array_new(FALSE, FALSE, sizeof(guint64));
	t->low_mask = g_array_new(FALSE, FALSE, sizeof(guint64));
	t->classes = g_ptr_array_new_with_free_func(g_free);
	t->rules = g_array_new(FALSE, FALSE, sizeof(TxRule));
	t->cues = g_array_new(FALSE, FALSE, sizeof(TxCue));
	t->nodes = g_ptr_array_new();
	t->root = node_new(t);
	/* Built-in classes, tested on the token's shape (see timex.c). */
	t->cls_num = class_id(t, "NUM", true);       /* any number -> qty */
	t->class_slot[t->cls_num] = TX_S_QTY;
	t->cls_int = class_id(t, "INT", true);       /* digits -> qty */
	t->class_slot[t->cls_int] = TX_S_QTY;
	t->cls_year = class_id(t, "YEAR", true);     /* 4 digits 1000..2199 */
	t->cls_yy = class_id(t, "YY", true);         /* 2 digits */
	t->cls_day = class_id(t, "DAY", true);       /* 1..31 */
	t->cls_hour = class_id(t, "HOUR", true);     /* 0..24 */
	t->cls_min = class_id(t, "MIN", true);       /* 2 digits 0..59 */
	t->class_slot[t->cls_min] = TX_S_MINUTE;
	t->cls_numword = class_id(t, "NUMWORD", true); /* spelled number */
	t->cls_numjoin = class_id(t, "NUMJOIN", true); /* "et" in "vingt et un" */
	t->cls_mm = class_id(t, "MM", true);         /* 2 digits 01..12 -> month */
	t->class_slot[t->cls_mm] = TX_S_MONTH;
	t->cls_ord = class_id(t, "ORD", true);       /* ordinal word -> num */
	t->class_slot[t->cls_ord] = TX_S_NUM;

	char *copy = g_strndup(text, len);
	char **lines = g_strsplit(copy, "\n", -1);
	g_free(copy);
	enum { NONE, WORDS, CUES, PATTERNS } section = NONE;
	bool ok = true;
	for (int i = 0; ok && lines[i] != NULL; i++) {
		char *l = lines[i];
		char *hash = strstr(l, " #");
		if (l[0] == '#')
			l[0] = 0;
		else if (hash != NULL)
			*hash = 0;
		g_strstrip(l);
		if (l[0] == 0)
			continue;
		if (strcmp(l, "[words]") == 0)
			section = WORDS;
		else if (strcmp(l, "[cues]") == 0)
			section = CUES;
		else if (strcmp(l, "[patterns]") == 0)
			section = PATTERNS;
		else if (section == WORDS)
			ok = parse_word(t, l, name, i + 1, error);
		else if (section == CUES)
			ok = parse_cue(t, l, name, i + 1, error);
		else if (section == PATTERNS)
			ok = parse_pattern(t, l, name, i + 1, error);
		else
			ok = table_error(error, name, i + 1, "line outside a section", l);
	}
	g_strfreev(lines);
	if (!ok) {
		tx_table_free(t);
		return NULL;
	}
	t->numword_mask = G_GUINT64_CONSTANT(1) << t->cls_numword;
	/* The lookup table of the hot loop */
	guint size = 64;
	while (size < t->word_text->len * 4)
		size *= 2;
	t->hash = g_new0(guint32, size);
	t->hash_mask = size - 1;
	t->word_len = g_new0(guint8, t->word_text->len + 1);
	t->word16 = g_malloc0((t->word_text->len + 1) * sizeof *t->word16);
	for (guint id = 0; id < t->word_text->len; id++) {
		const char *w = g_ptr_array_index(t->word_text, id);
		size_t n = strlen(w);
		t->word_len[id] = (guint8)n;
		t->max_word_len = MAX(t->max_word_len, n);
		char pad[16] = { 0 };
		memcpy(pad, w, MIN(n, sizeof pad));
		t->word16[id][0] = tx_pack8(pad);
		t->word16[id][1] = tx_pack8(pad + 8);
		guint32 q = tx_hash_packed(t->word16[id][0], n) & t->hash_mask;
		while (t->hash[q] != 0)
			q = (q + 1) & t->hash_mask;
		t->hash[q] = id + 1;
	}
	t->cue_index = g_new0(int, t->cues->len + 1);
	for (int b = 0, at = 0; b < 256; b++) {
		t->cue_first[b] = at;
		for (guint q = 0; q < t->cues->len; q++) {
			const TxCue *c = &g_array_index(t->cues, TxCue, q);
			if (c->len > 0 && (unsigned char)c->text[c->len - 1] == b)
				t->cue_index[at++] = (int)q;
		}
		t->cue_first[b + 1] = at;
	}
	for (int c = 0; c < 128; c++) {
		char one[2] = { (char)c, 0 };
		t->punct_word[c] = c > ' ' && c < 127 ? tx_word_id(t, one, 1) : -1;
	}
	t->wmask = (const guint64 *)(void *)t->word_mask->data;
	t->wmask_cap = (const guint64 *)(void *)t->cap_mask->data;
	t->wmask_low = (const guint64 *)(void *)t->low_mask->data;
	/* Each node's edge summary, so that a walk ends without looping
	 * over the edges when the next token can follow none of them. */
	for (guint i = 0; i < t->nodes->len; i++) {
		TxNode *n = g_ptr_array_index(t->nodes, i);
		for (int e = 0; e < n->nedges; e++) {
			if (n->edges[e].word >= 0)
				n->word_bits |= G_GUINT64_CONSTANT(1) << (n->edges[e].word & 63);
			else
				n->cls_mask |= G_GUINT64_CONSTANT(1) << n->edges[e].cls;
		}
	}
	/* Root dispatch: a token looks up only the edges of its own word
	 * and the class edges, not every pattern's first element. */
	int nw = (int)t->word_text->len, ne = t->root->nedges;
	t->root_word_first = g_new0(int, nw + 1);
	t->root_word_count = g_new0(int, nw + 1);
	t->root_word_edges = g_new0(int, ne + 1);
	t->root_class_edges = g_new0(int, ne + 1);
	for (int e = 0; e < ne; e++) {
		const TxEdge *ed = &t->root->edges[e];
		if (ed->word >= 0)
			t->root_word_count[ed->word]++;
		else {
			t->root_class_edges[t->nroot_class++] = e;
			t->root_mask |= G_GUINT64_CONSTANT(1) << ed->cls;
		}
	}
	t->nroot_class = 0;
	for (int c = 0; c < TX_MAX_CLASSES; c++) {
		t->root_cls_first[c] = t->nroot_class;
		for (int e = 0; e < ne; e++)
			if (t->root->edges[e].word < 0 && t->root->edges[e].cls == c)
				t->root_class_edges[t->nroot_class++] = e;
	}
	t->root_cls_first[TX_MAX_CLASSES] = t->nroot_class;
	for (int w = 0, at = 0; w < nw; w++) {
		t->root_word_first[w] = at;
		at += t->root_word_count[w];
		t->root_word_count[w] = 0;
	}
	for (int e = 0; e < ne; e++) {
		const TxEdge *ed = &t->root->edges[e];
		if (ed->word >= 0)
			t->root_word_edges[t->root_word_first[ed->word] + t->root_word_count[ed->word]++] = e;
	}
	/* What may follow a root word, over all its edges: the matcher
	 * skips a word whose next token no pattern takes without a walk. */
	t->root_next = g_new0(TxNext, nw + 1);
	for (int e = 0; e < ne; e++) {
		const TxEdge *ed = &t->root->edges[e];
		if (ed->word < 0)
			continue;
		TxNext *x = &t->root_next[ed->word];
		x->cls |= ed->child->cls_mask;
		x->words |= ed->child->word_bits;
		if (ed->child->rule >= 0)
			x->ends = true;
	}
	for (int e = 0; e < ne; e++) {
		const TxEdge *ed = &t->root->edges[e];
		if (ed->word >= 0)
			continue;
		TxNext *x = &t->class_next[ed->cls];
		x->cls |= ed->child->cls_mask;
		x->words |= ed->child->word_bits;
		if (ed->child->rule >= 0)
			x->ends = true;
	}
	return t;
}

void
tx_table_free(TxTable *t)
{
	if (t == NULL)
		return;
	for (guint i = 0; i < t->entries->len; i++) {
		GArray *a = g_array_index(t->entries, GArray *, i);
		if (a == NULL)
			continue;
		for (guint k = 0; k < a->len; k++)
			g_free(g_array_index(a, TxEntry, k).sets);
		g_array_free(a, TRUE);
	}
	g_array_free(t->entries, TRUE);
	g_array_free(t->word_mask, TRUE);
	g_array_free(t->cap_mask, TRUE);
	g_array_free(t->low_mask, TRUE);
	for (guint i = 0; i < t->rules->len; i++) {
		g_free(g_array_index(t->rules, TxRule, i).name);
		g_free(g_array_index(t->rules, TxRule, i).sets);
	}
	g_array_free(t->rules, TRUE);
	for (guint i = 0; i < t->cues->len; i++) {
		g_free(g_array_index(t->cues, TxCue, i).text);
		g_free(g_array_index(t->cues, TxCue, i).next);
	}
	g_array_free(t->cues, TRUE);
	for (guint i = 0; i < t->nodes->len; i++) {
		TxNode *n = g_ptr_array_index(t->nodes, i);
		g_free(n->edges);
		g_free(n);
	}
	g_ptr_array_free(t->nodes, TRUE);
	g_free(t->hash);
	g_free(t->cue_index);
	g_free(t->word_len);
	g_free(t->word16);
	g_free(t->root_word_first);
	g_free(t->root_word_count);
	g_free(t->root_next);
	g_free(t->root_word_edges);
	g_free(t->root_class_edges);
	g_hash_table_destroy(t->words);
	g_ptr_array_free(t->word_text, TRUE);
	g_ptr_array_free(t->classes, TRUE);
	g_free(t);
}
