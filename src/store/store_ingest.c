/*
 * store_ingest.c — what ingest writes (prefix store_; see rows.h): an
 * article, its sentences and the tagger's mentions (store_put_article(),
 * store_has_same(), store_save_mentions() for store_events.c's estimates),
 * and the boilerplate stage's corpus evidence: each article's line hashes
 * and the count of articles holding each line (store_put_lines(),
 * store_line_counts(), store_repeated_lines(), store_load_lined(),
 * store_put_judgment()…).
 *
 * Invariants: everything here runs inside the caller's store_transact()
 * (reads: store_tx()). Articles with the same bytes (hash) count once in
 * line_counts; an article's lines are dropped before its bytes change.
 * Offsets are bytes into articles.text, raw_* bytes into the article as
 * read; ends are exclusive. Timestamps are Unix seconds (the caller's).
 */
#include "store/store_private.h"

/* ------------------------------------------------------------------ */
/* Ingest                                                              */

bool
store_has_same(FriseStore *s, const char *id, const FriseArticle *a)
{
	StoreStmt *st = cached(s, "SELECT hash, published, title, url, lang FROM articles WHERE id = $1", NULL);
	bool same = false;
	if (st != NULL) {
		bind_text(s, st, 1, id);
		if (step(s, st, "read the articles", NULL) == STORE_STEP_ROW)
			same = g_strcmp0(col_raw(s, st, 0), a->hash) == 0 &&
			       g_strcmp0(col_raw(s, st, 1), a->published) == 0 &&
			       g_strcmp0(col_raw(s, st, 2), a->title) == 0 && g_strcmp0(col_raw(s, st, 3), a->url) == 0 &&
			       g_strcmp0(col_raw(s, st, 4), frise_lang_code(a->lang)) == 0;
	}
	release(s, st);
	return same;
}

/* Binds an article's columns as $1…$10 (hash … ingested). */
static void
bind_article(FriseStore *s, StoreStmt *st, const FriseArticle *a, gint64 now)
{
	bind_text(s, st, 1, a->hash);
	bind_text(s, st, 2, a->path);
	bind_text(s, st, 3, a->title);
	bind_text(s, st, 4, a->url);
	bind_text(s, st, 5, a->source);
	bind_text(s, st, 6, frise_lang_code(a->lang));
	bind_text(s, st, 7, a->published);
	bind_text(s, st, 8, article_origin_name(a->published_origin));
	bind_bytes(s, st, 9, a->text, a->text_len);
	bind_int(s, st, 10, now);
}

static bool drop_lines(FriseStore *s, gint64 seq, GError **error); /* below, with the line counts */

/* The row of article `id`, or of a version-6 store's article of that
 * name and path (keyed by its name then), in *seq (0: none) with its
 * bytes' hash in *hash (a new string). */
static bool
find_article(FriseStore *s, const char *id, const FriseArticle *a, gint64 *seq, char **hash, GError **error)
{
	static const char *const finds[] = {
		"SELECT seq, hash FROM articles WHERE id = $1",
		"SELECT seq, hash FROM articles WHERE id = $1 AND name = $1 AND path = $2",
	};
	*seq = 0;
	*hash = NULL;
	for (size_t k = 0; k < G_N_ELEMENTS(finds) && *seq == 0; k++) {
		if (k == 1 && (a->id == NULL || a->path == NULL || strcmp(a->id, id) == 0))
			break;
		StoreStmt *st = cached(s, finds[k], error);
		if (st == NULL)
			return false;
		bind_text(s, st, 1, k == 0 ? id : a->id);
		if (k == 1)
			bind_text(s, st, 2, a->path);
		StoreStep r = step(s, st, "read the articles", error);
		if (r == STORE_STEP_ROW) {
			*seq = col_int(s, st, 0);
			*hash = col_dup(s, st, 1);
		}
		release(s, st);
		if (r == STORE_STEP_ERROR)
			return false;
	}
	return true;
}

