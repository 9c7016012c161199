/*
 * candidate.c — the dated sentences of an article that may report an
 * event (prefix candidates_, candidate_; see candidate.h): which
 * temporal expressions date an event (not an age, a dateline, "été" the
 * participle, a background date the event runs since), and for each its
 * sentence's type, headline, status, position and content words.
 *
 * Offsets are byte offsets into FriseDoc.text, end exclusive.
 * Threads: candidates_find_each() runs candidates_find() on several
 * threads; everything a candidate is made from is read-only meanwhile.
 */
#include "events/candidate.h"
#include "events/attribution.h"
#include "events/headline.h"
#include "events/similarity.h"
#include "events/status.h"
#include "core/lang.h"
#include "core/text.h"
#include "frise/date.h"

#include <stdint.h>
#include <string.h>

/* A lead candidate (within this many sentences of the body's start) with
 * no type of its own takes the type and words of what precedes it. */
#define LEAD_SENTENCES 3
void
candidate_free(FriseCandidate *c)
{
	if (c == NULL)
		return;
	g_free(c->type);
	g_free(c->title);
	g_free(c->quote);
	g_free(c->after);
	if (c->words != NULL)
		g_ptr_array_unref(c->words);
	g_free(c);
}

static bool
is_event_timex(const FriseTimex *t, bool anchored_only)
{
	if (t->type != FRISE_TIMEX_DATE && t->type != FRISE_TIMEX_TIME)
		return false;
	if (t->value[0] == 'P' || strstr(t->value, "_REF") != NULL || t->value[0] == '\0')
		return false;
	if (date_is_anchored(t->value))
		return date_granularity(t->value) >= FRISE_GRAN_YEAR;
	if (anchored_only)
		return false;
	return strncmp(t->value, "XXXX", 4) == 0;
}

/* "a été", "ont été": a participle the tagger may take for a season (a
 * [season-homographs] word of the language) unless a season determiner
 * stands before it ("l'été", "cet été"). */
static bool
is_participle(const char *text, const FriseTimex *t, FriseLang lang)
{
	char *f = text_fold(text + t->start, (gssize)(t->end - t->start));
	bool homograph = lang_has(lang, LANG_SEASON_HOMOGRAPHS, f);
	g_free(f);
	if (!homograph)
		return false;
	size_t s = t->start;
	while (s > 0 && text[s - 1] == ' ')
		s--;
	size_t w = s;
	while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n' && text[w - 1] != '\'')
		w--;
	char *prev = text_fold(text + w, (gssize)(s - w));
	size_t pl = strlen(prev);
	if (pl > 0 && prev[pl - 1] == '\'')
		prev[pl - 1] = '\0';
	bool season = lang_has(lang, LANG_SEASON_DETERMINERS, prev) || w == s;
	g_free(prev);
	return !season;
}

/* An age or a count of years: "âgé de 30 ans", "30-year-old", a "30 ans"
 * tagged as a date: an [age-words] entry of the language right after the
 * expression (or ending it, after a number). An entry starting with '-'
 * is glued to the number. */
static bool
is_age(const char *text, size_t len, const FriseTimex *t, FriseLang lang)
{
	size_t n = len - t->end;
	if (n > 12)
		n = 12;
	char *f = text_fold(text + t->start, (gssize)(t->end - t->start + n));
	char *surface = text_fold(text + t->start, (gssize)(t->end - t->start));
	const char *tail = f + strlen(surface);
	const LangWords *ages = lang_list(lang, LANG_AGE_WORDS);
	bool age = false;
	for (guint k = 0; k < ages->n && !age; k++) {
		const char *a = ages->items[k];
		char *spaced = g_strconcat(" ", a, NULL);
		const char *glued = a[0] == '-' ? a : spaced;
		age = g_str_has_prefix(tail, glued) ||
		      (a[0] != '-' && g_ascii_isdigit(surface[0]) && g_str_has_suffix(surface, spaced));
		g_free(spaced);
	}
	g_free(surface);
	g_free(f);
	return age;
}

/* "Publié le 31 mars 2011 à 14h06", "Mis à jour le …": the article's
 * timestamp, when a cue ends right before the expression or with only
 * another date between. */
