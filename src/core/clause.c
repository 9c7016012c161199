/*
 * clause.c — the structure of a sentence (prefix clause_; see clause.h):
 * words and their roles, then clauses, then each clause's tense.
 *
 * Three passes over the words of core/morph.h's morph_scan():
 *   1. roles: each word's reading chosen from its neighbours (roles());
 *   2. clauses: a stack of open clauses walked left to right — a relative
 *      pronoun, a subordinator, a completive "que", a participle after a
 *      noun or an opening bracket pushes one, a comma or a second verb
 *      group pops it, strong punctuation starts a new main clause
 *      (clauses());
 *   3. tense and mood of each clause's verb group (tenses()).
 * The words that steer it are the language's data lists (lang_list()).
 * No grammar of French or English is complete here; where a rule fails,
 * the sentence reads as one main clause, as it did before this module.
 */
#include "core/clause.h"
#include "core/lang.h"
#include "core/text.h"

#include <string.h>

/* ORDER KIND */
static const char *const kind_names[] = { "main", "relative", "participial", "subordinate", "reported",
					  "parenthetical", "comparison" };

const char *
clause_kind_name(ClauseKind kind)
{
	return (unsigned)kind < G_N_ELEMENTS(kind_names) ? kind_names[kind] : "main";
}

bool
clause_has_verb(const Clause *c)
{
	return c->verb >= 0;
}

/* Punctuation between two words (clause.h). */
enum {
	P_COMMA = CLAUSE_P_COMMA,
	P_STRONG = CLAUSE_P_STRONG,
	P_OPEN = CLAUSE_P_OPEN,
	P_CLOSE = CLAUSE_P_CLOSE,
	P_DASH = CLAUSE_P_DASH,
	P_QUOTE = CLAUSE_P_QUOTE,
};

typedef struct {
	FriseLang lang;
	const char *text;
	GArray *words;       /* ClauseWord */
	guint8 *punct;       /* by word: the punctuation before it (P_*) */
	guint8 *sub_len;     /* by word: words of a subordinator starting here (0: none) */
} Parse;

static const MorphAnalysis *
reading(const ClauseWord *w, MorphPos pos)
{
	for (guint i = 0; i < w->morph.n; i++)
		if (w->morph.a[i].pos == pos)
			return &w->morph.a[i];
	return NULL;
}

static bool
has(const ClauseWord *w, MorphPos pos)
{
	return reading(w, pos) != NULL;
}

/* The finite reading of a verb or auxiliary, or NULL; with `third`, only
 * one of the third person (or of none said) or an imperative. */
static const MorphAnalysis *
finite_reading_of(const ClauseWord *w, bool third)
{
	for (guint i = 0; i < w->morph.n; i++) {
		const MorphAnalysis *a = &w->morph.a[i];
		if ((a->pos == MORPH_POS_VERB || a->pos == MORPH_POS_AUX) && morph_form_is_finite((MorphForm)a->form) &&
		    (!third || a->person == 0 || a->person == 3 || a->form == MORPH_FORM_IMPERATIVE))
			return a;
	}
	return NULL;
}

static const MorphAnalysis *
finite_reading(const ClauseWord *w)
{
	return finite_reading_of(w, false);
}

static const MorphAnalysis *
form_reading(const ClauseWord *w, MorphForm form)
{
	for (guint i = 0; i < w->morph.n; i++)
		if ((w->morph.a[i].pos == MORPH_POS_VERB || w->morph.a[i].pos == MORPH_POS_AUX) &&
		    w->morph.a[i].form == form)
			return &w->morph.a[i];
	return NULL;
}

static ClauseWord *
word(Parse *p, guint i)
{
	return &g_array_index(p->words, ClauseWord, i);
}

static bool
in_list(Parse *p, LangList list, const char *folded)
{
	return lang_has(p->lang, list, folded);
}

