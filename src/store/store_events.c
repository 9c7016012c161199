/*
 * store_events.c — the events' rows (prefix store_; see rows.h and
 * store.h): the extractor's candidates (store_put_candidates(),
 * store_each_candidate(), store_reset_candidates()), the estimator's
 * article dates (store_put_estimate()), the merged events and their
 * sources (store_put_events()), and the timeline the renderers read
 * (store_timeline(), store_put_timeline_title()).
 *
 * Invariants: an event keeps its sequence (its version), created,
 * modified, changed_by and change while its content digest is unchanged;
 * a changed one goes up one version, modified now (frise_now(), Unix
 * seconds). store_timeline() is one snapshot and new memory; its events
 * are in their stored order (ord, as the merge left them), each source's
 * offsets raw bytes into its article, end exclusive.
 */
#include "store/store_private.h"

#include <stdint.h>

/* ------------------------------------------------------------------ */
/* Candidates                                                          */

enum { CAND_GENERIC = 1, CAND_WEAK = 2, CAND_SINCE = 4 };

bool
store_put_candidates(FriseStore *s, const char *id, const StoreCandidate *rows, size_t n, GError **error)
{
	StoreStmt *st = cached(s, "SELECT seq FROM articles WHERE id = $1", error);
	if (st == NULL)
		return false;
	bind_text(s, st, 1, id);
	gint64 seq = 0;
	StoreStep r = step(s, st, "read the articles", error);
	if (r == STORE_STEP_ROW)
		seq = col_int(s, st, 0);
	release(s, st);
	if (r != STORE_STEP_ROW) {
		if (r == STORE_STEP_DONE)
			g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_STORE, "%s: no article '%s' for its candidates",
				    s->path, id);
		return false;
	}
	StoreStmt *del = cached(s, "DELETE FROM candidates WHERE article = $1", error);
	if (del == NULL)
		return false;
	bind_int(s, del, 1, seq);
	bool ok = run(s, del, "delete candidates", error);
	release(s, del);
	StoreStmt *ins = ok ? cached(s, "INSERT INTO candidates (article, idx, sentence, start, \"end\", ttype, value, "
				       "mod, tense, relative, rule, key, type, flags, status, position, title, words, "
				       "quote, raw_start, raw_end, after) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,"
				       "$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)", error) : NULL;
	ok = ins != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		const StoreCandidate *c = &rows[i];
		bind_int(s, ins, 1, seq);
		bind_int(s, ins, 2, (gint64)i);
		bind_int(s, ins, 3, c->sentence);
		bind_int(s, ins, 4, (gint64)c->timex.start);
		bind_int(s, ins, 5, (gint64)c->timex.end);
		bind_text(s, ins, 6, timex_type_name(c->timex.type));
		bind_text(s, ins, 7, c->timex.value);
		bind_text(s, ins, 8, c->timex.mod);
		bind_int(s, ins, 9, (gint64)c->timex.tense);
		bind_int(s, ins, 10, c->timex.relative);
		bind_text(s, ins, 11, c->timex.rule);
		bind_text(s, ins, 12, c->key);
		bind_text(s, ins, 13, c->type);
		bind_int(s, ins, 14, (c->generic ? CAND_GENERIC : 0) | (c->weak_title ? CAND_WEAK : 0) |
					     (c->since ? CAND_SINCE : 0));
		bind_int(s, ins, 15, c->status);
		bind_real(s, ins, 16, c->position);
		bind_text(s, ins, 17, c->title);
		bind_text(s, ins, 18, c->words);
		bind_text(s, ins, 19, c->quote);
		bind_int(s, ins, 20, (gint64)c->raw_start);
		bind_int(s, ins, 21, (gint64)c->raw_end);
		bind_text(s, ins, 22, c->after != NULL ? c->after : "");
		ok = run(s, ins, "save a candidate", error);
		release(s, ins);
	}
	StoreStmt *up = ok ? cached(s, "UPDATE articles SET extracted = 1 WHERE seq = $1", error) : NULL;
	ok = up != NULL;
	if (ok) {
		bind_int(s, up, 1, seq);
		ok = run(s, up, "mark an article extracted", error);
		release(s, up);
	}
	return ok;
}

