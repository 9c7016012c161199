/*
 * attribution.c — which happening a date dates (prefix attrib_; see
 * attribution.h). Rules, tried in order: a number that is no year, a
 * name, a comparison, a relative or participial clause, "depuis"/"since"
 * in the date's own phrase, a verbless phrase that names another
 * happening; else the date dates its clause's verb. The words are the
 * language's data lists (src/lang/xx/words.txt).
 */
#include "events/attribution.h"
#include "core/lang.h"

#include <string.h>

/* ORDER ATTRIB */
static const char *const kind_names[] = { "own", "since", "background", "name", "number" };

const char *
attrib_kind_name(AttribKind kind)
{
	return (unsigned)kind < G_N_ELEMENTS(kind_names) ? kind_names[kind] : "own";
}

static const ClauseWord *
word(const ClauseParse *p, guint i)
{
	return &g_array_index(p->words, ClauseWord, i);
}

static const Clause *
clause(const ClauseParse *p, guint k)
{
	return &g_array_index(p->clauses, Clause, k);
}

static bool
is_verb(ClauseRole r)
{
	return r == CLAUSE_W_FINITE || r == CLAUSE_W_AUX || r == CLAUSE_W_PARTICIPLE;
}

/* True when a clause other than `k` and those within it has a verb: the
 * sentence says something besides what clause k says. */
static bool
other_verb(const ClauseParse *p, guint k)
{
	for (guint j = 0; j < p->clauses->len; j++) {
		if (j == k || !clause_has_verb(clause(p, j)))
			continue;
		/* an inner clause of k does not count */
		gint up = clause(p, j)->parent;
		while (up >= 0 && (guint)up != k)
			up = clause(p, (guint)up)->parent;
		if (up < 0)
			return true;
	}
	return false;
}

/* True when the timex's words [i0, i1) are all digits (a bare "1973"). */
static bool
bare_number(const ClauseParse *p, guint i0, guint i1)
{
	if (i1 != i0 + 1)
		return false;
	for (const char *c = word(p, i0)->folded; *c; c++)
		if (!g_ascii_isdigit(*c))
			return false;
	return true;
}

/* True when word i is a weekday or a month of the language. */
static bool
calendar_word(const ClauseParse *p, guint i)
{
	const char *f = word(p, i)->folded;
	if (lang_has(p->lang, LANG_WEEKDAYS, f))
		return true;
	const LangWords *m = lang_list(p->lang, LANG_MONTHS);
	for (guint k = 0; k < m->n; k++)
		if (g_ascii_strcasecmp(m->items[k], f) == 0 || g_utf8_collate(m->items[k], f) == 0)
			return true;
	return false;
}

