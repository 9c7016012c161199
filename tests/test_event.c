/*
 * test_event.c — the event stage (src/events/, event.h) without the tagger:
 * hand-made FriseTimex arrays stand for its output, so every case pins
 * its own document date. One line per case.
 */
#include "events/attribution.h"
#include "events/candidate.h"
#include "events/estimate.h"
#include "events/headline.h"
#include "events/merge.h"
#include "events/salience.h"
#include "events/similarity.h"
#include "events/status.h"
#include "events/templates.h"
#include "frise/date.h"

#include <string.h>

/* ---- sentences ---- */

static const struct {
	const char *text;
	guint n;
	const char *first; /* the first sentence, or NULL */
	FriseLang lang;
} sentence_cases[] = {
	{ "M. Dupont est arrivé le 3 mars. Il est reparti.", 2, "M. Dupont est arrivé le 3 mars.", FRISE_LANG_FR },
	{ "En 52 av. J.-C. César a vaincu les Gaulois.", 1, NULL, FRISE_LANG_FR },
	{ "Le taux est de 3.5 pour cent. Ensuite il baisse.", 2, "Le taux est de 3.5 pour cent.", FRISE_LANG_FR },
	{ "Il a dit « Bonjour. Au revoir. » puis il est parti.", 1, NULL, FRISE_LANG_FR },
	{ "Il a dit « Bonjour. » Puis il est parti.", 2, "Il a dit « Bonjour. »", FRISE_LANG_FR },
	{ "Attendez... Il arrive.", 2, "Attendez...", FRISE_LANG_FR },
	{ "Il hésite… puis part.", 1, NULL, FRISE_LANG_FR },
	{ "Première ligne\nDeuxième ligne", 2, "Première ligne", FRISE_LANG_FR },
	{ "Mr. Smith met J. K. Rowling. They talked.", 2, "Mr. Smith met J. K. Rowling.", FRISE_LANG_EN },
	{ "Quoi ? Oui ! Bon.", 3, "Quoi ?", FRISE_LANG_FR },
	{ "  \n\n  ", 0, NULL, FRISE_LANG_FR },

	/* a scrape that lost the space after a period */
	{ "L'action a plongé à Milan.Les analystes s'attendent au pire.", 2, "L'action a plongé à Milan.", FRISE_LANG_FR },
	{ "Il vit aux U.S.A. depuis 2010.", 1, NULL, FRISE_LANG_FR },
	/* one letter of two bytes before the period: no two letters to read (found by the timex fuzzer) */
	{ "é.Le texte suit.", 1, NULL, FRISE_LANG_FR },
	/* the sentence splitter and the tagger read one list of abbreviations */
	{ "Lt. Col. Smith arrived on Monday. He left.", 2, "Lt. Col. Smith arrived on Monday.", FRISE_LANG_EN },
	{ "Gen. Kelly spoke. Sen. Reed did not.", 2, "Gen. Kelly spoke.", FRISE_LANG_EN },
};

static void
test_sentences(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(sentence_cases); i++) {
		const char *t = sentence_cases[i].text;
		GArray *s = text_sentences(t, 0, strlen(t), sentence_cases[i].lang);
		g_test_message("case %zu: %s", i, t);
		g_assert_cmpuint(s->len, ==, sentence_cases[i].n);
		if (sentence_cases[i].first != NULL) {
			FriseSentence *f = &g_array_index(s, FriseSentence, 0);
			char *got = g_strndup(t + f->start, f->end - f->start);
			g_assert_cmpstr(got, ==, sentence_cases[i].first);
			g_free(got);
		}
		g_array_unref(s);
	}
	/* a sentence that never ends (a list of 2,000 dates joined by commas)
	 * is cut after 1,500 bytes at a comma, so that no later stage reads
	 * 40 KB per date */
	GString *list = g_string_new("Le comité a siégé");
	for (int i = 0; i < 2000; i++)
		g_string_append_printf(list, "%s le %d mars %d", i ? ", puis" : "", 1 + i % 28, 1900 + i % 100);
	g_string_append_c(list, '.');
	GArray *cut = text_sentences(list->str, 0, list->len, FRISE_LANG_FR);
	g_assert_cmpuint(cut->len, >, 20);
	size_t covered = 0;
	for (guint i = 0; i < cut->len; i++) {
		const FriseSentence *f = &g_array_index(cut, FriseSentence, i);
		g_assert_cmpuint(f->end - f->start, <=, 2250);
		if (i + 1 < cut->len)
			g_assert_cmpint(list->str[f->end - 1], ==, ',');
		covered += f->end - f->start;
	}
	g_assert_cmpuint(covered, >=, list->len - cut->len); /* only the spaces between go */
	g_array_unref(cut);
	g_string_free(list, TRUE);
}

/* ---- headlines ---- */

static const struct {
	const char *sentence, *timex, *expected;
	FriseLang lang;
} headline_cases[] = {
	{ "Ce 26 novembre 2024, des artistes ayant accès à Sora ont fait fuiter le modèle !", "26 novembre 2024",
	  "Des artistes ayant accès à Sora ont fait fuiter le modèle", FRISE_LANG_FR },
	{ "En février 2024, OpenAI présentait pour la première fois son IA.", "février 2024",
	  "OpenAI présentait pour la première fois son IA", FRISE_LANG_FR },
	{ "OpenAI a publié un article de blog le 24 mars intitulé First Impressions.", "24 mars",
	  "OpenAI a publié un article de blog intitulé First Impressions", FRISE_LANG_FR },
	{ "Cependant, en décembre, le Times a porté plainte.", "décembre", "Le Times a porté plainte", FRISE_LANG_FR },
	{ "Pour rappel, Sora a été dévoilé en février.", "février", "Sora a été dévoilé", FRISE_LANG_FR },
	{ "On March 3, the company said it would appeal.", "March 3", "The company said it would appeal", FRISE_LANG_EN },
	{ "La grève a commencé le 2 mai.", "2 mai", "La grève a commencé", FRISE_LANG_FR },
	{ "Elle y épousa, le 23 septembre 1933, Georges Garnier.", "23 septembre 1933", "Elle y épousa Georges Garnier",
	  FRISE_LANG_FR },
	{ "Le camping est complet entre le 15 juillet et le 15 août.", "15 juillet",
	  "Le camping est complet entre le 15 juillet et le 15 août", FRISE_LANG_FR },
	{ "Le camping est complet entre le 15 juillet et le 15 août.", "15 août",
	  "Le camping est complet entre le 15 juillet et le 15 août", FRISE_LANG_FR },
	/* "de mardi à mercredi": one end of a range stays */
	{ "Trente-huit personnes ont été blessées dans la nuit de mardi à mercredi à Benghazi.", "mardi",
	  "Trente-huit personnes ont été blessées dans la nuit de mardi à mercredi", FRISE_LANG_FR },
	/* over 80 characters: cut before an adjunct, never with "…" */
	{ "La CPI a lancé un mandat d'arrêt contre Mouammar Kadhafi, son fils Saïf al-Islam et le chef des services de renseignement le 27 juin.",
	  "le 27 juin", "La CPI a lancé un mandat d'arrêt contre Mouammar Kadhafi", FRISE_LANG_FR },
	/* a live blog's own time stamp goes too */
	{ "15h10 : Des affrontements violents ont eu lieu lundi à Ajdabiya.", "lundi",
	  "Des affrontements violents ont eu lieu à Ajdabiya", FRISE_LANG_FR },
	{ "9:30 \u2014 The senate voted on Monday to approve the bill.", "on Monday",
	  "The senate voted to approve the bill", FRISE_LANG_EN },
	{ "15 h 30 : la séance a été levée le 3 mars.", "3 mars", "La séance a été levée", FRISE_LANG_FR },
	/* a no-break space before the colon of a live blog's time */
	{ "0 h 15\u00a0: La Libye a demandé une réunion urgente.", "0 h 15", "La Libye a demandé une réunion urgente",
	  FRISE_LANG_FR },
	{ "Il a vécu à l’étranger depuis l’été 2020 et ne reviendra pas.", "été 2020",
	  "Il a vécu à l’étranger et ne reviendra pas", FRISE_LANG_FR },
};

static void
test_headline(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(headline_cases); i++) {
		const char *s = headline_cases[i].sentence;
		const char *t = strstr(s, headline_cases[i].timex);
		g_assert_nonnull(t);
		char *h = headline_make(s, strlen(s), (size_t)(t - s), (size_t)(t - s) + strlen(headline_cases[i].timex),
					   headline_cases[i].lang, 0);
		g_assert_cmpstr(h, ==, headline_cases[i].expected);
		g_free(h);
	}
}

static void
test_headline_long(void)
{
	const char *s = "Le 3 mars, la société a annoncé qu'elle suspendait l'expansion de son studio de 800 millions "
			"de dollars à Atlanta après avoir constaté la capacité de génération vidéo du modèle.";
	char *h = headline_make(s, strlen(s), 3, 9, FRISE_LANG_FR, 0);
	g_assert_cmpint(g_utf8_strlen(h, -1), <=, HEADLINE_MAX);
	g_assert_null(strstr(h, "…"));
	g_assert_true(g_str_has_prefix(h, "La société a annoncé"));
	/* cut before an adjunct: what follows it in the sentence is a preposition or a conjunction */
	char *body = g_strdup(h + 1); /* past the capital */
	const char *at = strstr(s, body);
	g_assert_nonnull(at);
	const char *next = at + strlen(body);
	g_assert_true(g_str_has_prefix(next, " à ") || g_str_has_prefix(next, " de ") || g_str_has_prefix(next, " après "));
	g_free(body);
	g_free(h);
}

/* ---- templates ---- */

/* The type of the happening a date of a sentence dates: the sentence is
 * parsed and the date's clause found as candidates_find() does. One line
 * per case: language, sentence, the date in it, the type expected. */
