/*
 * boilerplate.h — the reader's boilerplate stage (prefix boiler_): which
 * lines of an article are not its story, and why, by evidence rather
 * than by site.
 *
 * Two kinds of evidence, both applied by the reader before an article
 * reaches any other stage:
 *   - line evidence, per article: what a line looks like (its length, its
 *     stop words, digits, capitals and links, whether it ends a sentence)
 *     and the words of src/lang/xx/words.txt it holds (navigation and
 *     share links, reading times, copyright, teasers, comment threads,
 *     newsletter and shop blurbs, bylines, photo credits). article_read_*
 *     apply it.
 *   - corpus evidence: a line found in many articles of a corpus is the
 *     site's chrome (menus, footers, a ticker of other headlines), unless
 *     it reads as the story's own prose (a wire copy, a repeated recap).
 *     boiler_corpus() applies it to articles read together, optionally
 *     with the line counts of articles read before (a store's).
 * Each span keeps its reason (FriseBoiler in article.h); boiler_explain()
 * says it in words, with its values.
 *
 * Articles read together, as `frise articles` does (an ingest does the
 * same with the store's counts added):
 *
 *     GPtrArray *arts = article_read_paths(paths, n, false, NULL, NULL, NULL, NULL, &error);
 *     boiler_corpus(arts, NULL);
 *     for (guint i = 0; i < arts->len; i++) {
 *             FriseArticle *a = arts->pdata[i];
 *             for (guint k = 0; k < a->boilerplate->len; k++) {
 *                     char *why = boiler_explain(&g_array_index(a->boilerplate, FriseBoiler, k));
 *                     // "repeated in 24 of 133 articles", "reading-time line"
 *                     g_free(why);
 *             }
 *     }
 *
 * Ownership: boiler_explain() and boiler_line_hashes() return new memory,
 * so does boiler_count() (its counts); boiler_corpus() and
 * boiler_mark() change the articles they are given in place (their spans,
 * and the title of an article whose title line they mark).
 * Threads: boiler_corpus() and boiler_mark() change their articles: no
 * other thread may read them meanwhile; the other functions may run on
 * several threads at once.
 *
 * Lines are the article's text lines; a line's hash is that of its
 * normalised form (folded, digit runs as one "0", white space collapsed),
 * so that "Publié le 3 mars à 10h12" and "Publié le 28 mars à 9h05" are
 * one line.
 */
#ifndef FRISE_BOILERPLATE_H
#define FRISE_BOILERPLATE_H

#include "frise/article.h"

G_BEGIN_DECLS

/* "metadata", "pattern", "repeated", …: one word or two per kind; static
 * storage. */
const char *boiler_kind_name(FriseBoilerKind kind);

/* Why `b` is boilerplate, with its values ("repeated in 27 of 133
 * articles", "reading-time line"). Returns a new string (g_free). */
char *boiler_explain(const FriseBoiler *b);

/* The fewest articles a line must be in to be chrome, in a corpus of
 * `articles`: max(3, articles / 500) — three articles are evidence in a
 * small corpus; in a large one, a line shared by 0.2 % of the articles. */
guint boiler_corpus_threshold(size_t articles);

/* The distinct line hashes of an article's body, sorted: a new GArray of
 * guint64 (g_array_unref). */
GArray *boiler_line_hashes(const FriseArticle *article);

/* Line counts over a corpus: articles read before (a store's), for
 * boiler_corpus(), or a whole corpus, for boiler_mark(). */
typedef struct {
	GHashTable *counts; /* guint64 * (g_int64_hash) -> GUINT_TO_POINTER(articles holding it);
			       may be NULL; borrowed, but boiler_count()'s */
	size_t articles;    /* the articles they were counted over */
} FriseLineCounts;

/*
 * Corpus evidence over `articles` (FriseArticle *), with the counts of
 * `prior` added (may be NULL): articles with the same bytes count once; a
 * line in boiler_corpus_threshold() articles or more is marked
 * FRISE_BOILER_REPEATED in every article holding it when it speaks to the
 * reader, and otherwise unless the run of repeated lines it belongs to in
 * that article reads as prose as much as not (sentences with stop words:
 * a wire copy keeps its headline with its paragraphs). An
 * article whose title came from a line now marked gets another title.
 * Spans already there keep their reason.
 */
void boiler_corpus(GPtrArray *articles, const FriseLineCounts *prior);

/*
 * boiler_corpus() in two steps, for a caller that keeps the counts (a
 * store judging its articles again as the corpus grows): boiler_count()
 * counts `articles` (articles with the same bytes once; `hashes`, may be
 * NULL, holds each one's boiler_line_hashes() when the caller has them)
 * and adds `prior` (may be NULL) into `out`, whose `counts` is a new
 * table that owns its keys (g_hash_table_unref); boiler_mark() marks `articles` as
 * boiler_corpus() does, given the counts of the whole corpus (their own
 * lines included); boiler_is_repeated() says whether a line of that
 * corpus is in boiler_corpus_threshold(corpus->articles) articles or
 * more: the lines boiler_mark() judges by their run. The marks depend on
 * the counts only through which lines are repeated: two corpora that
 * agree on that give an article the same spans and title.
 */
void boiler_count(GPtrArray *articles, const GPtrArray *hashes, const FriseLineCounts *prior, FriseLineCounts *out);
void boiler_mark(GPtrArray *articles, const FriseLineCounts *corpus);
bool boiler_is_repeated(const FriseLineCounts *corpus, guint64 hash);

G_END_DECLS

#endif