static bool
is_dateline(const char *text, const FriseTimex *t, FriseLang lang)
{
	size_t from = t->start > 60 ? t->start - 60 : 0;
	while (from > 0 && (text[from] & 0xc0) == 0x80)
		from--;
	char *before = text_fold(text + from, (gssize)(t->start - from));
	bool cue = false;
	const LangWords *cues = lang_list(lang, LANG_DATELINE_CUES);
	for (size_t k = 0; k < cues->n && !cue; k++) {
		const char *hit = g_strrstr(before, cues->items[k]);
		if (hit == NULL)
			continue;
		const char *rest = hit + strlen(cues->items[k]);
		/* the word before the cue */
		const char *w1 = hit;
		while (w1 > before && w1[-1] == ' ')
			w1--;
		const char *w0 = w1;
		while (w0 > before && w0[-1] != ' ' && w0[-1] != '\'')
			w0--;
		char *prev = g_strndup(w0, (gsize)(w1 - w0));
		bool aux = lang_has(lang, LANG_AUXILIARIES, prev);
		g_free(prev);
		if (aux)
			continue;
		/* right before it, or with only a date between ("le 31 mars 2011 à") */
		bool blank = true, digit = false;
		for (const char *r = rest; *r; r++) {
			blank &= *r == ' ';
			digit |= g_ascii_isdigit(*r);
		}
		cue = blank || (digit && g_utf8_strlen(rest, -1) <= 30 && strpbrk(rest, ".:;!?\n") == NULL);
	}
	g_free(before);
	return cue;
}

/* True when a [since-cues] word stands at most four words before `t`, in the
 * same clause (no punctuation between), sentence text starting at `s0`. */
static bool
is_since(const char *text, size_t s0, const FriseTimex *t, FriseLang lang)
{
	size_t p = t->start;
	for (int words = 0; words < 5 && p > s0; words++) {
		while (p > s0 && text[p - 1] == ' ')
			p--;
		size_t w = p;
		while (w > s0 && text[w - 1] != ' ' && text[w - 1] != '\'')
			w--;
		if (w == p)
			return false;
		for (size_t q = w; q < p; q++)
			if (strchr(",;:.!?()", text[q]) != NULL)
				return false;
		char *f = text_fold(text + w, (gssize)(p - w));
		bool hit = lang_has(lang, LANG_SINCE_CUES, f);
		g_free(f);
		if (hit)
			return true;
		p = w;
		if (p > s0 && text[p - 1] == '\'')
			p--;
	}
	return false;
}

/* True when a headline has at least three words of letters: what is left
 * of "Daté du jeudi 12 novembre" or a file name once the date is gone is
 * not news. */
static bool
says_something(const char *headline)
{
	GArray *toks = text_tokens(headline, strlen(headline));
	guint words = 0;
	for (guint i = 0; i < toks->len; i++)
		words += g_unichar_isalpha(g_utf8_get_char(g_array_index(toks, TextToken, i).folded));
	g_array_unref(toks);
	return words >= 3;
}

/* Index of the sentence holding byte `off`, or G_MAXUINT (binary search:
 * sentences are in order and do not overlap). */
static guint
sentence_of(const GArray *sentences, size_t off)
{
	guint lo = 0, hi = sentences->len;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		const FriseSentence *s = &g_array_index(sentences, FriseSentence, mid);
		if (off < s->start)
			hi = mid;
		else if (off >= s->end)
			lo = mid + 1;
		else
			return mid;
	}
	return G_MAXUINT;
}

static void
mention_key(const FriseDoc *doc, const FriseSentence *s, const FriseTimex *t, int nth, char out[17])
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	const char *name = doc->name != NULL ? doc->name : doc->id;
	g_checksum_update(ck, (const guchar *)name, (gssize)strlen(name));
	g_checksum_update(ck, (const guchar *)"\x1f", 1);
	g_checksum_update(ck, (const guchar *)doc->text + s->start, (gssize)(s->end - s->start));
	g_checksum_update(ck, (const guchar *)"\x1f", 1);
	g_checksum_update(ck, (const guchar *)doc->text + t->start, (gssize)(t->end - t->start));
	char n[16];
	g_snprintf(n, sizeof n, "\x1f%d", nth);
	g_checksum_update(ck, (const guchar *)n, (gssize)strlen(n));
	memcpy(out, g_checksum_get_string(ck), 16);
	out[16] = '\0';
	g_checksum_free(ck);
}

