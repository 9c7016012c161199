/*
 * record.h — one line of `frise extract`'s output (prefix record_),
 * private to the pipeline: an article as the reader and the tagger made
 * it (metadata, text, sentences, mentions) and, for a dated article, its
 * candidates, as one JSON object. templates/candidates.schema.json is its
 * documented schema; record_read() accepts what record_write() writes.
 *
 * Offsets are bytes into the article's text (raw_*: into its bytes as
 * read), end exclusive.
 */
#ifndef FRISE_PIPELINE_RECORD_H
#define FRISE_PIPELINE_RECORD_H

#include "events/candidate.h"
#include "frise/article.h"

/* The schema version a line carries ("frise-candidates": 1). */
#define RECORD_FORMAT 1

typedef struct {
	FriseArticle article;   /* id, path, title, url, source, lang, published, origins, hash,
				   text; raw is NULL, body and boilerplate empty */
	GArray *sentences;      /* FriseSentence */
	GArray *timexes;        /* FriseTimex tagged with the article's own date */
	GPtrArray *candidates;  /* FriseCandidate* (doc 0), or NULL: not extracted (undated) */
	char *extractor;        /* what extracted them (frise version and templates) */
} Record;

/* The JSON line (no newline) of article `a` kept as `id`; `candidates`
 * may be NULL (an undated article: the reduce step estimates its date and
 * finds them). A new string. */
char *record_write(const FriseArticle *a, const char *id, const GArray *sentences, const GArray *timexes,
		   const GPtrArray *candidates, const char *extractor);

/* Parses one line read at `where` ("FILE:LINE") into `out` (record_clear);
 * false with an input error naming `where` and the member at fault. */
bool record_read(const char *line, size_t len, const char *where, Record *out, GError **error);
void record_clear(Record *r);

#endif
