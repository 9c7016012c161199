/*
 * fixture_timeline.c — see fixture_timeline.h. Event ids are 16 hex
 * digits like the store's; times are Unix seconds, UTC.
 */
#include "fixture_timeline.h"

#include <string.h>

const char *const fixture_hostile[] = {
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"]]>",
	"\"}",
	"virgule, point-virgule; deux-points: \\ antislash",
	"« guillemets » \"double\" 'simple'",
	NULL
};

#define T0 G_GINT64_CONSTANT(1709251200) /* 2024-03-01 00:00:00 UTC */

typedef struct {
	const char *id, *value, *mod;
	bool is_time;
	const char *type;
	FriseStatus status;
	double score;
	const char *title, *text;
	int sources;   /* how many of the articles below it cites (1..3) */
	bool conflict;
} Row;

/* One line per event; ids sort differently from dates on purpose, and the
 * rows are not in date order (renderers must order them). */
static const Row rows[] = {
	{ "00000000000000a1", "2024-02-15", "", false, "reveal", FRISE_STATUS_HAPPENED, 0.9,
	  "OpenAI dévoile Sora, son générateur de vidéos",
	  "OpenAI a présenté Sora, un modèle qui produit des vidéos, d'une minute; ses démos\nont frappé Hollywood.", 2, false },
	{ "00000000000000b2", "2024-02", "", false, "leak", FRISE_STATUS_HAPPENED, 0.5,
	  "Fuite <script>alert(1)</script> des démos",
	  "Des vidéos ont fuité <img src=x onerror=alert(1)> sur les réseaux ]]> \"}", 1, false },
	{ "00000000000000c3", "2024", "END", false, "launch", FRISE_STATUS_PLANNED, 0.7,
	  "Sora ouvert au public",
	  "OpenAI prévoit d'ouvrir Sora au public d'ici la fin de l'année.", 1, false },
	{ "00000000000000d4", "2024-W12", "", false, "deal", FRISE_STATUS_HAPPENED, 0.4,
	  "Rencontres avec les studios <img src=x onerror=alert(1)>",
	  "OpenAI rencontre des studios à Los Angeles.", 1, false },
	{ "00000000000000e5", "2024-Q2", "", false, "reveal", FRISE_STATUS_HAPPENED, 0.3,
	  "Résultats trimestriels ]]> \"}",
	  "Le trimestre se termine; \"}]]> les chiffres sont publiés.", 1, false },
	{ "00000000000000f6", "2024-SU", "APPROX", false, "launch", FRISE_STATUS_UNCERTAIN, 0.2,
	  "Un festival de films générés",
	  "Un festival pourrait se tenir vers l'été.", 1, false },
	{ "0000000000000107", "2025", "BEFORE", false, "lawsuit", FRISE_STATUS_PLANNED, 0.6,
	  "Procès attendu",
	  "Un procès devrait s'ouvrir avant 2025.", 1, false },
	{ "0000000000000118", "2024-03-24T14:30", "", true, "reveal", FRISE_STATUS_HAPPENED, 0.5,
	  "Conférence de presse à 14 h 30",
	  "La conférence a commencé à 14 h 30.", 1, false },
	{ "0000000000000129", "XXXX-03-24", "", false, "reveal", FRISE_STATUS_HAPPENED, 0.1,
	  "Un 24 mars sans année",
	  "Le 24 mars, sans que l'année soit connue.", 1, false },
	{ "000000000000013a", "2024-05", "", false, "lawsuit", FRISE_STATUS_HAPPENED, 0.8,
	  "Plainte des scénaristes",
	  "Les scénaristes portent plainte; les articles ne donnent pas la même date.", 2, true },
	{ "000000000000014b", "2024-12-10", "", false, "leak", FRISE_STATUS_UNCERTAIN, 0.35,
	  "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injecté",
	  NULL /* long non-ASCII text, made below */, 3, false },
};

static const struct {
	const char *id, *title, *url, *published;
} articles[] = {
	{ "a1", "Sora, la vidéo générée, inquiète Hollywood", "https://example.org/sora?a=1&b=2", "2024-02-16" },
	{ "a2", "« Les studios » face à l'IA; <b>analyse</b>", "https://example.com/analyse", "2024-03-02" },
	{ "a3", "Une source sans lien, \"}]]>", "javascript:alert(1)", NULL },
};

