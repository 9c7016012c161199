/*
 * boilerplate.c — the reader's boilerplate stage (prefix boiler_; see
 * frise/boilerplate.h and boilerplate_private.h): which lines of an
 * article are not its story, by evidence, and the title.
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
 * How a line is judged (line_kind): a line longer than SCAN_MAX bytes is a
 * paragraph and never chrome by its look. A shorter one is read into a
 * Look (its words by class: stop words, names, dates, numbers, byline,
 * navigation and reader-address words; whether it ends a sentence; how
 * much of it is links), then tried against one rule per kind, in the
 * order of FriseBoilerKind; the first that fits gives the reason. Two
 * rules then look at neighbours: three comment markers a few lines apart
 * make the lines between them a thread, and a teaser heading alone on its
 * line ("Sur le même sujet") makes the short headlines under it teasers.
 */
#include "frise/boilerplate.h"
#include "reader/boilerplate_private.h"
#include "core/lang.h"
#include "core/text.h"

#include <string.h>

#define SCAN_MAX 400      /* bytes: a longer line is a paragraph, never chrome by its look */
#define CORPUS_LINE_MAX 1000 /* bytes: a longer line repeated is a copied paragraph, not chrome */
#define SHORT_LINE 250    /* bytes: blurbs, credits and teasers are shorter */
#define NAV_WORDS 8       /* a navigation line has at most this many words */
#define BYLINE_WORDS 20   /* … and a byline or a date line */
#define THREAD_MARKERS 3  /* comment markers that make a thread */
#define THREAD_GAP 15     /* lines at most between two markers of one thread */
#define TEASER_LIST 15    /* headlines at most under a teaser heading */
#define TITLE_MAX 200     /* bytes: a longer first line is cut to its first sentence */
#define TITLE_CUT 160     /* bytes: ... or, without one, at a word before this */
#define TITLE_LINES 8     /* the title is one of the first lines that are not boilerplate */
#define HEADLINE_WORDS 25 /* a headline has at most this many words */
#define PROSE_WORDS 20    /* a line of this many words is a paragraph */
#define PLAIN_WORDS 12    /* a sentence of this many words is read by its look only when it has a symbol */

/* ------------------------------------------------------------------ */
/* Names. */