bool
store_put_article(FriseStore *s, const char *id, const FriseArticle *a, const GArray *sentences,
		  const GArray *timexes, gint64 now, char **replaced, GError **error)
{
	gint64 seq = 0;
	char *was = NULL;
	if (replaced != NULL)
		*replaced = NULL;
	if (!find_article(s, id, a, &seq, &was, error))
		return false;
	bool renewed = seq != 0 && g_strcmp0(was, a->hash) != 0;
	if (renewed && replaced != NULL)
		*replaced = g_steal_pointer(&was);
	g_free(was);
	/* its lines go first, while its bytes still find a twin */
	if (seq != 0 && !drop_lines(s, seq, error))
		return false;
	StoreStmt *st;
	if (seq != 0) {
		st = cached(s, "UPDATE articles SET hash=$1, path=$2, title=$3, url=$4, source=$5, lang=$6, "
			       "published=$7, origin=$8, text=$9, ingested=$10, estimate=NULL, precision=NULL, "
			       "evidence=NULL, name=$11, id=$12, renewed = CASE WHEN $13 <> 0 THEN 1 ELSE renewed END "
			       "WHERE seq=$14", error);
		if (st == NULL)
			return false;
		bind_article(s, st, a, now);
		bind_text(s, st, 11, a->id);
		bind_text(s, st, 12, id);
		bind_int(s, st, 13, renewed);
		bind_int(s, st, 14, seq);
		bool ok = run(s, st, "save an article", error);
		release(s, st);
		if (!ok)
			return false;
	} else {
		st = cached(s, "INSERT INTO articles (hash, path, title, url, source, lang, published, origin, text, "
			       "ingested, name, id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING seq", error);
		if (st == NULL)
			return false;
		bind_article(s, st, a, now);
		bind_text(s, st, 11, a->id);
		bind_text(s, st, 12, id);
		StoreStep r = step(s, st, "save an article", error);
		if (r == STORE_STEP_ROW)
			seq = col_int(s, st, 0);
		release(s, st);
		if (r != STORE_STEP_ROW)
			return false;
	}
	static const char *const deletes[] = {
		"DELETE FROM sentences WHERE article = $1", "DELETE FROM mentions WHERE article = $1",
		"DELETE FROM candidates WHERE article = $1", "UPDATE articles SET extracted = 0 WHERE seq = $1",
	};
	bool ok = true;
	for (size_t k = 0; ok && k < G_N_ELEMENTS(deletes); k++) {
		st = cached(s, deletes[k], error);
		if (st == NULL)
			return false;
		bind_int(s, st, 1, seq);
		ok = run(s, st, "delete an article's sentences and mentions", error);
		release(s, st);
	}
	st = ok ? cached(s, "INSERT INTO sentences (article, idx, start, \"end\", raw_start, raw_end, boilerplate) "
			    "VALUES ($1,$2,$3,$4,$5,$6,$7)", error) : NULL;
	ok = st != NULL;
	for (guint i = 0; ok && i < sentences->len; i++) {
		const FriseSentence *se = &g_array_index(sentences, FriseSentence, i);
		bind_int(s, st, 1, seq);
		bind_int(s, st, 2, i);
		bind_int(s, st, 3, (gint64)se->start);
		bind_int(s, st, 4, (gint64)se->end);
		bind_int(s, st, 5, (gint64)se->raw_start);
		bind_int(s, st, 6, (gint64)se->raw_end);
		bind_int(s, st, 7, se->boilerplate);
		ok = run(s, st, "save a sentence", error);
		release(s, st);
	}
	return ok && store_save_mentions(s, seq, 0, timexes, error);
}

