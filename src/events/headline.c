/*
 * headline.c — a headline from a dated sentence (prefix headline_; see
 * headline.h): the date and its preposition dropped, leading filler and a
 * live blog's time stamp dropped, capitalised, cut at a clause or word
 * boundary. Offsets are byte offsets into the sentence, end exclusive.
 */
#include "events/headline.h"
#include "core/lang.h"
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

char *
headline_make(const char *sentence, size_t len, size_t tstart, size_t tend, FriseLang lang,
		 size_t max)
{
	if (max == 0)
		max = 90;
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
		if (!adjacent || cut - t->end > 4 || !lang_has(lang, LANG_TIME_PREPOSITIONS, t->folded))
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
	/* trailing punctuation */
	while (o->len > 0 && strchr(" .!?;:,", o->str[o->len - 1]) != NULL)
		g_string_truncate(o, o->len - 1);
	/* capitalise */
	if (o->len > 0) {
		gunichar c = g_utf8_get_char(o->str);
		const char *n = g_utf8_next_char(o->str);
		char buf[8];
		int bl = g_unichar_to_utf8(g_unichar_toupper(c), buf);
		g_string_erase(o, 0, n - o->str);
		g_string_prepend_len(o, buf, bl);
	}
	/* cut at a clause boundary, else a word boundary */
	if ((size_t)g_utf8_strlen(o->str, -1) > max) {
		const char *limit = g_utf8_offset_to_pointer(o->str, (glong)max);
		size_t lim = (size_t)(limit - o->str);
		static const char *const clauses[] = { " \xe2\x80\x93 ", " \xe2\x80\x94 ", "; ", " : " };
		size_t best = 0;
		for (size_t j = 0; j < G_N_ELEMENTS(clauses); j++) {
			const char *p = o->str;
			const char *hit;
			while ((hit = strstr(p, clauses[j])) != NULL && (size_t)(hit - o->str) <= lim) {
				if ((size_t)g_utf8_strlen(o->str, hit - o->str) >= 40 && (size_t)(hit - o->str) > best)
					best = (size_t)(hit - o->str);
				p = hit + 1;
			}
			if (best > 0)
				break;
		}
		if (best > 0) {
			g_string_truncate(o, best);
		} else {
			const char *lim1 = g_utf8_offset_to_pointer(o->str, (glong)max - 1);
			size_t b = (size_t)(lim1 - o->str);
			while (b > 0 && o->str[b] != ' ')
				b--;
			if (b == 0)
				b = (size_t)(lim1 - o->str);
			g_string_truncate(o, b);
			while (o->len > 0 && strchr(" ,;:", o->str[o->len - 1]) != NULL)
				g_string_truncate(o, o->len - 1);
			g_string_append(o, "\xe2\x80\xa6");
		}
	}
	return g_string_free(o, FALSE);
}

