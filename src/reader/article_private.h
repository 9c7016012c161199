/*
 * article_private.h — what the three files of the article reader share
 * (prefix article_): article.c reads one article from bytes (front
 * matter, headers, metadata, language, boilerplate and title),
 * article_text.c derives its text and offset map from the raw bytes, and
 * article_paths.c reads files, folders and JSON Lines. Nothing here
 * leaves src/reader/; frise/article.h is the public face.
 *
 * Offsets are byte offsets; spans are end-exclusive.
 */
#ifndef FRISE_READER_ARTICLE_PRIVATE_H
#define FRISE_READER_ARTICLE_PRIVATE_H

#include "frise/article.h"

/* Metadata given beside the text (a JSON Lines record, a web page's
 * metadata): each field with where it came from (static strings). */
typedef struct {
	const char *id;
	const char *title;
	const char *url;
	const char *source;
	const char *lang;
	const char *published; /* already checked */
	bool no_path_date;      /* a JSON Lines record */
	bool keyed;             /* `id` is the record's own "id": its identity */
	FriseDateOrigin origin; /* of `published` */
	const char *title_from, *published_from, *url_from, *source_from, *lang_from;
} ArticleMeta;

/* Sets *error to "path: message" in FRISE_ERROR_DOMAIN with `code`. */
void article_set_error(GError **error, FriseError code, const char *path, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

/* Sets *error to FRISE_ERROR_LIMIT: `path` is over `limit` bytes (its
 * size when known, else 0). */
void article_set_limit_error(GError **error, const char *path, size_t size, size_t limit);

/* The offset of the first '\n' in s[i, end), or `end`. */
size_t article_line_end(const char *s, size_t i, size_t end);

/* The language with the most hits (by FriseLang), and the runner-up. */
void article_best_lang(const int hits[FRISE_LANG_COUNT], size_t *best_out, size_t *second_out);

/*
 * Builds a->text and a->map_ from a->raw (article_text.c). Fails on
 * invalid UTF-8 unless `lossy`, with an error naming `path`. NUL bytes
 * were rejected before.
 */
bool article_build_text(FriseArticle *a, const char *path, bool lossy, GError **error);

/*
 * Cuts the runs `cuts` (BoilerCut of boilerplate_private.h: text offsets,
 * sorted, apart, inside the body) out of a->text, each replaced by
 * nothing or by one '\n', and keeps a->map_ and a->body right: every
 * offset kept maps to the raw byte it mapped to before. Appends each cut,
 * as a raw span with its kind, to a->cuts (article_text.c).
 */
void article_cut_text(FriseArticle *a, const GArray *cuts);

/* The article of text data[0..len) (not HTML) read as `path`, with the
 * metadata `meta` gives (may be NULL). A new article (article_free), or
 * NULL with *error set. */
FriseArticle *article_read_text(const char *path, const char *data, size_t len, const FriseReadOptions *opts,
				const ArticleMeta *meta, GError **error);

/* The article of the web page data[0..len): its main text, with the
 * page's metadata where `given` (may be NULL) says nothing. A new article,
 * or NULL with *error set. */
FriseArticle *article_read_page(const char *path, const char *data, size_t len, const FriseReadOptions *opts,
				const ArticleMeta *given, GError **error);

#endif
