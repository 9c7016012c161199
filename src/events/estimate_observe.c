/*
 * estimate_observe.c — phase 1 of the estimator (estimate.c): what the
 * undated article says of its own time. Exports estimate_observe() only
 * (estimate_private.h); everything else has file scope.
 *
 * An observation (Obs) is one of the article's candidates — a dated
 * sentence: an anchored, year-less, weekday or relative date, classified
 * by what the tagger makes of it against probe document dates — or one of
 * its undated sentences, by the tense of its main clause (a question, a
 * quotation, the title and boilerplate are left out). Each takes the
 * tense and mood of the clause its date dates (core/clause.h,
 * attribution.h). Offsets are bytes into the article's text; candidates
 * the phase makes are owned by e->mine.
 */
#include "events/estimate_private.h"
#include "events/attribution.h"
#include "events/headline.h"
#include "events/similarity.h"
#include "core/lang.h"
#include "core/text.h"
#include "frise/timex.h"

#include <stdlib.h>
#include <string.h>

/* ---- 1. observe ---- */

/* ISO weekday (1 = Monday) the words of an expression name ("samedi 12
 * mars", "Mardi"), or 0. */
static int
weekday_in(const FriseDoc *d, const FriseTimex *t)
{
	char *f = text_fold(d->text + t->start, (gssize)(t->end - t->start));
	int wd = 0;
	const LangWords *days = lang_list(d->lang, LANG_WEEKDAYS); /* Monday first: ISO weekday = index + 1 */
	for (guint i = 0; i < days->n && i < 7 && wd == 0; i++)
		if (strstr(f, days->items[i]) != NULL)
			wd = (int)i + 1;
	g_free(f);
	return wd;
}

/* ISO weekday (1 = Monday) a weekday expression with no day of the
 * month names ("Mardi", "XXXX-WXX-2"), or 0. */
static int
weekday_of(const FriseDoc *d, const FriseTimex *t)
{
	const char *v = t->value;
	if (strncmp(v, "XXXX-WXX-", 9) == 0 && v[9] >= '1' && v[9] <= '7')
		return v[9] - '0';
	if (strncmp(v, "XXXX", 4) != 0 || strpbrk(v + 4, "0123456789") != NULL)
		return 0;
	return weekday_in(d, t);
}

/* The value the tagger gives the expression at `start` against `dct`:
 * start -> value, new table (NULL without a tagger). */
static GHashTable *
probe(const Est *e, const char *dct)
{
	if (e->cx == NULL || e->cx->tag == NULL)
		return NULL;
	GArray *tx = e->cx->tag(e->d, dct, e->cx->tag_data);
	if (tx == NULL)
		return NULL;
	GHashTable *h = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	for (guint i = 0; i < tx->len; i++) {
		const FriseTimex *t = &g_array_index(tx, FriseTimex, i);
		g_hash_table_replace(h, GUINT_TO_POINTER((guint)t->start), g_strdup(t->value));
	}
	timex_array_free(tx);
	return h;
}

/* How far from the probe day `probe` the tagger put a relative
 * expression it resolved to `v`: n units. False when it is no calendar
 * value this can tell (a season, a clock time, which hangs on the last
 * day named as often as on the article's). */
static bool
offset_from(const char *v, const char *probe, Unit *unit, int *n)
{
	FriseDateParts p, q;
	if (v == NULL || !date_parse(v, &p) || !p.anchored || p.gran > FRISE_GRAN_PART_OF_DAY ||
	    !date_parse(probe, &q))
		return false;
	Day pd = day_of(q.day, q.month, q.year);
	if (p.gran >= FRISE_GRAN_DAY) {
		*unit = UNIT_DAY;
		*n = (int)day_of(p.day, p.month, p.year) - (int)pd;
	} else if (p.gran == FRISE_GRAN_WEEK) {
		GDate s, en;
		Day lo, hi, plo, phi;
		if (!date_span(v, "", &s, &en))
			return false;
		period_of(UNIT_WEEK, g_date_get_julian(&s), &lo, &hi);
		period_of(UNIT_WEEK, pd, &plo, &phi);
		*unit = UNIT_WEEK;
		*n = ((int)lo - (int)plo) / 7;
	} else if (p.gran == FRISE_GRAN_MONTH) {
		*unit = UNIT_MONTH;
		*n = (p.year * 12 + p.month) - (q.year * 12 + q.month);
	} else if (p.gran == FRISE_GRAN_YEAR) {
		*unit = UNIT_YEAR;
		*n = p.year - q.year;
	} else {
		return false;
	}
	return true;
}

