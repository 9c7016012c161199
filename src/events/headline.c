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
	for (guint i = toks->len; i > 0; i--) {
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
		if (*p == ',' && o->len > 0 && o->str[o->len - 1] == ',')
			continue; /* "épousa, le 23 septembre 1933, Georges" */
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

/* True when word [s, e) of `text` can start an adjunct a headline may
 * lose: a preposition or a conjunction. */
static bool
adjunct_start(const char *text, size_t s, size_t e, FriseLang lang)
{
	MorphWord w;
	if (!morph_analyze(lang, text + s, (gssize)(e - s), &w))
		return false;
	return morph_has_pos(&w, MORPH_POS_PREP) || morph_has_pos(&w, MORPH_POS_CONJ);
}

/* Makes `o` at most `max` characters long without "…": at a clause
 * boundary (a dash, ";", ":") at least 40 characters in, else before an
 * adjunct (a comma, a preposition, a conjunction) at least `keep`
 * characters in. False, `o` untouched, when there is no such place. */
static bool
fit(GString *o, size_t max, size_t keep, FriseLang lang)
{
	if ((size_t)g_utf8_strlen(o->str, -1) <= max)
		return true;
	const char *limit = g_utf8_offset_to_pointer(o->str, (glong)max);
	size_t lim = (size_t)(limit - o->str);
	static const char *const clauses[] = { " \xe2\x80\x93 ", " \xe2\x80\x94 ", "; ", " : " };
	size_t best = 0;
	for (size_t j = 0; j < G_N_ELEMENTS(clauses) && best == 0; j++) {
		const char *p = o->str;
		const char *hit;
		while ((hit = strstr(p, clauses[j])) != NULL && (size_t)(hit - o->str) <= lim) {
			if ((size_t)g_utf8_strlen(o->str, hit - o->str) >= 40 && (size_t)(hit - o->str) > best)
				best = (size_t)(hit - o->str);
			p = hit + 1;
		}
	}
	if (best == 0) {
		/* the last comma before the limit (a list or an adjunct ends there) */
		for (size_t b = lim; b > 0 && best == 0; b--)
			if (o->str[b - 1] == ',' && (size_t)g_utf8_strlen(o->str, (gssize)b) >= keep)
				best = b - 1;
	}
	if (best == 0) {
		/* else the last preposition or conjunction */
		for (size_t b = lim; b > 0 && best == 0; b--) {
			if (o->str[b] != ' ' || (size_t)g_utf8_strlen(o->str, (gssize)b) < keep)
				continue;
			size_t we = b + 1;
			while (we < o->len && o->str[we] != ' ' && o->str[we] != ',')
				we++;
			if (adjunct_start(o->str, b + 1, we, lang))
				best = b;
		}
	}
	if (best == 0)
		return false;
	g_string_truncate(o, best);
	while (o->len > 0 && strchr(" ,;:", o->str[o->len - 1]) != NULL)
		g_string_truncate(o, o->len - 1);
	return true;
}

char *
headline_make(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang, size_t max)
{
	if (max == 0)
		max = HEADLINE_MAX;
	GString *o = strip(sentence, len, tstart, tend, lang);
	if (!fit(o, max, max / 2, lang)) {
		/* no adjunct to lose: the words that fit, without "…" */
		const char *lim = g_utf8_offset_to_pointer(o->str, (glong)max);
		size_t b = (size_t)(lim - o->str);
		while (b > 0 && o->str[b] != ' ')
			b--;
		g_string_truncate(o, b > 0 ? b : (size_t)(lim - o->str));
		while (o->len > 0 && strchr(" ,;:", o->str[o->len - 1]) != NULL)
			g_string_truncate(o, o->len - 1);
	}
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
			if (cl(p, j)->parent == (gint)k && cl(p, j)->kind == CLAUSE_REPORTED && cl(p, j)->verb >= 0) {
				if (c->subject >= 0 && cw(p, (guint)c->subject)->role != CLAUSE_W_SUBJECT) {
					/* the speaker's name: the run of names (or the noun) ending at the subject */
					guint s0 = (guint)c->subject;
					while (s0 > 0 && cw(p, s0 - 1)->role == CLAUSE_W_PROPER && cw(p, s0)->punct == 0 &&
					       cw(p, (guint)c->subject)->role == CLAUSE_W_PROPER)
						s0--;
					if (s0 > 0 && cw(p, s0)->punct == 0 && cw(p, s0 - 1)->role == CLAUSE_W_DET &&
					    cw(p, (guint)c->subject)->role == CLAUSE_W_NOUN)
						s0--;
					speaker = g_strndup(sentence + cw(p, s0)->start,
							    cw(p, (guint)c->subject)->end - cw(p, s0)->start);
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
	for (guint i = 0; i < n; i++)
		keep[i] = under(p, cw(p, i)->clause, k, true);
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
		if (r0 != CLAUSE_W_PREP && r0 != CLAUSE_W_ADV && r0 != CLAUSE_W_PARTICIPLE && r0 != CLAUSE_W_SUBORDINATOR &&
		    r0 != CLAUSE_W_COORDINATOR && r0 != CLAUSE_W_NUMBER)
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
	if (rstart == len || rend == len || rend < rstart) {
		/* the date is not in what is kept (it went with a fronted phrase) */
		rstart = rend = r->len;
	}
	GString *o = strip(r->str, r->len, rstart, rend, lang);
	g_string_free(r, TRUE);
	/* unbalanced quotes or brackets, or an empty pair, leave a hole */
	static const char *const pairs[][2] = { { "\xc2\xab", "\xc2\xbb" }, { "(", ")" }, { "\xe2\x80\x9c", "\xe2\x80\x9d" } };
	bool hole = strstr(o->str, "()") != NULL || strstr(o->str, "( )") != NULL;
	hole |= strstr(o->str, "\xc2\xab\xc2\xbb") != NULL || strstr(o->str, "\xc2\xab \xc2\xbb") != NULL ||
		strstr(o->str, "\xc2\xab\xc2\xa0\xc2\xbb") != NULL || strstr(o->str, "\"\"") != NULL ||
		strstr(o->str, "\xe2\x80\x9c\xe2\x80\x9d") != NULL; /* an empty quote */
	guint straight = 0;
	for (const char *q = o->str; *q; q++)
		straight += *q == '"';
	hole |= straight % 2 != 0;
	/* a headline opens with its subject: a verb first ("A souligné le
	 * chef…", "Sont dirigés vers…") is a frame or a fragment */
	gunichar first = g_utf8_get_char(o->str);
	hole |= c->subject < 0 || (c->verb >= 0 && (guint)c->subject > (guint)c->verb) || !g_unichar_isupper(first);
	for (size_t j = 0; j < G_N_ELEMENTS(pairs) && !hole; j++) {
		int depth = 0;
		for (const char *q = o->str; *q; q++) {
			if (strncmp(q, pairs[j][0], strlen(pairs[j][0])) == 0)
				depth++;
			else if (strncmp(q, pairs[j][1], strlen(pairs[j][1])) == 0 && --depth < 0)
				break;
		}
		hole = depth != 0;
	}
	guint words = 0;
	for (const char *q = o->str; *q; q++)
		words += (q == o->str || q[-1] == ' ') && g_unichar_isalpha(g_utf8_get_char(q));
	if (hole || words < 3 || !fit(o, max, max / 2, lang)) {
		g_string_free(o, TRUE);
		return NULL;
	}
	return g_string_free(o, FALSE);
}
