/*
 * article_text.c — an article's text and its offset map (prefix
 * article_): exports article_raw_offset() (article.h) and, for article.c,
 * article_build_text() and article_cut_text() (article_private.h). Every
 * other symbol has file scope.
 *
 * Offsets are byte offsets; spans are end-exclusive. `text` is derived
 * from `raw`: BOM dropped, CRLF -> LF, invalid UTF-8 replaced by U+FFFD
 * (with --lossy only), NFC. The map (FriseArticle.map_) is a sorted array
 * of MapSeg: from text offset `t` up to the next segment, an offset o maps
 * to r + (o - t) ("linear"), or to r for every o ("collapsed": a changed
 * run such as "e\u0301" -> "é", "\r\n" -> "\n", an invalid byte ->
 * U+FFFD). When text == raw the map is NULL: no allocation in the common
 * case. It is built per line and, inside a line that NFC changes, per
 * normalisation chunk (a starter and the marks that follow it), so a
 * changed character maps to the raw offset of that same character.
 * article_cut_text() then drops runs of chrome from the text (a run cut
 * into a '\n' maps to its first raw byte, collapsed): every offset kept
 * still maps to the raw byte it stood for, so an offset after a cut maps
 * past the cut bytes ("18.57 BST Former…": text offset 0 -> raw 10).
 */
#include "reader/article_private.h"
#include "reader/boilerplate_private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Text and offset map. */

typedef struct {
	size_t t;       /* text offset where the segment starts */
	size_t r;       /* raw offset it maps to */
	bool collapsed; /* true: every offset of the segment maps to r */
} MapSeg;

typedef struct {
	const char *raw;
	GString *text;
	GArray *map; /* NULL while text is raw itself */
} Builder;

static void
map_push(Builder *b, size_t r, bool collapsed)
{
	size_t t = b->text->len;
	if (b->map == NULL) {
		if (!collapsed && r == t)
			return;
		b->map = g_array_new(FALSE, FALSE, sizeof(MapSeg));
		MapSeg first = { 0, 0, false };
		g_array_append_val(b->map, first);
	}
	MapSeg *last = &g_array_index(b->map, MapSeg, b->map->len - 1);
	if (!collapsed && !last->collapsed && last->r + (t - last->t) == r)
		return; /* the current linear segment already says so */
	if (last->t == t) {
		last->r = r;
		last->collapsed = collapsed;
		return;
	}
	MapSeg s = { t, r, collapsed };
	g_array_append_val(b->map, s);
}

/* Appends raw[r, r + n) unchanged. */
static void
emit_same(Builder *b, size_t r, size_t n)
{
	map_push(b, r, false);
	g_string_append_len(b->text, b->raw + r, (gssize)n);
}

/* Appends `out`, which replaces the raw run starting at r. */
static void
emit_changed(Builder *b, size_t r, const char *out, size_t n)
{
	map_push(b, r, true);
	g_string_append_len(b->text, out, (gssize)n);
}

/*
 * Characters that are NFC whatever surrounds them: starters without a
 * canonical decomposition that never compose with what precedes them.
 * Below U+0300 everything is; the rest is the punctuation and currency
 * of news text (’ « » – … € and the narrow no-break space). A line made
 * only of these is already NFC. (tests check every entry against
 * g_utf8_normalize.)
 */
static bool
nfc_quick_yes(gunichar c)
{
	return c < 0x300 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x202F && c <= 0x205E) ||
	       (c >= 0x20A0 && c <= 0x20C0);
}

/* A character that may compose with the character before it although its
 * combining class is 0 (Hangul vowels and trailing consonants). The chunk
 * check in emit_nfc_line catches the rarer others. */
static bool
composes_backward(gunichar c)
{
	return (c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2);
}

typedef struct {
	size_t r, rlen;      /* raw run */
	size_t out, outlen;  /* NFC of it, in the chunk buffer */
	bool same;           /* NFC == raw bytes */
} Chunk;

/*
 * Appends the NFC of raw line [ls, le), which is valid UTF-8 unless
 * `lossy` (then invalid bytes become U+FFFD, one per byte). Maps each
 * normalisation chunk separately; if the chunks' NFC differ from the
 * line's (a composition across chunks), maps the line as one run.
 */