/* ORDER BOILER-KIND */
static const char *const kind_names[] = {
	"metadata", "pattern", "repeated", "navigation", "link list", "reading time", "copyright",
	"teaser", "teaser list", "comments", "promo", "byline", "links", "credit",
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
static void
normalise_spans(GArray *spans)
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

/* Horizontal white space, including the no-break spaces of French text. */
static bool
is_hspace(gunichar c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0xFEFF ||
	       (c != '\n' && g_unichar_isspace(c));
}

typedef struct {
	size_t ls, le; /* the line, without its '\n' */
	size_t s, e;   /* its trimmed part; s == e for a blank line */
} Line;

/* The lines of text[from, to), blank ones included. A new GArray of Line. */
static GArray *
lines_of(const char *t, size_t from, size_t to)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Line));
	for (size_t pos = from; pos < to;) {
		const char *nl = memchr(t + pos, '\n', to - pos);
		size_t le = nl != NULL ? (size_t)(nl - t) : to;
		Line l = { pos, le, pos, le };
		while (l.s < l.e && is_hspace(g_utf8_get_char(t + l.s)))
			l.s = (size_t)(g_utf8_next_char(t + l.s) - t);
		while (l.e > l.s) {
			const char *p = g_utf8_prev_char(t + l.e);
			if (!is_hspace(g_utf8_get_char(p)))
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

/* Every language's patterns, in language then file order; built once,
 * never freed (like the data it is read from). */
static const GArray *
patterns(void)
{
	static GArray *all;
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
		g_once_init_leave(&all, a);
	}
	return all;
}

/* A pattern at the start of line l: sets *cut to the end of the
 * boilerplate part (l->le for the whole line) and returns true. */
static bool
match_pattern(const char *t, const Line *l, size_t *cut)
{
	const GArray *ps = patterns();
	for (size_t k = 0; k < ps->len; k++) {
		const Pattern *b = &g_array_index(ps, Pattern, k);
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
/* Folded phrases. */

/* Folded, white space collapsed to one space, no space before ':', trimmed:
 * the form the phrase lists are compared in. Returns a new string. */
static char *
norm_fold(const char *s, size_t len)
{
	char *f = text_fold(s, (gssize)len);
	GString *o = g_string_sized_new(strlen(f));
	bool space = false;
	for (const char *p = f; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (is_hspace(c) || c == '\n') {
			space = o->len > 0;
			continue;
		}
		if (space && c != ':')
			g_string_append_c(o, ' ');
		space = false;
		g_string_append_unichar(o, c);
	}
	g_free(f);
	return g_string_free(o, FALSE);
}

static bool
word_byte(const char *p)
{
	return g_unichar_isalnum(g_utf8_get_char(p));
}

/* Where the word that starts at f ends (letters and digits). */
static const char *
word_end(const char *f)
{
	while (*f != '\0' && word_byte(f))
		f = g_utf8_next_char(f);
	return f;
}

/* The entries of one list in norm_fold form, indexed by their first word
 * so that a line is looked up word by word rather than entry by entry. */
typedef struct {
	GHashTable *by_first; /* first word -> GPtrArray of entries */
	GPtrArray *misc;      /* entries that start with no word */
} Phrases;

/* The phrases of a list, per language; built once, never freed. */
static const Phrases *
phrases(FriseLang lang, LangList list)
{
	static Phrases *all; /* [lang * LANG_LIST_COUNT + list] */
	if (g_once_init_enter(&all)) {
		Phrases *a = g_new0(Phrases, FRISE_LANG_COUNT * LANG_LIST_COUNT);
		for (int l = 0; l < FRISE_LANG_COUNT; l++)
			for (int k = 0; k < LANG_LIST_COUNT; k++) {
				const LangWords *w = lang_list((FriseLang)l, (LangList)k);
				Phrases *p = &a[l * LANG_LIST_COUNT + k];
				p->by_first = g_hash_table_new(g_str_hash, g_str_equal);
				p->misc = g_ptr_array_new();
				for (guint i = 0; i < w->n; i++) {
					char *e = norm_fold(w->items[i], -1);
					if (*e == '\0' || !word_byte(e)) {
						g_ptr_array_add(p->misc, e);
						continue;
					}
					char *first = g_strndup(e, (gsize)(word_end(e) - e));
					GPtrArray *bucket = g_hash_table_lookup(p->by_first, first);
					if (bucket == NULL) {
						bucket = g_ptr_array_new();
						g_hash_table_insert(p->by_first, first, bucket);
					} else {
						g_free(first);
					}
					g_ptr_array_add(bucket, e);
				}
			}
		g_once_init_leave(&all, a);
	}
	if ((unsigned)lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_UNKNOWN;
	return &all[lang * LANG_LIST_COUNT + list];
}

/* True when `entry` occurs in the folded line `f` at `at`, not inside a
 * word. */
static bool
phrase_here(const char *f, size_t at, const char *entry, size_t n)
{
	if (strncmp(f + at, entry, n) != 0)
		return false;
	if (at > 0 && word_byte(entry) && word_byte(g_utf8_prev_char(f + at)))
		return false;
	if (f[at + n] != '\0' && n > 0 && word_byte(g_utf8_prev_char(entry + n)) && word_byte(f + at + n))
		return false;
	return true;
}

/* The entries whose first word is the word at w (up to we), or NULL. */
static const GPtrArray *
bucket_of(const Phrases *ps, const char *w, const char *we)
{
	char buf[64];
	size_t n = (size_t)(we - w);
	if (n == 0 || n >= sizeof buf)
		return NULL;
	memcpy(buf, w, n);
	buf[n] = '\0';
	return g_hash_table_lookup(ps->by_first, buf);
}

/* Calls fn on each place of the folded line `f` where an entry of `list`
 * occurs, in order, until it returns true; returns whether one did. */
typedef bool (*PhraseFunc)(const char *f, size_t at, const char *entry, void *data);

static bool
each_phrase(const char *f, FriseLang lang, LangList list, PhraseFunc fn, void *data)
{
	const Phrases *ps = phrases(lang, list);
	for (guint i = 0; i < ps->misc->len; i++) {
		const char *e = ps->misc->pdata[i];
		size_t n = strlen(e);
		for (const char *at = strstr(f, e); at != NULL; at = strstr(at + 1, e))
			if (phrase_here(f, (size_t)(at - f), e, n) && fn(f, (size_t)(at - f), e, data))
				return true;
	}
	for (const char *p = f; *p != '\0';) {
		if (!word_byte(p)) {
			p = g_utf8_next_char(p);
			continue;
		}
		const char *we = word_end(p);
		const GPtrArray *b = bucket_of(ps, p, we);
		for (guint i = 0; b != NULL && i < b->len; i++) {
			const char *e = b->pdata[i];
			if (phrase_here(f, (size_t)(p - f), e, strlen(e)) && fn(f, (size_t)(p - f), e, data))
				return true;
		}
		p = we;
	}
	return false;
}

/* The first entry of `list` that starts the folded line `f`, or NULL. */
static const char *
starts_with_phrase(const char *f, FriseLang lang, LangList list)
{
	const Phrases *ps = phrases(lang, list);
	for (guint i = 0; i < ps->misc->len; i++) {
		const char *e = ps->misc->pdata[i];
		if (phrase_here(f, 0, e, strlen(e)))
			return e;
	}
	const GPtrArray *b = word_byte(f) ? bucket_of(ps, f, word_end(f)) : NULL;
	for (guint i = 0; b != NULL && i < b->len; i++) {
		const char *e = b->pdata[i];
		if (phrase_here(f, 0, e, strlen(e)))
			return e;
	}
	return NULL;
}

/* True when the word `folded` opens an entry of `list`. */
static bool
opens_phrase(const char *folded, FriseLang lang, LangList list)
{
	const Phrases *ps = phrases(lang, list);
	return ps->misc->len > 0 || g_hash_table_contains(ps->by_first, folded);
}

static bool
collect_entry(const char *f, size_t at, const char *entry, void *data)
{
	(void)f;
	(void)at;
	GPtrArray *seen = data;
	for (guint i = 0; i < seen->len; i++)
		if (seen->pdata[i] == entry)
			return false;
	g_ptr_array_add(seen, (gpointer)entry);
	return false;
}

/* How many entries of `list` occur in the folded line `f`. */
static guint
count_phrases(const char *f, FriseLang lang, LangList list)
{
	GPtrArray *seen = g_ptr_array_new();
	each_phrase(f, lang, list, collect_entry, seen);
	guint n = seen->len;
	g_ptr_array_unref(seen);
	return n;
}

/* An entry with more of the line after it: its place in *(size_t *)data. */
static bool
more_after(const char *f, size_t at, const char *entry, void *data)
{
	const char *rest = f + at + strlen(entry);
	while (*rest == ' ' || *rest == ':')
		rest++;
	if (*rest == '\0')
		return false;
	*(size_t *)data = at;
	return true;
}

/* Where the first entry of `list` with more of the line after it occurs
 * in the folded line `f` ("Crédits photo : AFP", not "… cette photo :"),
 * or SIZE_MAX. */
static size_t
phrase_then_more(const char *f, FriseLang lang, LangList list)
{
	size_t at = SIZE_MAX;
	each_phrase(f, lang, list, more_after, &at);
	return at;
}

/* Month and weekday names of a language, folded; built once. */
static bool
is_date_word(FriseLang lang, const char *folded)
{
	static GHashTable **sets;
	if (g_once_init_enter(&sets)) {
		GHashTable **s = g_new0(GHashTable *, FRISE_LANG_COUNT);
		static const LangList lists[] = { LANG_MONTHS, LANG_MONTHS_ABBR, LANG_WEEKDAYS };
		for (int l = 0; l < FRISE_LANG_COUNT; l++) {
			s[l] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* "May" is twice */
			for (size_t k = 0; k < G_N_ELEMENTS(lists); k++) {
				const LangWords *w = lang_list((FriseLang)l, lists[k]);
				for (guint i = 0; i < w->n; i++)
					g_hash_table_add(s[l], text_fold(w->items[i], -1));
			}
		}
		g_once_init_leave(&sets, s);
	}
	if ((unsigned)lang >= FRISE_LANG_COUNT)
		lang = FRISE_LANG_UNKNOWN;
	return g_hash_table_contains(sets[lang], folded);
}

/* ------------------------------------------------------------------ */
/* The look of a line. */

typedef struct {
	const char *s;   /* the trimmed line */
	size_t len;
	FriseLang lang;
	char *fold;      /* norm_fold() of it */
	GArray *toks;    /* TextToken of it */
	guint words;     /* tokens with a letter */
	guint stops;     /* stop words and words of one or two letters */
	guint names;     /* capitalised words (in a line not all in capitals) */
	guint dates;     /* month and weekday names */
	guint numbers;   /* tokens with a digit */
	guint bylines;   /* [byline-words] */
	guint nav;       /* [navigation-words] */
	guint other;     /* words of none of the classes above */
	guint lower;     /* words after the first that start with a small letter */
	guint reader;    /* [reader-address] words, quotes aside */
	guint inner_ends; /* sentence ends followed by more of the line */
	bool end;        /* the line ends with . ! ? or … (closing quotes aside) */
	bool caps;       /* it has letters and all are capitals */
	size_t letters, nonspace;
	guint links;      /* URLs, @handles and #tags */
	guint link_words; /* tokens inside them */
	FriseSpan link_at[16]; /* the first ones, in the line */
	FriseSpan quote_at[8]; /* the first quotations, « … », “ … ” or " … " */
	guint quotes;
	guint separators; /* | • · between parts */
	bool price;      /* a number next to € $ or £ */
} Look;

static bool
is_terminal(gunichar c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static bool
is_closing(gunichar c)
{
	return c == 0xBB || c == 0x201D || c == '"' || c == ')' || c == 0x2019 || c == '\'' || c == ']' ||
	       c == 0x203A;
}

static bool
is_currency(gunichar c)
{
	return c == 0x20AC || c == '$' || c == 0xA3;
}

/* Characters of the line: letters, capitals, links, separators, price,
 * where sentences end. */
static void
look_chars(Look *k)
{
	const char *s = k->s, *end = s + k->len;
	size_t upper = 0;
	gunichar prev = 0;
	const char *link_end = NULL;
	size_t quote_from = SIZE_MAX; /* where the open quotation starts */
	for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		/* quotations: what someone says, not the site */
		bool opens = c == 0xAB || c == 0x201C || (c == '"' && quote_from == SIZE_MAX);
		bool closes = quote_from != SIZE_MAX && (c == 0xBB || c == 0x201D || c == '"');
		if (closes) {
			if (k->quotes < G_N_ELEMENTS(k->quote_at))
				k->quote_at[k->quotes++] = (FriseSpan){ quote_from, (size_t)(p - s) };
			quote_from = SIZE_MAX;
		} else if (opens && quote_from == SIZE_MAX) {
			quote_from = (size_t)(p - s);
		}
		if (is_hspace(c)) {
			prev = c;
			continue;
		}
		k->nonspace++;
		/* a URL, a @handle or a #tag runs to the next space */
		if (link_end == NULL || p >= link_end) {
			bool starts = g_str_has_prefix(p, "http://") || g_str_has_prefix(p, "https://") ||
				      g_str_has_prefix(p, "www.") ||
				      ((c == '@' || c == '#') && p + 1 < end && g_unichar_isalnum(g_utf8_get_char(p + 1)) &&
				       (p == s || is_hspace(prev) || prev == '(' || prev == ':'));
			if (starts) {
				link_end = p;
				while (link_end < end && !is_hspace(g_utf8_get_char(link_end)))
					link_end = g_utf8_next_char(link_end);
				if (k->links < G_N_ELEMENTS(k->link_at))
					k->link_at[k->links] = (FriseSpan){ (size_t)(p - s), (size_t)(link_end - s) };
				k->links++;
			}
		}
		if (g_unichar_isalpha(c)) {
			k->letters++;
			upper += g_unichar_isupper(c);
		}
		if ((c == '|' || c == 0x2022 || c == 0xB7) && p > s)
			k->separators++;
		if (is_currency(c)) {
			const char *n = g_utf8_next_char(p);
			bool digit_after = n < end && g_ascii_isdigit(*n);
			const char *q = p;
			while (q > s && is_hspace(g_utf8_get_char(g_utf8_prev_char(q))))
				q = g_utf8_prev_char(q);
			bool digit_before = q > s && g_ascii_isdigit(*g_utf8_prev_char(q));
			k->price |= digit_after || digit_before;
		}
		/* ". X": a sentence ends inside the line */
		if (is_terminal(c)) {
			const char *q = g_utf8_next_char(p);
			while (q < end && (is_terminal(g_utf8_get_char(q)) || is_closing(g_utf8_get_char(q))))
				q = g_utf8_next_char(q);
			if (q < end && is_hspace(g_utf8_get_char(q))) {
				while (q < end && is_hspace(g_utf8_get_char(q)))
					q = g_utf8_next_char(q);
				if (q < end && g_unichar_isupper(g_utf8_get_char(q)))
					k->inner_ends++;
			}
		}
		prev = c;
	}
	if (quote_from != SIZE_MAX && k->quotes < G_N_ELEMENTS(k->quote_at))
		k->quote_at[k->quotes++] = (FriseSpan){ quote_from, k->len }; /* runs to the line's end */
	k->caps = k->letters > 0 && upper == k->letters;
	/* the last character, closing quotes and brackets aside */
	const char *p = end;
	while (p > s) {
		p = g_utf8_prev_char(p);
		gunichar c = g_utf8_get_char(p);
		if (is_closing(c) || is_hspace(c))
			continue;
		k->end = is_terminal(c);
		break;
	}
}

/* The words of the line by class. */
static void
look_words(Look *k)
{
	FriseLang lang = k->lang;
	for (guint i = 0; i < k->toks->len; i++) {
		const TextToken *t = &g_array_index(k->toks, TextToken, i);
		const char *w = t->folded;
		bool in_link = false;
		for (guint l = 0; l < MIN(k->links, G_N_ELEMENTS(k->link_at)); l++)
			in_link |= t->start >= k->link_at[l].start && t->start < k->link_at[l].end;
		if (in_link) {
			k->link_words++;
			continue;
		}
		bool letter = false, digit = false;
		for (const char *p = w; *p != '\0'; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);
			letter |= g_unichar_isalpha(c);
			digit |= g_unichar_isdigit(c);
		}
		if (digit) {
			k->numbers++;
			continue;
		}
		if (!letter)
			continue;
		k->words++;
		if (i > 0 && g_unichar_islower(g_utf8_get_char(k->s + t->start)))
			k->lower++;
		if (lang_has(lang, LANG_NAVIGATION_WORDS, w))
			k->nav++;
		bool quoted = false;
		for (guint q = 0; q < k->quotes; q++)
			quoted |= t->start > k->quote_at[q].start && t->start < k->quote_at[q].end;
		if (!quoted && lang_has(lang, LANG_READER_ADDRESS, w))
			k->reader++;
		if (is_date_word(lang, w))
			k->dates++;
		else if (g_utf8_strlen(w, -1) <= 2 || lang_has(lang, LANG_STOP, w))
			k->stops++;
		else if (lang_has(lang, LANG_BYLINE_WORDS, w))
			k->bylines++;
		else if (!k->caps && g_unichar_isupper(g_utf8_get_char(k->s + t->start)))
			k->names++;
		else
			k->other++;
	}
}

static void
look_init(Look *k, const char *s, size_t len, FriseLang lang)
{
	memset(k, 0, sizeof *k);
	k->s = s;
	k->len = len;
	k->lang = lang;
	k->fold = norm_fold(s, len);
	k->toks = text_tokens(s, len);
	look_chars(k);
	look_words(k);
}

static void
look_clear(Look *k)
{
	g_free(k->fold);
	g_array_unref(k->toks);
}

/* A sentence of running text: it ends like one, has a few words and a
 * fair share of stop words ("Ce message s'affichera sur l'autre
 * appareil.") or of words in small letters ("It was unclear how much
 * protection current vaccines might offer.": English lists few stop
 * words), or is long enough to be a paragraph. */
static bool
is_prose(const Look *k)
{
	if (k->words >= PROSE_WORDS)
		return true;
	return k->end && k->words >= 5 && (k->stops * 4 >= k->words || k->lower * 5 >= (k->words - 1) * 3);
}

/* ------------------------------------------------------------------ */
/* Line evidence: one rule per kind. */

/* How many words (text_tokens) the phrase `entry` has. */
static guint
tokens_in(const char *entry)
{
	GArray *toks = text_tokens(entry, strlen(entry));
	guint n = toks->len;
	g_array_unref(toks);
	return n;
}

/* True when tokens [from, end) of the line are names, dates, numbers,
 * stop and byline words only ("Nom le 3 avril 2005 à 10h12"). */
static bool
rest_is_byline(const Look *k, guint from)
{
	for (guint i = from; i < k->toks->len; i++) {
		const TextToken *t = &g_array_index(k->toks, TextToken, i);
		const char *w = t->folded;
		if (g_ascii_isdigit(w[0]) || is_date_word(k->lang, w) || g_utf8_strlen(w, -1) <= 2 ||
		    lang_has(k->lang, LANG_STOP, w) || lang_has(k->lang, LANG_BYLINE_WORDS, w) ||
		    g_unichar_isupper(g_utf8_get_char(k->s + t->start)))
			continue;
		return false;
	}
	return true;
}

/* "Temps de lecture : 2 min", "5 min read": a number, a reading word and
 * a unit on a short line that is not a sentence. */
static bool
is_reading_time(const Look *k)
{
	if (k->numbers == 0 || k->words > 10 || is_prose(k) ||
	    count_phrases(k->fold, k->lang, LANG_READING_TIME_WORDS) == 0)
		return false;
	for (guint i = 0; i < k->toks->len; i++)
		if (lang_has(k->lang, LANG_READING_TIME_UNITS, g_array_index(k->toks, TextToken, i).folded))
			return true;
	return false;
}

/* "© 2020 …" on a short line; "Tous droits réservés" on one that is not a
 * sentence. */
static bool
is_copyright(const Look *k)
{
	if (k->len > SHORT_LINE)
		return false;
	if (g_strstr_len(k->s, (gssize)k->len, "\xC2\xA9") != NULL)
		return true;
	return !is_prose(k) && count_phrases(k->fold, k->lang, LANG_COPYRIGHT_WORDS) > 0;
}

/* A comment's marker: "Répondre", "Signaler un abus", "Posted by Name on
 * 3 April 2005 10:08 AM.": a [comment-words] phrase opens the line and
 * what follows is a byline or a few words. */
static bool
is_comment_marker(const Look *k)
{
	const char *e = starts_with_phrase(k->fold, k->lang, LANG_COMMENT_WORDS);
	if (e == NULL || k->len > SHORT_LINE)
		return false;
	guint after = MIN(tokens_in(e), k->toks->len);
	return k->toks->len - after <= 2 || rest_is_byline(k, after);
}

/* A glyph that opens a link to another page: » › → ▶ ► ➜ ➤ ⇒ > (not a
 * guillemet that closes a quote: a capital follows). */
static bool
starts_with_arrow(const Look *k)
{
	const char *s = k->s, *end = s + k->len;
	gunichar c = g_utf8_get_char(s);
	const char *p = g_utf8_next_char(s);
	if (c == '-' && g_str_has_prefix(s, "-->"))
		p = s + 3;
	else if (c == '=' && g_str_has_prefix(s, "=>"))
		p = s + 2;
	else if (!(c == 0xBB || c == 0x203A || c == 0x2192 || c == 0x25B6 || c == 0x25BA || c == 0x279C ||
		   c == 0x27A4 || c == 0x21D2 || c == '>'))
		return false;
	while (p < end && (is_hspace(g_utf8_get_char(p)) || g_utf8_get_char(p) == '>'))
		p = g_utf8_next_char(p);
	if (p >= end)
		return false;
	gunichar d = g_utf8_get_char(p);
	return g_unichar_isupper(d) || g_unichar_isdigit(d) || d == 0xAB || d == '"' || d == 0x201C;
}

/* Where the prose after the phrase `entry` that opens the line starts
 * ("Continue reading... The airbus makes its maiden flight."), or 0 when
 * what follows is no sentence ("Lire aussi : Kadhafi menace"). */
static size_t
prose_after(const Look *k, const char *entry)
{
	guint n = tokens_in(entry);
	if (n == 0 || n >= k->toks->len)
		return 0;
	size_t at = g_array_index(k->toks, TextToken, n - 1).end;
	while (at < k->len) {
		gunichar c = g_utf8_get_char(k->s + at);
		if (g_unichar_isalnum(c) || c == 0xAB || c == '"' || c == 0x201C)
			break;
		at = (size_t)(g_utf8_next_char(k->s + at) - k->s);
	}
	if (at >= k->len)
		return 0;
	Look rest;
	look_init(&rest, k->s + at, k->len - at, k->lang);
	bool prose = is_prose(&rest);
	look_clear(&rest);
	return prose ? at : 0;
}

/* "À lire aussi : …", "Read more", "» Another headline". A sentence glued
 * after the opener stays the story's: *upto is then where it starts. */
static bool
is_teaser(const Look *k, size_t *upto)
{
	if (k->len > SHORT_LINE)
		return false;
	const char *e = starts_with_phrase(k->fold, k->lang, LANG_TEASER_OPENERS);
	if (e != NULL) {
		size_t at = prose_after(k, e);
		if (at > 0)
			*upto = at;
		return true;
	}
	return starts_with_arrow(k) && !k->end;
}

/* A teaser heading alone on its line: "Sur le même sujet", "Most read". */
static bool
is_teaser_heading(const Look *k)
{
	const char *e = starts_with_phrase(k->fold, k->lang, LANG_TEASER_OPENERS);
	if (e == NULL)
		return false;
	const char *rest = k->fold + strlen(e);
	while (*rest == ' ' || *rest == ':')
		rest++;
	return *rest == '\0';
}

/* "Abonnez-vous à notre newsletter", "Web + tablette + mobile à partir de
 * 1€": a [promo-words] phrase with a word to the reader, a price or a
 * second such phrase, or a price with a [promo-price-words] phrase, on a
 * line that is no sentence; a sentence is one only with a [promo-words]
 * phrase, a word to the reader and a price or a second phrase. */
static bool
is_promo(const Look *k)
{
	if (k->len > SHORT_LINE || k->words > 30)
		return false;
	guint n = count_phrases(k->fold, k->lang, LANG_PROMO_WORDS);
	if (is_prose(k))
		return n > 0 && k->reader > 0 && (k->price || n >= 2);
	if (n > 0 && (k->reader > 0 || k->price || n >= 2))
		return true;
	return k->price && count_phrases(k->fold, k->lang, LANG_PROMO_PRICE_WORDS) > 0;
}

/* "Crédits photo : AFP", "Photograph: Reuters" on a line that is no
 * sentence: a short one, or a caption with the credit in its second half
 * (a credit glued before the story's next sentence leaves it the story's);
 * or a caption all in brackets. */
static bool
is_credit(const Look *k)
{
	if (k->len > SHORT_LINE || is_prose(k))
		return false;
	/* a line all in brackets: "(Raid aérien d'un F16, le 27 mars, Reuters)" */
	if (k->s[0] == '(' && k->s[k->len - 1] == ')' && k->len <= SHORT_LINE * 4 / 5)
		return true;
	size_t at = phrase_then_more(k->fold, k->lang, LANG_CREDIT_WORDS);
	return at != SIZE_MAX && (k->len <= SHORT_LINE / 2 || at >= strlen(k->fold) / 2);
}

/* "Monde | Politique | Économie | Culture": three parts or more, each of a
 * few words. */
static bool
is_link_list(const Look *k)
{
	return k->separators >= 2 && k->words + k->numbers <= (k->separators + 1) * 4 && !is_prose(k);
}

/* Mostly URLs, @handles and #tags: at most two words beside each
 * ("@handle: #tag #tag http://… 9 hours ago"); a tweet quoted for what it
 * says has more. */
static bool
is_links(const Look *k)
{
	return k->links > 0 && k->words <= 2 * k->links;
}

/* "Envoyer par email", "Plan du site", "Jump to navigation", "Imprimer": a
 * few words and no sentence end, two of them [navigation-words] (or the
 * only one that is no stop word), and those two thirds of the words that
 * are not stop words. */
static bool
is_navigation(const Look *k)
{
	if (k->words == 0 || k->words > NAV_WORDS || k->numbers > 1 || k->end)
		return false;
	guint content = k->words - MIN(k->stops, k->words);
	return (k->nav >= 2 || (k->nav == 1 && content <= 1)) && k->nav * 3 >= content * 2;
}

/* "— 10 novembre 2020 —", "Par Jean Dupont", "Publié le 3 mars 2011 à
 * 19h25 - Mis à jour …": only names, dates, numbers, stop and byline
 * words, and a [dateline-cues] phrase, or no sentence end and either a
 * date without a name ("It was December 2001." is a sentence) or a
 * [byline-openers] phrase first. */
static bool
is_byline(const Look *k)
{
	if (k->other > 0 || k->words + k->numbers == 0 || k->words > BYLINE_WORDS || k->caps)
		return false;
	if (count_phrases(k->fold, k->lang, LANG_DATELINE_CUES) > 0)
		return true;
	if (k->end)
		return false;
	if (k->names == 0 && k->dates > 0 && k->stops * 2 <= k->words)
		return true;
	return starts_with_phrase(k->fold, k->lang, LANG_BYLINE_OPENERS) != NULL;
}

/* A sentence of running text that no rule of line_kind() could mark,
 * told without reading its words (most lines of an article are): at
 * least PLAIN_WORDS words, a sentence end, none of the symbols the rules
 * look for (© € $ £ • | @ # or a URL), no arrow nor bracket first, and no
 * teaser, comment or byline opener at its start. */
static bool
plain_prose(const char *s, size_t len, FriseLang lang)
{
	size_t words = 0;
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '@' || c == '#' || c == '|' || c == '$' || c == '(' ||
		    (c == 0xC2 && i + 1 < len && ((unsigned char)s[i + 1] == 0xA9 || (unsigned char)s[i + 1] == 0xA3)) ||
		    (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x82 && (unsigned char)s[i + 2] == 0xAC) ||
		    (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xA2) ||
		    ((c == 'h' || c == 'w') && (g_str_has_prefix(s + i, "http") || g_str_has_prefix(s + i, "www."))))
			return false;
		bool space = c == ' ' || c == '\t';
		words += !space && !in;
		in = !space;
	}
	if (words < PLAIN_WORDS)
		return false;
	const char *p = s + len;
	gunichar last = 0;
	while (p > s) {
		p = g_utf8_prev_char(p);
		last = g_utf8_get_char(p);
		if (!is_closing(last) && !is_hspace(last))
			break;
	}
	if (!is_terminal(last))
		return false;
	gunichar c0 = g_utf8_get_char(s);
	if (!g_unichar_isalnum(c0) && c0 != 0xAB && c0 != '"' && c0 != 0x201C && c0 != '\'')
		return false;
	/* an opener: its first word first, then the first bytes folded */
	const char *w = s;
	while (w < s + len && word_byte(w))
		w = g_utf8_next_char(w);
	char *first = text_fold(s, w - s);
	static const LangList openers[] = { LANG_TEASER_OPENERS, LANG_COMMENT_WORDS, LANG_BYLINE_OPENERS };
	bool maybe = false;
	for (size_t i = 0; i < G_N_ELEMENTS(openers); i++)
		maybe |= opens_phrase(first, lang, openers[i]);
	g_free(first);
	if (!maybe)
		return true;
	size_t n = MIN(len, (size_t)64);
	while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	char *head = norm_fold(s, n);
	bool opener = false;
	for (size_t i = 0; i < G_N_ELEMENTS(openers); i++)
		opener |= starts_with_phrase(head, lang, openers[i]) != NULL;
	g_free(head);
	return !opener;
}

/* The kind a line is by its look, or -1; *upto is left alone when the
 * whole line is that kind, else set to where the story starts again.
 * ORDER BOILER-KIND (the rules are tried about in the order of the kinds). */
static int
line_kind(const Look *k, size_t *upto)
{
	if (is_link_list(k))
		return FRISE_BOILER_LINK_LIST;
	if (is_reading_time(k))
		return FRISE_BOILER_READING_TIME;
	if (is_copyright(k))
		return FRISE_BOILER_COPYRIGHT;
	if (is_teaser(k, upto))
		return FRISE_BOILER_TEASER;
	if (is_comment_marker(k))
		return FRISE_BOILER_COMMENTS;
	if (is_promo(k))
		return FRISE_BOILER_PROMO;
	if (is_byline(k))
		return FRISE_BOILER_BYLINE;
	if (is_links(k))
		return FRISE_BOILER_LINKS;
	if (is_credit(k))
		return FRISE_BOILER_CREDIT;
	if (is_navigation(k))
		return FRISE_BOILER_NAVIGATION;
	return -1;
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
			const Line *l = &g_array_index(lines, Line, k);
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
	GArray *lines = lines_of(t, a->body.start, a->body.end);
	Judged *j = g_new0(Judged, MAX(lines->len, 1));
	size_t *from = g_new0(size_t, MAX(lines->len, 1)); /* where a line's judged part starts */
	size_t *until = g_new0(size_t, MAX(lines->len, 1)); /* and where its boilerplate ends */
	for (guint i = 0; i < lines->len; i++) {
		const Line *l = &g_array_index(lines, Line, i);
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
					Look k;
					look_init(&k, t + l->s, l->e - l->s, a->lang);
					j[i].heading = is_teaser_heading(&k);
					look_clear(&k);
				}
				continue;
			}
			from[i] = cut;
		}
		size_t s = MAX(l->s, from[i]);
		if (l->e - s > SCAN_MAX || s >= l->e || plain_prose(t + s, l->e - s, a->lang))
			continue;
		Look k;
		look_init(&k, t + s, l->e - s, a->lang);
		size_t upto = SIZE_MAX;
		j[i].kind = line_kind(&k, &upto);
		if (upto != SIZE_MAX)
			until[i] = s + upto;
		j[i].heading = j[i].kind == FRISE_BOILER_TEASER && is_teaser_heading(&k);
		j[i].headline = k.len <= SHORT_LINE / 2 && !k.end && k.words >= 2;
		look_clear(&k);
	}
	mark_threads(lines, j);
	mark_teaser_lists(lines, j);
	for (guint i = 0; i < lines->len; i++)
		if (j[i].kind >= 0 && !j[i].marked) {
			const Line *l = &g_array_index(lines, Line, i);
			add_span(a->boilerplate, from[i], until[i] > l->le ? l->le : until[i], (FriseBoilerKind)j[i].kind);
		}
	normalise_spans(a->boilerplate);
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
		bool sp = is_hspace(g_utf8_get_char(p));
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
	Look k;
	memset(&k, 0, sizeof k);
	k.s = s;
	k.len = len;
	look_chars(&k);
	const char *last = g_utf8_prev_char(s + len);
	bool headline = words >= 2 && words <= HEADLINE_WORDS && k.letters * 10 >= k.nonspace * 6 &&
			k.inner_ends + (k.end ? 1 : 0) <= 1 && *last != ':';
	return headline ? TL_HEADLINE : TL_OTHER;
}