/* The actor named last before byte `before` of sentence si or in the
 * sentence before it: the last run of capitalised words that does not
 * open a sentence, is no weekday or month ("Mouammar Kadhafi") and follows
 * no preposition of place ("à Tripoli"), for a headline whose subject is
 * "il". A new string, or NULL. */
static char *
last_actor(const FriseDoc *d, guint si, size_t before)
{
	for (guint s = si + 1; s > 0 && s + 2 > si; s--) {
		const FriseSentence *se = &g_array_index(d->sentences, FriseSentence, s - 1);
		size_t end = s - 1 == si ? before : se->end;
		if (end <= se->start)
			continue;
		GArray *toks = text_tokens(d->text + se->start, end - se->start);
		size_t run_s = 0, run_e = 0, best_s = 0, best_e = 0;
		bool place = false; /* the run follows a preposition of place */
		for (guint i = 1; i < toks->len; i++) { /* not the sentence's first word */
			const TextToken *t = &g_array_index(toks, TextToken, i);
			gunichar c = g_utf8_get_char(d->text + se->start + t->start);
			bool cap = (g_unichar_isupper(c) || g_unichar_istitle(c)) && !lang_has(d->lang, LANG_WEEKDAYS, t->folded);
			const LangWords *m = lang_list(d->lang, LANG_MONTHS);
			for (guint k = 0; cap && k < m->n; k++) {
				char *f = text_fold(m->items[k], -1);
				cap = strcmp(f, t->folded) != 0;
				g_free(f);
			}
			if (cap) {
				bool joined = run_e > 0 && t->start <= run_e + 1;
				if (!joined) {
					run_s = t->start;
					/* "à Tripoli", "in London": a place, no actor */
					place = lang_has(d->lang, LANG_PLACE_PREPOSITIONS,
							 g_array_index(toks, TextToken, i - 1).folded);
				}
				run_e = t->end;
				if (!place)
					best_s = run_s, best_e = run_e;
			} else {
				run_e = 0;
			}
		}
		g_array_unref(toks);
		if (best_e > best_s)
			return g_strndup(d->text + se->start + best_s, best_e - best_s);
	}
	return NULL;
}

/* Where byte `at` of the sentence lies against its quotations. Written
 * by hand: the quote marks of two languages, « » “ ” and straight ". */
typedef enum {
	QUOTE_NONE = 0,
	QUOTE_IN,   /* in a quotation that opens the sentence or runs to its end
		       unclosed: "«This war reached our shores on September 11»,
		       he said": what someone says, a remark */
	QUOTE_MOST  /* in a quotation that is most of the sentence: an opinion,
		       no event */
} QuotePlace;

static QuotePlace
quote_place(const char *s, size_t len, size_t at)
{
	size_t open = SIZE_MAX;
	for (size_t i = 0; i < len; i++) {
		bool opens = (unsigned char)s[i] == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xab;
		bool closes = (unsigned char)s[i] == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xbb;
		opens |= (unsigned char)s[i] == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x9c;
		closes |= (unsigned char)s[i] == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x9d;
		if (s[i] == '"') {
			if (open == SIZE_MAX)
				opens = true;
			else
				closes = true;
		}
		if (opens && open == SIZE_MAX) {
			open = i;
		} else if (closes && open != SIZE_MAX) {
			if (open <= at && at < i) {
				if ((i - open) * 10 >= len * 6)
					return QUOTE_MOST;
				/* a quotation opening the sentence; one inside it is
				 * a name or a word quoted ("a dit "espérer" un vote") */
				if (open == 0)
					return QUOTE_IN;
			}
			open = SIZE_MAX;
		}
	}
	/* opened, never closed: the sentence ends inside what is said */
	return open != SIZE_MAX && open <= at && (open == 0 || (len - open) * 10 >= len * 6) ? QUOTE_IN : QUOTE_NONE;
}