bool
store_save_mentions(FriseStore *s, gint64 seq, int resolved, const GArray *tx, GError **error)
{
	StoreStmt *del = cached(s, "DELETE FROM mentions WHERE article = $1 AND resolved = $2", error);
	if (del == NULL)
		return false;
	bind_int(s, del, 1, seq);
	bind_int(s, del, 2, resolved);
	bool ok = run(s, del, "delete mentions", error);
	release(s, del);
	if (!ok || tx == NULL)
		return ok;
	StoreStmt *st = cached(s, "INSERT INTO mentions (article, resolved, start, \"end\", type, value, mod, tense, "
				  "relative, rule) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) "
				  "ON CONFLICT (article, resolved, start) DO UPDATE SET \"end\" = excluded.\"end\", "
				  "type = excluded.type, value = excluded.value, mod = excluded.mod, "
				  "tense = excluded.tense, relative = excluded.relative, rule = excluded.rule", error);
	if (st == NULL)
		return false;
	for (guint i = 0; ok && i < tx->len; i++) {
		const FriseTimex *t = &g_array_index(tx, FriseTimex, i);
		bind_int(s, st, 1, seq);
		bind_int(s, st, 2, resolved);
		bind_int(s, st, 3, (gint64)t->start);
		bind_int(s, st, 4, (gint64)t->end);
		bind_text(s, st, 5, timex_type_name(t->type));
		bind_text(s, st, 6, t->value);
		bind_text(s, st, 7, t->mod);
		bind_int(s, st, 8, (gint64)t->tense);
		bind_int(s, st, 9, t->relative);
		bind_text(s, st, 10, t->rule);
		ok = run(s, st, "save a mention", error);
		release(s, st);
	}
	return ok;
}
/* ------------------------------------------------------------------ */
/* Line counts (the boilerplate stage's corpus evidence)               */

/* Hashes or articles per query: a full IN list each time (the last one
 * padded with its last value), so that one statement is kept prepared. */
#define LINES_PER_QUERY 128

/* "PREFIX$1, $2, … $LINES_PER_QUERY)SUFFIX": a new string. */
static char *
in_list(const char *prefix, const char *suffix)
{
	GString *sql = g_string_new(prefix);
	for (int k = 1; k <= LINES_PER_QUERY; k++)
		g_string_append_printf(sql, k > 1 ? ", $%d" : "$%d", k);
	g_string_append_c(sql, ')');
	g_string_append(sql, suffix);
	return g_string_free(sql, FALSE);
}

/* Binds values[from…] as $1…$LINES_PER_QUERY, the last repeated. */
static void
bind_list(FriseStore *s, StoreStmt *st, const gint64 *values, guint n, guint from)
{
	for (guint k = 0; k < LINES_PER_QUERY; k++)
		bind_int(s, st, (int)k + 1, values[MIN(from + k, n - 1)]);
}

/* Runs cached statement `sql` with $1 = a (and $2 = b when two). */
static bool
run_with(FriseStore *s, const char *sql, gint64 a, gint64 b, int n, const char *what, GError **error)
{
	StoreStmt *st = cached(s, sql, error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, a);
	if (n > 1)
		bind_int(s, st, 2, b);
	bool ok = run(s, st, what, error);
	release(s, st);
	return ok;
}

/* The articles whose lines are kept, with distinct bytes. */
static bool
corpus_size(FriseStore *s, gint64 *n, GError **error)
{
	*n = 0;
	StoreStmt *st = cached(s, "SELECT count(DISTINCT hash) FROM articles WHERE lines = 1", error);
	if (st == NULL)
		return false;
	StoreStep r = step(s, st, "read the line counts", error);
	if (r == STORE_STEP_ROW)
		*n = col_int(s, st, 0);
	release(s, st);
	return r != STORE_STEP_ERROR;
}

/* Whether article `seq`'s lines are kept (*kept) and whether they count in
 * line_counts through it: they do unless another article with the same
 * bytes, whose lines are the same, has its lines kept (*twin). */
static bool
lines_state(FriseStore *s, gint64 seq, bool *kept, bool *twin, GError **error)
{
	*kept = *twin = false;
	StoreStmt *st = cached(s, "SELECT a.lines, (SELECT count(*) FROM articles b WHERE b.lines = 1 AND "
				  "b.hash = a.hash AND b.seq <> a.seq) FROM articles a WHERE a.seq = $1", error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, seq);
	StoreStep r = step(s, st, "read the articles", error);
	if (r == STORE_STEP_ROW) {
		*kept = col_int(s, st, 0) != 0;
		*twin = col_int(s, st, 1) > 0;
	}
	release(s, st);
	return r != STORE_STEP_ERROR;
}