char *
boiler_title(FriseArticle *a)
{
	const char *t = a->text;
	GArray *lines = lines_of(t, a->body.start, a->body.end);
	size_t other = SIZE_MAX, single = SIZE_MAX, prose = SIZE_MAX; /* line indices */
	size_t chosen = SIZE_MAX;
	guint seen = 0;
	size_t *from = g_new0(size_t, MAX(lines->len, 1));
	for (guint i = 0; i < lines->len && chosen == SIZE_MAX && prose == SIZE_MAX; i++) {
		const Line *l = &g_array_index(lines, Line, i);
		from[i] = l->s;
		/* the part of the line after a boilerplate span that starts it
		 * ("Customize this title in frenchLe vrai titre") */
		const FriseBoiler *b;
		while (from[i] < l->e && (b = article_boilerplate_at(a, from[i])) != NULL)
			from[i] = b->span.end;
		while (from[i] < l->e && is_hspace(g_utf8_get_char(t + from[i])))
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
		const Line *l = &g_array_index(lines, Line, chosen);
		title = title_from_line(t + from[chosen], l->e - from[chosen]);
		a->title_line = l->ls;
	}
	g_free(from);
	g_array_unref(lines);
	return title;
}

/* ------------------------------------------------------------------ */
/* Corpus evidence. */

