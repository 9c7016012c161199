/*
 * headline.c — a headline from a dated sentence (prefix headline_; see
 * headline.h): the date and its preposition dropped, leading filler and a
 * live blog's time stamp dropped, capitalised, cut at a clause or word
 * boundary. Offsets are byte offsets into the sentence, end exclusive.
 */
#include "events/headline.h"
#include "core/lang.h"
#include "core/morph.h"
#include "core/text.h"

#include <string.h>

/* Byte offset where the folded prefix `words` (a filler) ends in `s`, or 0. */
static size_t
filler_end(const char *s, size_t len, FriseLang lang)
{
	const LangWords *fillers = lang_list(lang, LANG_FILLERS);
	GArray *toks = text_tokens(s, len);
	size_t end = 0;
	for (size_t j = 0; j < fillers->n && toks->len > 0; j++) {
		guint last;
		if (text_phrase_at(toks, 0, fillers->items[j], false, &last) &&
		    g_array_index(toks, TextToken, 0).start < 3) {
			size_t e = g_array_index(toks, TextToken, last).end;
			/* only a filler followed by a comma, or a bare conjunction */
			const char *rest = s + e;
			while (*rest == ' ')
				rest++;
			if (*rest == ',' || strchr(fillers->items[j], ' ') == NULL) {
				if (*rest == ',')
					rest++;
				if ((size_t)(rest - s) > end)
					end = (size_t)(rest - s);
			}
		}
	}
	g_array_unref(toks);
	return end;
}

/* Bytes of a live blog's time stamp opening `s` ("15h10 : ", "0 h 15 - ",
 * "9:30 — "), or 0: the clock time, then a colon or a dash. Written by
 * hand: a few bytes of typography no library names. */
static size_t
stamp_end(const char *s, size_t len)
{
	size_t p = 0, digits = 0;
	while (p < len && g_ascii_isdigit(s[p]) && digits < 2)
		p++, digits++;
	if (digits == 0)
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	if (p < len && (s[p] == 'h' || s[p] == 'H' || s[p] == ':'))
		p++;
	else
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	for (digits = 0; p < len && g_ascii_isdigit(s[p]) && digits < 2; p++)
		digits++;
	for (;;) {
		if (p < len && s[p] == ' ')
			p++;
		else if (p + 1 < len && (unsigned char)s[p] == 0xc2 && (unsigned char)s[p + 1] == 0xa0)
			p += 2; /* a no-break space */
		else
			break;
	}
	if (p < len && (s[p] == ':' || s[p] == '-'))
		p++;
	else if (p + 2 < len && (unsigned char)s[p] == 0xe2 && (unsigned char)s[p + 1] == 0x80 &&
		 ((unsigned char)s[p + 2] == 0x93 || (unsigned char)s[p + 2] == 0x94))
		p += 3; /* – — */
	else
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	return p;
}

/* The sentence with the expression [tstart, tend) and its preposition,
 * leading filler and a live blog's stamp removed, tidied and capitalised:
 * a new GString. */
