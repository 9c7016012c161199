/*
 * timex.c — the temporal tagger's engine (prefix timex_): tokenises the
 * text once (timex_token.c), matches every pattern of the language table
 * in one pass over the tokens (a trie walked from each token, longest
 * match wins, leftmost first), fills the slots of the match ("what was
 * seen"), joins a clock time to its day and the two ends of a range, and
 * hands the slots to the resolver (timex_resolve.c), which asks the
 * clause's tense (timex_tense.c) when the value depends on it.
 *
 * Offsets are byte offsets into the text as given, end exclusive. The text
 * is matched as it is: a BOM and CR are blanks, NFD accents are folded
 * with their letter, so offsets need no mapping back.
 */
#include "timex_private.h"
#include "core/clause.h"
#include "core/lang.h"
#include "frise-resources.h"

#include <gio/gio.h>
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

/* ---- matching ---- */

typedef struct {
	const TxTable *t;
	const TxTok *toks;
	guint ntoks;
	const TxEdge *path[TX_MAX_ELEMS];
	const TxEdge *best_path[TX_MAX_ELEMS];
	int best_len, best_rule;
} Matcher;

/* Whether a walk from node n at token j can find nothing: no rule ends at
 * n and no edge of n takes token j (what walk() would find out after a
 * call; tested before it, so that a dead edge costs no call). */
static inline bool
dead_end(const Matcher *m, const TxNode *n, guint j)
{
	if (n->rule >= 0)
		return false;
	if (j >= m->ntoks)
		return true;
	const TxTok *k = &m->toks[j];
	return !(k->mask & n->cls_mask) && (k->word < 0 || !(n->word_bits >> (k->word & 63) & 1));
}

static void walk(Matcher *m, const TxNode *n, guint j, int depth);

/* walk()'s loop over the edges of a node with an index (TxNode's
 * cls_edges): kept out of walk() so that its own loop stays small. */
static void __attribute__((noinline))
walk_indexed(Matcher *m, const TxNode *n, guint j, int depth)
{
	const TxTok *k = &m->toks[j];
	/* the edges that take k, from the index, in the edges' order:
	 * the word edges of k's word merged with the class edges of
	 * its classes */
	int w = n->nword_edges, wend = n->nword_edges;
	if (k->word >= 0) {
		int lo = 0, hi = n->nword_edges;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (n->word_keys[mid] < k->word)
				lo = mid + 1;
			else
				hi = mid;
		}
		w = lo;
		wend = lo;
		while (wend < n->nword_edges && n->word_keys[wend] == k->word)
			wend++;
	}
	int c = 0;
	for (;;) {
		while (c < n->ncls_edges && !(k->mask >> n->edges[n->cls_edges[c]].cls & 1))
			c++;
		int e;
		if (w < wend && (c >= n->ncls_edges || n->word_edges[w] < n->cls_edges[c]))
			e = n->word_edges[w++];
		else if (c < n->ncls_edges)
			e = n->cls_edges[c++];
		else
			break;
		const TxEdge *ed = &n->edges[e];
		if (dead_end(m, ed->child, j + 1))
			continue;
		m->path[depth] = ed;
		walk(m, ed->child, j + 1, depth + 1);
	}
}

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
	const TxTok *k = &m->toks[j];
	if (!(k->mask & n->cls_mask) && (k->word < 0 || !(n->word_bits >> (k->word & 63) & 1)))
		return;   /* no edge takes this token (a gap takes none) */
	if (n->cls_edges != NULL) {
		walk_indexed(m, n, j, depth);
		return;
	}
	for (int e = 0; e < n->nedges; e++) {
		const TxEdge *ed = &n->edges[e];
		bool ok = ed->word >= 0 ? ed->word == k->word : (k->mask >> ed->cls & 1);
		if (!ok || dead_end(m, ed->child, j + 1))
			continue;
		m->path[depth] = ed;
		walk(m, ed->child, j + 1, depth + 1);
	}
}