static void
emit_nfc_line(Builder *b, size_t ls, size_t le)
{
	const char *raw = b->raw;
	GString *clean = g_string_sized_new(le - ls + 8);
	GString *outs = g_string_sized_new(le - ls + 8);
	GArray *chunks = g_array_new(FALSE, FALSE, sizeof(Chunk));
	size_t cstart = ls, cclean = 0;
	bool cinvalid = false, cquick = true; /* the chunk is one quick-yes character */

	for (size_t i = ls; i <= le;) {
		gunichar c = 0;
		size_t n = 0;
		bool invalid = false, starter = true;
		if (i < le) {
			gunichar v = g_utf8_get_char_validated(raw + i, (gssize)(le - i));
			if (v == (gunichar)-1 || v == (gunichar)-2) {
				c = 0xFFFD;
				n = 1;
				invalid = true;
			} else {
				c = v;
				n = (size_t)(g_utf8_next_char(raw + i) - (raw + i));
				starter = g_unichar_combining_class(c) == 0 && !composes_backward(c);
			}
		}
		if ((starter || i == le) && i > cstart) {
			/* flush the chunk [cstart, i); a lone quick-yes character
			 * (most of them) is its own NFC */
			Chunk ch = { cstart, i - cstart, outs->len, 0, false };
			if (!cinvalid && cquick) {
				ch.outlen = ch.rlen;
				ch.same = true;
				g_string_append_len(outs, raw + cstart, (gssize)ch.rlen);
			} else {
				char *norm = g_utf8_normalize(clean->str + cclean, (gssize)(clean->len - cclean),
							      G_NORMALIZE_NFC);
				ch.outlen = strlen(norm);
				ch.same = !cinvalid && ch.outlen == ch.rlen && memcmp(norm, raw + cstart, ch.rlen) == 0;
				g_string_append(outs, norm);
				g_free(norm);
			}
			g_array_append_val(chunks, ch);
			cstart = i;
			cclean = clean->len;
			cinvalid = false;
			cquick = true;
		}
		if (i == le)
			break;
		if (invalid)
			g_string_append_unichar(clean, c);
		else
			g_string_append_len(clean, raw + i, (gssize)n);
		cinvalid |= invalid;
		cquick = cquick && i == cstart && nfc_quick_yes(c);
		i += n;
	}

	char *whole = g_utf8_normalize(clean->str, (gssize)clean->len, G_NORMALIZE_NFC);
	if (strlen(whole) == outs->len && memcmp(whole, outs->str, outs->len) == 0) {
		for (guint k = 0; k < chunks->len; k++) {
			const Chunk *ch = &g_array_index(chunks, Chunk, k);
			if (ch->same)
				emit_same(b, ch->r, ch->rlen);
			else
				emit_changed(b, ch->r, outs->str + ch->out, ch->outlen);
		}
	} else {
		emit_changed(b, ls, whole, strlen(whole));
	}
	g_free(whole);
	g_array_free(chunks, TRUE);
	g_string_free(outs, TRUE);
	g_string_free(clean, TRUE);
}

/*
 * Builds a->text and a->map_ from a->raw. Fails on invalid UTF-8 unless
 * `lossy`. NUL bytes were rejected before.
 */
bool
article_build_text(FriseArticle *a, const char *path, bool lossy, GError **error)
{
	const char *raw = a->raw;
	size_t n = a->raw_len, pos = 0;
	Builder b = { raw, g_string_sized_new(n + 1), NULL };

	if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < n) {
		size_t le = article_line_end(raw, pos, n), ce = le;
		bool crlf = le < n && le > pos && raw[le - 1] == '\r';
		if (crlf)
			ce--;

		bool ascii = true;
		for (size_t i = pos; i < ce; i++)
			if ((unsigned char)raw[i] >= 0x80) {
				ascii = false;
				break;
			}
		if (ascii) {
			emit_same(&b, pos, ce - pos);
		} else {
			const char *bad = NULL;
			bool valid = g_utf8_validate_len(raw + pos, ce - pos, &bad);
			if (!valid && !lossy) {
				article_set_error(error, FRISE_ERROR_INPUT, path,
					  "invalid UTF-8 at byte %zu (try --lossy)", (size_t)(bad - raw));
				g_string_free(b.text, TRUE);
				if (b.map != NULL)
					g_array_free(b.map, TRUE);
				return false;
			}
			bool quick = valid;
			for (const char *p = raw + pos; quick && p < raw + ce; p = g_utf8_next_char(p))
				quick = nfc_quick_yes(g_utf8_get_char(p));
			if (quick) {
				emit_same(&b, pos, ce - pos);
			} else {
				char *norm = valid ? g_utf8_normalize(raw + pos, (gssize)(ce - pos), G_NORMALIZE_NFC)
						   : NULL;
				if (norm != NULL && strlen(norm) == ce - pos && memcmp(norm, raw + pos, ce - pos) == 0)
					emit_same(&b, pos, ce - pos);
				else
					emit_nfc_line(&b, pos, ce);
				g_free(norm);
			}
		}
		if (le < n) {
			if (crlf)
				emit_changed(&b, ce, "\n", 1); /* the LF stands for the CR LF pair */
			else
				emit_same(&b, le, 1);
		}
		pos = le + 1;
	}
	map_push(&b, n, false); /* the end of text is the end of raw */
	a->text_len = b.text->len;
	a->text = g_string_free(b.text, FALSE);
	a->map_ = b.map;
	return true;
}