static const struct {
	const char *id, *fr, *en, *colour;
} types[] = {
	{ "reveal", "Annonce", "Announcement", "#0072b2" },
	{ "launch", "Lancement", "Launch", "#009e73" },
	{ "leak", "Fuite", "Leak", "#d55e00" },
	{ "lawsuit", "Procès", "Lawsuit", "#cc79a7" },
	{ "deal", "Accord <i>", "Deal <i>", "#e69f00" },
};

static char *
long_text(void)
{
	GString *s = g_string_new("Texte long et non ASCII : ");
	for (int i = 0; i < 12; i++)
		g_string_append(s, "été, œuvre — «naïveté» 日本語のテキスト ; ");
	g_string_append(s, "fin.");
	return g_string_free(s, FALSE);
}

static FriseSource *
source_new(const Row *r, guint k)
{
	FriseSource *s = g_new0(FriseSource, 1);
	s->article = g_strdup(articles[k].id);
	s->title = g_strdup(articles[k].title);
	s->url = g_strdup(articles[k].url);
	s->published = g_strdup(articles[k].published);
	s->quote = g_strdup_printf("« %s », écrit l'article %s <script>alert(1)</script>.", r->title, articles[k].id);
	s->start = 100 * (k + 1);
	s->end = s->start + strlen(s->quote);
	/* In a conflict the second article gives another date. */
	s->value = g_strdup(r->conflict && k == 1 ? "2024-06-02" : r->value);
	s->mod = g_strdup(r->mod);
	return s;
}

guint
fixture_anchored_count(void)
{
	guint n = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
		n += rows[i].value[0] != 'X';
	return n;
}

FriseTimeline *
fixture_timeline(bool edited)
{
	FriseTimeline *t = event_timeline_new();
	t->title = g_strdup("Sora & Hollywood <script>alert(1)</script>");
	t->lang = FRISE_LANG_FR;
	for (size_t i = 0; i < G_N_ELEMENTS(types); i++) {
		FriseEventType *ty = g_new0(FriseEventType, 1);
		ty->id = g_strdup(types[i].id);
		ty->label[FRISE_LANG_UNKNOWN] = g_strdup(types[i].en);
		ty->label[FRISE_LANG_FR] = g_strdup(types[i].fr);
		ty->label[FRISE_LANG_EN] = g_strdup(types[i].en);
		ty->colour = g_strdup(types[i].colour);
		g_ptr_array_add(t->types, ty);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(articles); i++) {
		FriseArticleInfo *a = g_new0(FriseArticleInfo, 1);
		a->id = g_strdup(articles[i].id);
		a->title = g_strdup(articles[i].title);
		a->url = g_strdup(articles[i].url);
		a->published = g_strdup(articles[i].published);
		a->origin = g_strdup(articles[i].published != NULL ? "header" : "none");
		a->lang = FRISE_LANG_FR;
		g_ptr_array_add(t->articles, a);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
		const Row *r = &rows[i];
		FriseEvent *e = g_new0(FriseEvent, 1);
		e->id = g_strdup(r->id);
		e->value = g_strdup(r->value);
		e->mod = g_strdup(r->mod);
		e->is_time = r->is_time;
		e->title = g_strdup(r->title);
		e->text = r->text != NULL ? g_strdup(r->text) : long_text();
		e->type = g_strdup(r->type);
		e->status = r->status;
		e->score = r->score;
		e->conflict = r->conflict;
		e->sequence = (int)i % 3;
		e->created = T0 + (gint64)i * 3600;
		e->modified = e->created + 60 * e->sequence;
		if (edited && strcmp(r->id, "00000000000000a1") == 0) {
			g_free(e->text);
			e->text = g_strdup("OpenAI a présenté Sora (texte corrigé).");
			e->sequence++;
			e->modified = T0 + 86400 * 30;
			e->edited = true;
		}
		e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		for (int k = 0; k < r->sources; k++)
			g_ptr_array_add(e->sources, source_new(r, r->sources == 1 ? (guint)(i % 3) : (guint)k));
		g_ptr_array_add(t->events, e);
	}
	return t;
}
