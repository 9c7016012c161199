/*
 * draw_timelines.h — timelines built in C for the image tests
 * (test_draw.c, draw_fixture.c): one like the seed articles' (Sora and
 * Hollywood, 2023 to November 2024, nothing between April and November)
 * and generated stress cases. Header-only; every function returns a new
 * timeline: event_timeline_free() it.
 */
#ifndef FRISE_TESTS_DRAW_TIMELINES_H
#define FRISE_TESTS_DRAW_TIMELINES_H

#include "frise/event.h"

/* Okabe–Ito colours, readable by colour-blind readers. */
static const struct {
	const char *id, *fr, *en, *colour;
} fixture_types[] = {
	{ "reveal", "Annonce", "Announcement", "#0072b2" },
	{ "launch", "Lancement", "Launch", "#009e73" },
	{ "strike", "Grève", "Strike", "#e69f00" },
	{ "deal", "Accord", "Deal", "#56b4e9" },
	{ "leak", "Fuite", "Leak", "#d55e00" },
	{ "lawsuit", "Procès", "Lawsuit", "#cc79a7" },
};

static void
fixture_add_types(FriseTimeline *t)
{
	for (size_t i = 0; i < G_N_ELEMENTS(fixture_types); i++) {
		FriseEventType *type = g_new0(FriseEventType, 1);
		type->id = g_strdup(fixture_types[i].id);
		type->label[FRISE_LANG_UNKNOWN] = g_strdup(fixture_types[i].en);
		type->label[FRISE_LANG_FR] = g_strdup(fixture_types[i].fr);
		type->label[FRISE_LANG_EN] = g_strdup(fixture_types[i].en);
		type->colour = g_strdup(fixture_types[i].colour);
		g_ptr_array_add(t->types, type);
	}
}

static void
fixture_add_article(FriseTimeline *t, const char *id, const char *title)
{
	FriseArticleInfo *a = g_new0(FriseArticleInfo, 1);
	a->id = g_strdup(id);
	a->title = g_strdup(title);
	a->origin = g_strdup("header");
	a->lang = FRISE_LANG_FR;
	g_ptr_array_add(t->articles, a);
}

static void
fixture_add_event(FriseTimeline *t, const char *value, const char *mod, const char *type,
		  FriseStatus status, const char *title)
{
	FriseEvent *e = g_new0(FriseEvent, 1);
	e->id = g_strdup_printf("%016x", t->events->len + 1);
	e->value = g_strdup(value);
	e->mod = g_strdup(mod);
	e->title = g_strdup(title);
	e->text = g_strdup(title);
	e->type = g_strdup(type);
	e->status = status;
	e->score = 1;
	e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
	FriseSource *s = g_new0(FriseSource, 1);
	s->article = g_strdup("000_3fdb38df11dbab28");
	s->title = g_strdup("OpenAI présente Sora à Hollywood");
	s->quote = g_strdup(title);
	s->value = g_strdup(value);
	s->mod = g_strdup(mod);
	g_ptr_array_add(e->sources, s);
	g_ptr_array_add(t->events, e);
}

/* Like the seeds: five French articles, events in date order. */
static FriseTimeline *
fixture_seeds(void)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup("Sora, le générateur vidéo d’OpenAI, face à Hollywood");
	t->lang = FRISE_LANG_FR;
	fixture_add_types(t);
	fixture_add_article(t, "000", "OpenAI présente Sora à Hollywood. Les créatifs ripostent.");
	fixture_add_article(t, "001", "Sora : OpenAI courtise les studios et les réalisateurs");
	fixture_add_article(t, "002", "Des artistes divulguent l’accès à Sora pour protester");
	fixture_add_article(t, "003", "« Artistwashing » : les premières impressions des testeurs de Sora");
	fixture_add_article(t, "004", "Tyler Perry suspend l’agrandissement de ses studios");
	static const struct {
		const char *value, *mod, *type;
		FriseStatus status;
		const char *title;
	} events[] = {
		{ "2023-05-02", "", "strike", FRISE_STATUS_HAPPENED,
		  "Les scénaristes d’Hollywood (WGA) se mettent en grève" },
		{ "2023-07-14", "", "strike", FRISE_STATUS_HAPPENED,
		  "Les acteurs du SAG-AFTRA rejoignent la grève" },
		{ "2023-09-27", "", "deal", FRISE_STATUS_HAPPENED,
		  "Fin de la grève des scénaristes : l’IA encadrée dans les contrats" },
		{ "2023-11", "", "deal", FRISE_STATUS_HAPPENED,
		  "SAG-AFTRA obtient des promesses de compensation pour les doubles numériques" },
		{ "2024-02-15", "", "reveal", FRISE_STATUS_HAPPENED,
		  "OpenAI dévoile Sora, son générateur de vidéos à partir de texte" },
		{ "2024-02", "", "deal", FRISE_STATUS_HAPPENED,
		  "Tyler Perry suspend un projet d’agrandissement de ses studios à 800 millions de dollars" },
		{ "2024-03", "APPROX", "deal", FRISE_STATUS_PLANNED,
		  "La WGA doit voter sur un accord de principe sur le contenu généré par l’IA" },
		{ "2024-03-22", "", "launch", FRISE_STATUS_HAPPENED,
		  "« Late Night with the Devil » sort en salles avec des images générées par IA" },
		{ "2024-03-25", "", "reveal", FRISE_STATUS_HAPPENED,
		  "OpenAI publie les « premières impressions » d’artistes testeurs de Sora" },
		{ "2024-03-26", "", "reveal", FRISE_STATUS_HAPPENED,
		  "Ed Newton-Rex dénonce l’« artistwashing » d’OpenAI" },
		{ "2024-W13", "", "deal", FRISE_STATUS_HAPPENED,
		  "Sam Altman et Brad Lightcap rencontrent des studios à Los Angeles" },
		{ "2024-04", "", "reveal", FRISE_STATUS_HAPPENED,
		  "Des réalisateurs et acteurs de renom ont déjà accès à Sora, selon Bloomberg" },
		{ "2024-11-26", "", "leak", FRISE_STATUS_HAPPENED,
		  "Des testeurs divulguent un accès à Sora pour dénoncer un travail non rémunéré" },
		{ "2024", "END", "launch", FRISE_STATUS_PLANNED,
		  "Sortie publique de Sora" },
		{ "2025", "BEFORE", "lawsuit", FRISE_STATUS_UNCERTAIN,
		  "Plainte possible d’artistes pour l’entraînement de Sora sur leurs œuvres" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(events); i++)
		fixture_add_event(t, events[i].value, events[i].mod, events[i].type, events[i].status,
				  events[i].title);
	return t;
}

