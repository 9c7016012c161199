/*
 * boilerplate_private.h — what the article reader (article.c) calls of
 * the boilerplate stage (boilerplate.c), and what the stage's three files
 * share (prefix boiler_): boilerplate.c scans an article's lines and finds
 * its title, boilerplate_look.c judges one line by its look,
 * boilerplate_corpus.c marks the lines repeated across articles,
 * boilerplate_cut.c finds the chrome glued to the story inside a line.
 * frise/boilerplate.h has the rest. Nothing here leaves src/reader/.
 *
 * Offsets are byte offsets into FriseArticle.text, end exclusive.
 */
#ifndef FRISE_READER_BOILERPLATE_PRIVATE_H
#define FRISE_READER_BOILERPLATE_PRIVATE_H

#include "frise/boilerplate.h"

/* Line evidence: appends to article->boilerplate (which may hold the
 * metadata span before the body) the body's lines that are boilerplate by
 * their words and their look, in text order. Needs article->lang. */
void boiler_scan(FriseArticle *article);

/* The title from the body: the first headline-like line among the first
 * lines that are not boilerplate, else the first sentence of the first
 * paragraph. Sets article->title_line. Returns a new string, or NULL when
 * the body has no line left. */
char *boiler_title(FriseArticle *article);

/* Chrome glued to the story inside a line, to be cut out of the text
 * (article_cut_text) before any line is judged: a page's time stamp, a
 * photo credit and the caption above it, a print footer. */
typedef struct {
	FriseSpan span;       /* in FriseArticle.text, end exclusive */
	FriseBoilerKind kind; /* TIMESTAMP, CREDIT or FOOTER */
	bool newline;         /* replaced by one '\n' (it separated two lines run together), else by nothing */
} BoilerCut;

/* The runs of chrome of the article's body to cut, sorted and apart: a
 * new GArray of BoilerCut (boilerplate_cut.c). Needs article->lang. */
GArray *boiler_cuts(const FriseArticle *article);

/* --- shared by the stage's files ---------------------------------- */

#define SCAN_MAX 400      /* bytes: a longer line is a paragraph, never chrome by its look */
#define SHORT_LINE 250    /* bytes: blurbs, credits and teasers are shorter */
#define PROSE_WORDS 20    /* a line of this many words is a paragraph */

/* Horizontal white space, including the no-break spaces of French text. */
static inline bool
boiler_is_hspace(gunichar c)
{
	if (c < 0x80)   /* g_unichar_isspace's ASCII blanks, less '\n' */
		return c == ' ' || c == '\t' || c == '\r' || c == '\f';
	return c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0xFEFF || g_unichar_isspace(c);
}

/* g_ascii_tolower(), inline: the stage's loops call it per byte. */
static inline unsigned char
boiler_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* The character at t[*x] (valid UTF-8), moving *x past it: ASCII inline,
 * the rest by GLib. */
static inline gunichar
char_at(const char *t, size_t *x)
{
	unsigned char b = (unsigned char)t[*x];
	if (b < 0x80) {
		(*x)++;
		return b;
	}
	gunichar c = g_utf8_get_char(t + *x);
	*x = (size_t)(g_utf8_next_char(t + *x) - t);
	return c;
}

typedef struct {
	size_t ls, le; /* the line, without its '\n' */
	size_t s, e;   /* its trimmed part; s == e for a blank line */
} BoilerLine;

/* The lines of text[from, to), blank ones included. A new GArray of
 * BoilerLine (boilerplate.c). */
GArray *boiler_lines_of(const char *t, size_t from, size_t to);

/* Sorts `spans` (FriseBoiler) and merges overlapping ones into the first
 * of them, whose reason stays (boilerplate.c). */
void boiler_normalise_spans(GArray *spans);

/* The look of a line (boilerplate_look.c). */
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
} BoilerLook;

/* Fills *k from the trimmed line s[0..len) of an article in `lang`;
 * boiler_look_clear() frees what it holds. */
void boiler_look_init(BoilerLook *k, const char *s, size_t len, FriseLang lang);

/* Characters of the line: letters, capitals, links, separators, price,
 * where sentences end (k->s, k->len set). */
void boiler_look_chars(BoilerLook *k);

void boiler_look_clear(BoilerLook *k);

/* A sentence of running text (a paragraph's, not chrome). */
bool boiler_is_prose(const BoilerLook *k);

/* The kind a line is by its look, or -1; *upto is left alone when the
 * whole line is that kind, else set to where the story starts again. */
int boiler_line_kind(const BoilerLook *k, size_t *upto);

/* A teaser heading alone on its line: "Sur le même sujet", "Most read". */
bool boiler_is_teaser_heading(const BoilerLook *k);

/* A sentence of running text that no rule of boiler_line_kind() could
 * mark, told without reading its words. */
bool boiler_plain_prose(const char *s, size_t len, FriseLang lang);

#endif
