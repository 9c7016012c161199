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
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

/* ORDER SLOT */
static const char *const slot_names[TX_NSLOTS] = {
	"year", "yy", "decade", "century", "month", "day", "weekday", "hour",
	"minute", "pod", "season", "quarter", "half", "unit", "qty", "shift",
	"dir", "ref", "mod", "tense", "pm", "num", "weekend", "anchor", "frac",
	"type", "qty2", "mul", "cap", "easter",
	"minus", "add", "cal", "observe", "fromend", "near", "era",
	"n_y", "n_m", "n_w", "n_d", "n_h", "n_min", "n_s", "npairs",
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
/* ORDER CAL */
static const char *const cal_names[] = { "GREGORIAN", "ORTHODOX", "HEBREW", "ISLAMIC", "CHINESE", "HINDU",
					 "SANKRANTI", "PARSI", NULL };

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
	case TX_S_CAL: return cal_names;
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

/* The one fold of frise (core/text.c text_fold: NFD, marks dropped, case
 * folded, ’ = '), into a buffer: the table's words are folded so, and the
 * tokeniser's fast path for Latin-1 letters (text_latin1_fold) agrees with it. */
int
tx_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	while (k < n && (unsigned char)s[k] < 0x80 && s[k] != 0)
		k++;
	if (k == n) {
		/* ASCII is its own NFD: its lower case (what text_fold gives) */
		if (n >= cap)
			return -1;
		for (size_t i = 0; i < n; i++)
			out[i] = g_ascii_tolower(s[i]);
		out[n] = 0;
		return (int)n;
	}
	if (!g_utf8_validate_len(s, n, NULL))
		return -1;
	char *f = text_fold(s, (gssize)n);
	size_t fl = strlen(f);
	int r = fl < cap ? (int)fl : -1;
	if (r >= 0)
		memcpy(out, f, fl + 1);
	g_free(f);
	return r;
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
	guint8 group;
	short nsets;
	const TxSet *sets;
	int tag;
} Atom;

typedef struct {
	Atom a[TX_MAX_ELEMS];
	int n;
} Seq;

/* A phrase of a phrase class ([phrases] "HOLIDAY: thanksgiving day? =>
 * month=11 weekday=4 num=4"): a pattern may name the class as one element;
 * each phrase of the class is expanded there, its settings on its last
 * token's edge. */
typedef struct {
	char *name;
	char **elems;
	TxSet *sets;
	int nsets;
} Phrase;

static void
phrase_free(gpointer data)
{
	Phrase *p = data;
	g_free(p->name);
	g_strfreev(p->elems);
	/* p->sets is owned by t->owned: edges point to it */
	g_free(p);
}

static bool
is_phrase_name(const TxTable *t, const char *s)
{
	for (guint i = 0; i < t->phrases->len; i++)
		if (strcmp(((const Phrase *)g_ptr_array_index(t->phrases, i))->name, s) == 0)
			return true;
	return false;
}

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
		out[n] = (Atom){ .word = intern(t, f), .cls = -1, .slot = -1, .group = 1 };
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

/* A node's index of its edges (TxNode's cls_edges, word_keys and
 * word_edges). */
static int
cmp_word_edge(const void *a_, const void *b_)
{
	const int *a = a_, *b = b_;
	return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : (a[1] < b[1] ? -1 : a[1] > b[1]);
}

static void
index_edges(TxNode *n)
{
	int *pairs = g_new(int, 2 * n->nedges);
	n->cls_edges = g_new(int, n->nedges);
	n->ncls_edges = n->nword_edges = 0;
	for (int e = 0; e < n->nedges; e++) {
		if (n->edges[e].word >= 0) {
			pairs[2 * n->nword_edges] = n->edges[e].word;
			pairs[2 * n->nword_edges + 1] = e;
			n->nword_edges++;
		} else {
			n->cls_edges[n->ncls_edges++] = e;
		}
	}
	qsort(pairs, (size_t)n->nword_edges, 2 * sizeof(int), cmp_word_edge);
	n->word_keys = g_new(int, n->nword_edges + 1);
	n->word_edges = g_new(int, n->nword_edges + 1);
	for (int i = 0; i < n->nword_edges; i++) {
		n->word_keys[i] = pairs[2 * i];
		n->word_edges[i] = pairs[2 * i + 1];
	}
	g_free(pairs);
}

