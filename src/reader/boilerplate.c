/*
 * boilerplate.c — the reader's boilerplate stage (prefix boiler_; see
 * frise/boilerplate.h and boilerplate_private.h): which lines of an
 * article are not its story, by evidence, and the title. This file has
 * the kinds' names, the spans, the lines, the [boilerplate] patterns, the
 * scan and the title; the look of a line and the rule of each kind are in
 * boilerplate_look.c, the corpus evidence in boilerplate_corpus.c.
 *
 * Units and invariants:
 *   - Offsets are byte offsets into FriseArticle.text, end exclusive. A
 *     line is [ls, le) without its '\n'; its trimmed part is [s, e).
 *   - article->boilerplate stays sorted by start and without overlaps; a
 *     span keeps the reason it was marked with first.
 *   - Every word is data: the lists of src/lang/xx/words.txt named in
 *     lang.h ("the boilerplate stage's evidence"), read for the article's
 *     own language; the [boilerplate] patterns of every language (a French
 *     article may carry an English prompt). The symbols ©, €, |, » are not
 *     words of a language and are written here.
 *   - Nothing here keeps state between articles but the tables built once
 *     under g_once; boiler_scan() may run on several threads at once.
 *
 * How a line is judged (boiler_line_kind, boilerplate_look.c): a line
 * longer than SCAN_MAX bytes is a paragraph and never chrome by its look.
 * A shorter one is read into a BoilerLook (its words by class: stop
 * words, names, dates, numbers, byline, navigation and reader-address
 * words; whether it ends a sentence; how much of it is links), then tried
 * against one rule per kind, in the order of FriseBoilerKind; the first
 * that fits gives the reason. Two rules then look at neighbours (the scan,
 * here): three comment markers a few lines apart make the lines between
 * them a thread, and a teaser heading alone on its line ("Sur le même
 * sujet") makes the short headlines under it teasers.
 */
#include "frise/boilerplate.h"
#include "reader/boilerplate_private.h"
#include "core/lang.h"
#include "core/text.h"

#include <string.h>

/* SCAN_MAX, SHORT_LINE and PROSE_WORDS are in boilerplate_private.h. */
#define THREAD_MARKERS 3  /* comment markers that make a thread */
#define THREAD_GAP 15     /* lines at most between two markers of one thread */
#define TEASER_LIST 15    /* headlines at most under a teaser heading */
#define TITLE_MAX 200     /* bytes: a longer first line is cut to its first sentence */
#define TITLE_CUT 160     /* bytes: ... or, without one, at a word before this */
#define TITLE_LINES 8     /* the title is one of the first lines that are not boilerplate */
#define HEADLINE_WORDS 25 /* a headline has at most this many words */

/* ------------------------------------------------------------------ */
/* Names. */

/* ORDER BOILER-KIND */
static const char *const kind_names[] = {
	"metadata", "pattern", "repeated", "navigation", "link list", "reading time", "copyright",
	"teaser", "teaser list", "comments", "promo", "byline", "links", "credit", "timestamp", "footer",
};
G_STATIC_ASSERT(G_N_ELEMENTS(kind_names) == FRISE_BOILER_KIND_COUNT);

/* ORDER BOILER-KIND: what `frise articles --explain` says */
static const char *const kind_explanations[] = {
	"metadata (front matter or header)",
	"a boilerplate pattern of words.txt",
	"repeated in N of M articles", /* boiler_explain() gives the numbers */
	"navigation or share line",
	"link list",
	"reading-time line",
	"copyright line",
	"teaser or read-more line",
	"teaser under a heading",
	"comment thread",
	"newsletter, subscription or shop blurb",
	"date or byline line",
	"links, handles or tags",
	"photo credit or caption",
	"time stamp of the page",
	"print footer",
};
G_STATIC_ASSERT(G_N_ELEMENTS(kind_explanations) == FRISE_BOILER_KIND_COUNT);

const char *
boiler_kind_name(FriseBoilerKind kind)
{
	return (unsigned)kind < FRISE_BOILER_KIND_COUNT ? kind_names[kind] : "unknown";
}