/* FNV-1a over the normalised line: folded characters (accents dropped,
 * lower case, ’ as '), a run of digits as one '0', a run of white space
 * as one ' ', no white space at either end. */
static guint64
line_hash(const char *s, size_t len)
{
	guint64 h = 14695981039346656037ULL;
	const char *end = s + len;
	bool space = false, digit = false;
#define MIX(byte) (h = (h ^ (guint8)(byte)) * 1099511628211ULL)
	for (const char *p = s; p < end;) {
		unsigned char b = (unsigned char)*p;
		gunichar c = b < 0x80 ? b : g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			continue;
		}
		p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
		if (is_hspace(c)) {
			space = true;
			continue;
		}
		if (g_unichar_isdigit(c)) {
			if (digit && !space)
				continue;
			if (space)
				MIX(' ');
			MIX('0');
			space = false;
			digit = true;
			continue;
		}
		digit = false;
		if (space)
			MIX(' ');
		space = false;
		if (c < 0x80) {
			MIX(g_ascii_tolower((char)c));
			continue;
		}
		gunichar d[8];
		gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
		for (gsize i = 0; i < n; i++) {
			if (g_unichar_combining_class(d[i]) != 0)
				continue;
			gunichar f = text_fold_char(d[i]);
			char buf[6];
			int m = g_unichar_to_utf8(f, buf);
			for (int k = 0; k < m; k++)
				MIX(buf[k]);
		}
	}