/* Drops article `seq`'s lines, and their counts unless a twin holds
 * them. Before its bytes change (the twin is found by them). */
static bool
drop_lines(FriseStore *s, gint64 seq, GError **error)
{
	bool kept, twin;
	if (!lines_state(s, seq, &kept, &twin, error))
		return false;
	bool ok = true;
	if (kept && !twin)
		ok = run_with(s, "UPDATE line_counts SET articles = articles - 1 WHERE hash IN "
				 "(SELECT hash FROM article_lines WHERE article = $1)", seq, 0, 1, "update the line counts",
			      error) &&
		     run_with(s, "DELETE FROM line_counts WHERE articles <= 0 AND hash IN "
				 "(SELECT hash FROM article_lines WHERE article = $1)", seq, 0, 1, "update the line counts",
			      error);
	return ok && run_with(s, "DELETE FROM article_lines WHERE article = $1", seq, 0, 1, "delete an article's lines",
			      error) &&
	       run_with(s, "UPDATE articles SET lines = 0, title_from_body = 0 WHERE seq = $1", seq, 0, 1,
			"delete an article's lines", error);
}

typedef struct {
	const GArray *hashes;
	const char *const *ids;
	size_t nids;
	GHashTable *counts;
	size_t articles;
} LineCounts;

/* `minus` (hash -> count, owned keys): the lines of the stored versions
 * of lc->ids (distinct bytes), which count as read, not as stored;
 * *stored loses one per such version. */
static bool
lines_read_again(FriseStore *s, LineCounts *lc, GHashTable *minus, gint64 *stored, GError **error)
{
	GHashTable *done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* ids and bytes met */
	bool ok = true;
	for (size_t i = 0; ok && i < lc->nids; i++) {
		if (!g_hash_table_add(done, g_strdup(lc->ids[i])))
			continue; /* an id named twice counts once */
		StoreStmt *st = cached(s, "SELECT seq, hash FROM articles WHERE id = $1 AND lines = 1", error);
		if (st == NULL)
			return false;
		bind_text(s, st, 1, lc->ids[i]);
		StoreStep r = step(s, st, "read the articles", error);
		gint64 seq = r == STORE_STEP_ROW ? col_int(s, st, 0) : 0;
		char *sha = r == STORE_STEP_ROW ? g_strconcat("sha:", col_str(s, st, 1), NULL) : NULL;
		release(s, st);
		ok = r != STORE_STEP_ERROR;
		if (sha == NULL || !g_hash_table_add(done, sha))
			continue;
		(*stored)--;
		st = ok ? cached(s, "SELECT hash FROM article_lines WHERE article = $1", error) : NULL;
		ok = st != NULL;
		if (!ok)
			break;
		bind_int(s, st, 1, seq);
		while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
			guint64 h = (guint64)col_int(s, st, 0);
			guint n = GPOINTER_TO_UINT(g_hash_table_lookup(minus, &h));
			g_hash_table_replace(minus, g_memdup2(&h, sizeof h), GUINT_TO_POINTER(n + 1));
		}
		release(s, st);
		ok = r == STORE_STEP_DONE;
	}
	g_hash_table_unref(done);
	return ok;
}