static const ClauseWord *
word_of(const ClauseParse *p, guint i)
{
	return &g_array_index(p->words, ClauseWord, i);
}

/* True when a verb word of clause `ci` has its lemma in `list`. */
static bool
clause_has_verb_in(const ClauseParse *p, guint ci, LangList list)
{
	const Clause *c = &g_array_index(p->clauses, Clause, ci);
	for (guint i = c->first; i < c->last && i < p->words->len; i++) {
		const ClauseWord *w = word_of(p, i);
		if (w->clause == ci &&
		    (w->role == CLAUSE_W_FINITE || w->role == CLAUSE_W_PARTICIPLE || w->role == CLAUSE_W_INFINITIVE ||
		     w->role == CLAUSE_W_AUX) &&
		    lang_has(p->lang, list, w->lemma))
			return true;
	}
	return false;
}

/* True when the date's own clause `ci` tells no happening: its verb is
 * a state ([state-verbs]: "Colombia was the only nation to confirm it
 * before Thursday"; with a participle, "was killed", the state verb is
 * the auxiliary of what happened), one of its verbs gives a view
 * ([opinion-verbs]: "elle a dit espérer un vote jeudi"), or it is
 * negated ("the mayor hadn't said a word about the events of 1 April"). */
static bool
is_remark(const ClauseParse *p, guint ci, const char *text, size_t len)
{
	const Clause *c = &g_array_index(p->clauses, Clause, ci);
	/* a verbless clause ("until Monday") is told by the one it hangs on */
	if (!clause_has_verb(c) && c->parent >= 0) {
		ci = (guint)c->parent;
		c = &g_array_index(p->clauses, Clause, ci);
	}
	bool participle = c->main_verb >= 0 && c->main_verb != c->verb && (guint)c->main_verb < p->words->len &&
			  word_of(p, (guint)c->main_verb)->role == CLAUSE_W_PARTICIPLE;
	if (c->verb >= 0 && (guint)c->verb < p->words->len && !participle &&
	    lang_has(p->lang, LANG_STATE_VERBS, word_of(p, (guint)c->verb)->lemma))
		return true;
	const LangWords *neg = lang_list(p->lang, LANG_NEGATIONS);
	for (guint i = c->first; i < c->last && i < p->words->len; i++) {
		const ClauseWord *w = word_of(p, i);
		/* what a quotation denies is what someone said ("«Nous ne
		 * partirons jamais», a lancé jeudi le dirigeant") */
		if (w->clause != ci || quote_place(text, len, w->start) != QUOTE_NONE)
			continue;
		if (w->role == CLAUSE_W_NEGATION)
			return true;
		/* a negation glued to its verb: "hadn't" (an entry starting
		 * with "n'" of [negations]) */
		for (guint k = 0; k < neg->n; k++)
			if (neg->items[k][0] == 'n' && neg->items[k][1] == '\'' && g_str_has_suffix(w->folded, neg->items[k]) &&
			    strlen(w->folded) > strlen(neg->items[k]))
				return true;
	}
	/* a view: in the clause, or the one it reports ("il pense que…") */
	return clause_has_verb_in(p, ci, LANG_OPINION_VERBS) ||
	       (c->kind == CLAUSE_REPORTED && c->parent >= 0 && clause_has_verb_in(p, (guint)c->parent, LANG_OPINION_VERBS));
}

/* True when a [speculation-verbs] verb governs the date's clause `ci`: in
 * it, in the clause it is said or subordinated in ("analysts predict that
 * the currency will fall on Monday"), or in a participial clause hanging
 * on it (a finite verb the parse took for a participle after its
 * subject: "the agency chief yesterday suggested the alert would move"). */
static bool
is_speculation(const ClauseParse *p, guint ci)
{
	for (guint k = 0; k < p->clauses->len; k++) {
		const Clause *c = &g_array_index(p->clauses, Clause, k);
		if (c->parent == (gint)ci && c->kind == CLAUSE_PARTICIPIAL && clause_has_verb_in(p, k, LANG_SPECULATION_VERBS))
			return true;
	}
	for (gint k = (gint)ci, hops = 0; k >= 0 && hops < 3; hops++) {
		if (clause_has_verb_in(p, (guint)k, LANG_SPECULATION_VERBS))
			return true;
		const Clause *c = &g_array_index(p->clauses, Clause, (guint)k);
		if (c->kind != CLAUSE_REPORTED && c->kind != CLAUSE_SUBORDINATE)
			break;
		k = c->parent;
	}
	return false;
}