/* What kind of date o->c's expression is, from its value and what the
 * probes make of it: py against a year, pd and pd2 against two days. */
static void
classify(const Est *e, Obs *o, GHashTable *py, GHashTable *pd, GHashTable *pd2)
{
	const FriseTimex *t = &o->c->timex;
	const char *v = t->value;
	gpointer key = GUINT_TO_POINTER((guint)t->start);
	const char *vy = py ? g_hash_table_lookup(py, key) : NULL, *vd = pd ? g_hash_table_lookup(pd, key) : NULL;
	const char *vd2 = pd2 ? g_hash_table_lookup(pd2, key) : NULL;
	FriseDateParts p;
	Unit u2;
	int n2;
	o->kind = OBS_NONE;
	if (date_is_anchored(v)) {
		o->kind = OBS_ANCHORED;
	} else if ((o->wd = weekday_of(e->d, t)) > 0) {
		o->kind = OBS_WEEKDAY;
	} else if (strncmp(v, "XXXX-", 5) == 0 && g_ascii_isdigit(v[5]) && g_ascii_isdigit(v[6])) {
		/* a month (and day) without its year: the year probe tells "en
		 * décembre" (its year) from "décembre de l'année dernière" (one
		 * before); "mars dernier" needs a day to say which March */
		o->kind = OBS_YEARLESS;
		o->wd = weekday_in(e->d, t); /* "samedi 12 mars": the year where it is a Saturday */
		if (o->wd == 0 && vy != NULL && date_parse(vy, &p) && p.anchored && p.year != atoi(PROBE_YEAR)) {
			o->kind = OBS_RELYEAR;
			o->yshift = p.year - atoi(PROBE_YEAR);
		} else if ((vy == NULL || !date_is_anchored(vy)) && vd != NULL && date_is_anchored(vd)) {
			o->yshift = date_compare(vd, PROBE_DAY) < 0 ? -1 : 1;
		}
	} else if (strncmp(v, "XXXX", 4) == 0 && offset_from(vd, PROBE_DAY, &o->unit, &o->n) &&
		   offset_from(vd2, PROBE_DAY2, &u2, &n2) && u2 == o->unit && n2 == o->n &&
		   ABS(o->n) <= max_offset[o->unit]) {
		/* the same distance from both probe days: it hangs on the
		 * article's date, not on a date the text names ("la veille") */
		o->kind = OBS_RELATIVE;
	}
}

/* The parse of sentence si, made once. */
static ClauseParse *
parse_of(const Est *e, GHashTable *parses, guint si)
{
	ClauseParse *p = g_hash_table_lookup(parses, GUINT_TO_POINTER(si + 1));
	if (p == NULL) {
		const FriseSentence *s = &g_array_index(e->d->sentences, FriseSentence, si);
		p = clause_parse(e->d->text + s->start, s->end - s->start, e->d->lang);
		g_hash_table_insert(parses, GUINT_TO_POINTER(si + 1), p);
	}
	return p;
}

/* The first words of a sentence, for evidence: a new string. */
static char *
excerpt(const char *s, size_t len)
{
	size_t n = MIN(len, 70);
	while (n < len && n > 0 && s[n] != ' ')
		n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '.'))
		n--;
	const char *end;
	g_utf8_validate(s, (gssize)n, &end);
	return g_strndup(s, (gsize)(end - s));
}

/* True when a sentence is a question or opens on a quotation: what it
 * says is no report of its time. */
