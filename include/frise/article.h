/*
 * article.h — the article reader (prefix article_): files, folders, stdin
 * and JSON Lines in; one FriseArticle per article out.
 *
 * Two texts per article: `raw`, the bytes exactly as given, and `text`,
 * what the later stages match on (BOM dropped, CRLF -> LF, NFC). Every
 * offset shown to a user refers to `raw`; article_raw_offset() maps a
 * `text` offset back. Spans are end-exclusive (see FriseSpan).
 *
 * A web page (*.html, *.htm, content that starts like an HTML document,
 * or a JSON Lines record with "html" instead of "text") is read for its
 * main text, which is then the article's `raw`: its offsets refer to that
 * text, not to the HTML. Its metadata fills title, published, url,
 * source, lang and the web fields below, each with where it came from.
 *
 * From memory (a page's text, a database row), with the defaults:
 *
 *     GError *error = NULL;
 *     FriseArticle *a = article_read_bytes("feed/42.txt", buf, len, NULL, &error);
 *     if (a == NULL) {          // "feed/42.txt: invalid UTF-8 at byte 812 (…)"
 *             g_printerr("%s\n", error->message);
 *             g_error_free(error);
 *     } else {
 *             // a->title, a->lang, a->published ("2024-03", or NULL)
 *             article_free(a);
 *     }
 *
 * The path names the article (its id is the last component, its identity
 * the canonical absolute path: FriseArticle.identity) and may
 * carry its date ("2011-02-21/x.txt"); nothing is read from it, though a
 * name ending in .html or .htm makes the bytes a web page. The text
 * may start with front matter (---, date:, title:, source:, url:, lang:,
 * ---) or the inline header " date 2024-03"; FriseReadOptions.published
 * gives the date instead.
 *
 * Ownership: article_read_bytes() and article_read_file() return a new
 * article (article_free); article_read_paths() a new array that frees its
 * articles (g_ptr_array_unref). The article copies the bytes it is given.
 * Threads: every function may run on several threads at once (folders are
 * read on the machine's cores already); an article is never changed once
 * read (but by boiler_corpus(), frise/boilerplate.h, which marks the lines
 * a corpus repeats), so threads may share one. The progress and on_error callbacks run
 * on the calling thread.
 */
#ifndef FRISE_ARTICLE_H
#define FRISE_ARTICLE_H

#include "frise/frise.h"

#include <stdint.h> /* SIZE_MAX: see FriseArticle.title_line */

G_BEGIN_DECLS

/* Where the publication date came from. ORDER ORIGIN: article_origin_name(). */
typedef enum {
	FRISE_ORIGIN_NONE = 0,      /* no date found */
	FRISE_ORIGIN_HEADER,        /* inline " date 2024-03" header */
	FRISE_ORIGIN_FRONT_MATTER,  /* YAML-style front matter "date:" */
	FRISE_ORIGIN_PATH,          /* a date in the file's path */
	FRISE_ORIGIN_JSONL,         /* the "published" member of a JSON Lines record */
	FRISE_ORIGIN_HTML,          /* a web page's metadata (published_from says which) */
	FRISE_ORIGIN_OPTION,        /* given on the command line (--dct) */
	FRISE_ORIGIN_ESTIMATED      /* estimated from the corpus by the event stage */
} FriseDateOrigin;

/* "none", "header", "front matter", "path", "jsonl", "html", "option", "estimated". */
const char *article_origin_name(FriseDateOrigin origin);

/* How the reader decided an article's language. ORDER LANG-FROM:
 * article_lang_origin_name() follows it. */
typedef enum {
	FRISE_LANG_FROM_OPTION = 0, /* --lang */
	FRISE_LANG_FROM_METADATA,   /* front matter, JSONL "lang" or a web page's (lang_from says which) */
	FRISE_LANG_FROM_WORDS,      /* its words (article_detect_lang()) */
	FRISE_LANG_FROM_FEW_WORDS,  /* a few of its words: a guess */
	FRISE_LANG_FROM_CORPUS,     /* none of its words: the other articles' language */
	FRISE_LANG_FROM_DEFAULT     /* nothing to go by: French, and the reader says so */
} FriseLangOrigin;