/* The words, their analyses and the punctuation between them. */
static void
scan(Parse *p, const char *text, size_t len)
{
	gsize n = 0;
	MorphToken *toks = morph_scan(p->lang, text, len, &n);
	p->words = g_array_sized_new(FALSE, TRUE, sizeof(ClauseWord), (guint)n);
	p->punct = g_new0(guint8, n + 1);
	p->sub_len = g_new0(guint8, n + 1);
	size_t prev_end = 0;
	for (gsize i = 0; i <= n; i++) {
		size_t start = i < n ? toks[i].span.start : len;
		guint8 pm = 0;
		for (size_t b = prev_end; b < start; b++) {
			unsigned char c = (unsigned char)text[b];
			/* "16:53", "4,5": a number's own separator, no punctuation */
			if ((c == ':' || c == ',') && b > 0 && b + 1 < len && g_ascii_isdigit(text[b - 1]) &&
			    g_ascii_isdigit(text[b + 1]))
				continue;
			if (c == ',')
				pm |= P_COMMA;
			else if (c == ';' || c == ':' || c == '?' || c == '!')
				pm |= P_STRONG;
			else if (c == '(' || c == '[')
				pm |= P_OPEN;
			else if (c == ')' || c == ']')
				pm |= P_CLOSE;
			else if (c == '"')
				pm |= P_QUOTE;
			else if (c == 0xe2 && b + 2 < start && (unsigned char)text[b + 1] == 0x80 &&
				 ((unsigned char)text[b + 2] == 0x93 || (unsigned char)text[b + 2] == 0x94)) {
				pm |= P_DASH; /* – — */
				b += 2;
			} else if (c == 0xe2 && b + 2 < start && (unsigned char)text[b + 1] == 0x80 &&
				   ((unsigned char)text[b + 2] == 0x9c || (unsigned char)text[b + 2] == 0x9d)) {
				pm |= P_QUOTE; /* “ ” */
				b += 2;
			} else if (c == 0xc2 && b + 1 < start &&
				   ((unsigned char)text[b + 1] == 0xab || (unsigned char)text[b + 1] == 0xbb)) {
				pm |= P_QUOTE; /* « » */
				b += 1;
			}
		}
		p->punct[i] = pm;
		if (i == n)
			break;
		ClauseWord w = { 0 };
		w.start = toks[i].span.start;
		w.end = toks[i].span.end;
		w.morph = toks[i].word;
		w.folded = text_fold(text + w.start, (gssize)(w.end - w.start));
		/* "qu'" and "l'" are words of their own: fold without the mark */
		size_t fl = strlen(w.folded);
		if (fl > 1 && w.folded[fl - 1] == '\'')
			w.folded[fl - 1] = '\0';
		gunichar c = g_utf8_get_char(text + w.start);
		w.capital = c < 0x80 ? g_ascii_isupper(c) : g_unichar_isupper(c) || g_unichar_istitle(c);
		w.lemma = w.folded;
		w.punct = pm;
		g_array_append_val(p->words, w);
		prev_end = toks[i].span.end;
	}
	g_free(toks);
}

/* Marks the multi-word entries of `list` (up to 4 words: "parce que",
 * "alors que", "as soon as") starting at each word, into p->sub_len. */
static void
phrases(Parse *p, LangList list)
{
	const LangWords *l = lang_list(p->lang, list);
	guint n = p->words->len;
	for (guint i = 0; i < n; i++) {
		char first = word(p, i)->folded[0];
		for (guint k = 0; k < l->n; k++) {
			const char *e = l->items[k];
			guint j = i, len = 0;
			const char *q = e;
			while (*q == ' ' || *q == '\'')
				q++;
			if (*q != first)
				continue;   /* its first word is not word i's: the common case, said at once */
			bool ok = true;
			while (*q != '\0' && ok) {
				while (*q == ' ' || *q == '\'')
					q++;
				const char *we = q;
				while (*we != '\0' && *we != ' ' && *we != '\'')
					we++;
				if (we == q)
					break;
				ok = j < n && strlen(word(p, j)->folded) == (size_t)(we - q) &&
				     strncmp(word(p, j)->folded, q, (size_t)(we - q)) == 0 && (j == i || p->punct[j] == 0);
				j++, len++;
				q = we;
			}
			if (ok && len > p->sub_len[i])
				p->sub_len[i] = (guint8)len;
		}
	}
}

/* The previous word that is not an adverb or a negation, or -1. */
static gint
prev_content(Parse *p, guint i)
{
	for (gint j = (gint)i - 1; j >= 0; j--) {
		ClauseRole r = word(p, (guint)j)->role;
		if (r != CLAUSE_W_ADV && r != CLAUSE_W_NEGATION && r != CLAUSE_W_CLITIC)
			return j;
		if (p->punct[j] != 0)
			return j;
	}
	return -1;
}

/* True when a finite verb or an auxiliary comes after word i before the
 * next clause boundary (punctuation, a relative, a subordinator). */
static bool
verb_ahead(Parse *p, guint i)
{
	for (guint j = i + 1; j < p->words->len; j++) {
		if (p->punct[j] & (P_COMMA | P_STRONG | P_OPEN | P_CLOSE | P_DASH))
			return false;
		const ClauseWord *w = word(p, j);
		if (in_list(p, LANG_RELATIVE_PRONOUNS, w->folded) || p->sub_len[j] > 0)
			return false;
		if (finite_reading(w) != NULL && !has(w, MORPH_POS_NOUN) && !has(w, MORPH_POS_PREP))
			return true;
		if (has(w, MORPH_POS_AUX) && finite_reading(w) != NULL)
			return true;
	}
	return false;
}

/* True when what follows word i opens a noun phrase of its own — a
 * determiner, a number, a subject pronoun: "the government issued | a
 * decree", "Byrs said | 90 people had been…" have the past as their
 * verb, where "the revolt launched | on 15 March was crushed" has a
 * participle. */
static bool
object_next(Parse *p, guint i)
{
	if (i + 1 >= p->words->len || p->punct[i + 1] != 0)
		return false;
	const ClauseWord *x = word(p, i + 1);
	if (has(x, MORPH_POS_PRON))
		return (reading(x, MORPH_POS_PRON)->flags & MORPH_F_SUBJECT) != 0;
	return (has(x, MORPH_POS_DET) && !has(x, MORPH_POS_PREP)) || has(x, MORPH_POS_NUM) ||
	       g_ascii_isdigit(x->folded[0]);
}