static void
walk_root(Matcher *m, guint i)
{
	const TxTable *t = m->t;
	const TxTok *k = &m->toks[i];
	if (k->word >= 0) {
		const int *e = t->root_word_edges + t->root_word_first[k->word];
		for (int q = 0; q < t->root_word_count[k->word]; q++) {
			const TxEdge *ed = &t->root->edges[e[q]];
			if (dead_end(m, ed->child, i + 1))
				continue;
			m->path[0] = ed;
			walk(m, ed->child, i + 1, 1);
		}
	}
	for (guint64 bits = k->mask & t->root_mask; bits != 0; bits &= bits - 1) {
		int cls = __builtin_ctzll(bits);
		for (int q = t->root_cls_first[cls]; q < t->root_cls_first[cls + 1]; q++) {
			const TxEdge *ed = &t->root->edges[t->root_class_edges[q]];
			if (dead_end(m, ed->child, i + 1))
				continue;
			m->path[0] = ed;
			walk(m, ed->child, i + 1, 1);
		}
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
			const TxTok *k = &m->toks[i0 + d];
			int slot = e->slot >= 0 ? e->slot : t->class_slot[e->cls];
			int value = TX_UNSET;
			const TxEntry *en = tx_entry_of(t, k->word, e->cls);
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
	TxTenseCache *tense_cache;
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
emit(const Chunk *c, const TxTok *toks, guint i0, int len, guint start_tok, guint end_tok,
     const TxRule *r, const TxSeen *seen, const TxRule *joined_rule)
{
	const TxTable *t = c->t;
	const TxDct *dct = c->dct;
	State *st = c->st;
	bool explain = c->opts && c->opts->explain;
	TxTenseQuery tq = { t, c->text, c->to, toks[i0].start, toks[i0 + len - 1].end, "", false, c->tense_cache,
			  c->from };
	int tense = -1;
	if (seen->v[TX_S_TENSE] != TX_UNSET) {
		tense = seen->v[TX_S_TENSE];
		/* "until Thursday" looks ahead, but not in the past perfect:
		 * "Until Thursday, they had not called him a suspect" */
		if (tense == FRISE_TENSE_FUTURE && tx_find_tense(&tq) == FRISE_TENSE_PAST && tq.pluperfect)
			tense = FRISE_TENSE_PAST;
	} else if (explain) {
		tense = tx_find_tense(&tq);
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
	TxContext ctx = { .dct = dct, .tense = &tense, .find_tense = tx_find_tense, .tense_data = &tq,
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
		/* "in 7 days at 5pm": days from now, when the rule gives the
		 * way and a clock time follows (alone, "in 7 days" is P7D) */
		int q = s->v[TX_S_QTY];
		if ((s->v[TX_S_UNIT] == TX_U_DAY || s->v[TX_S_UNIT] == TX_U_WEEK) && s->v[TX_S_DIR] != TX_UNSET &&
		    q != TX_UNSET && q != TX_VAGUE && s->v[TX_S_NPAIRS] == 1 && s->v[TX_S_MOD] == TX_UNSET)
			return J_DAY;
		/* "8 heures ce soir": hours before a part of a day are o'clock
		 * (the caller checks the part of the day) */
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
bare_hour(const TxTable *t, const TxTok *toks, guint n, guint j)
{
	if (j >= n || !(toks[j].mask >> t->cls_hour & 1) || toks[j].num == TX_UNSET)
		return false;
	/* the end of the clause after it: "tonight at 8.", not "at 1,015 francs" */
	if (j + 2 < n && toks[j + 1].kind == TX_TOK_PUNCT && toks[j + 2].kind == TX_TOK_DIGITS &&
	    toks[j + 1].start == toks[j].end && toks[j + 2].start == toks[j + 1].end)
		return false;
	return j + 1 >= n || (toks[j + 1].flags & TX_F_BREAK) || toks[j + 1].kind == TX_TOK_PUNCT;
}

/* A bare hour that may open a time whose day follows ("8 tonight"): a
 * number 0..24 alone, the next token in the same sentence. */
static bool
bare_hour_first(const TxTable *t, const TxTok *toks, guint n, guint i)
{
	return i + 1 < n && toks[i].num != TX_UNSET && (toks[i].mask >> t->cls_hour & 1) &&
	       !(toks[i + 1].flags & TX_F_BREAK) && (toks[i + 1].flags & TX_F_ROOT);
}

/* The match at token j (one timex, a rule that emits): its slots, span
 * and length; false when there is none. Clobbers the matcher's best path. */
static bool
match_at(Matcher *m, guint j, TxSeen *seen, const TxRule **r, int *first, int *last)
{
	if (j >= m->ntoks || !(m->toks[j].flags & TX_F_ROOT))
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
		if (m->toks[*scanned].flags & TX_F_BREAK)
			c->st->sent++;
	s2.v[TX_S_HOUR] = m->toks[i].num;
	s2.v[TX_S_TYPE] = FRISE_TIMEX_TIME;
	if (!emit(c, m->toks, i, l2 + 2, i, i + 1 + (guint)l2, r2, &s2, NULL))
		return 1;
	return (guint)l2 + 2;
}

/* ---- a duration counted from the date said after it ---- */

/* "three days after Easter", "a week before March 3", "15 minutes after
 * 1pm": a duration said as a count and its unit, two tokens (seen `s`,
 * toks[i + first .. i + len) its span), a word of class OFFSETFROM and the
 * date or time right after it are one date, the duration counted from that
 * date. Not "eight trading days after Oct. 12": days of a market or office
 * calendar cannot be counted on the civil one, and TimeBank keeps the two
 * (tbaq-dev). Emits it and returns the tokens taken from i; 0 when there
 * is none. */
static guint
offset_from_date(const Chunk *c, Matcher *m, guint i, int len, int first, const TxRule *r, const TxSeen *s)
{
	const TxTable *t = c->t;
	guint k = i + (guint)len;
	int q = s->v[TX_S_QTY], u = s->v[TX_S_UNIT];
	if (t->cls_offset < 0)
		return 0;
	if (r->type == FRISE_TIMEX_DATE && s->v[TX_S_DIR] != TX_UNSET && len >= 1 &&
	    (m->toks[k - 1].mask >> t->cls_offset & 1)) {
		/* "two weeks before March 3": a rule that took the word as its
		 * own ("two weeks before", counted from the DCT) */
		k--;
		len--;
	}
	if (len - first != 2 || k + 1 >= m->ntoks || !(m->toks[k].mask >> t->cls_offset & 1) ||
	    (m->toks[k].flags & TX_F_BREAK) || (m->toks[k + 1].flags & TX_F_BREAK) ||
	    q == TX_UNSET || q == TX_VAGUE || q <= 0 || q > 1000 || s->v[TX_S_MOD] != TX_UNSET ||
	    s->v[TX_S_FRAC] != TX_UNSET || (s->v[TX_S_NPAIRS] != TX_UNSET && s->v[TX_S_NPAIRS] != 1))
		return 0;
	const TxEntry *e = tx_entry_of(t, m->toks[k].word, t->cls_offset);
	int dir = 0;
	for (int n = 0; e != NULL && n < e->nsets; n++)
		if (e->sets[n].slot == TX_S_DIR)
			dir = e->sets[n].value;
	TxSeen s2;
	const TxRule *r2;
	int f2, l2;
	if (dir == 0 || !match_at(m, k + 1, &s2, &r2, &f2, &l2) || f2 != 0 ||
	    (r2->type != FRISE_TIMEX_DATE && r2->type != FRISE_TIMEX_TIME))
		return 0;
	guint n0 = c->out->len;
	if (!emit(c, m->toks, k + 1, l2 + 1, k + 1, k + 1 + (guint)l2, r2, &s2, NULL))
		return 0;
	FriseTimex *x = &g_array_index(c->out, FriseTimex, n0);
	char v[sizeof x->value];
	if (x->mod[0] != '\0' || !tx_offset_value(x->value, u, dir * q, v, sizeof v)) {
		g_free(x->explain);
		g_array_set_size(c->out, n0);
		return 0;
	}
	if (x->explain != NULL) {
		char *ex = g_strdup_printf("%s; rule '%s' (%s/tagger.tab line %d): %+d %s from it; value %s; ",
					   x->explain, r->name, frise_lang_code(t->lang), r->line, dir * q,
					   tx_unit_letter(u), v);
		g_free(x->explain);
		x->explain = ex;
	}
	g_strlcpy(x->value, v, sizeof x->value);
	x->start = m->toks[i + (guint)first].start;
	x->rule = r->name;
	x->relative = true;
	return k + 2 + (guint)l2 - i;
}

/* Tags text[from, to): a run of whole lines. */
static bool
tag_chunk(const TxTable *t, const char *text, size_t from, size_t to, const FriseTagOptions *opts,
	  const TxDct *dct, State *st, GArray *out, GArray *toks, GString *scratch, TxTenseCache *tense_cache,
	  size_t *bad)
{
	g_array_set_size(toks, 0);
	if (!tx_tokenise(t, text, from, to, toks, bad))
		return false;
	tx_merge_numbers(t, toks);
	Matcher m = { .t = t, .toks = (const TxTok *)(void *)toks->data, .ntoks = toks->len };
	Chunk c = { t, text, from, to, opts, dct, st, out, scratch, tense_cache };
	guint scanned = 0;
	for (guint i = 0; i < m.ntoks;) {
		const TxTok *k = &m.toks[i];
		if (!(k->flags & TX_F_ROOT)) {
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
			const TxTok *nx = i + 1 < m.ntoks ? &m.toks[i + 1] : NULL;
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
			if (m.toks[scanned].flags & TX_F_BREAK)
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
					if (m.toks[scanned].flags & TX_F_BREAK)
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
			    !(m.toks[k2].flags & TX_F_BREAK)) {
				/* a joiner; but a part of the day may take it as its
				 * own context ("tomorrow { at lunch }") */
				TxSeen sp;
				const TxRule *rp;
				int fp, lp;
				if (!(kind == J_DAY && match_at(&m, k2, &sp, &rp, &fp, &lp) && fp > 0 &&
				      join_kind(&sp, rp->type) == J_POD)) {
					at = m.toks[k2].mask >> t->cls_at & 1;
					word = m.toks[k2].kind == TX_TOK_WORD;
					k2++;
				}
			}
			if (kind != J_NONE && k2 < m.ntoks && !(m.toks[k2].flags & TX_F_BREAK)) {
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
			if ((r->type == FRISE_TIMEX_DURATION || r->type == FRISE_TIMEX_DATE) && len == last + 1) {
				guint took = offset_from_date(&c, &m, i, len, first, r, &seen[0]);
				if (took > 0) {
					i += took;
					continue;
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
		if (m.toks[scanned].flags & TX_F_BREAK)
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
	GArray *toks = g_array_sized_new(FALSE, FALSE, sizeof(TxTok), MIN(len, CHUNK) / 4 + 16);
	State st = { .anchor = { 0, 0, 0 } };
	GString *scratch = g_string_sized_new(64);
	TxTenseCache cache = { 0, 0, NULL };
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