typedef struct {
	StoreCandidateFunc fn;
	void *data;
} EachCandidate;

static bool
each_candidate_body(FriseStore *s, void *data, GError **error)
{
	EachCandidate *ec = data;
	/* the extracted dated articles only: an article re-ingested since
	 * (extracted 0) has no candidates of its old text left to read */
	StoreStmt *st = prepare(s, "SELECT c.article, c.sentence, c.start, c.\"end\", c.ttype, c.value, c.mod, c.tense, "
				   "c.relative, c.rule, c.key, c.type, c.flags, c.status, c.position, c.title, c.words, "
				   "c.quote, c.raw_start, c.raw_end, c.after FROM candidates c JOIN articles a ON a.seq = c.article "
				   "WHERE a.extracted = 1 AND a.published IS NOT NULL ORDER BY c.article, c.idx", error);
	if (st == NULL)
		return false;
	StoreStep r;
	bool ok = true;
	while (ok && (r = step(s, st, "read the candidates", error)) == STORE_STEP_ROW) {
		StoreCandidate c = { 0 };
		c.sentence = (guint)col_int(s, st, 1);
		c.timex.start = (size_t)col_int(s, st, 2);
		c.timex.end = (size_t)col_int(s, st, 3);
		c.timex.type = timex_type_parse(col_str(s, st, 4));
		g_strlcpy(c.timex.value, col_str(s, st, 5), sizeof c.timex.value);
		g_strlcpy(c.timex.mod, col_str(s, st, 6), sizeof c.timex.mod);
		c.timex.tense = (FriseTense)col_int(s, st, 7);
		c.timex.relative = col_int(s, st, 8) != 0;
		c.timex.rule = col_raw(s, st, 9) ? g_intern_string(col_raw(s, st, 9)) : NULL;
		c.key = col_str(s, st, 10);
		c.type = col_str(s, st, 11);
		gint64 flags = col_int(s, st, 12);
		c.generic = (flags & CAND_GENERIC) != 0;
		c.weak_title = (flags & CAND_WEAK) != 0;
		c.since = (flags & CAND_SINCE) != 0;
		c.status = (int)col_int(s, st, 13);
		c.position = col_real(s, st, 14);
		c.title = col_str(s, st, 15);
		c.words = col_str(s, st, 16);
		c.quote = col_str(s, st, 17);
		c.raw_start = (size_t)col_int(s, st, 18);
		c.raw_end = (size_t)col_int(s, st, 19);
		c.after = col_str(s, st, 20);
		ok = ec->fn(col_int(s, st, 0), &c, ec->data, error);
	}
	done(s, st);
	return ok && r == STORE_STEP_DONE;
}

bool
store_each_candidate(FriseStore *s, StoreCandidateFunc fn, void *data, GError **error)
{
	EachCandidate ec = { fn, data };
	return store_tx(s, STORE_TX_READ, each_candidate_body, &ec, error);
}

bool
store_reset_candidates(FriseStore *s, GError **error)
{
	return s->be->exec(s, "DELETE FROM candidates; UPDATE articles SET extracted = 0", error);
}

/* ------------------------------------------------------------------ */
/* Estimates and events                                                */

bool
store_put_estimate(FriseStore *s, gint64 seq, const char *value, const char *precision, const char *evidence,
		   const GArray *timexes, GError **error)
{
	if (!store_save_mentions(s, seq, 1, timexes, error))
		return false;
	StoreStmt *up = cached(s, "UPDATE articles SET estimate = $1, precision = $2, evidence = $3 WHERE seq = $4",
			       error);
	if (up == NULL)
		return false;
	bind_text(s, up, 1, value);
	bind_text(s, up, 2, precision);
	bind_text(s, up, 3, evidence);
	bind_int(s, up, 4, seq);
	bool ok = run(s, up, "save an estimate", error);
	release(s, up);
	return ok;
}

typedef struct {
	int sequence;
	gint64 created, modified;
	char *digest, *changed_by, *change;
} Previous;