static const struct {
	FriseLang lang;
	const char *text, *timex, *type;
} classify_cases[] = {
	/* the seeds' kinds of sentence: a reveal, a leak, lawsuits, a strike… */
	{ FRISE_LANG_FR, "La start-up a taquiné son modèle le 12 mars avec une page web", "12 mars", "reveal" },
	{ FRISE_LANG_FR, "Le nouveau modèle a été dévoilé en février", "février", "reveal" },
	{ FRISE_LANG_FR, "Ce 3 juin, des testeurs ont fait fuiter le logiciel", "3 juin", "leak" },
	{ FRISE_LANG_FR, "La fuite du code source a eu lieu le 3 juin", "3 juin", "leak" },
	{ FRISE_LANG_FR, "Mardi, des artistes ont partagé un outil qui donnait accès au modèle officiellement inédit", "Mardi", "leak" },
	{ FRISE_LANG_FR, "L'entreprise a publié un article de blog le 2 avril intitulé Premiers pas", "2 avril", "publication" },
	{ FRISE_LANG_FR, "En décembre, le journal a intenté une action en justice contre l'éditeur", "décembre", "lawsuit" },
	{ FRISE_LANG_FR, "Deux plaintes ont été déposées devant le tribunal en février", "février", "lawsuit" },
	{ FRISE_LANG_FR, "En mai, la société a déposé une requête pour rejeter le dossier devant un tribunal", "mai", "lawsuit" },
	{ FRISE_LANG_FR, "Le mouvement de grève qui a paralysé les studios concernait l'IA en 2023", "2023", "strike" },
	{ FRISE_LANG_FR, "Dès cette semaine, la société va rencontrer des producteurs", "cette semaine", "meeting" },
	{ FRISE_LANG_FR, "Dans une interview accordée au Monde en février, le réalisateur a déclaré qu'il arrêterait", "février", "statement" },
	{ FRISE_LANG_FR, "La directrice a indiqué en mars que l'outil serait disponible d'ici la fin de l'année", "mars", "statement" },
	{ FRISE_LANG_FR, "La directrice a indiqué en mars que l'outil serait disponible d'ici la fin de l'année", "la fin de l'année", "launch" },
	{ FRISE_LANG_FR, "Ils ont signé un accord de licence le 4 mai", "4 mai", "partnership" },
	{ FRISE_LANG_EN, "The company met with studio executives in March", "March", "meeting" },
	{ FRISE_LANG_EN, "The company raised $6.6bn in new funding in October", "October", "funding" },
	{ FRISE_LANG_EN, "The newspaper sued the company in December", "December", "lawsuit" },
	/* fuir is not fuiter: fleeing is no leak, "en fuite" is no event */
	{ FRISE_LANG_FR, "Des milliers d'habitants fuient la ville mardi", "mardi", "aid" },
	{ FRISE_LANG_FR, "Les civils ont pris la fuite lundi", "lundi", "aid" },
	{ FRISE_LANG_FR, "L'ancien dirigeant en fuite a été abattu jeudi près de sa ville natale", "jeudi", "death" },
	{ FRISE_LANG_FR, "La radio reçoit ses messages, lui qui est en fuite depuis le 23 août", "23 août", "other" },
	{ FRISE_LANG_FR, "Une fuite de documents confidentiels a été révélée lundi", "lundi", "leak" },
	/* the verb of the date's clause and its object, not a word near the date */
	{ FRISE_LANG_FR, "Des grenades lancées dans la cour ont tué douze détenus mardi", "mardi", "death" },
	{ FRISE_LANG_FR, "Des grenades ont été lancées mardi sur la prison", "mardi", "attack" },
	{ FRISE_LANG_FR, "La Cour a lancé, lundi 27 juin, un mandat d'arrêt contre le dirigeant", "lundi 27 juin", "arrest" },
	{ FRISE_LANG_FR, "Les combats se sont poursuivis lundi à l'ouest de la capitale", "lundi", "attack" },
	{ FRISE_LANG_FR, "Les rebelles ont annoncé dimanche la mort du commandant", "dimanche", "death" },
	{ FRISE_LANG_FR, "L'organisation a annoncé samedi l'évacuation de 99 blessés par la mer", "samedi", "aid" },
	{ FRISE_LANG_FR, "L'Alliance a pris jeudi le commandement des opérations", "jeudi", "attack" },
	{ FRISE_LANG_FR, "Un séisme de magnitude 7 a frappé la région le 12 janvier", "12 janvier", "disaster" },
	{ FRISE_LANG_EN, "On November 8 the army launched its biggest assault on the city", "November 8", "attack" },
	{ FRISE_LANG_EN, "The health agency raised its pandemic alert to phase five on 29 April", "29 April", "disaster" },
	{ FRISE_LANG_EN, "A magnitude 7 earthquake struck the capital on Tuesday", "Tuesday", "disaster" },
	{ FRISE_LANG_EN, "Election officials announced the results of the vote on Monday", "Monday", "election" },
	{ FRISE_LANG_EN, "Police said on Monday that six people had been arrested", "Monday", "statement" },
	{ FRISE_LANG_EN, "The quake, the region's worst in two centuries, struck the coast on Tuesday", "Tuesday", "disaster" },
	{ FRISE_LANG_EN, "The tremor hit at dawn on Tuesday, the survey said", "Tuesday", "disaster" },
	{ FRISE_LANG_EN, "The official is accused of leaking the memo in May 2004", "May 2004", "arrest" },
	{ FRISE_LANG_FR, "La secrétaire d'État a dit lundi espérer un vote", "lundi", "statement" },
	{ FRISE_LANG_FR, "Le régime a condamné mardi l'attaque contre l'ambassade", "mardi", "statement" },
	{ FRISE_LANG_FR, "Le fils du dirigeant est apparu mercredi à la télévision après l'annonce de sa mort", "mercredi", "other" },
	{ FRISE_LANG_EN, "Three men were arrested last night after the bombing", "last night", "arrest" },
	/* general news */
	{ FRISE_LANG_FR, "Des milliers de manifestants se sont rassemblés vendredi devant le palais", "vendredi", "protest" },
	{ FRISE_LANG_FR, "Les électeurs ont élu dimanche un nouveau président", "dimanche", "election" },
	{ FRISE_LANG_FR, "Le ministre de l'Intérieur a démissionné mardi", "mardi", "leadership" },
	{ FRISE_LANG_FR, "Le juge l'a condamné lundi à cinq ans de prison", "lundi", "arrest" },
	{ FRISE_LANG_FR, "La France a reconnu jeudi le conseil des insurgés", "jeudi", "diplomacy" },
	{ FRISE_LANG_FR, "Le régime a proposé jeudi un cessez-le-feu", "jeudi", "diplomacy" },
	{ FRISE_LANG_FR, "Le gouvernement a décrété lundi l'état d'urgence", "lundi", "decision" },
	{ FRISE_LANG_FR, "La ville est tombée mercredi aux mains des insurgés", "mercredi", "attack" },
	{ FRISE_LANG_EN, "Thousands of protesters marched through the capital on Friday", "Friday", "protest" },
	{ FRISE_LANG_EN, "The prime minister resigned on Tuesday", "Tuesday", "leadership" },
	{ FRISE_LANG_EN, "The EU imposed sanctions on the regime on Monday", "Monday", "diplomacy" },
	{ FRISE_LANG_EN, "The two sides signed a peace treaty on 3 May", "3 May", "partnership" },
	{ FRISE_LANG_EN, "Rescuers pulled a woman alive from the rubble on Sunday", "Sunday", "aid" },
	{ FRISE_LANG_EN, "The reporter was kidnapped on 4 February as she interviewed refugees", "4 February", "attack" },
	/* words that mean nothing here: "par rapport", a month, names, none */
	{ FRISE_LANG_FR, "Les ventes ont progressé par rapport à l'an dernier en mars", "mars", "other" },
	{ FRISE_LANG_FR, "Il pleut sur la ville depuis lundi", "lundi", "other" },
	{ FRISE_LANG_EN, "In March the company hired staff", "March", "other" },
	{ FRISE_LANG_EN, "Investigators searched his home on Friday", "Friday", "other" },
	{ FRISE_LANG_EN, "The Soviet Union collapsed in 1991", "1991", "other" },
};

/* The type of the happening `timex` dates in `s`, found as candidates_find() does. */
static const char *
type_of(const FriseTemplates *tp, FriseLang lang, const char *s, const char *timex)
{
	const char *t = strstr(s, timex);
	g_assert_nonnull(t);
	size_t ts = (size_t)(t - s), te = ts + strlen(timex);
	ClauseParse *p = clause_parse(s, strlen(s), lang);
	Attribution at;
	attrib_of(p, s, strlen(s), ts, te, strlen(timex) == 4 ? FRISE_GRAN_YEAR : FRISE_GRAN_DAY, &at);
	TemplatesWhy why;
	const char *type = templates_classify_clause(tp, lang, p, at.clause, ts, te, &why);
	g_test_message("%s (%s, %s) in %s", type, why.trigger ? why.trigger : "-", why.where, s);
	clause_parse_free(p);
	return type;
}

static void
test_classify(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	for (size_t i = 0; i < G_N_ELEMENTS(classify_cases); i++)
		g_assert_cmpstr(type_of(tp, classify_cases[i].lang, classify_cases[i].text, classify_cases[i].timex), ==,
				classify_cases[i].type);
	/* without a clause, the strong trigger nearest the date wins */
	const char *s = "OpenAI a publié un article de blog le 24 mars intitulé X, présentant le travail";
	g_assert_cmpstr(templates_classify(tp, FRISE_LANG_FR, s, strlen(s), (size_t)(strstr(s, "24 mars") - s)), ==,
			"publication");
	templates_free(tp);
}