/* "option", "metadata", "words", "few words", "corpus", "default". */
const char *article_lang_origin_name(FriseLangOrigin origin);

/* Why a span of an article is boilerplate: the reader's evidence, kept
 * with the span so that `frise articles --explain` can say it.
 * ORDER BOILER-KIND: boiler_kind_name() in src/reader/boilerplate.c. */
typedef enum {
	FRISE_BOILER_METADATA = 0, /* front matter or an inline header */
	FRISE_BOILER_PATTERN,      /* a [boilerplate] pattern of src/lang/xx/words.txt */
	FRISE_BOILER_REPEATED,     /* a line in many articles of the corpus (count, total) */
	FRISE_BOILER_NAVIGATION,   /* navigation, share and tool links */
	FRISE_BOILER_LINK_LIST,    /* a line of links split by | or • */
	FRISE_BOILER_READING_TIME, /* "Temps de lecture : 2 min", "5 min read" */
	FRISE_BOILER_COPYRIGHT,    /* "© 2020 …", "All rights reserved" */
	FRISE_BOILER_TEASER,       /* "À lire aussi", "Read more", "» Another story" */
	FRISE_BOILER_TEASER_LIST,  /* the headlines under a "Sur le même sujet" line */
	FRISE_BOILER_COMMENTS,     /* a comment thread or one of its markers */
	FRISE_BOILER_PROMO,        /* newsletter, subscription and shop blurbs */
	FRISE_BOILER_BYLINE,       /* a line of dates, names and "publié le" only */
	FRISE_BOILER_LINKS,        /* mostly URLs, @handles and #tags */
	FRISE_BOILER_CREDIT,       /* a photo credit or the caption above it */
	FRISE_BOILER_TIMESTAMP,    /* a page's time stamp glued to the text ("18.57 BST", "1758 ") */
	FRISE_BOILER_FOOTER,       /* a print footer ("This article appeared on p17 …") */
	FRISE_BOILER_KIND_COUNT
} FriseBoilerKind;

/* A boilerplate span of an article's text and why. */
typedef struct {
	FriseSpan span;       /* in `text`, end exclusive */
	FriseBoilerKind kind;
	guint count, total;   /* FRISE_BOILER_REPEATED: the line is in `count` of `total` articles */
} FriseBoiler;

typedef struct {
	char *id;          /* its name as listings show it: the file name without
			      folder, "-", the JSONL "id", or "FILE:LINE" for a
			      JSONL record without one; two articles may share it */
	char *path;        /* where it was read: a path, "-", or "FILE:LINE" for JSONL;
			      both are valid UTF-8: a byte of a file name that is not
			      is written \xHH ("b\xffad.txt") */
	char *title;       /* metadata, else the first headline-like line that is not
			      boilerplate (src/reader/boilerplate.c); never NULL */
	char *url;         /* NULL when unknown */
	char *source;      /* publication name from metadata; NULL when unknown */
	FriseLang lang;    /* decided by the reader, never UNKNOWN: every stage reads this one */
	FriseLangOrigin lang_origin;
	char *published;   /* TIMEX3 value with its own precision ("2024-03"), or NULL */
	FriseDateOrigin published_origin;
	char hash[65];     /* SHA-256 of `raw`, lowercase hex */

	char *raw;         /* the bytes as given, NUL-terminated for convenience */
	size_t raw_len;
	char *text;        /* matching text: valid UTF-8, NFC, LF line ends, NUL-terminated */
	size_t text_len;
	FriseSpan body;    /* in `text`: after front matter and header, the article itself */
	GArray *boilerplate; /* FriseBoiler, in text order, not overlapping: lines that
				must not become events */
	size_t title_line;   /* where in `text` the line the title comes from starts;
				SIZE_MAX when the title is metadata or the id */
	GArray *cuts;        /* FriseBoiler whose spans are offsets into `raw`, not
				`text`: chrome glued to the story ("18.57 BST ",
				"Photograph: Dennis Cook/AP ") that the reader cut out
				of `text` (the map keeps every later offset right), in
				raw order; never NULL */

	/* Where a field came from: static strings, never freed; NULL when the
	 * field is. title_from: "jsonl", "front matter", "first line", "id" or
	 * a web page's source ("og:title", "json-ld headline", "h1", "title");
	 * published_from: article_origin_name(), or for a web page its source
	 * ("meta article:published_time", "time[datetime]", "url"…); url_from,
	 * source_from: "jsonl", "front matter" or a page's source; lang_from:
	 * for FRISE_LANG_FROM_METADATA "jsonl", "front matter" or a page's
	 * source ("html[lang]", "og:locale"), else article_lang_origin_name()
	 * ("option", "words", "few words", "corpus", "default"). */
	const char *title_from, *published_from, *url_from, *source_from, *lang_from;

	/* Web page metadata: NULL for other inputs and when the page does not
	 * say; each owned by the article (article_free), with its source in
	 * the matching *_from (static). Dates are ISO 8601 as the page gives
	 * them, precision and UTC offset kept ("2015-07-24T05:36:09+01:00");
	 * `published` holds the same date as a TIMEX3 value. */
	char *published_time;  /* the publication date-time as written */
	char *modified;        /* last modified, as written */
	char *site_name;       /* the publication ("BBC News"); also in `source` */
	char *byline;          /* the author(s) as written ("By Steven Mufson") */
	char *canonical;       /* absolute http(s) URL of the page; also in `url` */
	char *lang_tag;        /* BCP 47 tag as declared ("en-US") */
	const char *modified_from, *site_name_from, *byline_from, *canonical_from;

	/* What the store keys it by, never shared by two articles: the JSONL
	 * "id"; else the canonical absolute path of its file
	 * ("/home/me/news/a/x.txt", symbolic links resolved); else (standard
	 * input, a JSONL record without "id") "sha256:" + `hash`, so that the
	 * same bytes are one article and other bytes another. */
	char *identity;

	/* Offset map text -> raw; private to article.c. Empty when identical. */
	GArray *map_;
} FriseArticle;