static bool
is_nominal(ClauseRole r)
{
	return r == CLAUSE_W_NOUN || r == CLAUSE_W_PROPER || r == CLAUSE_W_NUMBER || r == CLAUSE_W_ADJ ||
	       r == CLAUSE_W_SUBJECT;
}

/* True when the verb nearest before word i, in the same phrase, is a
 * verb of saying: "said on Monday that", "a indiqué au Wall Street
 * Journal en mars que" open what was said, not a relative. */
static bool
speech_before(Parse *p, guint i)
{
	for (guint j = i; j > 0; j--) {
		if (p->punct[j] & (P_STRONG | P_OPEN | P_CLOSE | P_DASH))
			return false;
		const ClauseWord *w = word(p, j - 1);
		if (w->role == CLAUSE_W_FINITE || w->role == CLAUSE_W_PARTICIPLE || w->role == CLAUSE_W_AUX)
			return in_list(p, LANG_SPEECH_VERBS, w->lemma);
	}
	return false;
}

/* True when word i stands where a noun goes: right after a determiner
 * or a number, or after an adjective that follows one ("deux autres
 * plaintes", "les premières frappes"). */
static bool
noun_slot(Parse *p, guint i)
{
	if (i == 0 || p->punct[i] != 0)
		return false;
	const ClauseWord *a = word(p, i - 1);
	if (a->role == CLAUSE_W_DET || a->role == CLAUSE_W_NUMBER)
		return true;
	if (i < 2 || p->punct[i - 1] != 0 || !has(a, MORPH_POS_ADJ))
		return false;
	ClauseRole b = word(p, i - 2)->role;
	return b == CLAUSE_W_DET || b == CLAUSE_W_NUMBER;
}

/* True when word i is English's possessive "'s" glued to a noun or a
 * name and followed by what it owns ("Tuesday's earthquake", "Obama's
 * first visit"), not the "is"/"has" of "Obama's been", "it's over". */
static bool
possessive_at(Parse *p, guint i)
{
	const ClauseWord *w = word(p, i);
	if (p->lang != FRISE_LANG_EN || i == 0 || i + 1 >= p->words->len || p->punct[i] != 0 ||
	    p->punct[i + 1] != 0 || word(p, i - 1)->end != w->start ||
	    (strcmp(w->folded, "'s") != 0 && strcmp(w->folded, "\xe2\x80\x99s") != 0))
		return false;
	ClauseRole prev = word(p, i - 1)->role;
	if (prev != CLAUSE_W_NOUN && prev != CLAUSE_W_PROPER && prev != CLAUSE_W_NUMBER)
		return false;
	const ClauseWord *next = word(p, i + 1);
	if (form_reading(next, MORPH_FORM_PAST_PARTICIPLE) != NULL && !has(next, MORPH_POS_NOUN) && !has(next, MORPH_POS_ADJ))
		return false; /* "the quake's killed thousands" */
	return has(next, MORPH_POS_NOUN) || has(next, MORPH_POS_ADJ) || has(next, MORPH_POS_NUM) ||
	       g_ascii_isdigit(next->folded[0]) || next->capital || next->morph.n == 0;
}

/* True when word i, a noun or a verb, is the noun a verb group right
 * after it has for subject: "US troops will be deployed", "the talks
 * have failed" (the auxiliary is the verb, not "troops"). */
static bool
noun_before_aux(Parse *p, guint i)
{
	const ClauseWord *w = word(p, i);
	if (!has(w, MORPH_POS_NOUN) || i + 1 >= p->words->len || p->punct[i + 1] != 0)
		return false;
	const ClauseWord *next = word(p, i + 1);
	const MorphAnalysis *f = finite_reading(next);
	return f != NULL && has(next, MORPH_POS_AUX) && (f->flags & MORPH_F_MODAL || !has(next, MORPH_POS_NOUN));
}

/* True when word i opens a comparison: "than", or a "que" a comparative
 * stands a few words before ("plus rapide que celle de février"), but not
 * the end of an example opener ("such as"). */
static bool
comparison_at(Parse *p, guint i)
{
	const char *f = word(p, i)->folded;
	if (in_list(p, LANG_COMPARISON_OPENERS, f))
		return true;
	if (!in_list(p, LANG_COMPARISON_LINKS, f))
		return false;
	if (i > 0 && p->punct[i] == 0 && lang_has_pair(p->lang, LANG_EXAMPLE_OPENERS, word(p, i - 1)->folded, f))
		return false; /* "such as": a list of examples, no comparison */
	for (guint j = i; j > 0 && j + 4 > i; j--) {
		if (p->punct[j] != 0)
			return false;
		if (in_list(p, LANG_COMPARATIVES, word(p, j - 1)->folded))
			return true;
	}
	return false;
}

/* True when word i ends with an apostrophe: "s'", "l'", "qu'" (elided). */
static bool
elided(Parse *p, guint i)
{
	const ClauseWord *w = word(p, i);
	return w->end > w->start && (p->text[w->end - 1] == '\'' || (w->end - w->start >= 3 &&
	       memcmp(p->text + w->end - 3, "\xE2\x80\x99", 3) == 0));
}