/* The edge of n that reads atom a, or NULL. */
static TxEdge *
edge_of(TxNode *n, const Atom *a)
{
	for (int e = 0; e < n->nedges; e++) {
		TxEdge *ed = &n->edges[e];
		if (ed->word == a->word && ed->cls == a->cls && ed->slot == a->slot && ed->group == a->group &&
		    ed->sets == a->sets && ed->nsets == a->nsets && ed->tag == a->tag)
			return ed;
	}
	return NULL;
}

/* The child of n through atom a, made when missing (to `to` when not NULL). */
static TxNode *
step_to(TxTable *t, TxNode *n, const Atom *a, TxNode *to)
{
	TxEdge *ed = edge_of(n, a);
	if (ed != NULL)
		return ed->child;
	TxNode *next = to != NULL ? to : node_new(t);
	n->edges = g_renew(TxEdge, n->edges, n->nedges + 1);
	n->edges[n->nedges++] = (TxEdge){ .word = a->word, .cls = a->cls, .slot = a->slot, .group = a->group,
					  .nsets = a->nsets, .sets = a->sets, .tag = a->tag, .child = next };
	return next;
}

/* A new edge of n reading atom a, to `to` (a new node when NULL), even
 * where n has one for a already: a pattern's own path is a
 * nondeterministic automaton, its edges never shared. */
static TxNode *
add_edge(TxTable *t, TxNode *n, const Atom *a, TxNode *to)
{
	TxNode *next = to != NULL ? to : node_new(t);
	n->edges = g_renew(TxEdge, n->edges, n->nedges + 1);
	n->edges[n->nedges++] = (TxEdge){ .word = a->word, .cls = a->cls, .slot = a->slot, .group = a->group,
					  .nsets = a->nsets, .sets = a->sets, .tag = a->tag, .child = next };
	return next;
}

/* The node the atoms [0, n) of seq lead to from the root. */
static TxNode *
path_node(TxTable *t, const Seq *seq, int n)
{
	TxNode *node = t->root;
	for (int i = 0; i < n; i++)
		node = step_to(t, node, &seq->a[i], NULL);
	return node;
}

static void
insert_seq(TxTable *t, const Seq *seq, int rule)
{
	TxNode *n = path_node(t, seq, seq->n);
	if (n->rule < 0)
		n->rule = rule;
}

/* A list of elements being expanded: a pattern's, or a phrase's inside a
 * pattern (`up` is where to go on when it ends). */
typedef struct Frame {
	char **elems;
	int i;
	const struct Frame *up;
	guint8 group;        /* the group the next element belongs to */
	guint8 braces;       /* "{" seen so far (pattern frames) */
	bool phrase;
	const TxSet *sets;   /* a phrase's settings, put on its last edge */
	int nsets;
} Frame;

typedef struct {
	TxTable *t;
	int rule;
	const char *name;
	int line;
	int depth;
	GError **error;
	int tag;             /* the atoms' tag: the rule + 1 for a pattern of its own path */
	GArray *collect;     /* NULL, or where the sequences of one element go
			      * (Seq each) instead of the trie */
	long *count;         /* NULL, or where sequences are only counted */
} Expander;

static bool expand(Expander *x, Frame f, Seq *cur);

/* One alternative of an element, read once: a phrase class, or the atoms
 * of a class or a literal (group and tag are set where it is used). */
typedef struct {
	const char *phrase;  /* the phrase class's name, or NULL */
	Atom atoms[TX_MAX_ELEMS];
	int n;
} CAlt;

typedef struct {
	bool optional;
	int nalts;
	CAlt alts[];
} CElem;

/* The element `el` ("le|la?", "DAY:qty2", "HOLIDAY") read into its
 * alternatives, from the table's cache: an element is read once however
 * many expansions go through it. NULL (error set) when it is wrong. */