static bool
not_a_report(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len > 0 && s[len - 1] == '?')
		return true;
	return len >= 2 && (s[0] == '"' || ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xab) ||
			    (len >= 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
			     ((unsigned char)s[2] == 0x9c || (unsigned char)s[2] == 0x98)));
}

/* True when a sentence is (part of) the article's title: a headline
 * says in the present what happened ("OpenAI présente Sora à
 * Hollywood"), so its tense says nothing of the article's time. */
static bool
in_title(const FriseDoc *d, const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '.'))
		len--;
	if (d->title == NULL || len == 0)
		return false;
	char *t = g_strndup(s, len);
	bool in = strstr(d->title, t) != NULL;
	g_free(t);
	return in;
}

void
estimate_observe(Est *e)
{
	const FriseDoc *d = e->d;
	e->mine = candidates_find(e->docs, e->index, e->tp, false);
	GHashTable *parses = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
						   (GDestroyNotify)clause_parse_free);
	GHashTable *dated = g_hash_table_new(g_direct_hash, g_direct_equal); /* sentences with a candidate */
	GHashTable *py = NULL, *pd = NULL, *pd2 = NULL;
	bool probed = false;
	guint ncands = e->mine->len;
	for (guint i = 0; i < ncands; i++) {
		const FriseCandidate *c = g_ptr_array_index(e->mine, i);
		g_hash_table_add(dated, GUINT_TO_POINTER(c->sentence + 1));
		if (!probed && !date_is_anchored(c->timex.value)) {
			py = probe(e, PROBE_YEAR);
			pd = probe(e, PROBE_DAY);
			pd2 = probe(e, PROBE_DAY2);
			probed = true;
		}
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, c->sentence);
		ClauseParse *p = parse_of(e, parses, c->sentence);
		Attribution at;
		attrib_of(p, d->text + s->start, s->end - s->start, c->timex.start - s->start, c->timex.end - s->start,
			  date_granularity(c->timex.value), &at);
		const Clause *cl = &g_array_index(p->clauses, Clause, at.clause);
		Obs o = { .c = c, .tense = cl->tense, .mood = cl->mood, .since = c->since || at.kind == ATTRIB_SINCE };
		classify(e, &o, py, pd, pd2);
		if (o.kind != OBS_NONE)
			g_array_append_val(e->obs, o);
	}
	/* its undated sentences, by the tense of their main clause */
	for (guint si = 0; d->sentences != NULL && si < d->sentences->len; si++) {
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, si);
		const char *st = d->text + s->start;
		size_t sl = s->end - s->start;
		if (s->boilerplate || g_hash_table_contains(dated, GUINT_TO_POINTER(si + 1)) || not_a_report(st, sl) ||
		    in_title(d, st, sl))
			continue;
		ClauseParse *p = clause_parse(st, sl, d->lang);
		const Clause *mc = main_clause(p);
		if (mc != NULL && mc->tense != FRISE_TENSE_NONE) {
			FriseCandidate *c = g_new0(FriseCandidate, 1);
			c->doc = e->index;
			c->sentence = si;
			c->words = sim_words_of_parse(p);
			guint mi = (guint)(mc - (const Clause *)p->clauses->data);
			c->type = g_strdup(templates_classify_clause(e->tp, d->lang, p, mi, 0, 0, NULL));
			c->generic_type = templates_is_generic(e->tp, c->type);
			/* its headline, as the dated ones have: what its main clause
			 * says, for the evidence and to compare happenings */
			c->title = headline_of(p, st, sl, mi, 0, 0, NULL, d->lang, 0);
			if (c->title == NULL)
				c->title = excerpt(st, sl);
			g_ptr_array_add(e->mine, c);
			Obs o = { .kind = OBS_DATELESS, .c = c, .tense = mc->tense, .mood = mc->mood };
			g_array_append_val(e->obs, o);
		}
		clause_parse_free(p);
	}
	if (py != NULL)
		g_hash_table_unref(py);
	if (pd != NULL)
		g_hash_table_unref(pd);
	if (pd2 != NULL)
		g_hash_table_unref(pd2);
	g_hash_table_unref(dated);
	g_hash_table_unref(parses);
}