typedef enum {
	FRISE_READ_LOSSY = 1 << 0, /* replace invalid UTF-8 by U+FFFD instead of failing */
} FriseReadFlags;

/* Called after each input of article_read_paths() when there are two or
 * more (`done` of `total` read); cli_progress() has this type. */
typedef void (*FriseReadProgressFunc)(const char *what, size_t done, size_t total);

/* The reader's limits when FriseReadOptions leaves them 0. */
#define ARTICLE_DEFAULT_MAX_BYTES ((size_t)16 << 20) /* 16 MiB */
#define ARTICLE_DEFAULT_MAX_ARTICLES 100000

typedef struct {
	FriseReadFlags flags;
	FriseLang lang;          /* FRISE_LANG_UNKNOWN: detect */
	const char *published;   /* NULL, or a date that overrides the metadata
				    (a form article_parse_date() accepts) */
	size_t max_bytes;        /* 0: ARTICLE_DEFAULT_MAX_BYTES; also the longest JSON Lines line */
	size_t max_articles;     /* article_read_paths() reads at most this many (files, or
				    JSON Lines lines) and refuses more (FRISE_ERROR_LIMIT):
				    files are counted before any is read, JSON Lines records as
				    they come (reading stops at the first one too many);
				    0: ARTICLE_DEFAULT_MAX_ARTICLES */
	FriseReadProgressFunc progress; /* NULL: silent */
} FriseReadOptions;

/*
 * Reads one article from `len` bytes; `path` names it in messages and may
 * carry a date ("…/2011-02-21/x.txt"). Returns a new article
 * (article_free) or NULL with `error` naming the path and byte offset.
 */
FriseArticle *article_read_bytes(const char *path, const char *data, size_t len,
				 const FriseReadOptions *opts, GError **error);

/* Reads a file ("-" for stdin). Same ownership as article_read_bytes. */
FriseArticle *article_read_file(const char *path, const FriseReadOptions *opts,
				GError **error);