/* Pass 1: each word's role in context. */
static void
roles(Parse *p)
{
	guint n = p->words->len;
	phrases(p, LANG_SUBORDINATORS);
	bool group = false; /* a verb group is open: what follows an auxiliary */
	for (guint i = 0; i < n; i++) {
		ClauseWord *w = word(p, i);
		ClauseWord *next = i + 1 < n ? word(p, i + 1) : NULL;
		gint pc = prev_content(p, i);
		ClauseRole prev = pc >= 0 ? word(p, (guint)pc)->role : CLAUSE_W_OTHER;
		bool first = i == 0 || (p->punct[i] & (P_STRONG | P_QUOTE | P_OPEN)) != 0;
		if (p->punct[i] & (P_COMMA | P_STRONG | P_OPEN | P_CLOSE | P_DASH))
			group = false;
		ClauseRole r = CLAUSE_W_OTHER;
		const MorphAnalysis *fin = finite_reading(w);
		/* French writes the pronoun of a first or second person ("je
		 * plus", "vous dites"): without it such a reading is no verb
		 * ("jeudi plus d'avions" is no "plaire", "les vis" no "voir") */
		if (fin != NULL && p->lang == FRISE_LANG_FR && prev != CLAUSE_W_SUBJECT)
			fin = finite_reading_of(w, true);
		if (in_list(p, LANG_NEGATIONS, w->folded)) {
			r = CLAUSE_W_NEGATION;
		} else if (possessive_at(p, i)) {
			r = CLAUSE_W_DET;
		} else if (p->sub_len[i] > 0 && !comparison_at(p, i) &&
			   (!(in_list(p, LANG_RELATIVE_PRONOUNS, w->folded) &&
			      (prev == CLAUSE_W_NOUN || prev == CLAUSE_W_PROPER)) || speech_before(p, i))) {
			/* "que"/"that" after a verb is completive; "parce que" is one word group */
			r = CLAUSE_W_SUBORDINATOR;
		} else if (comparison_at(p, i)) {
			r = CLAUSE_W_COMPARISON;
		} else if (in_list(p, LANG_RELATIVE_PRONOUNS, w->folded) && i > 0) {
			r = CLAUSE_W_RELATIVE;
		} else if (in_list(p, LANG_COORDINATORS, w->folded)) {
			r = CLAUSE_W_COORDINATOR;
		} else if (has(w, MORPH_POS_NUM) || g_ascii_isdigit(w->folded[0])) {
			r = CLAUSE_W_NUMBER;
		} else if (has(w, MORPH_POS_PRON) && (reading(w, MORPH_POS_PRON)->flags & MORPH_F_SUBJECT) &&
			   !(next != NULL && prev == CLAUSE_W_SUBJECT)) {
			r = CLAUSE_W_SUBJECT;
		} else if (has(w, MORPH_POS_PRON) && (reading(w, MORPH_POS_PRON)->flags & MORPH_F_OBJECT) &&
			   next != NULL && !has(next, MORPH_POS_NOUN) && !has(next, MORPH_POS_ADJ) &&
			   (finite_reading(next) != NULL || (group && form_reading(next, MORPH_FORM_INFINITIVE) != NULL))) {
			/* "le dit", "se sont réunis"; in a verb group, before its
			 * infinitive: "doivent se concerter", "va le recevoir" */
			r = CLAUSE_W_CLITIC;
		} else if (has(w, MORPH_POS_DET) && !(fin != NULL && prev == CLAUSE_W_SUBJECT)) {
			r = CLAUSE_W_DET;
		} else if (has(w, MORPH_POS_PREP) && !(fin != NULL && (prev == CLAUSE_W_SUBJECT || prev == CLAUSE_W_CLITIC))) {
			r = CLAUSE_W_PREP;
		} else if (group && (form_reading(w, MORPH_FORM_PAST_PARTICIPLE) != NULL ||
				     form_reading(w, MORPH_FORM_PRESENT_PARTICIPLE) != NULL)) {
			r = CLAUSE_W_PARTICIPLE;
		} else if (group && form_reading(w, MORPH_FORM_INFINITIVE) != NULL) {
			r = CLAUSE_W_INFINITIVE;
		} else if (fin != NULL && !group && prev != CLAUSE_W_DET && prev != CLAUSE_W_PREP && !noun_before_aux(p, i) &&
			   !(has(w, MORPH_POS_NOUN) && !has(w, MORPH_POS_AUX) && noun_slot(p, i)) && /* "17 cases" */
			   (prev == CLAUSE_W_SUBJECT || prev == CLAUSE_W_CLITIC || prev == CLAUSE_W_RELATIVE ||
			    prev == CLAUSE_W_NEGATION || morph_is_only_verb(&w->morph) ||
			    (is_nominal(prev) && !(w->capital && !first)) ||
			    (first && (fin->flags & MORPH_F_MODAL) == 0 && has(w, MORPH_POS_AUX)))) {
			/* English: "the revolt launched on 15 March was crushed": a past
			 * after a noun with a verb ahead is a participle */
			if (p->lang == FRISE_LANG_EN && is_nominal(prev) && prev != CLAUSE_W_SUBJECT &&
			    form_reading(w, MORPH_FORM_PAST_PARTICIPLE) != NULL && !has(w, MORPH_POS_AUX) && !object_next(p, i) &&
			    verb_ahead(p, i))
				r = CLAUSE_W_PARTICIPLE;
			else
				r = has(w, MORPH_POS_AUX) ? CLAUSE_W_AUX : CLAUSE_W_FINITE;
		} else if (p->lang == FRISE_LANG_FR && form_reading(w, MORPH_FORM_PRESENT_PARTICIPLE) != NULL &&
			   (prev == CLAUSE_W_NOUN || prev == CLAUSE_W_PROPER) && !elided(p, (guint)pc) &&
			   !noun_slot(p, i) && next != NULL &&
			   p->punct[i + 1] == 0 && (has(next, MORPH_POS_PREP) || has(next, MORPH_POS_DET) ||
						    in_list(p, LANG_WEEKDAYS, next->folded))) {
			/* opens a participial clause: "une proposition visant à
			 * envoyer", "un texte prévoyant des sanctions", "un
			 * ultimatum expirant samedi" ("visant" is a noun too, but
			 * not before its complement); an elided word before it is
			 * no noun ("en s'emparant") */
			r = CLAUSE_W_PARTICIPLE;
		} else if (form_reading(w, MORPH_FORM_PAST_PARTICIPLE) != NULL &&
			   (is_nominal(prev) || (p->punct[i] & P_COMMA)) && !noun_slot(p, i) &&
			   (!has(w, MORPH_POS_NOUN) ||
			    (next != NULL && p->punct[i + 1] == 0 &&
			     (has(next, MORPH_POS_PREP) || has(next, MORPH_POS_DET) || has(next, MORPH_POS_NUM) ||
			      has(next, MORPH_POS_ADV))))) {
			/* opens a participial clause: "la révolte lancée le 15 mars"
			 * ("lancée" is a noun too, but not before a complement) */
			r = CLAUSE_W_PARTICIPLE;
		} else if (form_reading(w, MORPH_FORM_INFINITIVE) != NULL &&
			   (((prev == CLAUSE_W_PREP || prev == CLAUSE_W_OTHER) &&
			     (!has(w, MORPH_POS_NOUN) || in_list(p, LANG_AUXILIARY_LEMMAS, w->folded))) ||
			    (i > 0 && p->punct[i] == 0 && in_list(p, LANG_INFINITIVE_MARKERS, word(p, i - 1)->folded)))) {
			/* "pour aider", "to help" (a noun too, but not after "to") */
			r = CLAUSE_W_INFINITIVE;
		} else if (w->capital && !first) {
			r = CLAUSE_W_PROPER;
		} else if (has(w, MORPH_POS_PROPER) && w->capital) {
			r = CLAUSE_W_PROPER;
		} else if (has(w, MORPH_POS_ADV) && !has(w, MORPH_POS_NOUN)) {
			r = CLAUSE_W_ADV;
		} else if (has(w, MORPH_POS_ADJ) && !has(w, MORPH_POS_NOUN)) {
			r = CLAUSE_W_ADJ;
		} else if (w->capital && w->morph.n == 0) {
			r = CLAUSE_W_PROPER;
		} else {
			r = CLAUSE_W_NOUN;
		}
		w->role = r;
		/* the reading chosen gives the lemma */
		const MorphAnalysis *a = NULL;
		if (r == CLAUSE_W_FINITE || r == CLAUSE_W_AUX)
			a = fin;
		else if (r == CLAUSE_W_PARTICIPLE)
			a = form_reading(w, MORPH_FORM_PAST_PARTICIPLE) ? form_reading(w, MORPH_FORM_PAST_PARTICIPLE)
									: form_reading(w, MORPH_FORM_PRESENT_PARTICIPLE);
		else if (r == CLAUSE_W_INFINITIVE)
			a = form_reading(w, MORPH_FORM_INFINITIVE);
		else if (r == CLAUSE_W_NOUN)
			a = reading(w, MORPH_POS_NOUN);
		else if (r == CLAUSE_W_ADJ)
			a = reading(w, MORPH_POS_ADJ);
		if (a == NULL && w->morph.n > 0)
			a = &w->morph.a[0];
		if (a != NULL && a->lemma != NULL && *a->lemma != '\0')
			w->lemma = a->lemma;
		if (r == CLAUSE_W_AUX || r == CLAUSE_W_FINITE)
			group = has(w, MORPH_POS_AUX) || (fin != NULL && (fin->flags & MORPH_F_MODAL)) ||
				in_list(p, LANG_PERIPHRASTIC, w->lemma);
		else if (r == CLAUSE_W_PARTICIPLE && group)
			group = in_list(p, LANG_AUXILIARY_LEMMAS, w->lemma); /* "a été tué" */
		else if (r == CLAUSE_W_INFINITIVE)
			group = in_list(p, LANG_AUXILIARY_LEMMAS, w->lemma); /* "will be deployed", "to be tried" */
		else if (r != CLAUSE_W_ADV && r != CLAUSE_W_NEGATION && r != CLAUSE_W_CLITIC)
			group = false;
	}
}