static GString *
strip(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang)
{
	if (tstart > len)
		tstart = len;
	if (tend > len || tend < tstart)
		tend = tstart;
	/* widen the expression to the prepositions right before it */
	GArray *toks = text_tokens(sentence, tstart);
	size_t cut = tstart;
	/* an empty expression (the date went with a fronted phrase) has no
	 * preposition: "declared the phase over" keeps its "over" */
	for (guint i = tend > tstart ? toks->len : 0; i > 0; i--) {
		TextToken *t = &g_array_index(toks, TextToken, i - 1);
		bool adjacent = true;
		for (size_t k = t->end; k < cut; k++)
			if (sentence[k] != ' ' && sentence[k] != '\'' && (unsigned char)sentence[k] != 0xe2 &&
			    (unsigned char)sentence[k] != 0x80 && (unsigned char)sentence[k] != 0x99) {
				adjacent = false;
				break;
			}
		if (!adjacent || cut - t->end > 4)
			break;
		/* a preposition of time, or the one preposition or article left
		 * right before the date ("les manifestations de [février]
		 * avaient…" would read "de avaient") */
		bool prep = lang_has(lang, LANG_TIME_PREPOSITIONS, t->folded);
		if (!prep && cut == tstart) {
			MorphWord w;
			prep = morph_analyze(lang, sentence + t->start, (gssize)(t->end - t->start), &w) &&
			       (morph_has_pos(&w, MORPH_POS_PREP) || morph_has_pos(&w, MORPH_POS_DET)) &&
			       !morph_has_pos(&w, MORPH_POS_NOUN) && !morph_has_pos(&w, MORPH_POS_VERB) &&
			       !morph_has_pos(&w, MORPH_POS_AUX) && !morph_has_pos(&w, MORPH_POS_PRON);
		}
		if (!prep)
			break;
		cut = t->start;
	}
	/* one end of a range ("entre le 15 juillet et le 15 août", "de 18 h à
	 * 23 h") stays: without it the other end reads wrong */
	bool range = false;
	for (guint i = toks->len; i > 0; i--) {
		TextToken *t = &g_array_index(toks, TextToken, i - 1);
		if (t->end > cut)
			continue;
		if (t->end + 2 >= cut && lang_has(lang, LANG_RANGE_WORDS, t->folded)) {
			/* "entre X", or "N … et X" with a number just before */
			range = lang_has(lang, LANG_RANGE_OPENERS, t->folded);
			for (guint j = i - 1; j > 0 && j + 3 >= i && !range; j--)
				range = g_ascii_isdigit(g_array_index(toks, TextToken, j - 1).folded[0]);
		}
		break;
	}
	g_array_unref(toks);
	/* "X et le 15 août", "X à 23 h": a range word, then a number */
	GArray *after = text_tokens(sentence + tend, len - tend);
	if (after->len > 1 && g_array_index(after, TextToken, 0).start <= 1 &&
	    lang_has(lang, LANG_RANGE_WORDS, g_array_index(after, TextToken, 0).folded)) {
		const char *n1 = g_array_index(after, TextToken, 1).folded;
		const char *n2 = after->len > 2 ? g_array_index(after, TextToken, 2).folded : "";
		/* "de mardi à mercredi", "from Monday to Friday" too */
		range = range || g_ascii_isdigit(n1[0]) || lang_has(lang, LANG_WEEKDAYS, n1) ||
			(lang_has(lang, LANG_DETERMINERS, n1) &&
			 (g_ascii_isdigit(n2[0]) || lang_has(lang, LANG_WEEKDAYS, n2)));
	}
	g_array_unref(after);
	if (range)
		cut = tend = tstart;
	GString *h = g_string_new_len(sentence, (gssize)cut);
	size_t rest = tend;
	/* "Tuesday's earthquake": the possessive goes with its date */
	if (rest + 2 <= len && sentence[rest] == '\'' && sentence[rest + 1] == 's' &&
	    (rest + 2 == len || sentence[rest + 2] == ' '))
		rest += 2;
	else if (rest + 4 <= len && memcmp(sentence + rest, "\xe2\x80\x99s", 4) == 0 &&
		 (rest + 4 == len || sentence[rest + 4] == ' '))
		rest += 4;
	/* "En février 2024, OpenAI": the comma after a fronted date goes too */
	size_t k = rest;
	while (k < len && sentence[k] == ' ')
		k++;
	if (k < len && sentence[k] == ',' && cut < 3)
		rest = k + 1;
	g_string_append_len(h, sentence + rest, (gssize)(len - rest));
	/* tidy: spaces, " ," and leading punctuation */
	char *t = g_strdup(h->str);
	g_string_free(h, TRUE);
	GString *o = g_string_new(NULL);
	for (const char *p = t; *p; p++) {
		if (*p == ' ' && (o->len == 0 || o->str[o->len - 1] == ' '))
			continue;
		if ((*p == ',' || *p == '.') && o->len > 0 && o->str[o->len - 1] == ' ')
			g_string_truncate(o, o->len - 1);
		if (*p == ',' && o->len > 0 && o->str[o->len - 1] == ',') {
			/* "épousa, le 23 septembre 1933, Georges": the date was an
			 * incise, and both its commas go with it */
			g_string_truncate(o, o->len - 1);
			continue;
		}
		g_string_append_c(o, *p);
	}
	g_free(t);
	for (int pass = 0; pass < 3; pass++) {
		size_t lead = 0;
		/* no-break spaces too: "0 h 15\u00a0: La Libye" */
		while (lead < o->len && (strchr(", ;:", o->str[lead]) != NULL ||
					 (lead + 1 < o->len && (unsigned char)o->str[lead] == 0xc2 &&
					  (unsigned char)o->str[lead + 1] == 0xa0)))
			lead += (unsigned char)o->str[lead] == 0xc2 ? 2 : 1;
		g_string_erase(o, 0, (gssize)lead);
		size_t f = filler_end(o->str, o->len, lang);
		if (f == 0)
			f = stamp_end(o->str, o->len);
		if (f == 0 || f >= o->len)
			break;
		g_string_erase(o, 0, (gssize)f);
	}
	/* trailing punctuation, and an elided word the end cut from its host ("s'") */
	for (;;) {
		while (o->len > 0 && strchr(" .!?;:,", o->str[o->len - 1]) != NULL)
			g_string_truncate(o, o->len - 1);
		size_t e = o->len;
		if (e > 0 && (o->str[e - 1] == '\'' || (e >= 3 && (unsigned char)o->str[e - 3] == 0xe2 &&
							(unsigned char)o->str[e - 2] == 0x80 && (unsigned char)o->str[e - 1] == 0x99))) {
			size_t w = e;
			while (w > 0 && o->str[w - 1] != ' ')
				w--;
			g_string_truncate(o, w);
			continue;
		}
		break;
	}
	/* capitalise */
	if (o->len > 0) {
		gunichar c = g_utf8_get_char(o->str);
		const char *n = g_utf8_next_char(o->str);
		char buf[8];
		int bl = g_unichar_to_utf8(g_unichar_toupper(c), buf);
		g_string_erase(o, 0, n - o->str);
		g_string_prepend_len(o, buf, bl);
	}
	return o;
}

static bool is_verb_role(ClauseRole r);
static bool noun_complement(const ClauseParse *p, guint j);

/* A word no headline ends on: it opens a phrase the cut would leave open
 * ("… on the ground or", "… a visité le"). */
static bool
dangling(ClauseRole r)
{
	return r == CLAUSE_W_DET || r == CLAUSE_W_PREP || r == CLAUSE_W_COORDINATOR || r == CLAUSE_W_SUBORDINATOR ||
	       r == CLAUSE_W_RELATIVE || r == CLAUSE_W_AUX || r == CLAUSE_W_CLITIC || r == CLAUSE_W_SUBJECT ||
	       r == CLAUSE_W_NEGATION || r == CLAUSE_W_COMPARISON;
}