/* How a trigger matches, on a file of one's own (version 2). */
static void
test_templates_matching(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	const char *json = "{\"version\":2,\"types\":["
			   "{\"id\":\"a\",\"colour\":\"#112233\",\"label\":{\"fr\":\"A\",\"en\":\"A\"},"
			   "\"triggers\":{\"fr\":[\"ourdir\",\"trame\",\"chatoi*\",\"~tisser\"],\"en\":[\"weave\"]}},"
			   "{\"id\":\"b\",\"colour\":\"#445566\",\"label\":{\"fr\":\"B\",\"en\":\"B\"},"
			   "\"triggers\":{\"fr\":[\"toile\",\"toile de fond\"],\"en\":[\"cloth\"]}}]}";
	g_assert_true(templates_add(tp, json, strlen(json), "mine.json", &error));
	static const struct {
		FriseLang lang;
		const char *text, *type;
	} cases[] = {
		{ FRISE_LANG_FR, "ils ourdissent lundi un complot", "a" },     /* a verb's lemma */
		{ FRISE_LANG_FR, "les trames se croisent lundi", "a" },        /* a noun's */
		{ FRISE_LANG_FR, "le chatoiement de la soie a cessé lundi", "a" }, /* a prefix */
		{ FRISE_LANG_FR, "ils tissent lundi une toile", "b" },         /* a weak trigger yields */
		{ FRISE_LANG_FR, "ils tissent lundi un lien", "a" },           /* …and stands alone */
		{ FRISE_LANG_FR, "ils ourdissent lundi une toile de fond", "a" }, /* the verb first */
		{ FRISE_LANG_FR, "une toile de fond est apparue lundi", "b" },
		{ FRISE_LANG_EN, "on Monday they wove a cloth", "a" },         /* "wove" is weave */
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		g_assert_cmpstr(type_of(tp, cases[i].lang, cases[i].text, strstr(cases[i].text, "lundi") ? "lundi" : "Monday"),
				==, cases[i].type);
	templates_free(tp);
}

static void
test_templates_user(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	guint n = templates_types(tp)->len;
	/* a file without "version" matches as version 1 did: folded words, the last a prefix */
	const char *json = "{\"types\":[{\"id\":\"award\",\"colour\":\"#112233\","
			   "\"label\":{\"fr\":\"Prix\",\"en\":\"Award\"},"
			   "\"triggers\":{\"fr\":[\"décern\",\"lauréat\"],\"en\":[\"awarded\"]}}]}";
	g_assert_true(templates_add(tp, json, strlen(json), "mine.json", &error));
	const GPtrArray *types = templates_types(tp);
	g_assert_cmpuint(types->len, ==, n + 1);
	/* new types go before "other", which stays last */
	g_assert_cmpstr(((FriseEventType *)g_ptr_array_index(types, types->len - 1))->id, ==, "other");
	g_assert_cmpstr(((FriseEventType *)g_ptr_array_index(types, types->len - 2))->id, ==, "award");
	const char *s = "Le prix lui a été décerné";
	g_assert_cmpstr(templates_classify(tp, FRISE_LANG_FR, s, strlen(s), 0), ==, "award");
	/* a type with an existing id replaces it */
	const char *again = "{\"types\":[{\"id\":\"election\",\"colour\":\"#112233\","
			    "\"label\":{\"fr\":\"Élection\",\"en\":\"Election\"},\"triggers\":{\"fr\":[\"plébiscit\"]}}]}";
	g_assert_true(templates_add(tp, again, strlen(again), "again.json", &error));
	g_assert_cmpuint(types->len, ==, n + 1);
	s = "Il a été plébiscité";
	g_assert_cmpstr(templates_classify(tp, FRISE_LANG_FR, s, strlen(s), 0), ==, "election");
	/* bad files are refused with their name */
	g_assert_false(templates_add(tp, "{\"types\":[{\"id\":\"x\"}]}", 21, "bad.json", &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_assert_nonnull(strstr(error->message, "bad.json"));
	g_clear_error(&error);
	g_assert_false(templates_add(tp, "{nope", 5, "broken.json", &error));
	g_assert_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INPUT);
	g_clear_error(&error);
	/* every built-in colour is #rrggbb */
	for (guint i = 0; i < types->len; i++) {
		const FriseEventType *t = g_ptr_array_index(types, i);
		g_assert_cmpuint(strlen(t->colour), ==, 7);
		g_assert_true(t->colour[0] == '#');
		g_assert_nonnull(t->label[FRISE_LANG_FR]);
		g_assert_nonnull(t->label[FRISE_LANG_EN]);
	}
	templates_free(tp);
}

/* ---- clauses: where a date belongs, and the headline of its clause ---- */

static const struct {
	const char *sentence, *timex;
	FriseLang lang;
	AttribKind kind;
} attrib_cases[] = {
	/* a date of a relative or participial clause recalls a fact */
	{ "Le ministre, nommé après la répression de la révolte lancée le 15 mars, a démissionné mardi.", "15 mars",
	  FRISE_LANG_FR, ATTRIB_BACKGROUND },
	{ "Le ministre, nommé après la répression de la révolte lancée le 15 mars, a démissionné mardi.", "mardi",
	  FRISE_LANG_FR, ATTRIB_OWN },
	{ "Le chef rebelle, qui avait été arrêté le 3 mai, a été libéré samedi.", "3 mai", FRISE_LANG_FR, ATTRIB_BACKGROUND },
	/* a present participle after its noun opens its clause: the deadline is not the sending */
	{ "Le chef des rebelles a adressé mardi un ultimatum expirant samedi aux partisans du régime.", "samedi",
	  FRISE_LANG_FR, ATTRIB_BACKGROUND },
	{ "Le chef des rebelles a adressé mardi un ultimatum expirant samedi aux partisans du régime.", "mardi",
	  FRISE_LANG_FR, ATTRIB_OWN },
	{ "The minister, who was appointed on March 15, resigned on Tuesday.", "March 15", FRISE_LANG_EN, ATTRIB_BACKGROUND },
	{ "The minister, who was appointed on March 15, resigned on Tuesday.", "Tuesday", FRISE_LANG_EN, ATTRIB_OWN },
	{ "The revolt launched on 15 March was crushed in April.", "15 March", FRISE_LANG_EN, ATTRIB_BACKGROUND },
	/* …but in a phrase fronted before the subject it dates the clause */
	{ "Dans une interview accordée au Hollywood Reporter en février, l'acteur Tyler Perry a déclaré qu'il suspendrait ses travaux.",
	  "février", FRISE_LANG_FR, ATTRIB_OWN },
	/* a comparison, a name, a number */
	{ "Le code révèle que cette version de Sora est plus rapide que celle de février.", "février", FRISE_LANG_FR,
	  ATTRIB_BACKGROUND },
	{ "This model is faster than the one of February.", "February", FRISE_LANG_EN, ATTRIB_BACKGROUND },
	{ "Les manifestants du Mouvement du 6 avril ont défilé vendredi.", "6 avril", FRISE_LANG_FR, ATTRIB_NAME },
	{ "Ils ont défilé sur le pont du 6 octobre vendredi.", "6 octobre", FRISE_LANG_FR, ATTRIB_NAME },
	{ "Ils ont défilé sur le pont du 6 octobre vendredi.", "vendredi", FRISE_LANG_FR, ATTRIB_OWN },
	{ "Le Conseil de sécurité a voté la résolution 1973 jeudi.", "1973", FRISE_LANG_FR, ATTRIB_NUMBER },
	{ "Les combats ont fait 1300 morts.", "1300", FRISE_LANG_FR, ATTRIB_NUMBER },
	{ "La guerre de 1973 a marqué la région.", "1973", FRISE_LANG_FR, ATTRIB_OWN },
	{ "In 1973 the war broke out.", "1973", FRISE_LANG_EN, ATTRIB_OWN },
	/* a verbless phrase naming another happening; "depuis" */
	{ "La chaîne, en fuite depuis la chute de son QG le 23 août, a diffusé un message.", "23 août", FRISE_LANG_FR,
	  ATTRIB_BACKGROUND },
	{ "La CPI a lancé, lundi 27 juin, un mandat d'arrêt contre Kadhafi.", "lundi 27 juin", FRISE_LANG_FR, ATTRIB_OWN },
	{ "Les manifestants occupent la place depuis le 15 février.", "15 février", FRISE_LANG_FR, ATTRIB_SINCE },
};

static void
test_attribution(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(attrib_cases); i++) {
		const char *s = attrib_cases[i].sentence;
		const char *t = strstr(s, attrib_cases[i].timex);
		g_assert_nonnull(t);
		g_test_message("case %zu: '%s' in %s", i, attrib_cases[i].timex, s);
		ClauseParse *p = clause_parse(s, strlen(s), attrib_cases[i].lang);
		Attribution a;
		size_t ts = (size_t)(t - s);
		attrib_of(p, s, strlen(s), ts, ts + strlen(attrib_cases[i].timex),
			  g_ascii_isdigit(*t) && strlen(attrib_cases[i].timex) == 4 ? FRISE_GRAN_YEAR : FRISE_GRAN_DAY, &a);
		g_assert_cmpstr(attrib_kind_name(a.kind), ==, attrib_kind_name(attrib_cases[i].kind));
		clause_parse_free(p);
	}
}

static const struct {
	const char *sentence, *timex, *actor, *expected; /* NULL: no headline */
	FriseLang lang;
} clause_headline_cases[] = {
	/* no verb without its pronoun ("plus" is no "plaire" here), a cut
	 * before a list of examples, a participle opening its clause */
	{ "L'Otan a réclamé jeudi plus d'avions pour poursuivre les raids contre les forces loyales à Kadhafi.", "jeudi", NULL, "L'Otan a réclamé plus d'avions pour poursuivre les raids", FRISE_LANG_FR },
	{ "Le régime affirme ce matin avoir repris aux insurgés le contrôle de plusieurs villes comme Ras Lanouf, Misrata et Tobrouk, ce que conteste la rebellion.", "ce matin", NULL, "Le régime affirme avoir repris aux insurgés le contrôle de plusieurs villes", FRISE_LANG_FR },
	{ "The army retook several towns such as Ras Lanuf, Brega, Bin Jawad and Uqayla in the east of the country on Monday after heavy fighting.",
	  "on Monday", NULL, "The army retook several towns such as Ras Lanuf, Brega, Bin Jawad and Uqayla", FRISE_LANG_EN }, /* "such as" is no comparison */
	{ "Le chef des rebelles a adressé mardi un ultimatum expirant samedi aux partisans du régime.", "mardi", NULL,
	  "Le chef des rebelles a adressé un ultimatum", FRISE_LANG_FR },
	/* a verb and its bare noun are one locution: no cut between it and its
	 * complement ("…ont rendu hommage" was the headline); none fits here */
	{ "Les délégués du comité international de la conférence ont rendu hommage samedi aux victimes civiles des bombardements de la capitale et des villes voisines.",
	  "samedi", NULL, NULL, FRISE_LANG_FR },
	{ "Les délégués ont rendu hommage samedi aux victimes civiles des bombardements de la capitale et des villes voisines du sud.",
	  "samedi", NULL, "Les délégués ont rendu hommage aux victimes civiles des bombardements", FRISE_LANG_FR },
	/* a speaker is its whole noun phrase, and "X : Y" is cut like any headline */
	{ "Le régime libyen a affirmé jeudi 10 mars, via son agence officielle, que la révélation d'un secret allait entraîner la chute du président.",
	  "jeudi 10 mars", NULL, "Le régime libyen\u00a0: la révélation d'un secret allait entraîner la chute", FRISE_LANG_FR },
	{ "Le conseil des ministres a approuvé mercredi une proposition visant à envoyer jusqu'à 300 militaires supplémentaires en Afghanistan pour prendre part aux missions Awacs.", "mercredi", NULL, "Le conseil des ministres a approuvé une proposition", FRISE_LANG_FR },
	/* a cut keeps a whole phrase rather than stop inside a noun's complement */
	{ "Lundi, les patrons ont participé à des rencontres à Paris avec l'ambition d'attirer les producteurs vers leur modèle.",
	  "Lundi", NULL, "Les patrons ont participé à des rencontres à Paris", FRISE_LANG_FR },
	{ "Mardi, le ministre va rencontrer plusieurs responsables de syndicats, de responsables de partis et de responsables d'associations à Lyon.",
	  "Mardi", NULL, "Le ministre va rencontrer plusieurs responsables de syndicats", FRISE_LANG_FR },
	/* a lone participle after its noun is an adjective, not a phrase to drop */
	{ "Le Conseil de sécurité des Nations unies avait saisi samedi le tribunal de la question.", "samedi", NULL,
	  "Le Conseil de sécurité des Nations unies avait saisi le tribunal de la question", FRISE_LANG_FR },
	/* a date between two commas takes both with it: no hole */
	{ "Le tribunal de commerce a rendu, mardi 4 mai, un jugement contre la société Durand.", "mardi 4 mai", NULL,
	  "Le tribunal de commerce a rendu un jugement contre la société Durand", FRISE_LANG_FR },
	{ "The court issued, on Tuesday, a ruling against the company.", "on Tuesday", NULL,
	  "The court issued a ruling against the company", FRISE_LANG_EN },
	/* the clause of the date, without its relatives and appositions */
	{ "Le ministre, nommé après la répression de la révolte lancée le 15 mars, a démissionné mardi.", "mardi", NULL,
	  "Le ministre a démissionné", FRISE_LANG_FR },
	{ "The minister, who was appointed on March 15, resigned on Tuesday.", "on Tuesday", NULL, "The minister resigned",
	  FRISE_LANG_EN },
	/* a fronted attribution goes, the news stays */
	{ "Selon Reuters, Mouammar Kadhafi a été tué jeudi 20 octobre à Syrte, ont indiqué des responsables du CNT.",
	  "jeudi 20 octobre", NULL, "Mouammar Kadhafi a été tué à Syrte", FRISE_LANG_FR },
	{ "Pendant ce temps, les rebelles ont pris Brega lundi.", "lundi", NULL, "Les rebelles ont pris Brega", FRISE_LANG_FR },
	/* what was said, when the date is in it; the actor for "il" */
	{ "Il a déclaré qu'il rencontrera les studios la semaine prochaine.", "la semaine prochaine", "OpenAI",
	  "OpenAI rencontrera les studios", FRISE_LANG_FR },
	{ "He said on Monday that the company would meet studios.", "on Monday", "Sam Altman",
	  "Sam Altman: the company would meet studios", FRISE_LANG_EN },
	/* no verb, a hole: no headline (another sentence tells it) */
	{ "Le prix était de 140 dollars (le 3 mars).", "le 3 mars", NULL, NULL, FRISE_LANG_FR },
	{ "Libye : les rebelles aux portes de Tripoli le 21 août.", "le 21 août", NULL, NULL, FRISE_LANG_FR },
	/* a subject that names nothing the text gives */
	{ "It was destroyed in the earthquake on Tuesday.", "on Tuesday", NULL, NULL, FRISE_LANG_EN },
	{ "Cela a été annoncé le 3 mars.", "le 3 mars", NULL, NULL, FRISE_LANG_FR },
	/* the subject is the noun before an apposition that ends at the verb */
	{ "Two people, an 84-year-old woman and a 21-year-old man, were pulled alive from the rubble on Friday.",
	  "on Friday", NULL, "Two people were pulled alive from the rubble", FRISE_LANG_EN },
	/* a possessive date goes with its "'s"; a quantity's comparison stays */
	{ "Tuesday's earthquake has left as many as 45,000 people dead.", "Tuesday", NULL,
	  "Earthquake has left as many as 45,000 people dead", FRISE_LANG_EN },
	/* cut after the verb and its object, never on a word that opens a phrase */
	{ "On Saturday, US troops will be deployed on the ground or off the coast of the island of Hispaniola to help.",
	  "On Saturday", NULL, "US troops will be deployed on the ground or off the coast of the island", FRISE_LANG_EN },
	{ "Le 3 mars, la société a annoncé qu'elle suspendait l'expansion de son studio de 800 millions de dollars à Atlanta.",
	  "Le 3 mars", NULL, "La société suspendait l'expansion de son studio de 800 millions de dollars", FRISE_LANG_FR },
	/* a verb dropped from inside the clause is a hole: the sentence, without its date */
	{ "The Mexican government yesterday issued a decree authorising the president to invoke emergency powers.",
	  "yesterday", NULL, "The Mexican government issued a decree authorising the president", FRISE_LANG_EN },
	/* a past before its object is the verb ("said 90 people had been…"), not a participle */
	{ "On Tuesday, UN spokeswoman Elisabeth Byrs said 90 people had been pulled out alive since the earthquake.",
	  "On Tuesday", NULL, "Elisabeth Byrs: 90 people had been pulled out alive", FRISE_LANG_EN },
	/* the date fronted away, the words before its place stay ("over") */
	{ "On Saturday, Haiti's government declared the search and rescue phase over.", "On Saturday", NULL,
	  "Haiti's government declared the search and rescue phase over", FRISE_LANG_EN },
	/* "announced a further 17 cases": a verb with its object, no reported clause */
	{ "The Health Protection Agency (HPA) today announced a further 17 cases of the disease, bringing the total to 203.",
	  "today", NULL, "The Health Protection Agency announced a further 17 cases of the disease", FRISE_LANG_EN },
	/* "16:53" is one time, not two clauses */
	{ "On 12 January 2010, a magnitude 7 earthquake hit Haiti at 16:53.", "12 January 2010", NULL,
	  "A magnitude 7 earthquake hit Haiti at 16:53", FRISE_LANG_EN },
	/* never a cut on an adverb before the verb's complement: another sentence tells it */
	{ "But yesterday the World Health Organisation's Margaret Chan achieved just that by declaring the first influenza pandemic in 40 years.",
	  "yesterday", NULL, NULL, FRISE_LANG_EN },
	/* nor inside a clause of what was said, before its verb */
	{ "They said today that efforts to control swine flu in the city the worst affected in England were failing.",
	  "today", NULL, NULL, FRISE_LANG_EN },
	/* "après avoir été": an infinitive, its verb group kept whole */
	{ "L'ancien leader en fuite a été abattu à Syrte après avoir été capturé vivant, jeudi.", "jeudi", NULL,
	  "L'ancien leader en fuite a été abattu à Syrte après avoir été capturé vivant", FRISE_LANG_FR },
	/* a date that is what the copula says stays */
	{ "The release date of the single is 7 February, with proceeds going to charity.", "7 February",
	  NULL, "The release date of the single is 7 February, with proceeds going to charity", FRISE_LANG_EN },
	/* a clause dropped from inside is a hole: the sentence, if it fits */
	{ "Le ministre a dit mardi que 90 personnes avaient été sauvées.", "mardi", NULL,
	  "Le ministre\u00a0: 90 personnes avaient été sauvées", FRISE_LANG_FR },
};

static void
test_clause_headline(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(clause_headline_cases); i++) {
		const char *s = clause_headline_cases[i].sentence;
		const char *t = strstr(s, clause_headline_cases[i].timex);
		g_assert_nonnull(t);
		g_test_message("case %zu: %s", i, s);
		ClauseParse *p = clause_parse(s, strlen(s), clause_headline_cases[i].lang);
		size_t ts = (size_t)(t - s), te = ts + strlen(clause_headline_cases[i].timex);
		Attribution a;
		attrib_of(p, s, strlen(s), ts, te, FRISE_GRAN_DAY, &a);
		char *h = headline_of(p, s, strlen(s), a.clause, ts, te, clause_headline_cases[i].actor,
				      clause_headline_cases[i].lang, 0);
		g_assert_cmpstr(h, ==, clause_headline_cases[i].expected);
		g_free(h);
		clause_parse_free(p);
	}
}