/* The status of a candidate with its clause's tense and mood: a past
 * indicative clause reports what happened whatever cue it holds; a
 * future one, or a conditional or modal, what is planned or uncertain —
 * unless the date is over before the article (status_of_tokens() says). */
static FriseStatus
clause_status(FriseStatus cue, const Clause *c, const FriseTimex *t, const char *dct)
{
	if (cue == FRISE_STATUS_UNCERTAIN && c->mood == CLAUSE_MOOD_INDICATIVE && c->tense == FRISE_TENSE_PAST)
		return cue; /* "aurait été", "reportedly": the cues said so */
	bool before_dct = false, after_dct = false;
	if (dct != NULL && date_is_anchored(t->value)) {
		GDate ts, te, ds, de;
		if (date_span(t->value, t->mod, &ts, &te) && date_span(dct, "", &ds, &de)) {
			after_dct = g_date_compare(&ts, &de) >= 0;
			before_dct = g_date_compare(&te, &ds) <= 0;
		}
	}
	if (before_dct)
		return cue == FRISE_STATUS_UNCERTAIN ? cue : FRISE_STATUS_HAPPENED;
	if (c->tense == FRISE_TENSE_FUTURE || (c->mood != CLAUSE_MOOD_INDICATIVE && after_dct))
		return FRISE_STATUS_PLANNED;
	if (c->mood == CLAUSE_MOOD_CONDITIONAL || c->mood == CLAUSE_MOOD_MODAL)
		/* "serait disponible d'ici la fin 2024": a reported plan */
		return cue == FRISE_STATUS_PLANNED ? cue : FRISE_STATUS_UNCERTAIN;
	if (c->tense == FRISE_TENSE_PAST && cue == FRISE_STATUS_PLANNED && !after_dct)
		return FRISE_STATUS_HAPPENED;
	return cue;
}

/* True when a date (a DATE timex of d, from the from-th on) lies in s:
 * that sentence dates a happening of its own. */
static bool
has_date(const FriseDoc *d, guint from, const FriseSentence *s)
{
	for (guint j = from; j < d->timexes->len; j++) {
		const FriseTimex *t = &g_array_index(d->timexes, FriseTimex, j);
		if (t->start >= s->end)
			break;
		if (t->start >= s->start && t->type == FRISE_TIMEX_DATE)
			return true;
	}
	return false;
}

/* Whether timex i is the second end of a range whose first end is timex
 * i - 1: only range words, determiners and dashes between them ("la nuit
 * de mardi à mercredi", "du 13 au 15 juillet", "Monday to Friday",
 * "lundi et mardi"), and the second no more precise than the first. The
 * range is one happening: the first end dates it, and the second would
 * make a copy of it a day later. */
static bool
range_second_end(const FriseDoc *d, guint i)
{
	if (i == 0)
		return false;
	const FriseTimex *a = &g_array_index(d->timexes, FriseTimex, i - 1);
	const FriseTimex *b = &g_array_index(d->timexes, FriseTimex, i);
	if (a->end > b->start || b->start - a->end > 24 ||
	    date_granularity(b->value) == FRISE_GRAN_NONE || date_granularity(a->value) == FRISE_GRAN_NONE ||
	    date_granularity(b->value) > date_granularity(a->value))
		return false;   /* "mardi à 15 h": the clock is the more precise, no range */
	bool joined = false;
	for (size_t p = a->end; p < b->start; p++) {
		unsigned char c = (unsigned char)d->text[p];
		if (c == '.' || c == ';' || c == ',' || c == '\n' || c == '(' || c == ')')
			return false;   /* a list or another clause, not a range */
		joined |= c == '-';
	}
	GArray *between = text_tokens(d->text + a->end, b->start - a->end);
	for (guint k = 0; k < between->len; k++) {
		const char *w = g_array_index(between, TextToken, k).folded;
		if (lang_has(d->lang, LANG_RANGE_WORDS, w))
			joined = true;
		else if (strcmp(w, "\xE2\x80\x93") == 0 || strcmp(w, "\xE2\x80\x94") == 0)
			joined = true;   /* – — */
		else if (!lang_has(d->lang, LANG_DETERMINERS, w) && strcmp(w, "-") != 0) {
			joined = false; /* another word: no range */
			break;
		}
	}
	g_array_unref(between);
	return joined;
}