static const CElem *
compiled(Expander *x, const char *el)
{
	TxTable *t = x->t;
	if (t->celems == NULL)
		t->celems = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	const CElem *hit = g_hash_table_lookup(t->celems, el);
	if (hit != NULL)
		return hit;
	size_t len = strlen(el);
	bool optional = len > 1 && el[len - 1] == '?';
	char *body = g_strndup(el, optional ? len - 1 : len);
	char **alts = g_strsplit(body, "|", -1);
	g_free(body);
	int n = (int)g_strv_length(alts);
	CElem *ce = g_malloc0(sizeof *ce + n * sizeof(CAlt));
	ce->optional = optional;
	ce->nalts = n;
	bool ok = true;
	for (int a = 0; ok && a < n; a++) {
		const char *alt = alts[a];
		CAlt *ca = &ce->alts[a];
		if (is_class_name(alt) && is_phrase_name(t, alt)) {
			const char *nm = NULL;
			for (guint p = 0; nm == NULL && p < t->phrases->len; p++)
				if (strcmp(((const Phrase *)g_ptr_array_index(t->phrases, p))->name, alt) == 0)
					nm = ((const Phrase *)g_ptr_array_index(t->phrases, p))->name;
			ca->phrase = nm;
		} else if (is_class_name(alt)) {
			char *cname = g_strdup(alt);
			char *colon = strchr(cname, ':');
			short slot = -1;
			if (colon != NULL) {
				*colon = 0;
				slot = (short)slot_of(colon + 1);
				if (slot < 0)
					ok = table_error(x->error, x->name, x->line, "unknown slot in", alt);
			}
			int c = ok ? class_id(t, cname, false) : -1;
			g_free(cname);
			if (ok && c < 0)
				ok = table_error(x->error, x->name, x->line, "unknown class", alt);
			ca->atoms[0] = (Atom){ .word = -1, .cls = c, .slot = slot };
			ca->n = 1;
		} else {
			ca->n = literal_atoms(t, alt, ca->atoms, TX_MAX_ELEMS);
			if (ca->n < 0)
				ok = table_error(x->error, x->name, x->line, "bad literal", alt);
		}
	}
	g_strfreev(alts);
	if (!ok) {
		g_free(ce);
		return NULL;
	}
	g_hash_table_insert(t->celems, g_strdup(el), ce);
	return ce;
}

/* The settings `add` put on atom `a` after those it has (a phrase ending
 * where another ends): one new array, owned by the table. */
static void
add_sets(TxTable *t, Atom *a, const TxSet *add, int nadd)
{
	if (nadd == 0)
		return;
	if (a->nsets == 0) {
		a->sets = add;
		a->nsets = (short)nadd;
		return;
	}
	TxSet *m = g_new(TxSet, a->nsets + nadd);
	memcpy(m, a->sets, a->nsets * sizeof *m);
	memcpy(m + a->nsets, add, nadd * sizeof *m);
	g_ptr_array_add(t->owned, m);
	a->sets = m;
	a->nsets = (short)(a->nsets + nadd);
}

/* The end of frame f: a phrase puts its settings on its last atom and
 * hands over to the frame that named it; a pattern is inserted. */
static bool
expand_end(Expander *x, const Frame *f, Seq *cur)
{
	if (!f->phrase) {
		if (x->count != NULL)
			(*x->count)++;
		else if (x->collect != NULL)
			g_array_append_val(x->collect, *cur);
		else if (cur->n > 0)
			insert_seq(x->t, cur, x->rule);
		return true;
	}
	if (cur->n == 0)
		return true;
	Atom saved = cur->a[cur->n - 1];
	add_sets(x->t, &cur->a[cur->n - 1], f->sets, f->nsets);
	Frame up = *f->up;
	up.i++;
	bool ok = expand(x, up, cur);
	cur->a[cur->n - 1] = saved;
	return ok;
}

/* Expands element f.i of f onward (alternatives, optional elements,
 * phrases), appending to `cur`; each full sequence goes into the trie. */