char *
boiler_explain(const FriseBoiler *b)
{
	if ((unsigned)b->kind >= FRISE_BOILER_KIND_COUNT)
		return g_strdup("unknown");
	if (b->kind == FRISE_BOILER_REPEATED)
		return g_strdup_printf("repeated in %u of %u articles", b->count, b->total);
	return g_strdup(kind_explanations[b->kind]);
}

/* ------------------------------------------------------------------ */
/* Spans. */

static int
cmp_boiler(gconstpointer a, gconstpointer b)
{
	const FriseBoiler *x = a, *y = b;
	return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static void
add_span(GArray *spans, size_t start, size_t end, FriseBoilerKind kind)
{
	if (end <= start)
		return;
	FriseBoiler b = { { start, end }, kind, 0, 0 };
	g_array_append_val(spans, b);
}

/* Sorts the spans and merges overlapping ones into the first. */
void
boiler_normalise_spans(GArray *spans)
{
	g_array_sort(spans, cmp_boiler);
	guint out = 0;
	for (guint i = 0; i < spans->len; i++) {
		FriseBoiler *b = &g_array_index(spans, FriseBoiler, i);
		if (out > 0) {
			FriseBoiler *last = &g_array_index(spans, FriseBoiler, out - 1);
			if (b->span.start < last->span.end) {
				last->span.end = MAX(last->span.end, b->span.end);
				continue;
			}
		}
		g_array_index(spans, FriseBoiler, out++) = *b;
	}
	g_array_set_size(spans, out);
}

/* ------------------------------------------------------------------ */
/* Lines. */

/* The lines of text[from, to), blank ones included. A new GArray of
 * BoilerLine. */
GArray *
boiler_lines_of(const char *t, size_t from, size_t to)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(BoilerLine));
	for (size_t pos = from; pos < to;) {
		const char *nl = memchr(t + pos, '\n', to - pos);
		size_t le = nl != NULL ? (size_t)(nl - t) : to;
		BoilerLine l = { pos, le, pos, le };
		while (l.s < l.e && boiler_is_hspace(g_utf8_get_char(t + l.s)))
			l.s = (size_t)(g_utf8_next_char(t + l.s) - t);
		while (l.e > l.s) {
			const char *p = g_utf8_prev_char(t + l.e);
			if (!boiler_is_hspace(g_utf8_get_char(p)))
				break;
			l.e = (size_t)(p - t);
		}
		g_array_append_val(out, l);
		pos = le + 1;
	}
	return out;
}

/* ------------------------------------------------------------------ */
/* Patterns: the [boilerplate] lists of words.txt. */

/*
 * Boilerplate patterns: lines that are not part of the story (links, share
 * buttons, content-farm prompts), the [boilerplate] lists of every
 * language. Matched at the start of a line, case-insensitively, ’
 * matching ' and a no-break space matching a space.
 *   BP_LINE ("line[:N] PATTERN"): the whole line is boilerplate when it
 *            starts with the pattern followed by a non-letter (or the
 *            line's end), and is at most N bytes long (no N: any length).
 *   BP_CUT ("cut PATTERN"): only the pattern itself is boilerplate, even
 *            when glued to the next word ("Customize this title in
 *            frenchLe générateur…"): the rest of the line is kept.
 */
typedef enum { BP_LINE, BP_CUT } PatternMode;
typedef struct {
	char *pattern; /* lower case */
	PatternMode mode;
	size_t max_len;
} Pattern;

/* Every language's patterns, in language then file order, and for each
 * ASCII byte the indexes (in that order) of those a line that starts
 * with it may match: the patterns whose first byte is it in lower case,
 * and those that start with a non-ASCII character (one may fold to it: ’
 * to '). Built once, never freed (like the data it is read from). */
typedef struct {
	GArray *all;             /* Pattern */
	GArray *by_byte[128];    /* guint: indexes into all */
} Patterns;