static bool
line_counts_body(FriseStore *s, void *data, GError **error)
{
	LineCounts *lc = data;
	lc->articles = 0;
	g_hash_table_remove_all(lc->counts); /* a transaction run again starts again */
	gint64 stored;
	if (!corpus_size(s, &stored, error))
		return false;
	if (stored == 0 || lc->hashes->len == 0)
		return true;
	GHashTable *minus = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	bool ok = lines_read_again(s, lc, minus, &stored, error);
	/* each hash of the batch, by a key that points into lc->hashes */
	GHashTable *wanted = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (guint i = 0; i < lc->hashes->len; i++)
		g_hash_table_add(wanted, &g_array_index(lc->hashes, guint64, i));
	char *sql = in_list("SELECT hash, articles FROM line_counts WHERE hash IN (", "");
	StoreStmt *st = ok ? cached(s, sql, error) : NULL;
	g_free(sql);
	ok = st != NULL;
	const gint64 *values = (const gint64 *)(const void *)lc->hashes->data; /* the bits as they are */
	for (guint from = 0; ok && from < lc->hashes->len; from += LINES_PER_QUERY) {
		bind_list(s, st, values, lc->hashes->len, from);
		StoreStep r;
		while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
			guint64 h = (guint64)col_int(s, st, 0);
			gpointer key;
			if (!g_hash_table_lookup_extended(wanted, &h, &key, NULL))
				continue;
			gint64 n = col_int(s, st, 1) - GPOINTER_TO_UINT(g_hash_table_lookup(minus, &h));
			if (n > 0)
				g_hash_table_insert(lc->counts, key, GUINT_TO_POINTER((guint)n));
		}
		release(s, st);
		ok = r == STORE_STEP_DONE;
	}
	g_hash_table_unref(wanted);
	g_hash_table_unref(minus);
	lc->articles = stored > 0 ? (size_t)stored : 0;
	return ok;
}

bool
store_line_counts(FriseStore *s, const GArray *hashes, const char *const *ids, size_t nids, GHashTable *counts,
		  size_t *articles, GError **error)
{
	LineCounts lc = { hashes, ids, nids, counts, 0 };
	bool ok = store_tx(s, STORE_TX_READ, line_counts_body, &lc, error);
	*articles = ok ? lc.articles : 0;
	return ok;
}

bool
store_put_lines(FriseStore *s, const char *id, const GArray *hashes, const guint8 *repeated, bool title_from_body,
		GError **error)
{
	StoreStmt *st = cached(s, "SELECT seq FROM articles WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	StoreStep r = step(s, st, "read the articles", error);
	gint64 seq = r == STORE_STEP_ROW ? col_int(s, st, 0) : 0;
	release(s, st);
	if (r != STORE_STEP_ROW) {
		if (r == STORE_STEP_DONE)
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: no article '%s' for its lines",
				    s->path, id);
		return false;
	}
	bool kept, twin;
	bool ok = drop_lines(s, seq, error) && lines_state(s, seq, &kept, &twin, error);
	st = ok ? cached(s, "INSERT INTO article_lines (article, hash, repeated) VALUES ($1, $2, $3)", error) : NULL;
	StoreStmt *count = ok && !twin ? cached(s, "INSERT INTO line_counts (hash, articles) VALUES ($1, 1) ON CONFLICT "
						   "(hash) DO UPDATE SET articles = line_counts.articles + 1", error)
				       : NULL;
	ok = st != NULL && (twin || count != NULL);
	for (guint i = 0; ok && i < hashes->len; i++) {
		gint64 h = (gint64)g_array_index(hashes, guint64, i);
		bind_int(s, st, 1, seq);
		bind_int(s, st, 2, h);
		bind_int(s, st, 3, repeated != NULL && repeated[i]);
		ok = run(s, st, "save an article's lines", error);
		release(s, st);
		if (ok && !twin) {
			bind_int(s, count, 1, h);
			ok = run(s, count, "update the line counts", error);
			release(s, count);
		}
	}
	return ok && run_with(s, "UPDATE articles SET lines = 1, title_from_body = $1 WHERE seq = $2", title_from_body,
			      seq, 2, "save an article's lines", error);
}