GPtrArray *
candidates_find(const FriseDoc *docs, guint index, const FriseTemplates *tp, bool anchored_only)
{
	const FriseDoc *d = &docs[index];
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
	if (d->sentences == NULL || d->timexes == NULL || d->sentences->len == 0)
		return out;
	size_t body_s = g_array_index(d->sentences, FriseSentence, 0).start;
	size_t body_e = g_array_index(d->sentences, FriseSentence, d->sentences->len - 1).end;
	double body_len = body_e > body_s ? (double)(body_e - body_s) : 1.0;
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *repeats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *sentence_digests = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	ClauseParse *parse = NULL; /* of sentence parse_si: timexes come in text order */
	guint parse_si = G_MAXUINT;
	for (guint i = 0; i < d->timexes->len; i++) {
		const FriseTimex *t = &g_array_index(d->timexes, FriseTimex, i);
		FriseTimex deictic;
		if (t->end > d->len)
			continue;
		if (!date_is_anchored(t->value) && d->dct != NULL) {
			/* "cette semaine" against a month date: the month */
			char *f = text_fold(d->text + t->start, (gssize)(t->end - t->start));
			bool present = false;
			const LangWords *deictics = lang_list(d->lang, LANG_PRESENT_DEICTICS);
			for (size_t k = 0; k < deictics->n; k++)
				present |= g_str_has_suffix(f, deictics->items[k]);
			g_free(f);
			if (present && date_granularity(d->dct) < FRISE_GRAN_DAY) {
				deictic = *t;
				g_strlcpy(deictic.value, d->dct, sizeof deictic.value);
				t = &deictic;
			}
		}
		if (range_second_end(d, i))
			continue;
		if (!is_event_timex(t, anchored_only) || is_age(d->text, d->len, t, d->lang) ||
		    is_participle(d->text, t, d->lang) || is_dateline(d->text, t, d->lang))
			continue;
		guint si = sentence_of(d->sentences, t->start);
		if (si == G_MAXUINT)
			continue;
		const FriseSentence *s = &g_array_index(d->sentences, FriseSentence, si);
		if (s->boilerplate || t->end > s->end)
			continue;
		const char *stext = d->text + s->start;
		size_t slen = s->end - s->start;
		if (si != parse_si) {
			clause_parse_free(parse);
			parse = clause_parse(stext, slen, d->lang);
			parse_si = si;
		}
		/* a date that dates no happening of its sentence: a relative or
		 * participial clause's, a comparison's, a name's, a number's */
		Attribution at;
		attrib_of(parse, stext, slen, t->start - s->start, t->end - s->start, date_granularity(t->value), &at);
		if (at.kind == ATTRIB_BACKGROUND || at.kind == ATTRIB_NAME || at.kind == ATTRIB_NUMBER)
			continue;
		/* one candidate per sentence and value; count repeats of a surface for the key */
		char *dup = g_strdup_printf("%u\x1f%s", si, t->value);
		if (g_hash_table_contains(seen, dup)) {
			g_free(dup);
			continue;
		}
		g_hash_table_add(seen, dup);
		/* by the sentence's words, not its index: a sentence repeated word
		 * for word gives its mentions keys of their own (the same key
		 * twice made two events with one id, and the ingest failed) */
		const char *sd = g_hash_table_lookup(sentence_digests, GUINT_TO_POINTER(si + 1));
		if (sd == NULL) {
			char *dg = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)d->text + s->start,
							       s->end - s->start);
			g_hash_table_insert(sentence_digests, GUINT_TO_POINTER(si + 1), dg);
			sd = dg;
		}
		char *surf = g_strdup_printf("%s\x1f%.*s", sd, (int)(t->end - t->start), d->text + t->start);
		int nth = GPOINTER_TO_INT(g_hash_table_lookup(repeats, surf));
		g_hash_table_replace(repeats, surf, GINT_TO_POINTER(nth + 1));

		FriseCandidate *c = g_new0(FriseCandidate, 1);
		c->doc = index;
		c->sentence = si;
		c->timex = *t;
		c->timex.explain = NULL;
		mention_key(d, s, t, nth, c->key);
		c->since = at.kind == ATTRIB_SINCE;
		/* the sentence's tokens, made once for its type, status and words */
		GArray *toks = text_tokens(stext, slen);
		QuotePlace quoted = quote_place(stext, slen, t->start - s->start);
		if (text_has_phrase(toks, lang_list(d->lang, LANG_SPECULATION_CUES)->items,
				    lang_list(d->lang, LANG_SPECULATION_CUES)->n) ||
		    quoted == QUOTE_MOST) {
			/* "difficile de prédire à quelle date…": speculation, no
			 * event; a quoted opinion is no event either */
			g_array_unref(toks);
			candidate_free(c);
			continue;
		}
		c->type = g_strdup(templates_classify_clause(tp, d->lang, parse, at.clause, t->start - s->start,
							     t->end - s->start, NULL));
		const Clause *own = &g_array_index(parse->clauses, Clause, at.clause);
		char *actor = NULL;
		if (own->subject >= 0 &&
		    g_array_index(parse->words, ClauseWord, (guint)own->subject).role == CLAUSE_W_SUBJECT)
			actor = last_actor(d, si, s->start + g_array_index(parse->words, ClauseWord, (guint)own->subject).start);
		c->title = headline_of(parse, stext, slen, at.clause, t->start - s->start, t->end - s->start, actor, d->lang,
				       HEADLINE_MAX);
		g_free(actor);
		if (c->title == NULL) {
			/* no clause to tell it (a verbless line, a fragment): the
			 * sentence stripped of its date, if it fits, for the dates
			 * and the merge; another sentence tells the event */
			c->title = headline_make(stext, slen, t->start - s->start, t->end - s->start, d->lang, HEADLINE_MAX);
			c->weak_title = true;
		}
		c->generic_type = templates_is_generic(tp, c->type);
		if (!says_something(c->title)) {
			/* "1999-05-21-0100", "Daté du jeudi 12 novembre": a date and no news */
			g_array_unref(toks);
			candidate_free(c);
			continue;
		}
		c->status = clause_status(status_of_tokens(stext, toks, &c->timex, d->dct, d->lang), own, &c->timex,
					  d->dct);
		if (is_speculation(parse, at.clause))
			c->status = FRISE_STATUS_UNCERTAIN;
		/* a remark stays, for its date and the merge, but tells no
		 * happening: another member of its event should, and alone it
		 * weighs less (salience.c); so does a date after "depuis",
		 * "since", the start of a period the sentence tells the state
		 * of ("Depuis le 15 février, 250.000 personnes ont fui") */
		if (quoted == QUOTE_IN || c->since || is_remark(parse, at.clause, stext, slen))
			c->weak_title = true;
		c->position = (double)(s->start - body_s) / body_len;
		c->words = sim_words_of_parse(parse);
		c->quote = g_strndup(stext, slen);
		const FriseSentence *next = si + 1 < d->sentences->len ?
						    &g_array_index(d->sentences, FriseSentence, si + 1) : NULL;
		c->after = next != NULL && !next->boilerplate && !has_date(d, i + 1, next) ?
				   g_strndup(d->text + next->start, next->end - next->start) :
				   g_strdup("");
		c->raw_start = s->raw_start;
		c->raw_end = s->raw_end;
		g_array_unref(toks);
		/* the lead: a first dated sentence with no type of its own
		 * reports the headline's event */
		if (out->len == 0 && si < LEAD_SENTENCES && strcmp(c->type, "other") == 0) {
			GString *ctx = g_string_new(d->title ? d->title : "");
			for (guint j = 0; j < si; j++) {
				const FriseSentence *p = &g_array_index(d->sentences, FriseSentence, j);
				g_string_append_c(ctx, '\n');
				g_string_append_len(ctx, d->text + p->start, (gssize)(p->end - p->start));
			}
			const char *ty = templates_classify(tp, d->lang, ctx->str, ctx->len, ctx->len);
			if (strcmp(ty, "other") != 0) {
				g_free(c->type);
				c->type = g_strdup(ty);
				c->generic_type = templates_is_generic(tp, ty);
				GPtrArray *more = sim_words(ctx->str, ctx->len, d->lang);
				for (guint j = 0; j < more->len; j++)
					g_ptr_array_add(c->words, g_strdup(g_ptr_array_index(more, j)));
				g_ptr_array_unref(more);
			}
			g_string_free(ctx, TRUE);
		}
		g_ptr_array_add(out, c);
	}
	clause_parse_free(parse);
	g_hash_table_unref(seen);
	g_hash_table_unref(repeats);
	g_hash_table_unref(sentence_digests);
	/* "hier, vers 21 h 45": of two dates of one sentence where one
	 * refines the other, the finer one is the event's */
	for (guint i = out->len; i > 0; i--) {
		FriseCandidate *c = g_ptr_array_index(out, i - 1);
		/* candidates are in text order: those of one sentence are neighbours */
		guint from = i - 1, to = i;
		while (from > 0 && ((FriseCandidate *)g_ptr_array_index(out, from - 1))->sentence == c->sentence)
			from--;
		while (to < out->len && ((FriseCandidate *)g_ptr_array_index(out, to))->sentence == c->sentence)
			to++;
		bool since = to - from > 1 && (c->since || is_since(d->text, g_array_index(d->sentences, FriseSentence, c->sentence).start, &c->timex, d->lang));
		for (guint j = from; j < to; j++) {
			FriseCandidate *o = g_ptr_array_index(out, j);
			/* …and a date the event runs since is the background of
			 * another date's event */
			if (o != c && ((date_compatible(c->timex.value, c->timex.mod, o->timex.value, o->timex.mod) &&
					date_granularity(o->timex.value) > date_granularity(c->timex.value)) ||
				       (since && !o->since &&
					!is_since(d->text, g_array_index(d->sentences, FriseSentence, c->sentence).start, &o->timex, d->lang)))) {
				g_ptr_array_remove_index(out, i - 1);
				break;
			}
		}
	}
	return out;
}