/* ---- status ---- */

static const struct {
	const char *sentence, *value, *mod, *dct;
	FriseStatus status;
	FriseLang lang;
} status_cases[] = {
	{ "Sora serait disponible d'ici la fin 2024.", "2024", "END", "2024-03", FRISE_STATUS_PLANNED, FRISE_LANG_FR },
	{ "Un lancement avant 2025 semble désormais peu probable.", "2025", "BEFORE", "2024-11", FRISE_STATUS_UNCERTAIN, FRISE_LANG_FR },
	{ "Elle a indiqué en mars dernier que Sora serait disponible d'ici la fin 2024.", "2024-03", "", "2024-11",
	  FRISE_STATUS_HAPPENED, FRISE_LANG_FR },
	{ "Dès cette semaine, OpenAI va rencontrer des studios.", "2024-03", "", "2024-03", FRISE_STATUS_PLANNED, FRISE_LANG_FR },
	{ "The company will launch it in 2025.", "2025", "", "2024-11", FRISE_STATUS_PLANNED, FRISE_LANG_EN },
	{ "Le film sortira le 3 mai 2025.", "2025-05-03", "", "2024-11-26", FRISE_STATUS_PLANNED, FRISE_LANG_FR },
	{ "Le studio aurait été vendu en mars.", "2024-03", "", "2024", FRISE_STATUS_UNCERTAIN, FRISE_LANG_FR },
	{ "La grève a commencé le 2 mai 2023.", "2023-05-02", "", "2024-03", FRISE_STATUS_HAPPENED, FRISE_LANG_FR },
	/* a cue written with a capital inside the sentence is a name, and a
	 * capitalised cue before a name is one too */
	{ "The board approved the plan in May.", "2024-05", "", "2024-05", FRISE_STATUS_HAPPENED, FRISE_LANG_EN },
	{ "The company may sell the unit in May.", "2024-05", "", "2024-05", FRISE_STATUS_UNCERTAIN, FRISE_LANG_EN },
	{ "Will Smith won the award on Monday.", "2024-11-25", "", "2024-11-25", FRISE_STATUS_HAPPENED, FRISE_LANG_EN },
	{ "Will the board meet on Monday?", "2024-11-25", "", "2024-11-25", FRISE_STATUS_PLANNED, FRISE_LANG_EN },
	{ "Next Monday the board meets again.", "2024-11-25", "", "2024-11-25", FRISE_STATUS_PLANNED, FRISE_LANG_EN },
	/* the cues of one language are not the other's: "sera" is no English word */
	{ "La sera was the name of the boat in March.", "2024-03", "", "2024-03", FRISE_STATUS_HAPPENED, FRISE_LANG_EN },
};

static void
test_status(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(status_cases); i++) {
		FriseTimex t = { 0 };
		g_strlcpy(t.value, status_cases[i].value, sizeof t.value);
		g_strlcpy(t.mod, status_cases[i].mod, sizeof t.mod);
		const char *s = status_cases[i].sentence;
		g_test_message("case %zu: %s", i, s);
		g_assert_cmpstr(event_status_name(status_of(s, strlen(s), &t, status_cases[i].dct, status_cases[i].lang)), ==,
				event_status_name(status_cases[i].status));
	}
}

/* ---- candidates, estimates, merge: hand-tagged documents ---- */

typedef struct {
	const char *surface; /* first occurrence in the text */
	FriseTimexType type;
	const char *value, *mod;
} Tx;

typedef struct {
	FriseDoc doc;
	GArray *sentences, *timexes;
} Fixture;

static void
fixture_init(Fixture *f, const char *id, const char *text, const char *published, const Tx *tx, size_t ntx)
{
	memset(f, 0, sizeof *f);
	f->sentences = text_sentences(text, 0, strlen(text), FRISE_LANG_FR);
	f->timexes = g_array_new(FALSE, TRUE, sizeof(FriseTimex));
	for (size_t i = 0; i < ntx; i++) {
		const char *p = strstr(text, tx[i].surface);
		g_assert_nonnull(p);
		FriseTimex t = { 0 };
		t.start = (size_t)(p - text);
		t.end = t.start + strlen(tx[i].surface);
		t.type = tx[i].type;
		g_strlcpy(t.value, tx[i].value, sizeof t.value);
		g_strlcpy(t.mod, tx[i].mod ? tx[i].mod : "", sizeof t.mod);
		g_array_append_val(f->timexes, t);
	}
	f->doc = (FriseDoc){ .id = id, .title = id, .text = text, .len = strlen(text), .lang = FRISE_LANG_FR,
			     .published = published, .dct = published, .sentences = f->sentences,
			     .timexes = f->timexes };
}

static void
fixture_clear(Fixture *f)
{
	g_array_unref(f->sentences);
	g_array_unref(f->timexes);
}

static void
test_candidates_exclusions(void)
{
	const char *text = "Il est là depuis trois mois. Actuellement, il travaille. L'astronaute de 30 ans est parti. "
			   "Le 3 mars, il est revenu. Le 5 avril, une chose arriva. Source link 2024-03-01\n"
			   "Le 12 mai il repart en mer.";
	const Tx tx[] = {
		{ "trois mois", FRISE_TIMEX_DURATION, "P3M", NULL },
		{ "Actuellement", FRISE_TIMEX_DATE, "PRESENT_REF", NULL },
		{ "30 ans", FRISE_TIMEX_DATE, "2024", NULL },        /* an age mis-tagged as a date */
		{ "3 mars", FRISE_TIMEX_DATE, "2024-03-03", NULL },
		{ "5 avril", FRISE_TIMEX_DATE, "XXXX-04-05", NULL }, /* year unknown */
		{ "2024-03-01", FRISE_TIMEX_DATE, "2024-03-01", NULL }, /* in a boilerplate line */
		{ "12 mai", FRISE_TIMEX_DATE, "2024-05-12", NULL },
	};
	Fixture f;
	fixture_init(&f, "a", text, "2024-06", tx, G_N_ELEMENTS(tx));
	/* the boilerplate line */
	for (guint i = 0; i < f.sentences->len; i++) {
		FriseSentence *s = &g_array_index(f.sentences, FriseSentence, i);
		if (g_str_has_prefix(text + s->start, "Source link"))
			s->boilerplate = true;
	}
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
	g_assert_cmpuint(c->len, ==, 2);
	g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 0))->timex.value, ==, "2024-03-03");
	g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 1))->timex.value, ==, "2024-05-12");
	g_ptr_array_unref(c);
	/* without anchored_only, the year-unknown one comes too (for estimates) */
	c = candidates_find(&f.doc, 0, tp, false);
	g_assert_cmpuint(c->len, ==, 3);
	g_ptr_array_unref(c);
	templates_free(tp);
	fixture_clear(&f);
}

/* What is an event: a dated sentence whose own clause tells no happening
 * (a state, a view, a negation, a quotation opening the sentence) is a
 * remark, kept but weighing little; a verb that foresees makes what it
 * governs uncertain. One line per case: language, sentence, date (its
 * surface and value), article date, remark?, status. */