static bool
expand(Expander *x, Frame f, Seq *cur)
{
	if (++x->depth > 64) {
		x->depth--;
		return table_error(x->error, x->name, x->line, "phrases nested too deep in", "pattern");
	}
	bool ok = true;
	char *el = f.elems[f.i];
	if (el == NULL) {
		ok = expand_end(x, &f, cur);
		x->depth--;
		return ok;
	}
	if (strcmp(el, "{") == 0 || strcmp(el, "}") == 0) {
		if (f.phrase || (el[0] == '{' && (f.group != 0 || f.braces >= 2)) || (el[0] == '}' && f.group == 0)) {
			x->depth--;
			return table_error(x->error, x->name, x->line, "misplaced brace", el);
		}
		Frame g = f;
		g.i++;
		g.group = el[0] == '{' ? ++g.braces : 0;
		ok = expand(x, g, cur);
		x->depth--;
		return ok;
	}
	size_t len = strlen(el);
	if (len > 1 && el[len - 1] == '*') {
		x->depth--;
		return table_error(x->error, x->name, x->line, "a repeated element only at pattern level:", el);
	}
	const CElem *ce = compiled(x, el);
	if (ce == NULL) {
		x->depth--;
		return false;
	}
	int saved = cur->n;
	Frame next = f;
	next.i++;
	for (int a = 0; ok && a < ce->nalts; a++) {
		const CAlt *alt = &ce->alts[a];
		cur->n = saved;
		if (alt->phrase != NULL) {
			for (guint p = 0; ok && p < x->t->phrases->len; p++) {
				const Phrase *ph = g_ptr_array_index(x->t->phrases, p);
				if (strcmp(ph->name, alt->phrase) != 0)
					continue;
				Frame pf = { .elems = ph->elems, .i = 0, .up = &f, .group = f.group,
					     .phrase = true, .sets = ph->sets, .nsets = ph->nsets };
				cur->n = saved;
				ok = expand(x, pf, cur);
			}
			continue;
		}
		if (cur->n + alt->n > TX_MAX_ELEMS) {
			ok = table_error(x->error, x->name, x->line, "pattern longer than TX_MAX_ELEMS tokens at", el);
			break;
		}
		for (int k = 0; k < alt->n; k++) {
			Atom at = alt->atoms[k];
			at.group = f.group;
			at.tag = x->tag;
			cur->a[cur->n++] = at;
		}
		ok = expand(x, next, cur);
	}
	cur->n = saved;
	if (ok && ce->optional)
		ok = expand(x, next, cur);
	x->depth--;
	return ok;
}

/* Whether elements hold braces: without them, every element is the span. */
static guint8
first_group(char **elems)
{
	for (int k = 0; elems[k] != NULL; k++)
		if (strcmp(elems[k], "{") == 0)
			return 0;
	return 1;
}

/* How many sequences the tree expansion of elems would insert (capped). */
static long
count_sequences(Expander *x, char **elems)
{
	long total = 1;
	for (int k = 0; elems[k] != NULL && total < 100000; k++) {
		if (strcmp(elems[k], "{") == 0 || strcmp(elems[k], "}") == 0)
			continue;
		size_t len = strlen(elems[k]);
		if (elems[k][len - 1] == '*')
			return 100000;
		long n = 0;
		char *one[2] = { elems[k], NULL };
		Seq cur = { .n = 0 };
		x->count = &n;
		Frame f = { .elems = one, .group = 1 };
		bool ok = expand(x, f, &cur);
		x->count = NULL;
		total *= MAX(1, n);
		if (!ok)
			return -1;
	}
	return total;
}

/* A pattern as a path of its own through the trie, one node per element
 * joining its alternatives: "A? B|C D*" inserts A, B, C once each, not
 * once per combination, and D loops back. For patterns whose expansion
 * would be large (options multiply) or that repeat an element. */