/* Docs taken by the threads of candidates_find_each(), DOCS_PER_TASK at a time;
 * out[i] gets the candidates of docs[i]. */
typedef struct {
	const FriseDoc *docs;
	const FriseTemplates *tp;
	bool anchored_only, dated_only;
	GPtrArray **out;
} Batch;

#define DOCS_PER_TASK 32
#define MAX_THREADS 8

static void
batch_one(guint i, void *data)
{
	Batch *b = data;
	b->out[i] = b->dated_only && b->docs[i].published == NULL
		? g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free)
		: candidates_find(b->docs, i, b->tp, b->anchored_only);
}

GPtrArray **
candidates_find_each(const FriseDoc *docs, guint ndocs, const FriseTemplates *tp, bool anchored_only,
		     bool dated_only)
{
	/* Each doc's candidates depend on that doc and the templates only,
	 * which every thread reads and none writes (the stop-word set is
	 * built under g_once); each goes to its own slot, so the result does
	 * not depend on the threads. */
	Batch b = { docs, tp, anchored_only, dated_only, g_new0(GPtrArray *, MAX(ndocs, 1)) };
	frise_parallel_for(0, ndocs, DOCS_PER_TASK, MAX_THREADS, "frise-extract", batch_one, &b);
	return b.out;
}

void
candidates_each_free(GPtrArray **each, guint ndocs)
{
	if (each == NULL)
		return;
	for (guint j = 0; j < ndocs; j++)
		if (each[j] != NULL)
			g_ptr_array_unref(each[j]);
	g_free(each);
}

GPtrArray *
candidates_find_all(const FriseDoc *docs, guint ndocs, const FriseTemplates *tp, bool anchored_only)
{
	GPtrArray **each = candidates_find_each(docs, ndocs, tp, anchored_only, false);
	GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
	for (guint i = 0; i < ndocs; i++) {
		g_ptr_array_extend_and_steal(all, each[i]);
		each[i] = NULL;
	}
	g_free(each);
	return all;
}
