/*
 * webpage.h — reading a saved web page (prefix webpage_): the bytes of an
 * HTML file in, the article's main text and the page's metadata out.
 * Private to the reader (article.c); the public face is FriseArticle.
 *
 * The text is what a reader view would show: the article's paragraphs,
 * its own headings and captions, in document order, one block per line
 * and a blank line between blocks ("Para one.\n\nPara two.\n"), entities
 * decoded, runs of white space collapsed to one space (no-break spaces
 * kept), valid UTF-8 without NUL. A line break inside a block (<br>)
 * stays a line break. Navigation, comments, share bars, related links,
 * scripts and hidden elements are left out.
 *
 * Each metadata field says where it came from (`from`, e.g. "og:title",
 * "json-ld", "meta article:published_time", "time[datetime]", "h1",
 * "title", "byline-line", "url"): static strings, never freed.
 * Dates keep the precision and the UTC offset the page gives:
 * "2015-07-24T05:36:09+01:00", "2019-04-28T06:01:07", "2013-09-11".
 */
#ifndef FRISE_READER_WEBPAGE_H
#define FRISE_READER_WEBPAGE_H

#include "frise/frise.h"

typedef struct {
	char *value;      /* UTF-8, white space collapsed; NULL when the page does not say */
	const char *from; /* where value came from (static storage); NULL when value is */
} WebpageField;

typedef struct {
	char *text;       /* the main text (see above); "" when none was found */
	size_t text_len;
	WebpageField title;     /* the headline, without a " | Site" suffix */
	WebpageField published; /* ISO 8601 date or date-time */
	WebpageField modified;  /* ISO 8601 date or date-time */
	WebpageField site_name; /* the publication's name */
	WebpageField byline;    /* the author(s) as the page writes them */
	WebpageField canonical; /* an absolute http(s) URL, spaces and non-ASCII percent-encoded */
	WebpageField lang;      /* a BCP 47 tag as declared: "en-US", "fr" */
} WebpagePage;

/* True when `path` ends in .html or .htm (any case). */
bool webpage_has_html_name(const char *path);

/* True when data starts, after an optional BOM, white space and comments,
 * with "<!doctype html" or "<html" (any case). */
bool webpage_sniff(const char *data, size_t len);

/*
 * Reads a web page from `len` bytes in any encoding (a BOM, else the
 * <meta charset> or http-equiv declaration, else UTF-8 when valid, else
 * windows-1252). NUL bytes and invalid sequences become U+FFFD. Time and
 * memory are linear in `len`. Returns a new page (webpage_free), or NULL
 * with `error` (FRISE_ERROR_INPUT) naming `path` when the page holds no
 * article text.
 */
WebpagePage *webpage_read(const char *path, const char *data, size_t len, GError **error);

void webpage_free(WebpagePage *page);

#endif