/* True when a headline ending on word `last` of `p`, with word `next`
 * dropped, stops before what its verb needs: an adverb, an auxiliary, a
 * negation or an infinitive last ("Chan achieved just | that by
 * declaring…", "The court will | rule…"), a finite verb before its
 * object or the clause it reports ("The court heard | that…"), a
 * participle before its object ("It has issued | a decree"), a verb
 * before the infinitive it governs ("visant | à envoyer"), a verb and
 * its bare noun before the rest of the locution ("a fait état | de"). A comma
 * between them, or a preposition after a participle ("was killed | in
 * Sirte"), closes nothing. */
static bool
open_verb(const ClauseParse *p, guint last, guint next)
{
	const ClauseWord *l = &g_array_index(p->words, ClauseWord, last);
	const ClauseWord *x = &g_array_index(p->words, ClauseWord, next);
	if (x->punct & (CLAUSE_P_COMMA | CLAUSE_P_DASH | CLAUSE_P_STRONG | CLAUSE_P_OPEN))
		return false;
	/* a bare noun right after its verb is a locution that needs what
	 * follows: "a fait état | de", "a rendu hommage | à", "took part | in" */
	if (l->role == CLAUSE_W_NOUN && last > 0 && l->punct == 0 && x->punct == 0 &&
	    (x->role == CLAUSE_W_PREP || noun_complement(p, next))) {
		ClauseRole v = g_array_index(p->words, ClauseWord, last - 1).role;
		if (v == CLAUSE_W_FINITE || v == CLAUSE_W_PARTICIPLE || v == CLAUSE_W_INFINITIVE)
			return true;
	}
	/* a verb before the infinitive it governs: "visant | à envoyer",
	 * "a décidé | de partir", "tried | to reach" */
	const ClauseWord *y = next + 1 < p->words->len ? &g_array_index(p->words, ClauseWord, next + 1) : NULL;
	if ((l->role == CLAUSE_W_FINITE || l->role == CLAUSE_W_PARTICIPLE) && x->role == CLAUSE_W_PREP && y != NULL &&
	    y->punct == 0 && y->role == CLAUSE_W_INFINITIVE)
		return true;
	switch (l->role) {
	case CLAUSE_W_ADV: case CLAUSE_W_AUX: case CLAUSE_W_NEGATION: case CLAUSE_W_INFINITIVE:
		return true;
	case CLAUSE_W_FINITE:
		return x->role != CLAUSE_W_PREP && x->role != CLAUSE_W_COORDINATOR && x->role != CLAUSE_W_PARTICIPLE;
	case CLAUSE_W_PARTICIPLE:
		return x->role == CLAUSE_W_DET || x->role == CLAUSE_W_NOUN || x->role == CLAUSE_W_PROPER ||
		       x->role == CLAUSE_W_NUMBER || x->role == CLAUSE_W_SUBORDINATOR;
	default:
		return false;
	}
}

/* True when a headline ending on word `last`, with word `next` dropped,
 * is left open: on its verb before what it needs (open_verb()), on a
 * word that opens a phrase (dangling(): "…almost a day later, he"), or
 * on a number or an adjective before its noun ("hit Haiti carrying four
 * | tonnes"). */
static bool
ends_open(const ClauseParse *p, guint last, guint next)
{
	const ClauseWord *l = &g_array_index(p->words, ClauseWord, last);
	const ClauseWord *x = &g_array_index(p->words, ClauseWord, next);
	if (open_verb(p, last, next) || dangling(l->role) || lang_has(p->lang, LANG_AUXILIARY_LEMMAS, l->lemma))
		return true; /* "…après avoir été | capturé" */
	return (l->role == CLAUSE_W_NUMBER || l->role == CLAUSE_W_ADJ) && x->punct == 0 &&
	       (x->role == CLAUSE_W_NOUN || x->role == CLAUSE_W_PROPER);
}

/* True when cutting `p` before word j keeps a clause's subject, or the
 * opening of a reported, subordinate or relative clause, and drops its
 * verb: "concerns were raised that unusual spending habits coinciding |
 * with…" keeps a subject whose verb ("could increase") is gone. */
static bool
verb_cut_off(const ClauseParse *p, guint j)
{
	for (guint k = 0; k < p->clauses->len; k++) {
		const Clause *c = &g_array_index(p->clauses, Clause, k);
		if (c->first >= j || (c->verb < 0 && c->last <= j) || (c->verb >= 0 && (guint)c->verb < j))
			continue;   /* a verbless phrase kept whole ("Le régime : …") loses no verb */
		/* its subject kept, or a clause of what was said opened */
		if ((c->subject >= 0 && (guint)c->subject < j) || c->kind == CLAUSE_REPORTED ||
		    c->kind == CLAUSE_SUBORDINATE || c->kind == CLAUSE_RELATIVE)
			return true;
	}
	return false;
}

/* True when word j of `p` is "de", "du" after a noun: the opening of the
 * noun's complement, though read as a determiner ("l'ambition | d'attirer
 * la filière"). */
static bool
noun_complement(const ClauseParse *p, guint j)
{
	const ClauseWord *w = &g_array_index(p->words, ClauseWord, j);
	return w->punct == 0 && w->role == CLAUSE_W_DET && j > 0 &&
	       (morph_has_pos(&w->morph, MORPH_POS_PREP) || lang_has(p->lang, LANG_COMPLEMENT_DETS, w->folded)) &&
	       g_array_index(p->words, ClauseWord, j - 1).role == CLAUSE_W_NOUN;
}

/* True when word j of `p` (with the next one, for two words) opens a list
 * of examples after a noun: "plusieurs villes | comme Ras Lanouf",
 * "several towns | such as Ras Lanuf" ([example-openers]). */