/* ------------------------------------------------------------------ */
/* Clauses                                                             */

static guint
push(GArray *clauses, GArray *stack, ClauseKind kind, gint parent, guint first)
{
	Clause c = { first, first, kind, parent, -1, -1, FRISE_TENSE_NONE, CLAUSE_MOOD_INDICATIVE, -1 };
	g_array_append_val(clauses, c);
	guint k = clauses->len - 1;
	g_array_append_val(stack, k);
	return k;
}

static guint
top(GArray *stack)
{
	return g_array_index(stack, guint, stack->len - 1);
}

static Clause *
clause(GArray *clauses, guint k)
{
	return &g_array_index(clauses, Clause, k);
}

/* Pass 2: the clauses. */
static GArray *
clauses(Parse *p)
{
	GArray *cl = g_array_new(FALSE, FALSE, sizeof(Clause));
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(guint));
	guint n = p->words->len;
	push(cl, stack, CLAUSE_MAIN, -1, 0);
	for (guint i = 0; i < n; i++) {
		ClauseWord *w = word(p, i);
		guint8 pm = p->punct[i];
		if (pm & P_STRONG) {
			/* a new main clause */
			g_array_set_size(stack, 0);
			push(cl, stack, CLAUSE_MAIN, -1, i);
		}
		if (pm & (P_CLOSE | P_DASH)) {
			/* a bracket or a dash closes the innermost parenthesis */
			for (guint s = stack->len; s > 1; s--)
				if (clause(cl, g_array_index(stack, guint, s - 1))->kind == CLAUSE_PAREN) {
					g_array_set_size(stack, s - 1);
					pm &= (guint8)~P_DASH;
					break;
				}
		}
		if (pm & P_COMMA) {
			/* a comma ends an incidental clause that has its verb */
			while (stack->len > 1) {
				Clause *c = clause(cl, top(stack));
				if (((c->kind == CLAUSE_RELATIVE || c->kind == CLAUSE_PARTICIPIAL ||
				      c->kind == CLAUSE_SUBORDINATE) && clause_has_verb(c)) || c->kind == CLAUSE_COMPARISON)
					g_array_set_size(stack, stack->len - 1);
				else
					break;
			}
		}
		if (pm & (P_OPEN | P_DASH))
			push(cl, stack, CLAUSE_PAREN, (gint)top(stack), i);
		switch (w->role) {
		case CLAUSE_W_RELATIVE:
			push(cl, stack, CLAUSE_RELATIVE, (gint)top(stack), i);
			break;
		case CLAUSE_W_COMPARISON:
			push(cl, stack, CLAUSE_COMPARISON, (gint)top(stack), i);
			break;
		case CLAUSE_W_SUBORDINATOR:
			push(cl, stack, speech_before(p, i) ? CLAUSE_REPORTED : CLAUSE_SUBORDINATE, (gint)top(stack), i);
			break;
		case CLAUSE_W_COORDINATOR: {
			/* "… et a annoncé": a coordinated clause of the same kind */
			Clause *c = clause(cl, top(stack));
			bool verb_next = false;
			for (guint j = i + 1; j < n && j < i + 4 && !verb_next; j++)
				verb_next = word(p, j)->role == CLAUSE_W_FINITE || word(p, j)->role == CLAUSE_W_AUX ||
					    word(p, j)->role == CLAUSE_W_SUBJECT;
			if (verb_next && clause_has_verb(c)) {
				ClauseKind kind = c->kind;
				gint parent = c->parent;
				g_array_set_size(stack, stack->len - 1);
				if (stack->len == 0)
					kind = CLAUSE_MAIN, parent = -1;
				push(cl, stack, kind, parent, i);
			}
			break;
		}
		case CLAUSE_W_FINITE:
		case CLAUSE_W_AUX: {
			/* a second verb group: it belongs to a clause further out
			 * (a comparison has none of its own) */
			while (stack->len > 1 && clause(cl, top(stack))->kind != CLAUSE_PAREN &&
			       (clause_has_verb(clause(cl, top(stack))) || clause(cl, top(stack))->kind == CLAUSE_COMPARISON))
				g_array_set_size(stack, stack->len - 1);
			Clause *c = clause(cl, top(stack));
			gint lexical = c->main_verb >= 0 ? c->main_verb : c->verb;
			if (clause_has_verb(c) && (pm & (P_COMMA | P_QUOTE)) == 0 &&
			    in_list(p, LANG_SPEECH_VERBS, word(p, (guint)lexical)->lemma) && lexical + 1 < (gint)i) {
				/* "he said the company would meet": what was said, without "that" */
				gint parent = (gint)top(stack);
				guint from = (guint)lexical + 1;
				guint k = push(cl, stack, CLAUSE_REPORTED, parent, i); /* moves the clauses: c is stale */
				for (guint j = from; j < i; j++)
					if (word(p, j)->clause == (guint)parent)
						word(p, j)->clause = k;
				clause(cl, k)->first = from;
				clause(cl, (guint)parent)->last = from;
				c = clause(cl, k);
			} else if (clause_has_verb(c)) {
				/* "…, ont indiqué des responsables": a new main clause */
				ClauseKind kind = c->kind == CLAUSE_PAREN ? CLAUSE_PAREN : CLAUSE_MAIN;
				gint parent = c->parent;
				g_array_set_size(stack, stack->len - 1);
				push(cl, stack, kind, kind == CLAUSE_MAIN ? -1 : parent, i);
				c = clause(cl, top(stack));
			}
			c->verb = (gint)i;
			break;
		}
		case CLAUSE_W_PARTICIPLE: {
			Clause *c = clause(cl, top(stack));
			bool in_group = c->verb >= 0 && c->main_verb >= 0 ? false : c->verb >= 0;
			gint pc = prev_content(p, i);
			ClauseRole prev = pc >= 0 ? word(p, (guint)pc)->role : CLAUSE_W_OTHER;
			if (!in_group && (prev == CLAUSE_W_AUX || prev == CLAUSE_W_PARTICIPLE || prev == CLAUSE_W_FINITE ||
					  (prev == CLAUSE_W_INFINITIVE &&
					   in_list(p, LANG_AUXILIARY_LEMMAS, word(p, (guint)pc)->lemma))))
				in_group = true; /* "a été tué", "will be deployed", "va être jugé" */
			if (!in_group) {
				guint k = push(cl, stack, CLAUSE_PARTICIPIAL, (gint)top(stack), i);
				clause(cl, k)->verb = (gint)i;
				clause(cl, k)->main_verb = (gint)i;
			} else if (c->main_verb < 0 || word(p, (guint)c->main_verb)->role != CLAUSE_W_PARTICIPLE ||
				   in_list(p, LANG_AUXILIARY_LEMMAS, word(p, (guint)c->main_verb)->lemma)) {
				c->main_verb = (gint)i;
			}
			break;
		}
		case CLAUSE_W_INFINITIVE: {
			Clause *c = clause(cl, top(stack));
			if (c->verb >= 0 && (c->main_verb < 0 || c->main_verb == c->verb))
				c->main_verb = (gint)i;
			break;
		}
		default:
			break;
		}
		guint k = top(stack);
		w->clause = k;
		clause(cl, k)->last = i + 1;
	}
	for (guint k = 0; k < cl->len; k++) {
		Clause *c = clause(cl, k);
		if (c->verb >= 0 && c->main_verb < 0)
			c->main_verb = c->verb;
		if (c->last < c->first)
			c->last = c->first;
	}
	/* the subject: the pronoun, name or noun of the clause nearest before
	 * its verb that no preposition introduces ("Dans une interview …,
	 * l'acteur Tyler Perry a déclaré": Perry, not interview) */
	for (guint k = 0; k < cl->len; k++) {
		Clause *c = clause(cl, k);
		gint from = c->verb >= 0 ? c->verb : (gint)c->last;
		for (gint i = from - 1; i >= (gint)c->first && c->subject < 0; i--) {
			ClauseWord *w = word(p, (guint)i);
			if (w->clause != k ||
			    !(w->role == CLAUSE_W_SUBJECT || w->role == CLAUSE_W_PROPER || w->role == CLAUSE_W_NOUN))
				continue;
			/* back to the start of its noun phrase */
			gint j = i - 1;
			while (j >= (gint)c->first && word(p, (guint)j)->punct == 0 && word(p, (guint)(j + 1))->punct == 0 &&
			       (word(p, (guint)j)->role == CLAUSE_W_DET || word(p, (guint)j)->role == CLAUSE_W_ADJ ||
				word(p, (guint)j)->role == CLAUSE_W_PROPER || word(p, (guint)j)->role == CLAUSE_W_NOUN ||
				word(p, (guint)j)->role == CLAUSE_W_NUMBER))
				j--;
			if (w->role == CLAUSE_W_SUBJECT || j < (gint)c->first || word(p, (guint)(j + 1))->punct != 0 ||
			    word(p, (guint)j)->role != CLAUSE_W_PREP)
				c->subject = i;
		}
	}
	g_array_unref(stack);
	return cl;
}