#undef MIX
	return h;
}

/* The non-blank lines of an article's body, but paragraphs longer than
 * CORPUS_LINE_MAX, with their hashes. */
typedef struct {
	Line line;
	guint64 hash;
} Hashed;

static GArray *
hashed_lines(const FriseArticle *a)
{
	GArray *lines = lines_of(a->text, a->body.start, a->body.end);
	GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(Hashed), lines->len);
	for (guint i = 0; i < lines->len; i++) {
		const Line *l = &g_array_index(lines, Line, i);
		if (l->s == l->e || l->e - l->s > CORPUS_LINE_MAX)
			continue;
		Hashed h = { *l, line_hash(a->text + l->s, l->e - l->s) };
		g_array_append_val(out, h);
	}
	g_array_unref(lines);
	return out;
}

static int
cmp_u64(gconstpointer a, gconstpointer b)
{
	guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
	return x < y ? -1 : x > y;
}

/* The distinct hashes of `lines`, sorted. */
static GArray *
distinct_hashes(const GArray *lines)
{
	GArray *h = g_array_sized_new(FALSE, FALSE, sizeof(guint64), lines->len);
	for (guint i = 0; i < lines->len; i++)
		g_array_append_val(h, g_array_index(lines, Hashed, i).hash);
	g_array_sort(h, cmp_u64);
	guint out = 0;
	for (guint i = 0; i < h->len; i++)
		if (out == 0 || g_array_index(h, guint64, i) != g_array_index(h, guint64, out - 1))
			g_array_index(h, guint64, out++) = g_array_index(h, guint64, i);
	g_array_set_size(h, out);
	return h;
}