static bool
example_opener(const ClauseParse *p, guint j)
{
	const ClauseWord *w = &g_array_index(p->words, ClauseWord, j);
	if (j == 0 || w->punct & (CLAUSE_P_STRONG | CLAUSE_P_OPEN))
		return false;
	ClauseRole before = g_array_index(p->words, ClauseWord, j - 1).role;
	if (before != CLAUSE_W_NOUN && before != CLAUSE_W_PROPER && !(w->punct & CLAUSE_P_COMMA))
		return false;
	if (lang_has(p->lang, LANG_EXAMPLE_OPENERS, w->folded))
		return true;
	return j + 1 < p->words->len && g_array_index(p->words, ClauseWord, j + 1).punct == 0 &&
	       lang_has_pair(p->lang, LANG_EXAMPLE_OPENERS, w->folded, g_array_index(p->words, ClauseWord, j + 1).folded);
}

/* True when word j of `p` may open what a cut drops: a phrase after a
 * comma or a dash, a preposition, a conjunction, a relative or a
 * participle (an infinitive goes with its preposition: "to help deal"),
 * a noun's complement. */
static bool
droppable_from(const ClauseParse *p, guint j)
{
	const ClauseWord *w = &g_array_index(p->words, ClauseWord, j);
	if (w->punct & (CLAUSE_P_COMMA | CLAUSE_P_DASH | CLAUSE_P_STRONG | CLAUSE_P_OPEN))
		return true;
	/* what was said is the news: "X a annoncé | qu'elle…" is no place to cut */
	if (w->role == CLAUSE_W_SUBORDINATOR && g_array_index(p->clauses, Clause, w->clause).kind == CLAUSE_REPORTED)
		return false;
	if (noun_complement(p, j) || example_opener(p, j))
		return true;
	switch (w->role) {
	case CLAUSE_W_PREP: case CLAUSE_W_COORDINATOR: case CLAUSE_W_SUBORDINATOR: case CLAUSE_W_RELATIVE:
	case CLAUSE_W_PARTICIPLE: case CLAUSE_W_COMPARISON:
		return true;
	default:
		return false;
	}
}

/* The last word a cut of `p` must keep: the first main clause's verb
 * group and, when one follows it, its object's noun phrase ("Mrs
 * Clinton would visit Haiti"); the last word when there is no verb. */
static guint
kept_core(const ClauseParse *p, bool short_object)
{
	guint n = p->words->len;
	for (guint i = 0; i < n; i++) {
		const ClauseWord *w = &g_array_index(p->words, ClauseWord, i);
		if ((w->role != CLAUSE_W_FINITE && w->role != CLAUSE_W_AUX) ||
		    g_array_index(p->clauses, Clause, w->clause).kind != CLAUSE_MAIN)
			continue;
		guint e = i;
		/* the verb group: auxiliaries, participles, infinitives, adverbs */
		while (e + 1 < n && g_array_index(p->words, ClauseWord, e + 1).punct == 0) {
			ClauseRole r = g_array_index(p->words, ClauseWord, e + 1).role;
			if (r != CLAUSE_W_AUX && r != CLAUSE_W_PARTICIPLE && r != CLAUSE_W_INFINITIVE && r != CLAUSE_W_ADV &&
			    r != CLAUSE_W_NEGATION && r != CLAUSE_W_CLITIC && r != CLAUSE_W_FINITE)
				break;
			e++;
		}
		/* its object: determiners, numbers, adjectives, nouns, names
		 * (with `short_object`, up to a noun's complement: "la chute |
		 * du président") */
		while (e + 1 < n && g_array_index(p->words, ClauseWord, e + 1).punct == 0 &&
		       !(short_object && noun_complement(p, e + 1))) {
			ClauseRole r = g_array_index(p->words, ClauseWord, e + 1).role;
			if (r != CLAUSE_W_DET && r != CLAUSE_W_NUMBER && r != CLAUSE_W_ADJ && r != CLAUSE_W_NOUN &&
			    r != CLAUSE_W_PROPER)
				break;
			e++;
		}
		return e;
	}
	return n > 0 ? n - 1 : 0;
}

/* Makes `o` at most `max` characters long without "…": the longest
 * prefix that keeps the main verb and its object and ends before a
 * phrase a reader can lose (an adjunct, a list's tail, a relative),
 * never on a word that opens one. False, `o` untouched, when there is no
 * such prefix. */
static bool
fit(GString *o, size_t max, FriseLang lang)
{
	if ((size_t)g_utf8_strlen(o->str, -1) <= max)
		return true;
	ClauseParse *p = clause_parse(o->str, o->len, lang);
	guint n = p->words->len;
	size_t best = 0, phrase = 0; /* the last cut, the last before a whole phrase */
	/* the verb's whole object first; when that leaves no cut, its head
	 * noun without its complement ("…allait entraîner la chute") */
	for (int pass = 0; pass < 2 && best == 0; pass++) {
		bool listing = false; /* a comma since the last verb: "A, B et C" is a list */
		for (guint j = kept_core(p, pass == 1) + 1; j < n; j++) {
			const ClauseWord *w = &g_array_index(p->words, ClauseWord, j);
			const ClauseWord *prev = &g_array_index(p->words, ClauseWord, j - 1);
			if ((size_t)g_utf8_strlen(o->str, (gssize)prev->end) > max)
				break;
			/* a list is cut before its second item, not before its last */
			bool list_tail = listing && w->role == CLAUSE_W_COORDINATOR && !(w->punct & CLAUSE_P_COMMA);
			if (droppable_from(p, j) && !dangling(prev->role) && !list_tail && !open_verb(p, j - 1, j) &&
			    !verb_cut_off(p, j)) {
				best = prev->end;
				if (!noun_complement(p, j) && !ends_open(p, j - 1, j))
					phrase = best;
			}
			if (w->punct & CLAUSE_P_COMMA)
				listing = true;
			else if (is_verb_role(w->role) || w->role == CLAUSE_W_INFINITIVE || w->role == CLAUSE_W_SUBORDINATOR ||
				 w->role == CLAUSE_W_RELATIVE)
				listing = false;
		}
	}
	clause_parse_free(p);
	if (best == 0)
		return false;
	/* a cut inside a noun's complement loses what the noun is about
	 * ("avec l'ambition | d'attirer…"): cut before the whole phrase
	 * instead when that still keeps most of the room */
	if (phrase > 0 && phrase < best && (size_t)g_utf8_strlen(o->str, (gssize)phrase) * 5 >= max * 3)
		best = phrase;
	g_string_truncate(o, best);
	while (o->len > 0 && strchr(" ,;:", o->str[o->len - 1]) != NULL)
		g_string_truncate(o, o->len - 1);
	return true;
}