bool
store_put_line_flags(FriseStore *s, gint64 seq, const GArray *hashes, const guint8 *repeated, GError **error)
{
	StoreStmt *st = cached(s, "UPDATE article_lines SET repeated = $1 WHERE article = $2 AND hash = $3", error);
	bool ok = st != NULL;
	for (guint i = 0; ok && i < hashes->len; i++) {
		bind_int(s, st, 1, repeated[i] != 0);
		bind_int(s, st, 2, seq);
		bind_int(s, st, 3, (gint64)g_array_index(hashes, guint64, i));
		ok = run(s, st, "save an article's lines", error);
		release(s, st);
	}
	return ok;
}

bool
store_corpus_size(FriseStore *s, size_t *articles, GError **error)
{
	gint64 n;
	bool ok = corpus_size(s, &n, error);
	*articles = ok && n > 0 ? (size_t)n : 0;
	return ok;
}

bool
store_repeated_lines(FriseStore *s, guint threshold, GHashTable *repeated, GError **error)
{
	StoreStmt *st = prepare(s, "SELECT hash, articles FROM line_counts WHERE articles >= $1", error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, threshold);
	StoreStep r;
	while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
		guint64 h = (guint64)col_int(s, st, 0);
		g_hash_table_replace(repeated, g_memdup2(&h, sizeof h), GUINT_TO_POINTER((guint)col_int(s, st, 1)));
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

bool
store_lines_changed(FriseStore *s, guint threshold, GArray *seqs, GError **error)
{
	g_array_set_size(seqs, 0);
	StoreStmt *st = prepare(s, "SELECT DISTINCT l.article FROM article_lines l JOIN line_counts c ON c.hash = l.hash "
				   "WHERE l.repeated <> (CASE WHEN c.articles >= $1 THEN 1 ELSE 0 END) ORDER BY l.article",
				error);
	if (st == NULL)
		return false;
	bind_int(s, st, 1, threshold);
	StoreStep r;
	while ((r = step(s, st, "read the line counts", error)) == STORE_STEP_ROW) {
		gint64 seq = col_int(s, st, 0);
		g_array_append_val(seqs, seq);
	}
	done(s, st);
	return r == STORE_STEP_DONE;
}

void
store_lined_clear(StoreLined *d)
{
	g_free(d->id);
	g_free(d->title);
	g_free(d->text);
	if (d->sentences != NULL)
		g_array_unref(d->sentences);
	if (d->hashes != NULL)
		g_array_unref(d->hashes);
	g_free(d->repeated);
}

typedef struct {
	const gint64 *seqs;
	guint n;
	GArray *out;
} LinedRead;

static void
lined_row(FriseStore *s, StoreStmt *st, GArray *out)
{
	StoreLined d = { 0 };
	d.seq = col_int(s, st, 0);
	d.id = col_dup(s, st, 1);
	d.title = col_dup(s, st, 2);
	d.lang = frise_lang_parse(col_str(s, st, 3));
	d.title_from_body = col_int(s, st, 4) != 0;
	const char *text = s->be->col_text(st, 5, &d.len);
	d.text = text ? g_strndup(text, d.len) : g_strdup("");
	if (text == NULL)
		d.len = 0;
	d.sentences = g_array_new(FALSE, TRUE, sizeof(FriseSentence));
	d.hashes = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_array_append_val(out, d);
}

/* The sentences and kept lines of each article of `out`. */
static bool
lined_rows(FriseStore *s, GArray *out, GError **error)
{
	StoreStmt *st = cached(s, "SELECT idx, start, \"end\", boilerplate FROM sentences WHERE article = $1 ORDER BY idx",
			       error);
	StoreStmt *ls = st != NULL ? cached(s, "SELECT hash, repeated FROM article_lines WHERE article = $1", error)
				   : NULL;
	bool ok = ls != NULL;
	for (guint i = 0; ok && i < out->len; i++) {
		StoreLined *d = &g_array_index(out, StoreLined, i);
		bind_int(s, st, 1, d->seq);
		StoreStep r;
		while ((r = step(s, st, "read the sentences", error)) == STORE_STEP_ROW) {
			guint idx = (guint)col_int(s, st, 0);
			if (idx >= d->sentences->len)
				g_array_set_size(d->sentences, idx + 1);
			FriseSentence *se = &g_array_index(d->sentences, FriseSentence, idx);
			se->start = (size_t)col_int(s, st, 1);
			se->end = (size_t)col_int(s, st, 2);
			se->boilerplate = col_int(s, st, 3) != 0;
		}
		release(s, st);
		ok = r == STORE_STEP_DONE;
		bind_int(s, ls, 1, d->seq);
		GByteArray *rep = g_byte_array_new();
		while (ok && (r = step(s, ls, "read the line counts", error)) == STORE_STEP_ROW) {
			guint64 h = (guint64)col_int(s, ls, 0);
			guint8 f = col_int(s, ls, 1) != 0;
			g_array_append_val(d->hashes, h);
			g_byte_array_append(rep, &f, 1);
		}
		release(s, ls);
		ok = ok && r == STORE_STEP_DONE;
		d->repeated = g_byte_array_free(rep, FALSE);
	}
	return ok;
}

static bool
load_lined_body(FriseStore *s, void *data, GError **error)
{
	LinedRead *rd = data;
	g_array_set_size(rd->out, 0);
	char *sql = rd->seqs != NULL ? in_list("SELECT seq, id, title, lang, title_from_body, text FROM articles "
					       "WHERE seq IN (", " ORDER BY seq")
				     : g_strdup("SELECT seq, id, title, lang, title_from_body, text FROM articles "
						"WHERE lines = 0 ORDER BY seq LIMIT $1");
	StoreStmt *st = cached(s, sql, error);
	g_free(sql);
	if (st == NULL)
		return false;
	StoreStep r = STORE_STEP_DONE;
	for (guint from = 0; r == STORE_STEP_DONE && from < (rd->seqs != NULL ? rd->n : 1); from += LINES_PER_QUERY) {
		if (rd->seqs != NULL)
			bind_list(s, st, rd->seqs, rd->n, from);
		else
			bind_int(s, st, 1, rd->n);
		while ((r = step(s, st, "read the articles", error)) == STORE_STEP_ROW)
			lined_row(s, st, rd->out);
		release(s, st);
	}
	return r == STORE_STEP_DONE && lined_rows(s, rd->out, error);
}

GArray *
store_load_lined(FriseStore *s, const gint64 *seqs, guint n, GError **error)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(StoreLined));
	g_array_set_clear_func(out, (GDestroyNotify)store_lined_clear);
	LinedRead rd = { seqs, n, out };
	if (n > 0 && !store_tx(s, STORE_TX_READ, load_lined_body, &rd, error)) {
		g_array_unref(out);
		return NULL;
	}
	return out;
}