/* `n` events in February 2024, a few a day. */
static FriseTimeline *
fixture_crowded(guint n)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup("Un mois chargé");
	t->lang = FRISE_LANG_FR;
	fixture_add_types(t);
	fixture_add_article(t, "a", "Un article");
	for (guint i = 0; i < n; i++) {
		char value[16], title[64];
		g_snprintf(value, sizeof value, "2024-02-%02u", 1 + i * 29 / n);
		g_snprintf(title, sizeof title, "Événement numéro %u de ce mois très chargé", i + 1);
		fixture_add_event(t, value, "", fixture_types[i % G_N_ELEMENTS(fixture_types)].id,
				  FRISE_STATUS_HAPPENED, title);
	}
	return t;
}

/* n events spread over the days from 2000 onwards (a few a day, so the
 * vertical layout has years, months and no breaks), with headlines of
 * varied length and a month or a year now and then: the 10,000-event
 * timeline of the speed target. */
static FriseTimeline *
fixture_many(guint n)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup("Dix mille événements");
	t->lang = FRISE_LANG_FR;
	fixture_add_types(t);
	fixture_add_article(t, "a", "Un article");
	GDate *d = g_date_new_dmy(1, G_DATE_JANUARY, 2000);
	for (guint i = 0; i < n; i++) {
		char value[16], title[160];
		if (i % 97 == 0)
			g_snprintf(value, sizeof value, "%04d-%02d", g_date_get_year(d), g_date_get_month(d));
		else if (i % 1013 == 0)
			g_snprintf(value, sizeof value, "%04d", g_date_get_year(d));
		else
			g_snprintf(value, sizeof value, "%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d),
				   g_date_get_day(d));
		g_snprintf(title, sizeof title, "Événement %u : %s", i + 1,
			   i % 3 == 0 ? "le conseil vote le budget" :
			   i % 3 == 1 ? "une longue annonce sur plusieurs lignes qui parle de cinéma, "
					"de vidéo générée et des syndicats d'acteurs à Hollywood" :
					"accord signé");
		fixture_add_event(t, value, "", fixture_types[i % G_N_ELEMENTS(fixture_types)].id,
				  i % 11 == 0 ? FRISE_STATUS_PLANNED : FRISE_STATUS_HAPPENED, title);
		if (i % 3 == 2)
			g_date_add_days(d, 1);
	}
	g_date_free(d);
	return t;
}

/* One event a year or so from 1994 to 2024, some of them whole years. */
static FriseTimeline *
fixture_decades(void)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup("Thirty years");
	t->lang = FRISE_LANG_EN;
	fixture_add_types(t);
	fixture_add_article(t, "a", "An article");
	for (int y = 1994; y <= 2024; y += 2) {
		char value[16], title[64];
		if (y % 6 == 0)
			g_snprintf(value, sizeof value, "%d", y);
		else
			g_snprintf(value, sizeof value, "%d-%02d-%02d", y, 1 + y % 12, 1 + y % 28);
		g_snprintf(title, sizeof title, "Something happened in %d", y);
		fixture_add_event(t, value, "", fixture_types[y % G_N_ELEMENTS(fixture_types)].id,
				  FRISE_STATUS_HAPPENED, title);
	}
	return t;
}

/* A single event with `title` (and nothing else). */
static FriseTimeline *
fixture_one(const char *value, const char *title, FriseLang lang)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup(title);
	t->lang = lang;
	fixture_add_types(t);
	fixture_add_article(t, "a", title);
	fixture_add_event(t, value, "", "reveal", FRISE_STATUS_HAPPENED, title);
	return t;
}

#endif