/* Cuts `o` to the words that fit in `max` characters, then drops the
 * words a phrase would be left open on: the last resort of a line with
 * no clause to cut at. */
static void
cut_words(GString *o, size_t max, FriseLang lang)
{
	const char *lim = g_utf8_offset_to_pointer(o->str, (glong)max);
	size_t b = (size_t)(lim - o->str);
	while (b > 0 && o->str[b] != ' ')
		b--;
	g_string_truncate(o, b > 0 ? b : (size_t)(lim - o->str));
	ClauseParse *p = clause_parse(o->str, o->len, lang);
	guint k = p->words->len;
	while (k > 1 && dangling(g_array_index(p->words, ClauseWord, k - 1).role))
		k--;
	if (k < p->words->len)
		g_string_truncate(o, g_array_index(p->words, ClauseWord, k - 1).end);
	clause_parse_free(p);
	while (o->len > 0 && strchr(" ,;:", o->str[o->len - 1]) != NULL)
		g_string_truncate(o, o->len - 1);
}

char *
headline_make(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang, size_t max)
{
	if (max == 0)
		max = HEADLINE_MAX;
	GString *o = strip(sentence, len, tstart, tend, lang);
	if (!fit(o, max, lang))
		cut_words(o, max, lang); /* no phrase to lose: the words that fit, without "…" */
	return g_string_free(o, FALSE);
}


/* ------------------------------------------------------------------ */
/* From a clause                                                       */

static const ClauseWord *
cw(const ClauseParse *p, guint i)
{
	return &g_array_index(p->words, ClauseWord, i);
}

static const Clause *
cl(const ClauseParse *p, guint k)
{
	return &g_array_index(p->clauses, Clause, k);
}

/* True when clause j is clause k or lies within it through clauses of
 * kind `through` only (REPORTED). */
static bool
under(const ClauseParse *p, guint j, guint k, bool reported_only)
{
	while (j != k) {
		gint up = cl(p, j)->parent;
		if (up < 0 || (reported_only && cl(p, j)->kind != CLAUSE_REPORTED))
			return false;
		j = (guint)up;
	}
	return true;
}

static bool
is_verb_role(ClauseRole r)
{
	return r == CLAUSE_W_FINITE || r == CLAUSE_W_AUX || r == CLAUSE_W_PARTICIPLE;
}

/* True when `h` has unbalanced quotes or brackets, or an empty pair:
 * a hole where a cut took one side. Written by hand: the quote marks of
 * two languages, « » “ ” and straight ". */
static bool
broken_pairs(const char *h)
{
	static const char *const pairs[][2] = { { "\xc2\xab", "\xc2\xbb" }, { "(", ")" }, { "\xe2\x80\x9c", "\xe2\x80\x9d" } };
	bool hole = strstr(h, "()") != NULL || strstr(h, "( )") != NULL;
	hole |= strstr(h, "\xc2\xab\xc2\xbb") != NULL || strstr(h, "\xc2\xab \xc2\xbb") != NULL ||
		strstr(h, "\xc2\xab\xc2\xa0\xc2\xbb") != NULL || strstr(h, "\"\"") != NULL ||
		strstr(h, "\xe2\x80\x9c\xe2\x80\x9d") != NULL; /* an empty quote */
	guint straight = 0;
	for (const char *q = h; *q; q++)
		straight += *q == '"';
	hole |= straight % 2 != 0;
	for (size_t j = 0; j < G_N_ELEMENTS(pairs) && !hole; j++) {
		int depth = 0;
		for (const char *q = h; *q; q++) {
			if (strncmp(q, pairs[j][0], strlen(pairs[j][0])) == 0)
				depth++;
			else if (strncmp(q, pairs[j][1], strlen(pairs[j][1])) == 0 && --depth < 0)
				break;
		}
		hole = depth != 0;
	}
	return hole;
}

/* True when reported clause j of `p` is what was said: opened by "que"
 * or "that", or, with no such word ("He said the US has…"), headed by an
 * auxiliary, after a subject pronoun, or by a verb with no noun reading
 * ("announced a further 17 cases" reports no clause: "cases" is a noun
 * there). */
static bool
reads_as_report(const ClauseParse *p, guint j)
{
	const Clause *c = cl(p, j);
	if (c->verb < 0 || c->subject < 0 || c->subject > c->verb)
		return false;
	if (cw(p, c->first)->role == CLAUSE_W_SUBORDINATOR)
		return true;
	const ClauseWord *v = cw(p, (guint)c->verb);
	return v->role == CLAUSE_W_AUX || cw(p, (guint)c->subject)->role == CLAUSE_W_SUBJECT ||
	       !morph_has_pos(&v->morph, MORPH_POS_NOUN);
}