GArray *
boiler_line_hashes(const FriseArticle *a)
{
	GArray *lines = hashed_lines(a);
	GArray *h = distinct_hashes(lines);
	g_array_unref(lines);
	return h;
}

guint
boiler_corpus_threshold(size_t articles)
{
	return (guint)MAX((size_t)3, articles / 500);
}

/* How a repeated line looks on its own. */
typedef enum {
	OWN_PROSE,  /* a sentence of running text: the story's, if its run agrees */
	OWN_LOOSE,  /* no sentence (a headline, a label): chrome, if its run agrees */
	OWN_CHROME, /* marked by line evidence, or it speaks to the reader: chrome */
} Own;

/* The look of a repeated line; `seen` keeps the look of each line hash
 * and language met (a repeated line is met again: the digits that make
 * two lines one hash do not change how they look). */
static Own
own_look(const FriseArticle *a, const Hashed *h, GHashTable *seen)
{
	if (article_is_boilerplate(a, h->line.s))
		return OWN_CHROME;
	if (h->line.e - h->line.s > SCAN_MAX)
		return OWN_PROSE;
	guint64 key = h->hash ^ (guint64)a->lang;
	gpointer v = g_hash_table_lookup(seen, &key);
	if (v != NULL)
		return (Own)(GPOINTER_TO_INT(v) - 1);
	Look k;
	look_init(&k, a->text + h->line.s, h->line.e - h->line.s, a->lang);
	Own own = k.reader > 0 ? OWN_CHROME : is_prose(&k) ? OWN_PROSE : OWN_LOOSE;
	look_clear(&k);
	g_hash_table_insert(seen, g_memdup2(&key, sizeof key), GINT_TO_POINTER((int)own + 1));
	return own;
}