static const struct {
	FriseLang lang;
	const char *text, *surface, *value, *dct;
	bool remark;
	FriseStatus status;
} remark_cases[] = {
	{ FRISE_LANG_EN, "Before Thursday, Colombia was the only nation to confirm a case.", "Thursday", "2009-05-07", "2009-05-08", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "The mayor hadn't said a word about the protests until Monday.", "Monday", "2009-04-06", "2009-04-08", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "\"This war reached our shores on September 11 2001,\" the president said in a speech to soldiers at the base.", "September 11 2001", "2001-09-11", "2005-06-29", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "\"I think September 11 was one of those great earthquakes that clarify things.", "September 11", "2004-09-11", "2005-01-10", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "The minister said on Monday that she hopes for a vote.", "Monday", "2011-03-14", "2011-03-15", false, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "The minister hopes for a vote on Thursday.", "Thursday", "2011-03-17", "2011-03-15", true, FRISE_STATUS_PLANNED },
	{ FRISE_LANG_EN, "The agency chief yesterday suggested the alert would move to its highest level.", "yesterday", "2009-05-02", "2009-05-03", false, FRISE_STATUS_UNCERTAIN },
	{ FRISE_LANG_EN, "Rebels were killed in the city on Monday.", "Monday", "2011-03-14", "2011-03-15", false, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "The army did not enter the city on Monday.", "Monday", "2011-03-14", "2011-03-15", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "A magnitude 7 earthquake struck the capital on Tuesday.", "Tuesday", "2010-01-12", "2010-01-13", false, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_FR, "Lundi, le régime était prêt à négocier toute réforme.", "Lundi", "2011-03-28", "2011-03-29", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_FR, "La ministre espère un vote jeudi.", "jeudi", "2011-03-17", "2011-03-15", true, FRISE_STATUS_PLANNED },
	{ FRISE_LANG_FR, "Le ministre n'a pas commenté l'attaque de lundi soir.", "lundi soir", "2011-03-14", "2011-03-15", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_FR, "Le dirigeant a déclaré jeudi que ses troupes ne partiraient pas.", "jeudi", "2011-03-10", "2011-03-11", false, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_FR, "L'économiste a prédit lundi que la monnaie chuterait.", "lundi", "2011-03-14", "2011-03-15", false, FRISE_STATUS_UNCERTAIN },
	{ FRISE_LANG_FR, "Le dirigeant a été tué jeudi à Syrte.", "jeudi", "2011-10-20", "2011-10-21", false, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_FR, "Le conseil de sécurité a adopté jeudi une résolution.", "jeudi", "2011-03-17", "2011-03-18", false, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_FR, "Une réunion a eu lieu mardi à Paris.", "mardi", "2011-03-15", "2011-03-18", false, FRISE_STATUS_HAPPENED },
	/* a date after "depuis" starts a period: what the sentence tells is its state */
	{ FRISE_LANG_FR, "Depuis le 15 février, plus de 250.000 personnes ont fui la Libye.", "15 février", "2011-02-15", "2011-03-01", true, FRISE_STATUS_HAPPENED },
	{ FRISE_LANG_EN, "Since 15 February, more than 250,000 people have fled Libya.", "15 February", "2011-02-15", "2011-03-01", true, FRISE_STATUS_HAPPENED },
};

static void
test_candidates_remark(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	for (size_t i = 0; i < G_N_ELEMENTS(remark_cases); i++) {
		const Tx tx[] = { { remark_cases[i].surface, FRISE_TIMEX_DATE, remark_cases[i].value, NULL } };
		Fixture f;
		fixture_init(&f, "a", remark_cases[i].text, remark_cases[i].dct, tx, 1);
		f.doc.lang = remark_cases[i].lang;
		GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
		g_test_message("case %zu: %s", i, remark_cases[i].text);
		g_assert_cmpuint(c->len, ==, 1);
		const FriseCandidate *k = g_ptr_array_index(c, 0);
		g_assert_cmpint(k->weak_title, ==, remark_cases[i].remark);
		g_assert_cmpstr(event_status_name(k->status), ==, event_status_name(remark_cases[i].status));
		g_ptr_array_unref(c);
		fixture_clear(&f);
	}
	templates_free(tp);
}

static void
test_candidates_participle(void)
{
	const char *text = "Sora a été dévoilé en février 2024. L'été 2024 fut le plus chaud jamais mesuré.";
	const Tx tx[] = {
		{ "été", FRISE_TIMEX_DATE, "2024-SU", NULL }, /* "a été": not the season */
		{ "février 2024", FRISE_TIMEX_DATE, "2024-02", NULL },
		{ "été 2024", FRISE_TIMEX_DATE, "2024-SU", NULL },
	};
	Fixture f;
	fixture_init(&f, "a", text, "2024-11", tx, G_N_ELEMENTS(tx));
	/* the third surface is the second "été" */
	FriseTimex *third = &g_array_index(f.timexes, FriseTimex, 2);
	third->start = (size_t)(strstr(text, "L'été") - text) + 2;
	third->end = third->start + strlen("été 2024");
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
	g_assert_cmpuint(c->len, ==, 2);
	g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 0))->timex.value, ==, "2024-02");
	g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 0))->type, ==, "reveal");
	g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 1))->timex.value, ==, "2024-SU");
	g_ptr_array_unref(c);
	templates_free(tp);
	fixture_clear(&f);
}

/* One expression in one sentence: is it an event? */
static const struct {
	const char *text, *surface, *value;
	bool kept;
} keep_cases[] = {
	{ "Par Jean Dupont Publié le 31 mars 2011 à 14h06.", "31 mars 2011", "2011-03-31", false },
	{ "Par Jean Dupont Publié le 31 mars 2011 à 14h06.", "14h06", "2011-03-31T14:06", false },
	{ "Mis à jour le 2 avril 2011.", "2 avril 2011", "2011-04-02", false },
	{ "OpenAI a publié le 24 mars un article de blog.", "24 mars", "2024-03-24", true },
	{ "OpenAI a publié un article de blog le 24 mars.", "24 mars", "2024-03-24", true },
	{ "L'astronaute de 30 ans est parti.", "30 ans", "2024", false },
	{ "Il est parti en 2023, âgé de 30 ans.", "2023", "2023", true },
	{ "Le 5 avril, une chose.", "5 avril", "XXXX-04-05", false },
	{ "Actuellement, il travaille.", "Actuellement", "PRESENT_REF", false },
	{ "Un homme a été blessé hier vers 21 h 45 près de la gare.", "hier", "1999-05-18", false }, /* the time wins */
	{ "1999-05-21-0100", "1999-05-21", "1999-05-21", false },
	{ "Daté du jeudi 12 novembre", "jeudi 12 novembre", "2011-11-12", false },
	{ "Le Monde en 2030", "2030", "2030", false },
};

/* The second expression of the "hier vers 21 h 45" case. */
static const Tx keep_time = { "vers 21 h 45", FRISE_TIMEX_TIME, "1999-05-18T21:45", "APPROX" };

static void
test_candidates_keep(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	for (size_t i = 0; i < G_N_ELEMENTS(keep_cases); i++) {
		const Tx tx[] = { { keep_cases[i].surface, FRISE_TIMEX_DATE, keep_cases[i].value, NULL }, keep_time };
		bool with_time = strstr(keep_cases[i].text, keep_time.surface) != NULL;
		Fixture f;
		fixture_init(&f, "a", keep_cases[i].text, "2024-11", tx, with_time ? 2 : 1);
		GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
		g_test_message("case %zu: %s", i, keep_cases[i].text);
		g_assert_cmpuint(c->len, ==, (keep_cases[i].kept ? 1 : 0) + with_time);
		g_ptr_array_unref(c);
		fixture_clear(&f);
	}
	/* a date the event runs since is background when the sentence dates its event */
	{
		const char *cpi = "La CPI a lancé, lundi 27 juin, un mandat d'arrêt pour des crimes commis depuis le "
				  "soulèvement populaire du 15 février.";
		const Tx since[] = { { "lundi 27 juin", FRISE_TIMEX_DATE, "2011-06-27", NULL },
				     { "15 février", FRISE_TIMEX_DATE, "2011-02-15", NULL } };
		Fixture f;
		fixture_init(&f, "a", cpi, "2011-06-27", since, 2);
		GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
		g_assert_cmpuint(c->len, ==, 1);
		g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 0))->timex.value, ==, "2011-06-27");
		g_ptr_array_unref(c);
		fixture_clear(&f);
		/* alone, it is the sentence's date */
		const char *alone = "Les manifestations ont continué depuis le 15 février à Benghazi.";
		fixture_init(&f, "a", alone, "2011-06-27", since + 1, 1);
		c = candidates_find(&f.doc, 0, tp, true);
		g_assert_cmpuint(c->len, ==, 1);
		g_ptr_array_unref(c);
		fixture_clear(&f);
	}
	/* "fin 2024" (its last third) does not contain March: two events */
	const char *text = "Elle a indiqué en mars 2024 que Sora serait disponible d'ici la fin 2024.";
	const Tx two[] = { { "mars 2024", FRISE_TIMEX_DATE, "2024-03", NULL }, { "la fin 2024", FRISE_TIMEX_DATE, "2024", "END" } };
	Fixture f;
	fixture_init(&f, "a", text, "2024-11", two, 2);
	GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
	g_assert_cmpuint(c->len, ==, 2);
	g_ptr_array_unref(c);
	fixture_clear(&f);
	templates_free(tp);
}

/* The two ends of a range are one happening, dated by the first end; a
 * clock after a day is no range end (the day then gives way to it, as
 * test_candidates_keep says), nor a date after a comma. One line
 * per case: language, sentence, the two expressions (surface, type,
 * value), how many candidates, the first one's value. */
static const struct {
	FriseLang lang;
	const char *text;
	Tx a, b;
	guint n;
	const char *first;
} range_cases[] = {
	{ FRISE_LANG_FR, "Trente-huit personnes ont été blessées dans la nuit de mardi à mercredi à Benghazi.",
	  { "la nuit de mardi", FRISE_TIMEX_TIME, "2011-02-15TNI", NULL }, { "mercredi", FRISE_TIMEX_DATE, "2011-02-16", NULL },
	  1, "2011-02-15TNI" },
	{ FRISE_LANG_FR, "Les combats ont duré du 13 au 15 juillet autour de Syrte.",
	  { "13", FRISE_TIMEX_DATE, "2011-07-13", NULL }, { "15 juillet", FRISE_TIMEX_DATE, "2011-07-15", NULL },
	  1, "2011-07-13" },
	{ FRISE_LANG_EN, "The talks ran from Monday to Friday in Geneva.",
	  { "Monday", FRISE_TIMEX_DATE, "2011-03-14", NULL }, { "Friday", FRISE_TIMEX_DATE, "2011-03-18", NULL },
	  1, "2011-03-14" },
	{ FRISE_LANG_FR, "Le ministre est arrivé mardi à 15 h à Tripoli.",
	  { "mardi", FRISE_TIMEX_DATE, "2011-03-15", NULL }, { "15 h", FRISE_TIMEX_TIME, "2011-03-15T15:00", NULL },
	  1, "2011-03-15T15:00" }, /* the clock stays; the day goes as "hier vers 21 h 45" above */
	{ FRISE_LANG_FR, "Les rebelles ont pris la ville lundi, puis mardi ils ont perdu le port.",
	  { "lundi", FRISE_TIMEX_DATE, "2011-03-14", NULL }, { "mardi", FRISE_TIMEX_DATE, "2011-03-15", NULL },
	  2, "2011-03-14" },
};

static void
test_candidates_range(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	for (size_t i = 0; i < G_N_ELEMENTS(range_cases); i++) {
		const Tx tx[] = { range_cases[i].a, range_cases[i].b };
		Fixture f;
		fixture_init(&f, "a", range_cases[i].text, "2011-12", tx, 2);
		f.doc.lang = range_cases[i].lang;
		GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
		g_test_message("case %zu: %s", i, range_cases[i].text);
		g_assert_cmpuint(c->len, ==, range_cases[i].n);
		g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 0))->timex.value, ==, range_cases[i].first);
		g_ptr_array_unref(c);
		fixture_clear(&f);
	}
	templates_free(tp);
}