/* True when word i of `p` is part of the date [tstart, tend), or a
 * preposition or determiner that leads to it ("on | Tuesday"). */
static bool
in_date(const ClauseParse *p, guint i, size_t tstart, size_t tend)
{
	for (guint j = i; j < p->words->len; j++) {
		const ClauseWord *w = cw(p, j);
		if (tend > tstart && w->end > tstart && w->start < tend)
			return true;
		if (w->role != CLAUSE_W_PREP && w->role != CLAUSE_W_DET)
			return false;
	}
	return false;
}

/*
 * True when the words keep[] drops from `p` leave a hole in what is kept:
 *   - a run dropped from between two kept words that is neither an incise
 *     (a comma, dash or bracket on each side: "Le ministre, un proche du
 *     régime, a démissionné") nor a relative clause ("the man who was
 *     arrested was freed"): "Byrs [said 90 people had been] pulled out
 *     alive" says the opposite of its sentence;
 *   - a verb group whose complement is dropped (open_verb()): "Haiti's
 *     government declared", "Chan achieved just".
 * The date and its preposition are not counted: strip() takes them.
 */
static bool
leaves_hole(const ClauseParse *p, const bool *keep, size_t tstart, size_t tend)
{
	guint n = p->words->len;
	gint first = -1, last = -1;
	for (guint i = 0; i < n; i++)
		if (keep[i] && !in_date(p, i, tstart, tend)) {
			if (first < 0)
				first = (gint)i;
			last = (gint)i;
		}
	if (first < 0)
		return true;
	for (guint i = (guint)first + 1; i < (guint)last; i++) {
		if (keep[i] || in_date(p, i, tstart, tend))
			continue;
		guint b = i; /* the word after the run: its punctuation closes an incise */
		while (b < (guint)last && !keep[b])
			b++;
		bool incise = (cw(p, i)->punct & (CLAUSE_P_COMMA | CLAUSE_P_DASH | CLAUSE_P_OPEN)) &&
			      (cw(p, b)->punct & (CLAUSE_P_COMMA | CLAUSE_P_DASH | CLAUSE_P_CLOSE | CLAUSE_P_STRONG));
		bool bracket = (cw(p, i)->punct & CLAUSE_P_OPEN) && (cw(p, b)->punct & CLAUSE_P_CLOSE);
		bool relative = cw(p, i)->role == CLAUSE_W_RELATIVE && cl(p, cw(p, i)->clause)->kind == CLAUSE_RELATIVE;
		if (!incise && !bracket && !relative)
			return true;
		i = b;
	}
	for (guint j = (guint)last + 1; j < n; j++) {
		if (in_date(p, j, tstart, tend))
			continue;
		return !keep[j] && ends_open(p, (guint)last, j);
	}
	return false;
}

/* True when headline `h` reads as a clause: a subject that names
 * something, then a finite verb, first; balanced brackets and quotes; at
 * least three words. */
static bool
reads_as_clause(const char *h, FriseLang lang)
{
	gunichar first = g_utf8_get_char(h);
	if (!(g_unichar_isupper(first) || g_unichar_isdigit(first)) || broken_pairs(h))
		return false;
	ClauseParse *p = clause_parse(h, strlen(h), lang);
	bool ok = false;
	for (guint k = 0; k < p->clauses->len && !ok; k++) {
		const Clause *c = cl(p, k);
		if (c->kind != CLAUSE_MAIN || c->verb < 0)
			continue;
		ok = c->subject >= 0 && c->subject < c->verb && c->first == 0 && p->words->len >= 3 &&
		     !lang_has(lang, LANG_VAGUE_PRONOUNS, cw(p, (guint)c->subject)->folded);
		break;
	}
	clause_parse_free(p);
	return ok;
}

/* The sentence without its date, as headline_make() gives it, when it
 * reads as a clause and fits without cutting words; NULL otherwise. */
static char *
sentence_headline(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang, size_t max)
{
	GString *o = strip(sentence, len, tstart, tend, lang);
	if (!fit(o, max, lang) || !reads_as_clause(o->str, lang)) {
		g_string_free(o, TRUE);
		return NULL;
	}
	return g_string_free(o, FALSE);
}