/* Marks the repeated lines of one article. A repeated line that speaks to
 * the reader is chrome; the others go with the run of consecutive
 * repeated lines (blank lines aside) they belong to: chrome when the lines
 * that are no prose (chrome or loose) outnumber the prose ones, the
 * story's otherwise (the copy of a wire story keeps its headline with its
 * paragraphs, even beside the site's footer). Returns whether anything
 * was marked. */
static bool
mark_repeated(FriseArticle *a, const GArray *lines, const guint *counts, guint threshold, guint total,
	      GHashTable *seen)
{
	GArray *found = g_array_new(FALSE, FALSE, sizeof(FriseBoiler)); /* a->boilerplate stays sorted meanwhile */
	Own *own = g_new(Own, MAX(lines->len, 1));
	for (guint i = 0; i < lines->len;) {
		if (counts[i] < threshold) {
			i++;
			continue;
		}
		guint end = i, prose = 0;
		for (; end < lines->len && counts[end] >= threshold; end++) {
			own[end] = own_look(a, &g_array_index(lines, Hashed, end), seen);
			prose += own[end] == OWN_PROSE;
		}
		bool chrome = (end - i) - prose > prose;
		for (guint k = i; k < end; k++) {
			const Hashed *h = &g_array_index(lines, Hashed, k);
			if (article_is_boilerplate(a, h->line.s) || !(own[k] == OWN_CHROME || chrome))
				continue;
			FriseBoiler b = { { h->line.ls, h->line.le }, FRISE_BOILER_REPEATED, counts[k], total };
			g_array_append_val(found, b);
		}
		i = end;
	}
	g_free(own);
	bool marked = found->len > 0;
	if (marked) {
		g_array_append_vals(a->boilerplate, found->data, found->len);
		normalise_spans(a->boilerplate);
	}
	g_array_unref(found);
	return marked;
}