static const Patterns *
patterns(void)
{
	static Patterns *all;
	if (g_once_init_enter(&all)) {
		GArray *a = g_array_new(FALSE, FALSE, sizeof(Pattern));
		for (int l = FRISE_LANG_UNKNOWN + 1; l < FRISE_LANG_COUNT; l++) {
			const LangWords *w = lang_list((FriseLang)l, LANG_BOILERPLATE);
			for (guint k = 0; k < w->n; k++) {
				const char *e = w->items[k], *sp = strchr(e, ' ');
				if (sp == NULL)
					continue;
				Pattern b = { g_utf8_strdown(sp + 1, -1), BP_LINE, 0 };
				if (g_str_has_prefix(e, "cut "))
					b.mode = BP_CUT;
				else if (g_str_has_prefix(e, "line:"))
					b.max_len = (size_t)g_ascii_strtoull(e + 5, NULL, 10);
				else if (!g_str_has_prefix(e, "line ")) {
					g_free(b.pattern);
					continue;
				}
				g_array_append_val(a, b);
			}
		}
		Patterns *ps = g_new0(Patterns, 1);
		ps->all = a;
		for (guint c = 0; c < G_N_ELEMENTS(ps->by_byte); c++) {
			ps->by_byte[c] = g_array_new(FALSE, FALSE, sizeof(guint));
			for (guint k = 0; k < a->len; k++) {
				unsigned char p0 = (unsigned char)g_array_index(a, Pattern, k).pattern[0];
				if (p0 >= 0x80 || p0 == g_ascii_tolower((char)c))
					g_array_append_val(ps->by_byte[c], k);
			}
		}
		g_once_init_leave(&all, ps);
	}
	return all;
}

/* A pattern at the start of line l: sets *cut to the end of the
 * boilerplate part (l->le for the whole line) and returns true. */