/* "Elle", "he": the actor named last, not a place after its preposition
 * ("son ambassade à Tripoli"). */
static void
test_candidates_actor(void)
{
	const char *text = "La France a rouvert lundi son ambassade à Tripoli. Elle a nommé mardi Antoine Sivan comme représentant.";
	const Tx tx[] = { { "lundi", FRISE_TIMEX_DATE, "2011-08-29", NULL }, { "mardi", FRISE_TIMEX_DATE, "2011-08-30", NULL } };
	Fixture f;
	fixture_init(&f, "a", text, "2011-08-31", tx, 2);
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
	g_assert_cmpuint(c->len, ==, 2);
	g_assert_cmpstr(((FriseCandidate *)g_ptr_array_index(c, 1))->title, ==, "France a nommé Antoine Sivan comme représentant");
	g_ptr_array_unref(c);
	templates_free(tp);
	fixture_clear(&f);
}

static void
test_candidates_keys(void)
{
	/* the value "2025" equals the expression's text: keys must still be
	 * a function of the text alone, the same on every run */
	const char *text = "Un lancement avant 2025 semble peu probable. En 2025, il sortira.";
	const Tx tx[] = { { "2025", FRISE_TIMEX_DATE, "2025", "BEFORE" } };
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	char first[17] = "";
	for (int run = 0; run < 3; run++) {
		Fixture f;
		fixture_init(&f, "a", text, "2024-11", tx, 1);
		GPtrArray *c = candidates_find(&f.doc, 0, tp, true);
		g_assert_cmpuint(c->len, ==, 1);
		const char *key = ((FriseCandidate *)g_ptr_array_index(c, 0))->key;
		g_assert_cmpuint(strspn(key, "0123456789abcdef"), ==, 16);
		if (run == 0)
			memcpy(first, key, 17);
		g_assert_cmpstr(key, ==, first);
		g_ptr_array_unref(c);
		fixture_clear(&f);
	}
	templates_free(tp);
}

/* Two dated articles that report a reveal and a leak, plus unrelated February events. */
static const char text_a[] = "En février 2024, OpenAI présentait Sora au public. "
			     "Ce 26 novembre 2024, des artistes ont fait fuiter le modèle Sora.";
static const Tx tx_a[] = {
	{ "février 2024", FRISE_TIMEX_DATE, "2024-02", NULL },
	{ "26 novembre 2024", FRISE_TIMEX_DATE, "2024-11-26", NULL },
};
static const char text_b[] = "OpenAI a taquiné Sora le 15 février avec une page web. "
			     "Mardi, des artistes en colère ont divulgué le modèle Sora. "
			     "En février, une plainte a été déposée contre OpenAI au tribunal. "
			     "En février, le réalisateur a déclaré dans une interview qu'il arrêtait.";
static const Tx tx_b_dated[] = {
	{ "15 février", FRISE_TIMEX_DATE, "2024-02-15", NULL },
	{ "Mardi", FRISE_TIMEX_DATE, "2024-11-26", NULL },
	{ "En février, une", FRISE_TIMEX_DATE, "2024-02", NULL },
	{ "En février, le", FRISE_TIMEX_DATE, "2024-02", NULL },
};
static const Tx tx_b_undated[] = {
	{ "15 février", FRISE_TIMEX_DATE, "XXXX-02-15", NULL },
	{ "Mardi", FRISE_TIMEX_DATE, "XXXX-WXX-2", NULL },
	{ "En février, une", FRISE_TIMEX_DATE, "XXXX-02", NULL },
	{ "En février, le", FRISE_TIMEX_DATE, "XXXX-02", NULL },
};
static const char text_c[] = "Le 3 janvier 2025, une grève a éclaté chez les doubleurs.";
static const Tx tx_c[] = { { "3 janvier 2025", FRISE_TIMEX_DATE, "2025-01-03", NULL } };

/* "En février, une" stands for the "février" inside it: fix the spans. */
static void
narrow_fevrier(Fixture *f)
{
	for (guint i = 0; i < f->timexes->len; i++) {
		FriseTimex *t = &g_array_index(f->timexes, FriseTimex, i);
		if (g_str_has_prefix(f->doc.text + t->start, "En février,")) {
			t->start += 3;
			t->end = t->start + strlen("février");
		}
	}
}

static GPtrArray *
merge_docs(FriseDoc *docs, guint n, const GArray *overrides)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	GPtrArray *cands = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
	for (guint i = 0; i < n; i++)
		g_ptr_array_extend_and_steal(cands, candidates_find(docs, i, tp, true));
	/* on threads, over enough docs (these, 50 times) to use them: the
	 * same candidates in the same order */
	guint nrep = n * 50;
	FriseDoc *rep = g_new(FriseDoc, nrep);
	for (guint i = 0; i < nrep; i++)
		rep[i] = docs[i % n];
	GPtrArray *all = candidates_find_all(rep, nrep, tp, true);
	g_assert_cmpuint(all->len, ==, cands->len * 50);
	for (guint i = 0; i < all->len; i++) {
		const FriseCandidate *a = g_ptr_array_index(all, i), *c = g_ptr_array_index(cands, i % cands->len);
		g_assert_cmpuint(a->doc % n, ==, c->doc);
		g_assert_cmpuint(a->doc, ==, i / cands->len * n + c->doc);
		g_assert_cmpstr(a->key, ==, c->key);
		g_assert_cmpstr(a->type, ==, c->type);
		g_assert_cmpstr(a->title, ==, c->title);
	}
	g_ptr_array_unref(all);
	g_free(rep);
	GPtrArray *events = merge_candidates(docs, n, cands, overrides);
	g_ptr_array_unref(cands);
	templates_free(tp);
	return events;
}

static const FriseEvent *
find_event(GPtrArray *events, const char *type, const char *value)
{
	const FriseEvent *found = NULL;
	for (guint i = 0; i < events->len; i++) {
		const FriseEvent *e = g_ptr_array_index(events, i);
		if (strcmp(e->type, type) == 0 && strcmp(e->value, value) == 0) {
			g_assert_null(found); /* each event once */
			found = e;
		}
	}
	return found;
}

/* An event's text goes on with the sentence after its own, unless that
 * one is dated (another happening's); a sentence that says the same adds
 * nothing. */
static void
test_merge_text(void)
{
	static const char ta[] = "Le 3 mars 2025, la société Durand a annoncé le rachat de son concurrent Martin. "
				 "Le montant de l’opération atteint deux milliards d’euros.";
	static const char tb[] = "Le 3 mars 2025, Durand a annoncé le rachat de son concurrent Martin. "
				 "Le 5 mars, les syndicats ont appelé à la grève.";
	static const Tx xa[] = { { "3 mars 2025", FRISE_TIMEX_DATE, "2025-03-03", NULL } };
	static const Tx xb[] = { { "3 mars 2025", FRISE_TIMEX_DATE, "2025-03-03", NULL },
				 { "5 mars", FRISE_TIMEX_DATE, "2025-03-05", NULL } };
	Fixture a, b;
	fixture_init(&a, "a.txt", ta, "2025-03-04", xa, G_N_ELEMENTS(xa));
	fixture_init(&b, "b.txt", tb, "2025-03-06", xb, G_N_ELEMENTS(xb));
	FriseDoc docs[2] = { a.doc, b.doc };
	GPtrArray *ev = merge_docs(docs, 2, NULL);
	const FriseEvent *buy = NULL;
	for (guint i = 0; i < ev->len; i++) {
		const FriseEvent *e = g_ptr_array_index(ev, i);
		if (strcmp(e->value, "2025-03-03") == 0)
			buy = e;
	}
	g_assert_nonnull(buy);
	g_assert_cmpuint(buy->sources->len, ==, 2);
	/* one sentence of the rachat, then what follows it where that is
	 * undated; never the strike of the 5th, nor the rachat twice */
	g_assert_nonnull(strstr(buy->text, "deux milliards"));
	g_assert_null(strstr(buy->text, "grève"));
	const char *first = strstr(buy->text, "a annoncé le rachat");
	g_assert_nonnull(first);
	g_assert_null(strstr(first + 1, "a annoncé le rachat"));
	g_ptr_array_unref(ev);
	fixture_clear(&a);
	fixture_clear(&b);
}

static void
test_merge(void)
{
	Fixture a, b, c;
	fixture_init(&a, "a.txt", text_a, "2024-11", tx_a, G_N_ELEMENTS(tx_a));
	fixture_init(&b, "b.txt", text_b, "2024-11-28", tx_b_dated, G_N_ELEMENTS(tx_b_dated));
	narrow_fevrier(&b);
	fixture_init(&c, "c.txt", text_c, "2025-01", tx_c, G_N_ELEMENTS(tx_c));
	FriseDoc docs[3] = { a.doc, b.doc, c.doc };
	GPtrArray *ev = merge_docs(docs, 2, NULL);
	g_assert_cmpuint(ev->len, ==, 4);
	const FriseEvent *reveal = find_event(ev, "reveal", "2024-02-15"); /* the most precise date */
	g_assert_nonnull(reveal);
	g_assert_cmpuint(reveal->sources->len, ==, 2);
	g_assert_false(reveal->conflict);
	const FriseEvent *leak = find_event(ev, "leak", "2024-11-26");
	g_assert_nonnull(leak);
	g_assert_cmpuint(leak->sources->len, ==, 2);
	g_assert_nonnull(find_event(ev, "lawsuit", "2024-02"));   /* same month, other story */
	g_assert_nonnull(find_event(ev, "statement", "2024-02")); /* same month, other story */
	/* date order */
	for (guint i = 1; i < ev->len; i++)
		g_assert_cmpint(date_compare(((FriseEvent *)g_ptr_array_index(ev, i - 1))->value,
					     ((FriseEvent *)g_ptr_array_index(ev, i))->value), <=, 0);
	/* multi-source events are the most salient */
	g_assert_cmpfloat(leak->score, >, find_event(ev, "lawsuit", "2024-02")->score);
	/* ids: 16 hex digits, stable when an unrelated article comes */
	char *reveal_id = g_strdup(reveal->id), *leak_id = g_strdup(leak->id);
	g_assert_cmpuint(strlen(reveal_id), ==, 16);
	GPtrArray *ev3 = merge_docs(docs, 3, NULL);
	g_assert_cmpuint(ev3->len, ==, 5);
	g_assert_cmpstr(find_event(ev3, "reveal", "2024-02-15")->id, ==, reveal_id);
	g_assert_cmpstr(find_event(ev3, "leak", "2024-11-26")->id, ==, leak_id);
	g_ptr_array_unref(ev3);
	/* overrides: title, hide, merge, split */
	GArray *ov = g_array_new(FALSE, FALSE, sizeof(FriseOverride));
	FriseOverride o1 = { FRISE_OVERRIDE_TITLE, leak_id, "La fuite" };
	FriseOverride o2 = { FRISE_OVERRIDE_HIDE, reveal_id, "" };
	g_array_append_val(ov, o1);
	g_array_append_val(ov, o2);
	ev3 = merge_docs(docs, 2, ov);
	g_assert_cmpstr(find_event(ev3, "leak", "2024-11-26")->title, ==, "La fuite");
	g_assert_true(find_event(ev3, "leak", "2024-11-26")->edited);
	g_assert_true(find_event(ev3, "reveal", "2024-02-15")->hidden);
	g_ptr_array_unref(ev3);
	g_array_set_size(ov, 0);
	FriseOverride o3 = { FRISE_OVERRIDE_SPLIT, g_ptr_array_index(leak->keys, 0), NULL };
	FriseOverride o4 = { FRISE_OVERRIDE_SPLIT, g_ptr_array_index(leak->keys, 1), NULL };
	g_array_append_val(ov, o3);
	g_array_append_val(ov, o4);
	ev3 = merge_docs(docs, 2, ov);
	g_assert_cmpuint(ev3->len, ==, 5);
	g_ptr_array_unref(ev3);
	const FriseEvent *law = find_event(ev, "lawsuit", "2024-02"), *st = find_event(ev, "statement", "2024-02");
	g_array_set_size(ov, 0);
	FriseOverride o5 = { FRISE_OVERRIDE_MERGE, law->id, st->id };
	g_array_append_val(ov, o5);
	ev3 = merge_docs(docs, 2, ov);
	g_assert_cmpuint(ev3->len, ==, 3);
	g_ptr_array_unref(ev3);
	g_array_unref(ov);
	g_free(reveal_id);
	g_free(leak_id);
	g_ptr_array_unref(ev);
	fixture_clear(&a);
	fixture_clear(&b);
	fixture_clear(&c);
}