size_t
article_raw_offset(const FriseArticle *article, size_t text_offset)
{
	if (text_offset >= article->text_len)
		return article->raw_len;
	const GArray *map = article->map_;
	if (map == NULL || map->len == 0)
		return text_offset;
	/* last segment whose start is <= text_offset */
	guint lo = 0, hi = map->len;
	while (hi - lo > 1) {
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(map, MapSeg, mid).t <= text_offset)
			lo = mid;
		else
			hi = mid;
	}
	const MapSeg *s = &g_array_index(map, MapSeg, lo);
	return s->collapsed ? s->r : s->r + (text_offset - s->t);
}

/* ------------------------------------------------------------------ */
/* Cutting chrome out of the text. */

/* Appends to `map` the segment "from new text offset t, raw r": merged
 * into the last one when that one already says so. */
static void
seg_push(GArray *map, size_t t, size_t r, bool collapsed)
{
	if (map->len > 0) {
		MapSeg *last = &g_array_index(map, MapSeg, map->len - 1);
		if (!collapsed && !last->collapsed && last->r + (t - last->t) == r)
			return;
		if (last->t == t) {
			last->r = r;
			last->collapsed = collapsed;
			return;
		}
	}
	MapSeg s = { t, r, collapsed };
	g_array_append_val(map, s);
}

/* Appends the old text [from, to) of `a` to `out`, and to `map` the
 * segments that keep each of its offsets mapping to the raw byte it
 * mapped to. */
static void
keep_text(const FriseArticle *a, size_t from, size_t to, GString *out, GArray *map)
{
	if (to <= from)
		return;
	size_t base = out->len;
	const GArray *old = a->map_;
	if (old == NULL || old->len == 0) {
		seg_push(map, base, from, false);
	} else {
		guint i = 0;
		while (i + 1 < old->len && g_array_index(old, MapSeg, i + 1).t <= from)
			i++;
		for (; i < old->len && g_array_index(old, MapSeg, i).t < to; i++) {
			const MapSeg *s = &g_array_index(old, MapSeg, i);
			size_t o = MAX(s->t, from);
			seg_push(map, base + (o - from), s->collapsed ? s->r : s->r + (o - s->t), s->collapsed);
		}
	}
	g_string_append_len(out, a->text + from, (gssize)(to - from));
}

void
article_cut_text(FriseArticle *a, const GArray *cuts)
{
	if (cuts == NULL || cuts->len == 0)
		return;
	GString *out = g_string_sized_new(a->text_len + 1);
	GArray *map = g_array_new(FALSE, FALSE, sizeof(MapSeg));
	size_t pos = 0, body_end = a->body.end;
	for (guint k = 0; k < cuts->len; k++) {
		const BoilerCut *c = &g_array_index(cuts, BoilerCut, k);
		if (c->span.start < pos || c->span.end <= c->span.start || c->span.end > a->text_len)
			continue; /* boiler_cuts() gives them sorted and apart */
		keep_text(a, pos, c->span.start, out, map);
		/* the raw span through the old map, before it is replaced */
		FriseBoiler b = { { article_raw_offset(a, c->span.start), article_raw_offset(a, c->span.end) },
				  c->kind, 0, 0 };
		g_array_append_val(a->cuts, b);
		if (c->newline) {
			seg_push(map, out->len, b.span.start, true); /* the '\n' stands for the cut run */
			g_string_append_c(out, '\n');
		}
		size_t removed = c->span.end - c->span.start - (c->newline ? 1 : 0);
		if (c->span.end <= a->body.end)
			body_end -= removed;
		pos = c->span.end;
	}
	keep_text(a, pos, a->text_len, out, map);
	seg_push(map, out->len, a->raw_len, false); /* the end of text is the end of raw */
	if (a->map_ != NULL)
		g_array_free(a->map_, TRUE);
	g_free(a->text);
	a->map_ = map;
	a->text_len = out->len;
	a->text = g_string_free(out, FALSE);
	a->body.end = body_end;
}