void
attrib_of(const ClauseParse *p, const char *text, size_t len, size_t tstart, size_t tend, FriseGranularity gran,
	  Attribution *out)
{
	guint n = p->words->len;
	guint i0 = clause_word_at(p, tstart), i1 = clause_word_at(p, tend);
	guint k = i0 < n ? word(p, i0)->clause : (n > 0 ? word(p, n - 1)->clause : 0);
	*out = (Attribution){ ATTRIB_OWN, "its clause's verb", k };
	if (i0 >= n)
		return;
	const ClauseWord *prev = i0 > 0 && word(p, i0)->punct == 0 ? word(p, i0 - 1) : NULL;
	const ClauseWord *next = i1 < n && word(p, i1)->punct == 0 ? word(p, i1) : NULL;

	/* "résolution 1973", "1300 morts": a bare number is a year only
	 * after a word that says so ("en 1973", "in 1973") */
	if (gran == FRISE_GRAN_YEAR && bare_number(p, i0, i1) &&
	    !(prev != NULL && lang_has(p->lang, LANG_YEAR_PREPOSITIONS, prev->folded)) &&
	    ((prev != NULL && (prev->role == CLAUSE_W_NOUN || prev->role == CLAUSE_W_PROPER ||
			       prev->role == CLAUSE_W_ADJ || prev->role == CLAUSE_W_NUMBER)) ||
	     (next != NULL && (next->role == CLAUSE_W_NOUN || next->role == CLAUSE_W_ADJ)))) {
		*out = (Attribution){ ATTRIB_NUMBER, "a number, not a year", k };
		return;
	}
	/* "Mouvement du 6 avril", "pont du 6 octobre": X du/of DATE, X a
	 * name's head (a capital inside the sentence, or a [name-heads] noun) */
	if (prev != NULL && i0 >= 2 && lang_has(p->lang, LANG_NAME_LINKS, prev->folded) && word(p, i0 - 1)->punct == 0) {
		const ClauseWord *head = word(p, i0 - 2);
		bool capital = head->capital && i0 - 2 > 0 && (head->punct & (CLAUSE_P_STRONG | CLAUSE_P_QUOTE)) == 0 &&
			       !calendar_word(p, i0 - 2);
		if (capital || lang_has(p->lang, LANG_NAME_HEADS, head->folded)) {
			*out = (Attribution){ ATTRIB_NAME, "part of a name (X of the date)", k };
			return;
		}
	}
	/* «vendredi du défi»: a quoted day that goes on as a name */
	size_t b = tstart;
	while (b > 0 && text[b - 1] == ' ')
		b--;
	bool quoted = (b > 0 && text[b - 1] == '"') ||
		      (b > 1 && (unsigned char)text[b - 2] == 0xc2 && (unsigned char)text[b - 1] == 0xab) ||
		      (b > 2 && (unsigned char)text[b - 3] == 0xe2 && (unsigned char)text[b - 2] == 0x80 &&
		       (unsigned char)text[b - 1] == 0x9c);
	if (quoted && next != NULL && lang_has(p->lang, LANG_NAME_LINKS, next->folded)) {
		*out = (Attribution){ ATTRIB_NAME, "part of a quoted name", k };
		return;
	}
	/* clauses that recall a fact rather than report the happening */
	const Clause *c = clause(p, k);
	if (c->kind == CLAUSE_COMPARISON) {
		*out = (Attribution){ ATTRIB_BACKGROUND, "in a comparison", k };
		return;
	}
	if ((c->kind == CLAUSE_RELATIVE || c->kind == CLAUSE_PARTICIPIAL) && other_verb(p, k)) {
		/* in a fronted phrase, before the subject of the clause it hangs
		 * on ("Dans une interview accordée en février, X a déclaré"), it
		 * dates that clause; after it, a fact about a noun */
		gint up = c->parent;
		while (up >= 0 && clause(p, (guint)up)->kind != CLAUSE_MAIN && clause(p, (guint)up)->kind != CLAUSE_REPORTED)
			up = clause(p, (guint)up)->parent;
		const Clause *host = up >= 0 ? clause(p, (guint)up) : NULL;
		if (host != NULL && host->subject >= 0 && c->last <= (guint)host->subject && c->first <= host->first + 4) {
			out->clause = (guint)up;
			return;
		}
		*out = (Attribution){ ATTRIB_BACKGROUND,
				      c->kind == CLAUSE_RELATIVE ? "in a relative clause" : "in a participial clause", k };
		return;
	}
	/* the date's phrase: back to punctuation or a verb */
	guint from = i0, to = i1;
	while (from > 0 && word(p, from)->punct == 0 && !is_verb(word(p, from - 1)->role))
		from--;
	while (to < n && word(p, to)->punct == 0 && !is_verb(word(p, to)->role))
		to++;
	for (guint j = from; j < i0; j++)
		if (lang_has(p->lang, LANG_SINCE_CUES, word(p, j)->folded)) {
			/* "depuis le 15 février": the start of a period; "depuis la
			 * chute de son QG le 23 août": the date of the fall, which
			 * the sentence only recalls */
			guint named = 0;
			for (guint q = j + 1; q < i0; q++)
				named += (word(p, q)->role == CLAUSE_W_NOUN || word(p, q)->role == CLAUSE_W_PROPER) &&
					 !calendar_word(p, q);
			*out = named > 0 ? (Attribution){ ATTRIB_BACKGROUND, "dates what 'since' names", k }
					 : (Attribution){ ATTRIB_SINCE, "after a word of 'since'", k };
			return;
		}
	/* "…, en fuite depuis la chute de son QG le 23 août, …": a phrase
	 * between punctuation, with no verb, naming another happening */
	guint seg0 = i0, seg1 = i1;
	while (seg0 > 0 && (word(p, seg0)->punct & (CLAUSE_P_COMMA | CLAUSE_P_STRONG | CLAUSE_P_OPEN | CLAUSE_P_DASH)) == 0)
		seg0--;
	while (seg1 < n && (word(p, seg1)->punct & (CLAUSE_P_COMMA | CLAUSE_P_STRONG | CLAUSE_P_CLOSE | CLAUSE_P_DASH)) == 0)
		seg1++;
	if (seg0 > 0 || seg1 < n) {
		guint content = 0;
		bool verb = false, outside_verb = false;
		for (guint j = seg0; j < seg1; j++) {
			verb |= is_verb(word(p, j)->role);
			if ((j < i0 || j >= i1) && (word(p, j)->role == CLAUSE_W_NOUN || word(p, j)->role == CLAUSE_W_PROPER) &&
			    !calendar_word(p, j))
				content++;
		}
		for (guint j = 0; j < n && !outside_verb; j++)
			outside_verb = (j < seg0 || j >= seg1) && is_verb(word(p, j)->role);
		if (!verb && outside_verb && content >= 2) {
			*out = (Attribution){ ATTRIB_BACKGROUND, "in a verbless phrase naming another happening", k };
			return;
		}
	}
	(void)len;
}