char *
headline_of(const ClauseParse *p, const char *sentence, size_t len, guint clause, size_t tstart, size_t tend,
	    const char *actor, FriseLang lang, size_t max)
{
	if (max == 0)
		max = HEADLINE_MAX;
	guint n = p->words->len;
	if (n == 0 || clause >= p->clauses->len)
		return NULL;
	/* the date's own clause; a frame of saying ("X a indiqué en mars
	 * que Y") is told by what was said: "X : Y", or X doing Y when Y's
	 * subject is X ("il", "he") */
	guint k = clause;
	const Clause *c = cl(p, k);
	if (c->verb < 0)
		return NULL; /* no verb: no news a headline can say */
	char *speaker = NULL;
	if (lang_has(lang, LANG_SPEECH_VERBS, cw(p, (guint)c->main_verb)->lemma) || 0) {
		for (guint j = 0; j < p->clauses->len; j++)
			if (cl(p, j)->parent == (gint)k && cl(p, j)->kind == CLAUSE_REPORTED && reads_as_report(p, j)) {
				if (c->subject >= 0 && cw(p, (guint)c->subject)->role != CLAUSE_W_SUBJECT) {
					/* the speaker's name: the run of names (or the noun) ending at the subject */
					guint s0 = (guint)c->subject;
					while (s0 > 0 && cw(p, s0 - 1)->role == CLAUSE_W_PROPER && cw(p, s0)->punct == 0 &&
					       cw(p, (guint)c->subject)->role == CLAUSE_W_PROPER)
						s0--;
					/* a noun's phrase back to its determiner: "Le régime
					 * libyen", not "libyen" (an adjective the lexicon
					 * also knows as a noun) */
					guint np = s0;
					while (np > c->first && np + 3 > s0 && cw(p, np)->punct == 0 &&
					       (cw(p, np - 1)->role == CLAUSE_W_NOUN || cw(p, np - 1)->role == CLAUSE_W_ADJ) &&
					       cw(p, (guint)c->subject)->role == CLAUSE_W_NOUN)
						np--;
					if (np > c->first && cw(p, np)->punct == 0 && cw(p, np - 1)->role == CLAUSE_W_DET &&
					    !morph_has_pos(&cw(p, np - 1)->morph, MORPH_POS_PREP) &&
					    !lang_has(lang, LANG_COMPLEMENT_DETS, cw(p, np - 1)->folded))
						s0 = np - 1; /* not a complement's "de": "la chaîne | de télévision X" */
					else if (s0 > 0 && cw(p, s0)->punct == 0 && cw(p, s0 - 1)->role == CLAUSE_W_DET &&
						 cw(p, (guint)c->subject)->role == CLAUSE_W_NOUN)
						s0--;
					speaker = g_strndup(sentence + cw(p, s0)->start,
							    cw(p, (guint)c->subject)->end - cw(p, s0)->start);
					if (g_ascii_islower(speaker[0]))
						speaker[0] = g_ascii_toupper(speaker[0]); /* "le ministre" opens the headline */
				} else if (actor != NULL) {
					speaker = g_strdup(actor);
				}
				k = j;
				c = cl(p, k);
				break;
			}
	}
	bool speaker_is_subject = speaker != NULL && c->subject >= 0 && cw(p, (guint)c->subject)->role == CLAUSE_W_SUBJECT &&
				  lang_has(lang, LANG_ANAPHORIC_PRONOUNS, cw(p, (guint)c->subject)->folded);
	if (speaker_is_subject)
		actor = speaker;
	bool *keep = g_new0(bool, n);
	for (guint i = 0; i < n; i++) {
		keep[i] = under(p, cw(p, i)->clause, k, true);
		/* a comparison in the clause is part of what it says ("as many
		 * as 45,000 people"), unless it holds the date */
		const Clause *ci = cl(p, cw(p, i)->clause);
		if (!keep[i] && ci->kind == CLAUSE_COMPARISON && ci->parent == (gint)k && ci->last > ci->first &&
		    !(cw(p, ci->first)->start <= tstart && tstart < cw(p, ci->last - 1)->end))
			keep[i] = true;
		/* a lone participle right after its noun is that noun's
		 * adjective ("les Nations unies", "the United States"), not a
		 * phrase to drop */
		if (!keep[i] && ci->kind == CLAUSE_PARTICIPIAL && ci->parent == (gint)k && ci->last == ci->first + 1 &&
		    ci->first > 0 && (cw(p, ci->first - 1)->role == CLAUSE_W_NOUN ||
				      cw(p, ci->first - 1)->role == CLAUSE_W_PROPER) &&
		    !(cw(p, ci->first)->punct & (CLAUSE_P_COMMA | CLAUSE_P_DASH | CLAUSE_P_STRONG)) &&
		    !(cw(p, ci->first)->start <= tstart && tstart < cw(p, ci->first)->end))
			keep[i] = true;
	}
	/* what opens a reported or subordinate clause ("que", "that") goes */
	if ((c->kind == CLAUSE_REPORTED || c->kind == CLAUSE_SUBORDINATE) && c->first < n &&
	    cw(p, c->first)->role == CLAUSE_W_SUBORDINATOR)
		keep[c->first] = false;
	guint subject = c->subject >= 0 ? (guint)c->subject : (guint)c->verb;
	/* a fronted phrase before the subject ("Dans une interview accordée au
	 * Hollywood Reporter en février, l'acteur…", "Selon Reuters, …"),
	 * with no verb of the clause: it goes, the date with it */
	gint comma = -1;
	for (guint i = c->first; c->subject >= 0 && i <= subject && i < n; i++)
		if (keep[i] && i > c->first && (cw(p, i)->punct & (CLAUSE_P_COMMA | CLAUSE_P_DASH)))
			comma = (gint)i;
	/* only a phrase that opens as an adjunct does: a preposition, an
	 * adverb, a participle ("Le plus jeune fils de Kadhafi, …, ainsi
	 * que…" is the subject itself) */
	guint open_at = c->first;
	while (open_at < n && !keep[open_at])
		open_at++;
	if (comma > 0 && open_at < (guint)comma) {
		ClauseRole r0 = cw(p, open_at)->role;
		/* a number opens an adjunct only as the date itself ("15 h 10,
		 * …"), not as a subject ("Two people, a woman and a man, were…") */
		bool date_number = r0 == CLAUSE_W_NUMBER && cw(p, open_at)->start <= tstart &&
				   tstart < cw(p, (guint)comma)->start;
		if (r0 != CLAUSE_W_PREP && r0 != CLAUSE_W_ADV && r0 != CLAUSE_W_PARTICIPLE && r0 != CLAUSE_W_SUBORDINATOR &&
		    r0 != CLAUSE_W_COORDINATOR && !date_number)
			comma = -1;
	}
	if (comma > 0) {
		bool verb = false;
		for (guint i = c->first; i < (guint)comma; i++)
			verb |= keep[i] && is_verb_role(cw(p, i)->role) && cw(p, i)->clause == k;
		if (!verb)
			for (guint i = c->first; i < (guint)comma; i++)
				keep[i] = false;
	}
	/* an apposition between the subject and the verb, between commas and
	 * with no verb ("Le ministre, un proche du régime, a démissionné") */
	if (c->subject >= 0 && c->verb > c->subject) {
		guint open = 0;
		for (guint i = (guint)c->subject + 1; i < (guint)c->verb; i++) {
			if (!keep[i])
				continue;
			if (cw(p, i)->punct & CLAUSE_P_COMMA) {
				if (open > 0)
					for (guint j = open; j < i; j++)
						keep[j] = false;
				open = i;
			}
		}
		if (open > 0 && (cw(p, (guint)c->verb)->punct & CLAUSE_P_COMMA))
			for (guint j = open; j < (guint)c->verb; j++)
				keep[j] = false;
		/* the subject found is itself the apposition, the noun it stands
		 * for before the comma ("Two people, a woman and a man, were
		 * pulled…"): the apposition goes */
		if (open == 0 && (cw(p, (guint)c->verb)->punct & CLAUSE_P_COMMA)) {
			guint a = (guint)c->subject;
			while (a > c->first && !(cw(p, a)->punct & CLAUSE_P_COMMA))
				a--;
			if (a > c->first && keep[a - 1] &&
			    (cw(p, a - 1)->role == CLAUSE_W_NOUN || cw(p, a - 1)->role == CLAUSE_W_PROPER))
				for (guint j = a; j < (guint)c->verb; j++)
					keep[j] = false;
		}
	}
	/* a date that is what its copula says ("The release date is 7
	 * February", "La réunion était le 3 mars") is the news: it stays */
	bool date_stays = false;
	guint d0 = clause_word_at(p, tstart);
	while (d0 > 0 && d0 < n && tend > tstart && (cw(p, d0 - 1)->role == CLAUSE_W_PREP || cw(p, d0 - 1)->role == CLAUSE_W_DET) &&
	       cw(p, d0)->punct == 0)
		d0--;
	if (d0 > 0 && d0 < n && tend > tstart && keep[d0 - 1] && cw(p, d0)->punct == 0 &&
	    (cw(p, d0 - 1)->role == CLAUSE_W_AUX || cw(p, d0 - 1)->role == CLAUSE_W_FINITE) &&
	    lang_has(lang, LANG_AUXILIARY_LEMMAS, cw(p, d0 - 1)->lemma))
		date_stays = true;
	/* words dropped from inside the clause, or its verb's complement:
	 * the sentence itself, without its date, if it reads as a clause */
	if (leaves_hole(p, keep, tstart, tend)) {
		g_free(keep);
		g_free(speaker);
		return sentence_headline(sentence, len, tstart, tend, lang, max);
	}
	/* the words kept, with the text between adjacent ones as it was */
	GString *r = g_string_new(NULL);
	size_t rstart = len, rend = len;
	gint last = -1;
	bool first_word = true;
	for (guint i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		const ClauseWord *w = cw(p, i);
		if (last >= 0 && (guint)last + 1 == i)
			g_string_append_len(r, sentence + cw(p, (guint)last)->end, (gssize)(w->start - cw(p, (guint)last)->end));
		else if (last >= 0)
			g_string_append_c(r, ' ');
		if (w->start <= tstart && tstart < w->end + 1 && rstart == len)
			rstart = r->len + (tstart > w->start ? tstart - w->start : 0);
		/* "il", "they": the actor named last, when the caller knows it */
		if (first_word && w->role == CLAUSE_W_SUBJECT && actor != NULL && *actor != '\0' &&
		    lang_has(lang, LANG_ANAPHORIC_PRONOUNS, w->folded))
			g_string_append(r, actor);
		else
			g_string_append_len(r, sentence + w->start, (gssize)(w->end - w->start));
		if (w->start < tend && tend <= w->end)
			rend = r->len - (w->end - tend);
		first_word = false;
		last = (gint)i;
	}
	g_free(keep);
	if (speaker != NULL && !speaker_is_subject) {
		/* "Mira Murati : Sora serait disponible…" */
		char *lead = g_strdup_printf("%s%s ", speaker, lang_string(lang, "headline.says"));
		if (rstart != len)
			rstart += strlen(lead);
		if (rend != len)
			rend += strlen(lead);
		g_string_prepend(r, lead);
		g_free(lead);
	}
	g_free(speaker);
	if (rstart == len || rend == len || rend < rstart || date_stays) {
		/* the date is not in what is kept (it went with a fronted phrase) */
		rstart = rend = r->len;
	}
	GString *o = strip(r->str, r->len, rstart, rend, lang);
	g_string_free(r, TRUE);
	bool fits = fit(o, max, lang);
	bool hole = broken_pairs(o->str);
	/* a headline opens with its subject: a verb first ("A souligné le
	 * chef…", "Sont dirigés vers…") is a frame or a fragment */
	gunichar first = g_utf8_get_char(o->str);
	hole |= c->subject < 0 || (c->verb >= 0 && (guint)c->subject > (guint)c->verb) ||
		!(g_unichar_isupper(first) || g_unichar_isdigit(first));
	/* "It was destroyed", "Cela a été…": a subject that names nothing */
	hole |= c->subject >= 0 && lang_has(lang, LANG_VAGUE_PRONOUNS, cw(p, (guint)c->subject)->folded);
	guint words = 0;
	for (const char *q = o->str; *q; q++)
		words += (q == o->str || q[-1] == ' ') && g_unichar_isalpha(g_utf8_get_char(q));
	if (hole || words < 3 || !fits) {
		g_string_free(o, TRUE);
		return NULL;
	}
	return g_string_free(o, FALSE);
}