static void
test_merge_conflict(void)
{
	/* the same leak, told in nearly the same words, dated a day apart */
	const char *ta = "Le 26 novembre 2024, des artistes ont fait fuiter le modèle Sora sur Hugging Face.";
	const char *tb = "Le 27 novembre 2024, des artistes ont fait fuiter le modèle Sora sur Hugging Face, dit-on.";
	const char *tc = "Le 27 novembre 2024, une grève a éclaté chez les doubleurs.";
	const Tx xa[] = { { "26 novembre 2024", FRISE_TIMEX_DATE, "2024-11-26", NULL } };
	const Tx xb[] = { { "27 novembre 2024", FRISE_TIMEX_DATE, "2024-11-27", NULL } };
	Fixture a, b, c;
	fixture_init(&a, "a.txt", ta, "2024-11-28", xa, 1);
	fixture_init(&b, "b.txt", tb, "2024-11-28", xb, 1);
	fixture_init(&c, "c.txt", tc, "2024-11-28", xb, 1);
	FriseDoc docs[3] = { a.doc, b.doc, c.doc };
	GPtrArray *ev = merge_docs(docs, 3, NULL);
	g_assert_cmpuint(ev->len, ==, 2);
	const FriseEvent *leak = find_event(ev, "leak", "2024-11-26");
	g_assert_nonnull(leak);
	g_assert_true(leak->conflict);
	g_assert_cmpuint(leak->sources->len, ==, 2);
	g_assert_cmpstr(((FriseSource *)g_ptr_array_index(leak->sources, 1))->value, ==, "2024-11-27");
	g_assert_false(find_event(ev, "strike", "2024-11-27")->conflict);
	g_ptr_array_unref(ev);
	fixture_clear(&a);
	fixture_clear(&b);
	fixture_clear(&c);
}

/* A day many articles name lifts its events: a night of it too ("la nuit
 * de mardi"), not a live blog's timed entries. */
static void
test_day_bonus(void)
{
	const char *ta = "Dans la nuit de mardi, des heurts ont éclaté à Benghazi entre manifestants et policiers.";
	const char *tb = "Le 15 février 2011, une grève a paralysé le port de Tripoli pendant des heures.";
	const char *tc = "Le 15 février 2011, les banques de Misrata ont fermé leurs portes aux clients.";
	const char *td = "A 21 h 40 mardi, un convoi militaire a quitté la caserne de Syrte vers le sud.";
	const char *te = "Le 3 mars 2011, un navire a quitté le port de Tobrouk avec des réfugiés.";
	const Tx xa[] = { { "la nuit de mardi", FRISE_TIMEX_TIME, "2011-02-15TNI", NULL } };
	const Tx xb[] = { { "15 février 2011", FRISE_TIMEX_DATE, "2011-02-15", NULL } };
	const Tx xd[] = { { "21 h 40 mardi", FRISE_TIMEX_TIME, "2011-02-15T21:40", NULL } };
	const Tx xe[] = { { "3 mars 2011", FRISE_TIMEX_DATE, "2011-03-03", NULL } };
	Fixture a, b, c, d, e;
	fixture_init(&a, "a.txt", ta, "2011-02-16", xa, 1);
	fixture_init(&b, "b.txt", tb, "2011-02-16", xb, 1);
	fixture_init(&c, "c.txt", tc, "2011-02-16", xb, 1);
	fixture_init(&d, "d.txt", td, "2011-02-16", xd, 1);
	fixture_init(&e, "e.txt", te, "2011-03-04", xe, 1);
	FriseDoc docs[5] = { a.doc, b.doc, c.doc, d.doc, e.doc };
	GPtrArray *ev = merge_docs(docs, 5, NULL);
	g_assert_cmpuint(ev->len, ==, 5);
	const FriseEvent *night = NULL, *timed = NULL, *lone = NULL;
	for (guint i = 0; i < ev->len; i++) {
		const FriseEvent *x = g_ptr_array_index(ev, i);
		if (strcmp(x->value, "2011-02-15TNI") == 0)
			night = x;
		else if (strcmp(x->value, "2011-02-15T21:40") == 0)
			timed = x;
		else if (strcmp(x->value, "2011-03-03") == 0)
			lone = x;
	}
	g_assert_nonnull(night);
	g_assert_nonnull(timed);
	g_assert_nonnull(lone);
	/* four articles name 15 February, one names 3 March: the night gets
	 * log2(5) over a lone day's log2(2); the timed entry gets none */
	g_assert_cmpfloat(night->score - lone->score, >, 1.0);
	g_assert_cmpfloat(timed->score, <, lone->score);
	g_ptr_array_unref(ev);
	fixture_clear(&a);
	fixture_clear(&b);
	fixture_clear(&c);
	fixture_clear(&d);
	fixture_clear(&e);
}

static void
test_estimate(void)
{
	Fixture a, b;
	fixture_init(&a, "a.txt", text_a, "2024-11", tx_a, G_N_ELEMENTS(tx_a));
	fixture_init(&b, "b.txt", text_b, NULL, tx_b_undated, G_N_ELEMENTS(tx_b_undated));
	narrow_fevrier(&b);
	FriseDoc docs[2] = { a.doc, b.doc };
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	FriseEstimate est;
	estimate_of(docs, 2, 1, tp, &est);
	/* "Mardi" names the leak that a.txt dates Tuesday 26 November 2024 */
	g_assert_cmpstr(est.value, ==, "2024-11-26");
	g_assert_cmpint(est.precision, ==, FRISE_GRAN_DAY);
	g_assert_nonnull(strstr(est.evidence, "a.txt"));
	/* and the shared reveal resolves "15 février" */
	size_t at = (size_t)(strstr(text_b, "15 février") - text_b);
	g_assert_cmpstr(g_hash_table_lookup(est.resolved, GUINT_TO_POINTER((guint)at)), ==, "2024-02-15");
	/* the corpus's sets found once give the same estimate */
	GPtrArray **sets = candidates_find_each(docs, 2, tp, true, true);
	g_assert_cmpuint(sets[1]->len, ==, 0); /* b.txt is undated: nothing to compare with */
	g_assert_cmpuint(sets[0]->len, >, 0);
	FriseEstimate again;
	estimate_with(docs, 2, 1, tp, sets, &again);
	g_assert_cmpstr(again.value, ==, est.value);
	g_assert_cmpstr(again.evidence, ==, est.evidence);
	g_assert_cmpuint(g_hash_table_size(again.resolved), ==, g_hash_table_size(est.resolved));
	estimate_clear(&again);
	candidates_each_free(sets, 2);
	estimate_clear(&est);
	/* an article with nothing to compare gets no estimate */
	estimate_of(docs + 1, 1, 0, tp, &est);
	g_assert_null(est.value);
	estimate_clear(&est);
	templates_free(tp);
	fixture_clear(&a);
	fixture_clear(&b);
}

static void
test_estimate_year(void)
{
	const char *text = "Sora a été dévoilé en février, selon nos informations.";
	const Tx tx[] = { { "février", FRISE_TIMEX_DATE, "XXXX-02", NULL } };
	Fixture a, u;
	fixture_init(&a, "a.txt", text_a, "2024-11", tx_a, G_N_ELEMENTS(tx_a));
	fixture_init(&u, "u.txt", text, NULL, tx, G_N_ELEMENTS(tx));
	FriseDoc docs[2] = { a.doc, u.doc };
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	FriseEstimate est;
	estimate_of(docs, 2, 1, tp, &est);
	g_assert_cmpstr(est.value, ==, "2024");
	g_assert_cmpint(est.precision, ==, FRISE_GRAN_YEAR);
	estimate_clear(&est);
	templates_free(tp);
	fixture_clear(&a);
	fixture_clear(&u);
}

/* ---- estimates: bounds by tense, one line per case ---- */

/* An undated article, alone or beside a.txt (dated 2024-11), and what it
 * is estimated to: TIMEX3 value (NULL: none) and a part of the evidence. */
typedef struct {
	const char *text;
	Tx tx[2];          /* its expressions tagged without a date; { NULL } ends */
	bool corpus;       /* beside a.txt */
	const char *value;
	const char *because;
} BoundCase;

static const BoundCase bound_cases[] = {
	/* what it reports as past happened before it: soon before (4 March 2024 is a Monday) */
	{ "Le 4 mars 2024, le ministre a démissionné de son poste.",
	  { { "4 mars 2024", FRISE_TIMEX_DATE, "2024-03-04", NULL } }, false, "2024-W10", "after 2024-03-04" },
	/* what goes on since a date began before it */
	{ "Depuis le 4 mars 2024, les grévistes occupent l'usine de la ville.",
	  { { "4 mars 2024", FRISE_TIMEX_DATE, "2024-03-04", NULL } }, false, "2024-W10", "since 2024-03-04" },
	/* after Thursday 28 March: the days after straddle two weeks and two months, so the year… */
	{ "Le 28 mars 2024, la grève a commencé dans les usines du pays.",
	  { { "28 mars 2024", FRISE_TIMEX_DATE, "2024-03-28", NULL } }, false, "2024", "after 2024-03-28" },
	/* …unless what it announces is before the next week: the week between */
	{ "Le 28 mars 2024, la grève a commencé dans les usines du pays. "
	  "Les syndicats se réuniront le 31 mars 2024 à Paris.",
	  { { "28 mars 2024", FRISE_TIMEX_DATE, "2024-03-28", NULL }, { "31 mars 2024", FRISE_TIMEX_DATE, "2024-03-31", NULL } },
	  false, "2024-W13", "by 2024-03-31" },
	/* a future announced before a past it reports contradicts it: the past holds */
	{ "Le 10 mars 2024, le ministre a démissionné de son poste. Son successeur sera nommé le 5 mars 2024.",
	  { { "10 mars 2024", FRISE_TIMEX_DATE, "2024-03-10", NULL }, { "5 mars 2024", FRISE_TIMEX_DATE, "2024-03-05", NULL } },
	  false, "2024-W11", "left out" },
	/* a future alone says the year it is before */
	{ "Le ministre démissionnera le 15 mai 2024 selon ses proches.",
	  { { "15 mai 2024", FRISE_TIMEX_DATE, "2024-05-15", NULL } }, false, "2024", "by 2024-05-15" },
	/* a conditional is no plan of the article's time */
	{ "Le nouveau modèle serait disponible le 5 mars 2024 selon la presse.",
	  { { "5 mars 2024", FRISE_TIMEX_DATE, "2024-03-05", NULL } }, false, NULL, NULL },
	/* a year-less date it reports as past is of the corpus's year, and bounds it (24 March 2024 is a Sunday) */
	{ "Le 24 mars, OpenAI a publié un article de blog sur son générateur.",
	  { { "24 mars", FRISE_TIMEX_DATE, "XXXX-03-24", NULL } }, true, "2024-W13", "after 2024-03-24" },
	/* nothing that dates it and nothing to compare it with: no estimate */
	{ "Le ministre a démissionné de son poste.", { { NULL } }, false, NULL, NULL },
	/* nothing that dates it beside a dated article: the corpus's year */
	{ "Le ministre a démissionné de son poste.", { { NULL } }, true, "2024", "mostly in 2024" },
};