bool
store_put_judgment(FriseStore *s, gint64 seq, const char *title, const GArray *flags, GError **error)
{
	bool ok = true;
	StoreStmt *st;
	if (title != NULL) {
		st = cached(s, "UPDATE articles SET title = $1 WHERE seq = $2", error);
		ok = st != NULL;
		if (ok) {
			bind_text(s, st, 1, title);
			bind_int(s, st, 2, seq);
			ok = run(s, st, "save an article's title", error);
			release(s, st);
		}
	}
	st = ok ? cached(s, "UPDATE sentences SET boilerplate = $1 WHERE article = $2 AND idx = $3", error) : NULL;
	ok = ok && st != NULL;
	for (guint i = 0; ok && i < flags->len; i++) {
		int f = g_array_index(flags, int, i);
		if (f < 0)
			continue; /* unchanged */
		bind_int(s, st, 1, f);
		bind_int(s, st, 2, seq);
		bind_int(s, st, 3, i);
		ok = run(s, st, "save a sentence", error);
		release(s, st);
	}
	return ok && run_with(s, "DELETE FROM candidates WHERE article = $1", seq, 0, 1, "drop an article's candidates",
			      error) &&
	       run_with(s, "UPDATE articles SET extracted = 0 WHERE seq = $1", seq, 0, 1, "drop an article's candidates",
			error);
}