static guint
count_of(const FriseLineCounts *c, guint64 h)
{
	return c != NULL && c->counts != NULL ? GPOINTER_TO_UINT(g_hash_table_lookup(c->counts, &h)) : 0;
}

/* Adds n to the count of h in `counts` (which owns its keys: inserting
 * its own key again would free it, so an existing key is stolen first). */
static void
count_add(GHashTable *counts, guint64 h, guint n)
{
	gpointer key, v;
	if (g_hash_table_steal_extended(counts, &h, &key, &v))
		g_hash_table_insert(counts, key, GUINT_TO_POINTER(GPOINTER_TO_UINT(v) + n));
	else
		g_hash_table_insert(counts, g_memdup2(&h, sizeof h), GUINT_TO_POINTER(n));
}

void
boiler_count(GPtrArray *articles, const GPtrArray *hashes, const FriseLineCounts *prior, FriseLineCounts *out)
{
	out->counts = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	out->articles = prior != NULL ? prior->articles : 0;
	GHashTable *shas = g_hash_table_new(g_str_hash, g_str_equal); /* sha256 of the articles counted */
	for (guint i = 0; i < articles->len; i++) {
		FriseArticle *a = g_ptr_array_index(articles, i);
		if (!g_hash_table_add(shas, a->hash))
			continue; /* the same bytes twice count once */
		out->articles++;
		GArray *h = hashes != NULL ? g_array_ref(g_ptr_array_index(hashes, i)) : boiler_line_hashes(a);
		for (guint k = 0; k < h->len; k++)
			count_add(out->counts, g_array_index(h, guint64, k), 1);
		g_array_unref(h);
	}
	g_hash_table_unref(shas);
	if (prior == NULL || prior->counts == NULL)
		return;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, prior->counts);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (GPOINTER_TO_UINT(v) > 0)
			count_add(out->counts, *(const guint64 *)k, GPOINTER_TO_UINT(v));
}

bool
boiler_is_repeated(const FriseLineCounts *corpus, guint64 hash)
{
	guint threshold = boiler_corpus_threshold(corpus->articles);
	return corpus->articles >= threshold && count_of(corpus, hash) >= threshold;
}

void
boiler_mark(GPtrArray *articles, const FriseLineCounts *corpus)
{
	guint total = (guint)corpus->articles, threshold = boiler_corpus_threshold(total);
	if (total < threshold)
		return;
	GHashTable *seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL); /* own_look() */
	for (guint i = 0; i < articles->len; i++) {
		FriseArticle *a = g_ptr_array_index(articles, i);
		GArray *lines = hashed_lines(a);
		guint *counts = g_new(guint, MAX(lines->len, 1));
		for (guint k = 0; k < lines->len; k++)
			counts[k] = count_of(corpus, g_array_index(lines, Hashed, k).hash);
		bool marked = mark_repeated(a, lines, counts, threshold, total, seen);
		g_free(counts);
		g_array_unref(lines);
		/* a title taken from a line now marked goes */
		if (marked && a->title_line != SIZE_MAX && article_is_boilerplate(a, a->title_line)) {
			char *title = boiler_title(a);
			if (title != NULL) {
				g_free(a->title);
				a->title = title;
			}
		}
	}
	g_hash_table_unref(seen);
}

void
boiler_corpus(GPtrArray *articles, const FriseLineCounts *prior)
{
	if (articles->len == 0)
		return;
	FriseLineCounts corpus;
	boiler_count(articles, NULL, prior, &corpus);
	boiler_mark(articles, &corpus);
	g_hash_table_unref(corpus.counts);
}