static void
previous_free(Previous *p)
{
	g_free(p->digest);
	g_free(p->changed_by);
	g_free(p->change);
	g_free(p);
}

/* The events as they are before a rebuild, by id. */
static GHashTable *
previous_events(FriseStore *s, GError **error)
{
	GHashTable *prev = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)previous_free);
	StoreStmt *st = prepare(s, "SELECT id, sequence, created, modified, digest, changed_by, change FROM events",
				error);
	if (st == NULL) {
		g_hash_table_unref(prev);
		return NULL;
	}
	StoreStep r;
	while ((r = step(s, st, "read the events", error)) == STORE_STEP_ROW) {
		if (col_raw(s, st, 0) == NULL)
			continue;
		Previous *p = g_new0(Previous, 1);
		p->sequence = (int)col_int(s, st, 1);
		p->created = col_int(s, st, 2);
		p->modified = col_int(s, st, 3);
		p->digest = col_text(s, st, 4);
		p->changed_by = col_text(s, st, 5);
		p->change = col_text(s, st, 6);
		g_hash_table_insert(prev, col_text(s, st, 0), p);
	}
	done(s, st);
	if (r != STORE_STEP_DONE) {
		g_hash_table_unref(prev);
		return NULL;
	}
	return prev;
}

bool
store_put_events(FriseStore *s, const GArray *docs, GPtrArray *events, GError **error)
{
	/* without the previous events, every event would look new (its
	 * sequence back to 0, created and modified reset): stop instead */
	GHashTable *prev = previous_events(s, error);
	if (prev == NULL)
		return false;
	bool ok = s->be->exec(s, "DELETE FROM events", error);
	GDateTime *nowt = frise_now();
	gint64 now = g_date_time_to_unix(nowt);
	g_date_time_unref(nowt);
	const char *change = s->change ? s->change : "ingest";
	GHashTable *seq_of = g_hash_table_new(g_str_hash, g_str_equal); /* id -> doc index + 1 */
	for (guint i = 0; i < docs->len; i++) {
		const StoreDoc *d = &g_array_index(docs, StoreDoc, i);
		g_hash_table_insert(seq_of, d->id, GUINT_TO_POINTER(i + 1));
	}
	StoreStmt *ev = ok ? cached(s, "INSERT INTO events (id, ord, value, mod, is_time, title, text, type, status, "
				       "score, conflict, edited, hidden, sequence, created, modified, digest, rank, why, "
				       "changed_by, change, lead_doc, lead_start) "
				       "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)",
				    error) : NULL;
	StoreStmt *so = ev != NULL ? cached(s, "INSERT INTO event_sources (event, idx, article, key, quote, raw_start, "
				       "raw_end, value, mod, why) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)", error) : NULL;
	ok = ok && ev != NULL && so != NULL;
	for (guint i = 0; ok && i < events->len; i++) {
		FriseEvent *e = g_ptr_array_index(events, i);
		char *digest = event_digest(e);
		Previous *p = g_hash_table_lookup(prev, e->id);
		const char *by = s->actor, *how = change;
		if (p == NULL) {
			e->sequence = 0;
			e->created = e->modified = now;
		} else if (g_strcmp0(p->digest, digest) != 0) {
			e->sequence = p->sequence + 1;
			e->created = p->created;
			e->modified = now;
		} else {
			e->sequence = p->sequence;
			e->created = p->created;
			e->modified = p->modified;
			by = p->changed_by;
			how = p->change;
		}
		bind_text(s, ev, 1, e->id);
		bind_int(s, ev, 2, i);
		bind_text(s, ev, 3, e->value);
		bind_text(s, ev, 4, e->mod);
		bind_int(s, ev, 5, e->is_time);
		bind_text(s, ev, 6, e->title);
		bind_text(s, ev, 7, e->text);
		bind_text(s, ev, 8, e->type);
		bind_int(s, ev, 9, (gint64)e->status);
		bind_real(s, ev, 10, e->score);
		bind_int(s, ev, 11, e->conflict);
		bind_int(s, ev, 12, e->edited);
		bind_int(s, ev, 13, e->hidden);
		bind_int(s, ev, 14, e->sequence);
		bind_int(s, ev, 15, e->created);
		bind_int(s, ev, 16, e->modified);
		bind_text(s, ev, 17, digest);
		bind_real(s, ev, 18, e->rank);
		bind_text(s, ev, 19, e->why);
		bind_text(s, ev, 20, by);
		bind_text(s, ev, 21, how);
		/* where it first appears, in the docs' order (theirs: the articles' identities) */
		guint lead = G_MAXUINT;
		size_t lead_start = 0;
		for (guint k = 0; k < e->sources->len; k++) {
			FriseSource *src = g_ptr_array_index(e->sources, k);
			guint di = GPOINTER_TO_UINT(g_hash_table_lookup(seq_of, src->article));
			if (di != 0 && (di - 1 < lead || (di - 1 == lead && src->start < lead_start))) {
				lead = di - 1;
				lead_start = src->start;
			}
		}
		bind_int(s, ev, 22, lead == G_MAXUINT ? G_MAXINT32 : (gint64)lead);
		bind_int(s, ev, 23, (gint64)lead_start);
		g_free(digest);
		ok = run(s, ev, "save an event", error);
		release(s, ev);
		for (guint k = 0; ok && k < e->sources->len; k++) {
			FriseSource *src = g_ptr_array_index(e->sources, k);
			guint di = GPOINTER_TO_UINT(g_hash_table_lookup(seq_of, src->article));
			bind_text(s, so, 1, e->id);
			bind_int(s, so, 2, k);
			bind_int(s, so, 3, di != 0 ? g_array_index(docs, StoreDoc, di - 1).seq : 0);
			bind_text(s, so, 4, g_ptr_array_index(e->keys, k));
			bind_text(s, so, 5, src->quote);
			bind_int(s, so, 6, (gint64)src->start);
			bind_int(s, so, 7, (gint64)src->end);
			bind_text(s, so, 8, src->value);
			bind_text(s, so, 9, src->mod);
			bind_text(s, so, 10, src->why);
			ok = run(s, so, "save an event source", error);
			release(s, so);
		}
	}
	g_hash_table_unref(seq_of);
	g_hash_table_unref(prev);
	return ok;
}
bool
store_put_timeline_title(FriseStore *s, const char *title, GError **error)
{
	return store_set_state(s, "title", title, error);
}