/* ------------------------------------------------------------------ */
/* Tense and mood                                                      */

static FriseTense
tense_of_form(MorphForm f)
{
	switch (f) {
	case MORPH_FORM_PRESENT:
	case MORPH_FORM_SUBJ_PRESENT:
	case MORPH_FORM_IMPERATIVE:
		return FRISE_TENSE_PRESENT;
	case MORPH_FORM_IMPERFECT:
	case MORPH_FORM_SIMPLE_PAST:
	case MORPH_FORM_SUBJ_IMPERFECT:
		return FRISE_TENSE_PAST;
	case MORPH_FORM_FUTURE:
		return FRISE_TENSE_FUTURE;
	default:
		return FRISE_TENSE_NONE;
	}
}

/* Pass 3: the tense and mood of each clause's verb group. */
static void
tenses(Parse *p, GArray *cl)
{
	for (guint k = 0; k < cl->len; k++) {
		Clause *c = &g_array_index(cl, Clause, k);
		if (c->verb < 0)
			continue;
		const ClauseWord *head = word(p, (guint)c->verb);
		const ClauseWord *lex = word(p, (guint)c->main_verb);
		if (c->kind == CLAUSE_PARTICIPIAL) {
			c->tense = form_reading(head, MORPH_FORM_PAST_PARTICIPLE) ? FRISE_TENSE_PAST : FRISE_TENSE_NONE;
			continue;
		}
		const MorphAnalysis *fin = finite_reading(head);
		MorphForm form = fin != NULL ? (MorphForm)fin->form : MORPH_FORM_NONE;
		bool compound = c->main_verb != c->verb && lex->role == CLAUSE_W_PARTICIPLE;
		bool with_infinitive = c->main_verb != c->verb && lex->role == CLAUSE_W_INFINITIVE;
		/* "va être jugé", "doit avoir lieu": the infinitive's auxiliary
		 * makes a passive or a perfect of it, not a past of the group */
		bool perfect_infinitive = false;
		for (gint j = c->verb + 1; compound && j < c->main_verb; j++)
			if (word(p, (guint)j)->role == CLAUSE_W_INFINITIVE) {
				compound = false, with_infinitive = true;
				perfect_infinitive = !in_list(p, LANG_PASSIVE_AUXILIARIES, word(p, (guint)j)->lemma);
			}
		c->tense = tense_of_form(form);
		if (perfect_infinitive && in_list(p, LANG_MODAL_LEMMAS, head->lemma)) {
			/* a modal before a perfect infinitive says what must or may
			 * have happened: "doit avoir quitté", "pourrait avoir fui" */
			c->tense = FRISE_TENSE_PAST;
			c->mood = CLAUSE_MOOD_MODAL;
			continue;
		}
		if (form == MORPH_FORM_CONDITIONAL)
			c->mood = CLAUSE_MOOD_CONDITIONAL;
		else if (form == MORPH_FORM_SUBJ_PRESENT || form == MORPH_FORM_SUBJ_IMPERFECT)
			c->mood = CLAUSE_MOOD_SUBJUNCTIVE;
		if (fin != NULL && (fin->flags & MORPH_F_MODAL)) {
			/* English modals: will/shall are the future, the others a mood */
			if (form == MORPH_FORM_FUTURE)
				c->tense = FRISE_TENSE_FUTURE;
			else
				c->mood = form == MORPH_FORM_CONDITIONAL ? CLAUSE_MOOD_CONDITIONAL : CLAUSE_MOOD_MODAL;
			if (compound && c->mood != CLAUSE_MOOD_INDICATIVE)
				c->tense = FRISE_TENSE_PAST; /* "would have met", "may have left" */
			continue;
		}
		if (compound && form_reading(lex, MORPH_FORM_PRESENT_PARTICIPLE) != NULL &&
		    in_list(p, LANG_PERIPHRASTIC, lex->lemma)) {
			c->tense = FRISE_TENSE_FUTURE; /* "is going to meet" */
		} else if (compound) {
			/* "a annoncé", "had met", "aura été": the auxiliary's time,
			 * a step back (a present auxiliary is the past; a future
			 * one, the future perfect, still the future) */
			if (c->tense == FRISE_TENSE_PRESENT)
				c->tense = p->lang == FRISE_LANG_EN && !in_list(p, LANG_PERFECT_AUXILIARIES, head->lemma)
						   ? FRISE_TENSE_PRESENT /* "is expected" */
						   : FRISE_TENSE_PAST;
			if (c->mood == CLAUSE_MOOD_CONDITIONAL)
				c->tense = FRISE_TENSE_PAST; /* "aurait été tué": reported, past */
		} else if (with_infinitive && in_list(p, LANG_PERIPHRASTIC, head->lemma)) {
			/* "va rencontrer", "is going to", "devrait rencontrer" */
			if (c->tense == FRISE_TENSE_PRESENT || c->mood == CLAUSE_MOOD_CONDITIONAL)
				c->tense = FRISE_TENSE_FUTURE;
			if (in_list(p, LANG_MODAL_LEMMAS, head->lemma))
				c->mood = CLAUSE_MOOD_MODAL;
		}
	}
}