static void
test_estimate_bounds(void)
{
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	g_assert_no_error(error);
	for (size_t i = 0; i < G_N_ELEMENTS(bound_cases); i++) {
		const BoundCase *c = &bound_cases[i];
		size_t ntx = 0;
		while (ntx < G_N_ELEMENTS(c->tx) && c->tx[ntx].surface != NULL)
			ntx++;
		Fixture a, u;
		fixture_init(&a, "a.txt", text_a, "2024-11", tx_a, G_N_ELEMENTS(tx_a));
		fixture_init(&u, "u.txt", c->text, NULL, c->tx, ntx);
		FriseDoc docs[2] = { u.doc, a.doc };
		FriseEstimate est;
		estimate_of(docs, c->corpus ? 2 : 1, 0, tp, &est);
		if (g_strcmp0(est.value, c->value) != 0 ||
		    (c->because != NULL && (est.evidence == NULL || strstr(est.evidence, c->because) == NULL)))
			g_error("case %zu «%s»: got %s (%s), expected %s with «%s»", i, c->text, est.value, est.evidence,
				c->value, c->because);
		estimate_clear(&est);
		fixture_clear(&a);
		fixture_clear(&u);
	}
	templates_free(tp);
}

/* An English article, undated, telling as past a happening a dated one
 * dates, and announcing one: the week between (9 May 2023 is a Tuesday). */
static void
test_estimate_english(void)
{
	const char *dated = "On 9 May 2023, the company unveiled its new lunar rover at a press event in Houston.";
	const Tx dtx[] = { { "9 May 2023", FRISE_TIMEX_DATE, "2023-05-09", NULL } };
	const char *undated = "The company unveiled its new lunar rover at a press event in Houston, to the delight of "
			      "its engineers. Field tests of the rover will begin on 20 June 2023.";
	const Tx utx[] = { { "20 June 2023", FRISE_TIMEX_DATE, "2023-06-20", NULL } };
	Fixture d, u;
	fixture_init(&d, "d.txt", dated, "2023-05-09", dtx, G_N_ELEMENTS(dtx));
	fixture_init(&u, "u.txt", undated, NULL, utx, G_N_ELEMENTS(utx));
	Fixture *en[] = { &d, &u };
	for (guint k = 0; k < G_N_ELEMENTS(en); k++) {
		g_array_unref(en[k]->sentences);
		en[k]->sentences = text_sentences(en[k]->doc.text, 0, en[k]->doc.len, FRISE_LANG_EN);
		en[k]->doc.sentences = en[k]->sentences;
		en[k]->doc.lang = FRISE_LANG_EN;
	}
	FriseDoc docs[2] = { d.doc, u.doc };
	GError *error = NULL;
	FriseTemplates *tp = templates_new(&error);
	FriseEstimate est;
	estimate_of(docs, 2, 1, tp, &est);
	g_assert_cmpstr(est.value, ==, "2023-W19");
	g_assert_cmpint(est.precision, ==, FRISE_GRAN_WEEK);
	g_assert_nonnull(strstr(est.evidence, "d.txt"));
	g_assert_nonnull(strstr(est.evidence, "after 2023-05-09"));
	estimate_clear(&est);
	/* alone, it is only before its announcement: the year */
	estimate_of(docs + 1, 1, 0, tp, &est);
	g_assert_cmpstr(est.value, ==, "2023");
	estimate_clear(&est);
	templates_free(tp);
	fixture_clear(&d);
	fixture_clear(&u);
}

/* A week estimate is tagged as its Monday and its Sunday, joined. */
static void
test_estimate_week(void)
{
	char dcts[2][11];
	g_assert_cmpint(estimate_dcts("2024-W13", dcts), ==, 2);
	g_assert_cmpstr(dcts[0], ==, "2024-03-25");
	g_assert_cmpstr(dcts[1], ==, "2024-03-31");
	g_assert_cmpint(estimate_dcts("2024-03", dcts), ==, 1);
	g_assert_cmpstr(dcts[0], ==, "2024-03");
	g_assert_cmpint(estimate_dcts("2024-11-26", dcts), ==, 1);
	g_assert_cmpstr(dcts[0], ==, "2024-11-26");
	/* "la semaine dernière", "hier", "aujourd'hui", "le 24 mars" */
	static const struct { size_t start; const char *base, *monday, *sunday, *joined; } rows[] = {
		{ 0, "XXXX-WXX", "2024-W12", "2024-W12", "2024-W12" },     /* the week decides it */
		{ 10, "XXXX-XX-XX", "2024-03-24", "2024-03-30", "XXXX-XX-XX" }, /* which day: unknown */
		{ 20, "XXXX-XX-XX", "2024-03-25", "2024-03-31", "2024-W13" },   /* a day of the week */
		{ 30, "XXXX-03-24", "2024-03-24", "2024-03-24", "2024-03-24" },
	};
	GArray *arr[3];
	for (int k = 0; k < 3; k++) {
		arr[k] = g_array_new(FALSE, TRUE, sizeof(FriseTimex));
		for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
			FriseTimex t = { .start = rows[i].start, .end = rows[i].start + 5, .type = FRISE_TIMEX_DATE };
			g_strlcpy(t.value, k == 0 ? rows[i].base : k == 1 ? rows[i].monday : rows[i].sunday, sizeof t.value);
			g_array_append_val(arr[k], t);
		}
	}
	GArray *j = estimate_week_timexes(arr[0], arr[1], arr[2], "2024-W13");
	g_assert_cmpuint(j->len, ==, G_N_ELEMENTS(rows));
	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
		g_assert_cmpstr(g_array_index(j, FriseTimex, i).value, ==, rows[i].joined);
	timex_array_free(j);
	for (int k = 0; k < 3; k++)
		timex_array_free(arr[k]);
}

static void
test_words(void)
{
	const char *s = "L’Hiver des Créatifs : les studios ont DÉVOILÉ 3 films";
	GPtrArray *w = sim_words(s, strlen(s), FRISE_LANG_FR);
	GString *j = g_string_new(NULL);
	for (guint i = 0; i < w->len; i++)
		g_string_append_printf(j, "%s%s", i ? " " : "", (char *)g_ptr_array_index(w, i));
	g_assert_cmpstr(j->str, ==, "hiver creatifs studios devoile films");
	g_string_free(j, TRUE);
	g_ptr_array_unref(w);
}

/* salience_rank(): the n-th visible event of one day counts score / n,
 * so a --top N timeline shows several moments rather than
 * one busy day; a hidden event neither counts nor is counted. */
static const struct {
	const char *value;
	double score;
	bool hidden;
	double rank;
} rank_cases[] = {
	{ "2030-01-01", 10.0, false, 10.0 },
	{ "2030-01-01T10:00", 9.9, false, 9.9 / 2 },
	{ "2030-01-01", 9.8, false, 9.8 / 3 },
	{ "2030-01-01", 20.0, true, 20.0 },
	{ "2030-02", 9.0, false, 9.0 },
	{ "2030-02-01", 1.0, false, 1.0 },
};

static void
test_rank(void)
{
	GPtrArray *events = g_ptr_array_new_with_free_func((GDestroyNotify)event_free);
	for (size_t i = 0; i < G_N_ELEMENTS(rank_cases); i++) {
		FriseEvent *e = g_new0(FriseEvent, 1);
		e->id = g_strdup_printf("e%zu", i);
		e->value = g_strdup(rank_cases[i].value);
		e->score = rank_cases[i].score;
		e->hidden = rank_cases[i].hidden;
		e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		g_ptr_array_add(events, e);
	}
	salience_rank(events, NULL, 0);
	for (size_t i = 0; i < G_N_ELEMENTS(rank_cases); i++) {
		g_test_message("case %zu: %s %g", i, rank_cases[i].value, rank_cases[i].score);
		g_assert_cmpfloat_with_epsilon(((FriseEvent *)g_ptr_array_index(events, i))->rank, rank_cases[i].rank, 1e-9);
	}
	g_ptr_array_unref(events);
}

/* Stamps from the sources' dates (a store made for one run): event.h's example. */
static void
test_stamp_from_sources(void)
{
	static const struct {
		const char *published[3]; /* NULL-ended */
		gint64 created, modified;
		int sequence;
	} cases[] = {
		{ { "2024-03", "2024-11-26", NULL }, 1709251200, 1732579200, 1 },
		{ { "2024-11-26T14:30", NULL }, 1732579200, 1732579200, 0 },
		{ { NULL }, 0, 0, 0 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		FriseTimeline *t = event_timeline_new();
		FriseEvent *e = g_new0(FriseEvent, 1);
		e->sequence = 9;
		e->created = e->modified = 1;
		e->sources = g_ptr_array_new_with_free_func((GDestroyNotify)event_source_free);
		for (int k = 0; k == 0 || (k < 3 && cases[i].published[k] != NULL); k++) {
			FriseSource *s = g_new0(FriseSource, 1);
			s->published = g_strdup(cases[i].published[k]);
			g_ptr_array_add(e->sources, s);
		}
		g_ptr_array_add(t->events, e);
		event_timeline_stamp_from_sources(t);
		g_assert_cmpint(e->created, ==, cases[i].created);
		g_assert_cmpint(e->modified, ==, cases[i].modified);
		g_assert_cmpint(e->sequence, ==, cases[i].sequence);
		event_timeline_free(t);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/event/attribution", test_attribution);
	g_test_add_func("/event/clause-headline", test_clause_headline);
	g_test_add_func("/event/rank", test_rank);
	g_test_add_func("/event/stamp-from-sources", test_stamp_from_sources);
	g_test_add_func("/event/sentences", test_sentences);
	g_test_add_func("/event/headline", test_headline);
	g_test_add_func("/event/headline-long", test_headline_long);
	g_test_add_func("/event/classify", test_classify);
	g_test_add_func("/event/templates-user", test_templates_user);
	g_test_add_func("/event/templates-matching", test_templates_matching);
	g_test_add_func("/event/status", test_status);
	g_test_add_func("/event/words", test_words);
	g_test_add_func("/event/candidates-exclusions", test_candidates_exclusions);
	g_test_add_func("/event/candidates-participle", test_candidates_participle);
	g_test_add_func("/event/candidates-remark", test_candidates_remark);
	g_test_add_func("/event/candidates-keep", test_candidates_keep);
	g_test_add_func("/event/candidates-range", test_candidates_range);
	g_test_add_func("/event/candidates-actor", test_candidates_actor);
	g_test_add_func("/event/candidates-keys", test_candidates_keys);
	g_test_add_func("/event/merge", test_merge);
	g_test_add_func("/event/merge-text", test_merge_text);
	g_test_add_func("/event/merge-conflict", test_merge_conflict);
	g_test_add_func("/event/day-bonus", test_day_bonus);
	g_test_add_func("/event/estimate", test_estimate);
	g_test_add_func("/event/estimate-year", test_estimate_year);
	g_test_add_func("/event/estimate-bounds", test_estimate_bounds);
	g_test_add_func("/event/estimate-english", test_estimate_english);
	g_test_add_func("/event/estimate-week", test_estimate_week);
	return g_test_run();
}
