/*
 * boilerplate_corpus.c — the boilerplate stage's corpus evidence (prefix
 * boiler_): a line repeated across the articles read together (or counted
 * before, FriseLineCounts) is chrome. Exports boiler_line_hashes(),
 * boiler_corpus_threshold(), boiler_count(), boiler_is_repeated(),
 * boiler_mark() and boiler_corpus() (frise/boilerplate.h); every other
 * symbol has file scope.
 *
 * A line is known by a 64-bit FNV-1a hash of its normalised text (folded,
 * digit runs as '0', white space runs as ' '), counted once per article.
 * Offsets are byte offsets into FriseArticle.text, end-exclusive; marking
 * keeps article->boilerplate sorted and without overlaps, and a repeated
 * line that reads as the story's own prose is kept when its neighbours
 * agree (own_look, mark_repeated).
 */
#include "frise/boilerplate.h"
#include "reader/boilerplate_private.h"
#include "core/lang.h"
#include "core/text.h"

#include <string.h>

#define CORPUS_LINE_MAX 1000 /* bytes: a longer line repeated is a copied paragraph, not chrome */

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
		if (boiler_is_hspace(c)) {
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
	BoilerLine line;
	guint64 hash;
} Hashed;

static GArray *
hashed_lines(const FriseArticle *a)
{
	GArray *lines = boiler_lines_of(a->text, a->body.start, a->body.end);
	GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(Hashed), lines->len);
	for (guint i = 0; i < lines->len; i++) {
		const BoilerLine *l = &g_array_index(lines, BoilerLine, i);
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
	BoilerLook k;
	boiler_look_init(&k, a->text + h->line.s, h->line.e - h->line.s, a->lang);
	Own own = k.reader > 0 ? OWN_CHROME : boiler_is_prose(&k) ? OWN_PROSE : OWN_LOOSE;
	boiler_look_clear(&k);
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
		boiler_normalise_spans(a->boilerplate);
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