static bool
build_own_path(Expander *x, char **elems)
{
	TxTable *t = x->t;
	GPtrArray *front = g_ptr_array_new(), *next = g_ptr_array_new();
	g_ptr_array_add(front, t->root);
	guint8 group = first_group(elems), braces = 0;
	bool ok = true;
	for (int k = 0; ok && elems[k] != NULL; k++) {
		const char *el = elems[k];
		if (strcmp(el, "{") == 0 || strcmp(el, "}") == 0) {
			if ((el[0] == '{' && (group != 0 || braces >= 2)) || (el[0] == '}' && group == 0))
				ok = table_error(x->error, x->name, x->line, "misplaced brace", el);
			group = el[0] == '{' ? ++braces : 0;
			continue;
		}
		size_t len = strlen(el);
		bool star = len > 1 && el[len - 1] == '*', optional = len > 1 && el[len - 1] == '?';
		char *one[2] = { g_strndup(el, star || optional ? len - 1 : len), NULL };
		GArray *seqs = g_array_new(FALSE, FALSE, sizeof(Seq));
		Seq cur = { .n = 0 };
		x->collect = seqs;
		Frame f = { .elems = one, .group = group, .braces = braces };
		ok = expand(x, f, &cur);
		x->collect = NULL;
		g_free(one[0]);
		g_ptr_array_set_size(next, 0);
		if (star || optional)
			for (guint q = 0; q < front->len; q++)
				g_ptr_array_add(next, g_ptr_array_index(front, q));
		TxNode *target = NULL;
		for (guint si = 0; ok && si < seqs->len; si++) {
			const Seq *sq = &g_array_index(seqs, Seq, si);
			if (sq->n == 0)
				continue;
			for (guint q = 0; q < front->len; q++) {
				TxNode *n = g_ptr_array_index(front, q);
				for (int a = 0; a + 1 < sq->n; a++)
					n = add_edge(t, n, &sq->a[a], NULL);
				TxNode *to = star ? g_ptr_array_index(front, q) : target ? target : (target = node_new(t));
				add_edge(t, n, &sq->a[sq->n - 1], to);
			}
			if (!star && target != NULL && !g_ptr_array_find(next, target, NULL))
				g_ptr_array_add(next, target);
		}
		g_array_free(seqs, TRUE);
		GPtrArray *tmp = front;
		front = next;
		next = tmp;
		if (front->len == 0)
			ok = table_error(x->error, x->name, x->line, "an element that matches nothing:", el);
		if (front->len > 64)
			ok = table_error(x->error, x->name, x->line, "too many ways into", el);
	}
	for (guint q = 0; ok && q < front->len; q++) {
		TxNode *n = g_ptr_array_index(front, q);
		if (n != t->root && n->rule < 0)
			n->rule = x->rule;
	}
	g_ptr_array_free(front, TRUE);
	g_ptr_array_free(next, TRUE);
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
		Expander x = { t, (int)t->rules->len - 1, name, lineno, 0, error, 0, NULL, NULL };
		long count = count_sequences(&x, elems);
		if (count < 0) {
			ok = false;
		} else if (count > 256) {
			/* a path of its own, so that its loops and joins do not
			 * leak into other patterns */
			x.tag = x.rule + 1;
			ok = build_own_path(&x, elems);
		} else {
			Frame f = { .elems = elems, .group = first_group(elems) };
			ok = expand(&x, f, &cur);
		}
	}
	g_strfreev(elems);
	g_strfreev(rhs);
	return ok;
}

/* A phrase: NAME: elements => settings. */
static bool
parse_phrase(TxTable *t, char *line, const char *name, int lineno, GError **error)
{
	char *colon = strstr(line, ": ");
	char *arrow = strstr(line, "=>");
	if (colon == NULL || arrow == NULL || arrow < colon)
		return table_error(error, name, lineno, "expected 'CLASS: elements => settings', got", line);
	*colon = 0;
	*arrow = 0;
	g_strstrip(line);
	if (!is_class_name(line) || strchr(line, ':') != NULL)
		return table_error(error, name, lineno, "a phrase class is in capitals, got", line);
	if (class_id(t, line, false) >= 0)
		return table_error(error, name, lineno, "a phrase class may not be a word class", line);
	char **rhs = split_words(arrow + 2);
	Phrase *p = g_new0(Phrase, 1);
	p->name = g_strdup(line);
	p->elems = split_words(colon + 2);
	bool ok = parse_sets(rhs, &p->sets, &p->nsets, name, lineno, error);
	g_strfreev(rhs);
	for (int k = 0; ok && p->elems[k] != NULL; k++)
		if (strchr(p->elems[k], '{') || strchr(p->elems[k], '}'))
			ok = table_error(error, name, lineno, "no braces in a phrase", p->elems[k]);
	if (ok && p->elems[0] == NULL)
		ok = table_error(error, name, lineno, "empty phrase", line);
	if (!ok) {
		g_free(p->sets);
		phrase_free(p);
		return false;
	}
	if (p->sets != NULL)
		g_ptr_array_add(t->owned, p->sets);
	g_ptr_array_add(t->phrases, p);
	return true;
}