static bool
match_pattern(const char *t, const BoilerLine *l, size_t *cut)
{
	const Patterns *all = patterns();
	unsigned char c0 = l->s < l->le ? (unsigned char)t[l->s] : 0;
	/* a line that opens with a non-ASCII character tries them all */
	const GArray *cand = c0 < 0x80 ? all->by_byte[c0] : NULL;
	guint n = cand != NULL ? cand->len : all->all->len;
	for (guint i = 0; i < n; i++) {
		guint k = cand != NULL ? g_array_index(cand, guint, i) : i;
		const Pattern *b = &g_array_index(all->all, Pattern, k);
		size_t m = text_match_prefix(t + l->s, l->le - l->s, b->pattern);
		if (m == 0)
			continue;
		if (b->mode == BP_CUT) {
			*cut = l->s + m;
			return true;
		}
		if (b->max_len != 0 && l->le - l->ls > b->max_len)
			continue;
		if (l->s + m < l->le) {
			gunichar next = g_utf8_get_char(t + l->s + m);
			const char *lastp = g_utf8_prev_char(b->pattern + strlen(b->pattern));
			if (g_unichar_isalnum(next) && g_unichar_isalnum(g_utf8_get_char(lastp)))
				continue; /* "Sharepoint" is not "share" */
		}
		*cut = l->le;
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* The scan. */

typedef struct {
	int kind;      /* -1: story */
	bool marked;   /* its span is in the article already */
	bool heading;  /* a teaser heading alone on its line */
	bool headline; /* short, no sentence end: may sit under a heading */
} Judged;

/* Three comment markers or more, each at most THREAD_GAP lines after the
 * one before: the lines from the first to the last are a thread. */
static void
mark_threads(const GArray *lines, Judged *j)
{
	for (guint i = 0; i < lines->len;) {
		if (j[i].kind != FRISE_BOILER_COMMENTS) {
			i++;
			continue;
		}
		guint last = i, markers = 1;
		for (guint k = i + 1; k < lines->len && k - last <= THREAD_GAP; k++)
			if (j[k].kind == FRISE_BOILER_COMMENTS)
				last = k, markers++;
		for (guint k = i; markers >= THREAD_MARKERS && k <= last; k++)
			if (j[k].kind < 0)
				j[k].kind = FRISE_BOILER_COMMENTS;
		i = last + 1;
	}
}

/* The short headlines right under a teaser heading are teasers. */
static void
mark_teaser_lists(const GArray *lines, Judged *j)
{
	for (guint i = 0; i < lines->len; i++) {
		if (!j[i].heading)
			continue;
		guint taken = 0;
		for (guint k = i + 1; k < lines->len && taken < TEASER_LIST; k++) {
			const BoilerLine *l = &g_array_index(lines, BoilerLine, k);
			if (l->s == l->e)
				continue;
			if (j[k].heading || !(j[k].headline || j[k].kind == FRISE_BOILER_TEASER))
				break;
			if (j[k].kind < 0)
				j[k].kind = FRISE_BOILER_TEASER_LIST;
			taken++;
		}
	}
}

void
boiler_scan(FriseArticle *a)
{
	const char *t = a->text;
	GArray *lines = boiler_lines_of(t, a->body.start, a->body.end);
	Judged *j = g_new0(Judged, MAX(lines->len, 1));
	size_t *from = g_new0(size_t, MAX(lines->len, 1)); /* where a line's judged part starts */
	size_t *until = g_new0(size_t, MAX(lines->len, 1)); /* and where its boilerplate ends */
	for (guint i = 0; i < lines->len; i++) {
		const BoilerLine *l = &g_array_index(lines, BoilerLine, i);
		j[i].kind = -1;
		from[i] = l->ls;
		until[i] = l->le;
		if (l->s == l->e)
			continue;
		size_t cut = 0;
		if (match_pattern(t, l, &cut)) {
			add_span(a->boilerplate, l->ls, cut, FRISE_BOILER_PATTERN);
			if (cut >= l->le) {
				/* marked; it may still head a list ("Sur le même sujet") */
				j[i].kind = FRISE_BOILER_PATTERN;
				j[i].marked = true;
				if (l->e - l->s <= SCAN_MAX) {
					BoilerLook k;
					boiler_look_init(&k, t + l->s, l->e - l->s, a->lang);
					j[i].heading = boiler_is_teaser_heading(&k);
					boiler_look_clear(&k);
				}
				continue;
			}
			from[i] = cut;
		}
		size_t s = MAX(l->s, from[i]);
		if (l->e - s > SCAN_MAX || s >= l->e || boiler_plain_prose(t + s, l->e - s, a->lang))
			continue;
		BoilerLook k;
		boiler_look_init(&k, t + s, l->e - s, a->lang);
		size_t upto = SIZE_MAX;
		j[i].kind = boiler_line_kind(&k, &upto);
		if (upto != SIZE_MAX)
			until[i] = s + upto;
		j[i].heading = j[i].kind == FRISE_BOILER_TEASER && boiler_is_teaser_heading(&k);
		j[i].headline = k.len <= SHORT_LINE / 2 && !k.end && k.words >= 2;
		boiler_look_clear(&k);
	}
	mark_threads(lines, j);
	mark_teaser_lists(lines, j);
	for (guint i = 0; i < lines->len; i++)
		if (j[i].kind >= 0 && !j[i].marked) {
			const BoilerLine *l = &g_array_index(lines, BoilerLine, i);
			add_span(a->boilerplate, from[i], until[i] > l->le ? l->le : until[i], (FriseBoilerKind)j[i].kind);
		}
	boiler_normalise_spans(a->boilerplate);
	g_free(until);
	g_free(from);
	g_free(j);
	g_array_unref(lines);
}

/* ------------------------------------------------------------------ */
/* Title. */

/* Words of s[0..len), counted up to `most`. */
static size_t
count_words(const char *s, size_t len, size_t most)
{
	size_t words = 0;
	bool in = false;
	for (const char *p = s; p < s + len && words < most; p = g_utf8_next_char(p)) {
		bool sp = boiler_is_hspace(g_utf8_get_char(p));
		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

/* The title from line s[0..len): whole when short; else its first sentence;
 * else cut at a word with "…". Returns a new string. */
static char *
title_from_line(const char *s, size_t len)
{
	if (len <= TITLE_MAX)
		return g_strndup(s, len);
	for (size_t i = 20; i < TITLE_MAX && i + 1 < len; i++) {
		bool stop = s[i] == '.' || s[i] == '!' || s[i] == '?';
		size_t after = i + 1;
		if (!stop && i + 3 <= len && memcmp(s + i, "…", 3) == 0) {
			stop = true;
			after = i + 3;
		}
		if (stop && after < len && (s[after] == ' ' || (unsigned char)s[after] == 0xC2))
			return g_strndup(s, after);
	}
	size_t cut = TITLE_CUT;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0) {
		cut = TITLE_CUT;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	char *head = g_strndup(s, cut);
	char *r = g_strconcat(g_strchomp(head), "…", NULL);
	g_free(head);
	return r;
}

/* What a candidate line of the title is. */
typedef enum { TL_HEADLINE, TL_OTHER, TL_PROSE } TitleLook;

/* A headline: a few words (2 to HEADLINE_WORDS), mostly letters, at most
 * one sentence end, not a label ending in ':'. A paragraph: PROSE_WORDS
 * words or more, or longer than a title. */
static TitleLook
title_look(const char *s, size_t len)
{
	size_t words = count_words(s, len, PROSE_WORDS + 1);
	if (words >= PROSE_WORDS || len > TITLE_MAX)
		return TL_PROSE;
	BoilerLook k;
	memset(&k, 0, sizeof k);
	k.s = s;
	k.len = len;
	boiler_look_chars(&k);
	const char *last = g_utf8_prev_char(s + len);
	bool headline = words >= 2 && words <= HEADLINE_WORDS && k.letters * 10 >= k.nonspace * 6 &&
			k.inner_ends + (k.end ? 1 : 0) <= 1 && *last != ':';
	return headline ? TL_HEADLINE : TL_OTHER;
}

char *
boiler_title(FriseArticle *a)
{
	const char *t = a->text;
	GArray *lines = boiler_lines_of(t, a->body.start, a->body.end);
	size_t other = SIZE_MAX, single = SIZE_MAX, prose = SIZE_MAX; /* line indices */
	size_t chosen = SIZE_MAX;
	guint seen = 0;
	size_t *from = g_new0(size_t, MAX(lines->len, 1));
	for (guint i = 0; i < lines->len && chosen == SIZE_MAX && prose == SIZE_MAX; i++) {
		const BoilerLine *l = &g_array_index(lines, BoilerLine, i);
		from[i] = l->s;
		/* the part of the line after a boilerplate span that starts it
		 * ("Customize this title in frenchLe vrai titre") */
		const FriseBoiler *b;
		while (from[i] < l->e && (b = article_boilerplate_at(a, from[i])) != NULL)
			from[i] = b->span.end;
		while (from[i] < l->e && boiler_is_hspace(g_utf8_get_char(t + from[i])))
			from[i] = (size_t)(g_utf8_next_char(t + from[i]) - t);
		if (from[i] >= l->e)
			continue;
		size_t len = l->e - from[i];
		if (count_words(t + from[i], MIN(len, 256), 2) < 2) {
			if (single == SIZE_MAX)
				single = i; /* a lone "Tech" is a section name */
			continue;
		}
		switch (title_look(t + from[i], len)) {
		case TL_HEADLINE:
			chosen = i;
			break;
		case TL_OTHER:
			if (other == SIZE_MAX)
				other = i;
			break;
		case TL_PROSE:
			prose = i;
			break;
		}
		if (++seen >= TITLE_LINES)
			break;
	}
	/* a headline; else a line before the first paragraph; else the
	 * paragraph's first sentence; else a lone word */
	if (chosen == SIZE_MAX)
		chosen = other != SIZE_MAX ? other : prose != SIZE_MAX ? prose : single;
	char *title = NULL;
	a->title_line = SIZE_MAX;
	if (chosen != SIZE_MAX) {
		const BoilerLine *l = &g_array_index(lines, BoilerLine, chosen);
		title = title_from_line(t + from[chosen], l->e - from[chosen]);
		a->title_line = l->ls;
	}
	g_free(from);
	g_array_unref(lines);
	return title;
}