/*
 * Reads every article named by `paths`: files, folders (recursively,
 * *.txt, *.md, *.html and *.htm, sorted by name; regular files only, so
 * that a FIFO or a device in a folder is never opened), "-" for stdin;
 * with `jsonl`, each path is a JSON Lines stream (folders give their
 * *.jsonl and *.json), one {"id","text","published","title","url","lang",
 * "source"} object a line ("html" instead of "text": a web page): the
 * article's `raw` is the decoded "text" member (or the page's main text), its path
 * "FILE:LINE". A bad file or line is reported through `on_error` (may
 * be NULL) and skipped; the rest are read.
 * Returns a new array of FriseArticle* (g_ptr_array_unref frees them);
 * NULL with `error` set if nothing could be read at all, or when the
 * records of the JSON Lines streams are more than opts->max_articles
 * (FRISE_ERROR_LIMIT: reading stops at the first one too many).
 * `*nfailed` (may be NULL) receives the number of inputs skipped.
 */
typedef void (*FriseReadErrorFunc)(const GError *error, void *user);
GPtrArray *article_read_paths(const char *const *paths, size_t npaths, bool jsonl,
			      const FriseReadOptions *opts, FriseReadErrorFunc on_error,
			      void *user, size_t *nfailed, GError **error);

/* True when a folder's file `name` is read: *.txt, *.md, *.html, *.htm,
 * or with `jsonl` *.jsonl and *.json. */
bool article_is_input_name(const char *name, bool jsonl);

/* True when article_read_bytes() reads these bytes as a web page: `path`
 * ends in .html/.htm, or `data` starts like an HTML document. */
bool article_is_web_page(const char *path, const char *data, size_t len);

/*
 * As article_read_paths(), handing the articles to `on_batch` `batch` at
 * a time, in order, as they are read (the last batch may be smaller), so
 * that a corpus of any size is read in bounded memory. `on_batch` takes
 * the array (g_ptr_array_unref); returning false with its `error` set
 * stops the read, and that error is the result. An article whose words
 * tell no language takes the main language of its batch. Returns true
 * when every batch was taken and at least one article read; `*nread`
 * and `*nfailed` (may be NULL) receive the articles read and the inputs
 * skipped. A limit reached (FriseReadOptions.max_articles) is an error
 * after the batches before it were handed over.
 */
typedef bool (*FriseReadBatchFunc)(GPtrArray *articles, void *user, GError **error);
bool article_read_paths_each(const char *const *paths, size_t npaths, bool jsonl, const FriseReadOptions *opts,
			     FriseReadErrorFunc on_error, void *user, size_t batch, FriseReadBatchFunc on_batch,
			     void *batch_user, size_t *nread, size_t *nfailed, GError **error);

/* Where the body of the article held in `len` bytes starts, in those
 * bytes: after a BOM, YAML-style front matter and an inline date header,
 * as article_read_bytes() finds them (body.start, mapped to the bytes).
 * Reads only the first few KiB; 0 when there is no metadata. For a reader
 * of raw bytes that must agree with the article reader (frise tag's fast
 * path); a web page (article_is_web_page()) has no such start: its text is
 * what the reader extracts. */
size_t article_body_start(const char *data, size_t len);

/* Maps an offset into article->text to the offset of the same character in
 * article->raw. Offsets at a character boundary map to a boundary. */
size_t article_raw_offset(const FriseArticle *article, size_t text_offset);

/* True when text[off] lies in a boilerplate line. */
bool article_is_boilerplate(const FriseArticle *article, size_t text_offset);
/* The boilerplate span holding text[off] and why, or NULL; owned by the
 * article. */
const FriseBoiler *article_boilerplate_at(const FriseArticle *article, size_t text_offset);

/* Guesses fr/en from the words of `text`; FRISE_LANG_UNKNOWN if unsure. */
FriseLang article_detect_lang(const char *text, size_t len);

/*
 * Checks and normalises a publication date as written in metadata or on
 * the command line: "2024", "2024-03", "2024-03-12" ('/' also accepted),
 * optionally "2024-03-12T14:30[:SS][zone]" (kept to the minute), for
 * years 1000 to 2999 (ARTICLE_DATE_FORMS says so in messages).
 * Returns a new TIMEX3 value ("2024-03") to g_free(), or NULL when
 * `value` is not such a date.
 */
char *article_parse_date(const char *value);
#define ARTICLE_DATE_FORMS "YYYY, YYYY-MM or YYYY-MM-DD, years 1000 to 2999"

void article_free(FriseArticle *article);

G_END_DECLS

#endif