/* [options]: "spelled DAY HOUR MIN", the classes of numbers said in words. */
static bool
parse_option(TxTable *t, char *line, const char *name, int lineno, GError **error)
{
	char **w = split_words(line);
	bool ok = w[0] != NULL && strcmp(w[0], "spelled") == 0;
	if (!ok)
		table_error(error, name, lineno, "unknown option", line);
	for (int k = 1; ok && w[k] != NULL; k++) {
		int c = strcmp(w[k], "DAY") == 0 ? t->cls_day : strcmp(w[k], "HOUR") == 0 ? t->cls_hour :
			strcmp(w[k], "MIN") == 0 ? t->cls_min : -1;
		if (c < 0)
			ok = table_error(error, name, lineno, "spelled numbers may be DAY, HOUR or MIN, not", w[k]);
		else
			t->spelled_mask |= G_GUINT64_CONSTANT(1) << c;
	}
	g_strfreev(w);
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
	t->phrases = g_ptr_array_new_with_free_func(phrase_free);
	t->owned = g_ptr_array_new_with_free_func(g_free);
	t->root = node_new(t);
	/* Built-in classes, tested on the token's shape (see timex_token.c). */
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
	t->cls_hhmm = class_id(t, "HHMM", true);     /* "1030", "730": hour and minute */
	t->cls_m12 = class_id(t, "M12", true);       /* 1..12 in digits: a month */
	t->class_slot[t->cls_m12] = TX_S_MONTH;
	t->cls_join = class_id(t, "JOIN", true);     /* between a time and its day */
	t->cls_at = class_id(t, "CLOCKAT", true);    /* before a bare clock hour */
	t->cls_offset = class_id(t, "OFFSETFROM", true); /* "after" in "three days after Easter" */
	t->class_slot[t->cls_ord] = TX_S_NUM;

	char *copy = g_strndup(text, len);
	char **lines = g_strsplit(copy, "\n", -1);
	g_free(copy);
	enum { NONE, OPTIONS, WORDS, CUES, PHRASES, PATTERNS } section = NONE;
	bool ok = true;
	for (int i = 0; ok && lines[i] != NULL; i++) {
		char *l = lines[i];
		char *hash = strstr(l, " #");
		if (l[0] == '#' || l[0] == '>')
			l[0] = 0;   /* a comment; '>' an example, read by the tests */
		else if (hash != NULL)
			*hash = 0;
		g_strstrip(l);
		if (l[0] == 0)
			continue;
		if (strcmp(l, "[options]") == 0)
			section = OPTIONS;
		else if (strcmp(l, "[words]") == 0)
			section = WORDS;
		else if (strcmp(l, "[cues]") == 0)
			section = CUES;
		else if (strcmp(l, "[phrases]") == 0)
			section = PHRASES;
		else if (strcmp(l, "[patterns]") == 0)
			section = PATTERNS;
		else if (section == OPTIONS)
			ok = parse_option(t, l, name, i + 1, error);
		else if (section == WORDS)
			ok = parse_word(t, l, name, i + 1, error);
		else if (section == CUES)
			ok = parse_cue(t, l, name, i + 1, error);
		else if (section == PHRASES)
			ok = parse_phrase(t, l, name, i + 1, error);
		else if (section == PATTERNS)
			ok = parse_pattern(t, l, name, i + 1, error);
		else
			ok = table_error(error, name, i + 1, "line outside a section", l);
	}
	g_strfreev(lines);
	if (t->celems != NULL) {
		g_hash_table_destroy(t->celems);
		t->celems = NULL;
	}
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
		if (g_ascii_isdigit(w[0]))
			t->digit_words = true;
		for (size_t k = 0; k < n; k++)
			if ((unsigned char)w[k] >= 0x80) {
				if (g_unichar_isalpha(g_utf8_get_char_validated(w + k, -1)))
					t->nonascii_letters = true;
				else
					t->nonascii_words = true;
				break;
			}
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
			if (c->len > 0 && (unsigned char)c->text[c->len - 1] == b) {
				t->cue_index[at++] = (int)q;
				if (c->len == 1) {
					memset(t->cue_before[b], 0xFF, sizeof t->cue_before[b]);
				} else {
					unsigned char p = (unsigned char)c->text[c->len - 2];
					t->cue_before[b][p >> 5] |= 1u << (p & 31);
				}
			}
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
		if (n->nedges >= TX_INDEX_EDGES)
			index_edges(n);
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
		g_free(n->cls_edges);
		g_free(n->word_keys);
		g_free(n->word_edges);
		g_free(n);
	}
	g_ptr_array_free(t->nodes, TRUE);
	g_ptr_array_free(t->phrases, TRUE);
	g_ptr_array_free(t->owned, TRUE);
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