/* ------------------------------------------------------------------ */

ClauseParse *
clause_parse(const char *sentence, size_t len, FriseLang lang)
{
	Parse p = { lang_or_english(lang), sentence, NULL, NULL, NULL };
	scan(&p, sentence, len);
	roles(&p);
	GArray *cl = clauses(&p);
	tenses(&p, cl);
	g_free(p.punct);
	g_free(p.sub_len);
	ClauseParse *out = g_new0(ClauseParse, 1);
	out->lang = p.lang;
	out->words = p.words;
	out->clauses = cl;
	return out;
}

void
clause_parse_free(ClauseParse *parse)
{
	if (parse == NULL)
		return;
	for (guint i = 0; i < parse->words->len; i++)
		g_free(g_array_index(parse->words, ClauseWord, i).folded);
	g_array_unref(parse->words);
	g_array_unref(parse->clauses);
	g_free(parse);
}

guint
clause_word_at(const ClauseParse *parse, size_t offset)
{
	guint lo = 0, hi = parse->words->len;
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(parse->words, ClauseWord, mid).end <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const Clause *
clause_at(const ClauseParse *parse, size_t offset)
{
	guint i = clause_word_at(parse, offset);
	if (parse->words->len == 0)
		return &g_array_index(parse->clauses, Clause, 0);
	if (i >= parse->words->len)
		i = parse->words->len - 1;
	return &g_array_index(parse->clauses, Clause, g_array_index(parse->words, ClauseWord, i).clause);
}