/* ------------------------------------------------------------------ */
/* Timeline                                                            */

/* Order of first appearance in the articles (article seq, then bytes). */
typedef struct {
	FriseEvent *e;
	gint64 seq;
	size_t start;
	guint ord;
} Ranked;

static gint
cmp_ord(gconstpointer pa, gconstpointer pb)
{
	const Ranked *a = pa, *b = pb;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/* The ids of the q->top best events: by rank (salience.c ranks them: a
 * busy day gives way), ties in order of first appearance in the articles
 * (in the order of their identities, then byte: events.lead_doc and
 * lead_start, which the rebuild wrote), then in date order. A new set of ids, or NULL. */
static GHashTable *
top_events(FriseStore *s, const FriseTimelineQuery *q, GError **error)
{
	StoreStmt *st = prepare(s,
		"SELECT e.id FROM events e WHERE $1 <> 0 OR e.hidden = 0 ORDER BY e.rank DESC,"
		" e.lead_doc, e.lead_start, e.ord LIMIT $2", error);
	if (st == NULL)
		return NULL;
	bind_int(s, st, 1, q->with_hidden);
	bind_int(s, st, 2, q->top > INT64_MAX ? INT64_MAX : (gint64)q->top);
	GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	StoreStep r;
	while ((r = step(s, st, "rank the events", error)) == STORE_STEP_ROW)
		g_hash_table_add(ids, col_text(s, st, 0));
	done(s, st);
	if (r != STORE_STEP_DONE) {
		g_hash_table_unref(ids);
		return NULL;
	}
	return ids;
}

typedef struct {
	const FriseTimelineQuery *q;
	FriseTimeline *tl;
} TimelineRead;

/* An article of the timeline with its identity, which orders them. */
typedef struct {
	char *identity;
	gint64 seq;
	FriseArticleInfo *info;
} ArticleRow;

static gint
cmp_article_row(gconstpointer pa, gconstpointer pb)
{
	const ArticleRow *a = pa, *b = pb;
	int c = strcmp(a->identity, b->identity);
	return c != 0 ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

static bool
timeline_body(FriseStore *s, void *data, GError **error)
{
	TimelineRead *tr = data;
	const FriseTimelineQuery *q = tr->q;
	event_timeline_free(tr->tl);
	FriseTimeline *tl = tr->tl = event_timeline_new();
	/* articles */
	GHashTable *info_of = g_hash_table_new(g_int64_hash, g_int64_equal);
	GArray *seqs = g_array_new(FALSE, FALSE, sizeof(gint64));
	GArray *ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
	GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *kept = NULL;
	StoreStep r = STORE_STEP_ERROR;
	/* in the order of their identities, whatever order they came in */
	StoreStmt *st = prepare(s, "SELECT seq, coalesce(name, id), title, url, published, origin, estimate, lang, "
				   "source, id FROM articles", error);
	GArray *order = g_array_new(FALSE, FALSE, sizeof(ArticleRow));
	bool ok = st != NULL;
	int counts[FRISE_LANG_COUNT] = { 0 };
	while (ok && (r = step(s, st, "read the articles", error)) == STORE_STEP_ROW) {
		FriseArticleInfo *a = g_new0(FriseArticleInfo, 1);
		gint64 seq = col_int(s, st, 0);
		a->id = col_dup(s, st, 1);
		a->title = col_dup(s, st, 2);
		a->url = col_text(s, st, 3);
		a->published = col_text(s, st, 4);
		a->origin = col_dup(s, st, 5);
		if (a->published == NULL && col_raw(s, st, 6) != NULL) {
			a->published = col_text(s, st, 6);
			g_free(a->origin);
			a->origin = g_strdup(article_origin_name(FRISE_ORIGIN_ESTIMATED));
		}
		a->lang = frise_lang_parse(col_str(s, st, 7));
		a->source = col_raw(s, st, 8) != NULL && *col_raw(s, st, 8) != '\0' ? col_text(s, st, 8) : NULL;
		counts[a->lang]++;
		ArticleRow row = { col_dup(s, st, 9), seq, a };
		g_array_append_val(order, row);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	g_array_sort(order, cmp_article_row);
	for (guint i = 0; i < order->len; i++) {
		ArticleRow *row = &g_array_index(order, ArticleRow, i);
		g_array_append_val(seqs, row->seq);
		g_ptr_array_add(tl->articles, row->info);
		g_free(row->identity);
	}
	g_array_unref(order);
	for (guint i = 0; ok && i < tl->articles->len; i++)
		g_hash_table_insert(info_of, &g_array_index(seqs, gint64, i), g_ptr_array_index(tl->articles, i));
	tl->lang = counts[FRISE_LANG_EN] > counts[FRISE_LANG_FR] ? FRISE_LANG_EN : FRISE_LANG_FR;
	/* the story's title, as the last rebuild chose it (a store that no
	 * rebuild of this frise wrote: the first article's) */
	ok = ok && store_get_state(s, "title", &tl->title, error);
	if (tl->title == NULL && tl->articles->len > 0)
		tl->title = g_strdup(((FriseArticleInfo *)g_ptr_array_index(tl->articles, 0))->title);
	else if (tl->title == NULL)
		tl->title = g_strdup("");
	/* events; with a --top, the database picks the kept ones first (a
	 * bounded sort), so that memory grows with the events kept, not with
	 * the store: a 1,000,000-event store is listed --top 100 in a few MB */
	if (ok && q != NULL && q->top > 0)
		ok = (kept = top_events(s, q, error)) != NULL;
	st = ok ? prepare(s, "SELECT id, ord, value, mod, is_time, title, text, type, status, score, conflict, "
			     "edited, hidden, sequence, created, modified, rank, why FROM events ORDER BY ord", error)
		: NULL;
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the events", error)) == STORE_STEP_ROW) {
		if (col_int(s, st, 12) && !(q != NULL && q->with_hidden))
			continue;
		if (kept != NULL && !g_hash_table_contains(kept, col_str(s, st, 0)))
			continue;
		FriseEvent *e = g_new0(FriseEvent, 1);
		e->id = col_dup(s, st, 0);
		e->value = col_dup(s, st, 2);
		e->mod = col_dup(s, st, 3);
		e->is_time = col_int(s, st, 4) != 0;
		e->title = col_dup(s, st, 5);
		e->text = col_dup(s, st, 6);
		e->type = col_dup(s, st, 7);
		e->status = (FriseStatus)col_int(s, st, 8);
		e->score = col_real(s, st, 9);
		e->conflict = col_int(s, st, 10) != 0;
		e->edited = col_int(s, st, 11) != 0;
		e->hidden = col_int(s, st, 12) != 0;
		e->sequence = (int)col_int(s, st, 13);
		e->created = col_int(s, st, 14);
		e->modified = col_int(s, st, 15);
		e->rank = col_real(s, st, 16);
		e->why = col_text(s, st, 17);
		e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		e->keys = g_ptr_array_new_with_free_func(g_free);
		Ranked rk = { e, G_MAXINT64, SIZE_MAX, (guint)col_int(s, st, 1) };
		g_array_append_val(ranked, rk);
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	for (guint i = 0; i < ranked->len; i++)
		g_hash_table_insert(by_id, g_array_index(ranked, Ranked, i).e->id, GUINT_TO_POINTER(i));
	st = ok ? prepare(s, "SELECT event, article, key, quote, raw_start, raw_end, value, mod, why "
			     "FROM event_sources ORDER BY event, idx", error) : NULL;
	ok = st != NULL;
	while (ok && (r = step(s, st, "read the event sources", error)) == STORE_STEP_ROW) {
		gpointer ip;
		if (!g_hash_table_lookup_extended(by_id, col_str(s, st, 0), NULL, &ip))
			continue;
		Ranked *rk = &g_array_index(ranked, Ranked, GPOINTER_TO_UINT(ip));
		gint64 aseq = col_int(s, st, 1);
		FriseArticleInfo *a = g_hash_table_lookup(info_of, &aseq);
		FriseSource *src = g_new0(FriseSource, 1);
		src->article = g_strdup(a ? a->id : "");
		src->title = g_strdup(a ? a->title : "");
		src->url = g_strdup(a ? a->url : NULL);
		src->published = g_strdup(a ? a->published : NULL);
		src->quote = col_dup(s, st, 3);
		src->start = (size_t)col_int(s, st, 4);
		src->end = (size_t)col_int(s, st, 5);
		src->value = col_dup(s, st, 6);
		src->mod = col_dup(s, st, 7);
		src->why = col_text(s, st, 8);
		g_ptr_array_add(rk->e->sources, src);
		g_ptr_array_add(rk->e->keys, col_dup(s, st, 2));
		if (aseq < rk->seq || (aseq == rk->seq && src->start < rk->start)) {
			rk->seq = aseq;
			rk->start = src->start;
		}
	}
	done(s, st);
	ok = ok && r == STORE_STEP_DONE;
	g_hash_table_unref(by_id);
	if (kept != NULL)
		g_hash_table_unref(kept);
	g_array_sort(ranked, cmp_ord);
	for (guint i = 0; i < ranked->len; i++)
		g_ptr_array_add(tl->events, g_array_index(ranked, Ranked, i).e);
	g_array_unref(ranked);
	g_hash_table_unref(info_of);
	g_array_unref(seqs);
	return ok;
}

FriseTimeline *
store_timeline(FriseStore *s, const FriseTimelineQuery *q, GError **error)
{
	TimelineRead tr = { q, NULL };
	if (!store_tx(s, STORE_TX_READ, timeline_body, &tr, error)) {
		event_timeline_free(tr.tl);
		return NULL;
	}
	return tr.tl;
}
