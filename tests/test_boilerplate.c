/*
 * test_boilerplate.c — unit tests of the boilerplate stage
 * (frise/boilerplate.h, src/reader/boilerplate.c) and of the titles it
 * picks: one line per case. Lines of each kind, in French and English,
 * are marked with their reason; story lines that look alike (a short
 * sentence, a quote, a dateline, a tweet, a caption glued to a sentence)
 * are kept. Then threads and teaser lists, corpus repetition on small
 * corpora made here (a site's chrome, a wire copy, a store read before),
 * the article's title and the timeline's (events/story.c, and through a
 * store in memory). No file is written.
 */
#include "frise/boilerplate.h"
#include "frise/pipeline.h"
#include "frise/store.h"
#include "events/story.h"
#include "store/rows.h"

#include <string.h>

#define STORY -1 /* the line stays the story's */

static FriseArticle *
read_str(const char *path, const char *data, FriseLang lang)
{
	FriseReadOptions opts = { .lang = lang };
	GError *e = NULL;
	FriseArticle *a = article_read_bytes(path, data, strlen(data), &opts, &e);
	g_assert_no_error(e);
	g_assert_nonnull(a);
	return a;
}

/* ------------------------------------------------------------------ */
/* One line between a title and a paragraph. */

static const struct {
	FriseLang lang;
	const char *line;
	int kind;           /* FriseBoilerKind, or STORY */
	const char *marked; /* the part marked when it is not the whole line */
} line_cases[] = {
	/* reading time */
	{ FRISE_LANG_FR, "Temps de lecture : 2 min", FRISE_BOILER_READING_TIME, NULL },
	{ FRISE_LANG_FR, "— 10 novembre 2020 — Temps de lecture : 2 min", FRISE_BOILER_READING_TIME, NULL },
	{ FRISE_LANG_FR, "4 MINUTES DE LECTURE", FRISE_BOILER_READING_TIME, NULL },
	{ FRISE_LANG_EN, "5 min read", FRISE_BOILER_READING_TIME, NULL },
	{ FRISE_LANG_FR, "Il faut 10 minutes de lecture pour comprendre ce rapport.", STORY, NULL },
	{ FRISE_LANG_FR, "La loi a été adoptée en deuxième lecture le 3 mars.", STORY, NULL },
	/* copyright */
	{ FRISE_LANG_FR, "© Le Journal du Soir", FRISE_BOILER_COPYRIGHT, NULL },
	{ FRISE_LANG_FR, "Tous droits réservés", FRISE_BOILER_COPYRIGHT, NULL },
	{ FRISE_LANG_EN, "All rights reserved", FRISE_BOILER_COPYRIGHT, NULL },
	{ FRISE_LANG_FR, "Le studio perd le copyright de sa souris en 2024.", STORY, NULL },
	/* teasers */
	{ FRISE_LANG_FR, "Voir : la carte de la situation dans le pays", FRISE_BOILER_TEASER, NULL },
	{ FRISE_LANG_FR, "» Le mystère de la fortune du dirigeant", FRISE_BOILER_TEASER, NULL },
	{ FRISE_LANG_FR, "> Relisez notre suivi minute par minute de la journée", FRISE_BOILER_TEASER, NULL },
	{ FRISE_LANG_EN, "Most read", FRISE_BOILER_TEASER, NULL },
	{ FRISE_LANG_EN, "Continue reading... The new airliner makes its maiden flight over the city.", FRISE_BOILER_TEASER, "Continue reading... " },
	{ FRISE_LANG_FR, "» Il a ajouté qu’il ne partirait pas.", STORY, NULL },
	/* navigation and links */
	{ FRISE_LANG_FR, "Envoyer par email", FRISE_BOILER_NAVIGATION, NULL },
	{ FRISE_LANG_FR, "Agrandir le texte", FRISE_BOILER_NAVIGATION, NULL },
	{ FRISE_LANG_EN, "Jump to navigation", FRISE_BOILER_NAVIGATION, NULL },
	{ FRISE_LANG_FR, "Le plan de paix africain", STORY, NULL },
	{ FRISE_LANG_EN, "Twitter and Facebook at the heart of the revolt", STORY, NULL },
	{ FRISE_LANG_FR, "Le texte.", STORY, NULL },
	{ FRISE_LANG_FR, "Accueil | Monde | Politique | Économie", FRISE_BOILER_LINK_LIST, NULL },
	{ FRISE_LANG_EN, "@user: #Libya #Egypt http://t.co/xyz 9 hours ago", FRISE_BOILER_LINKS, NULL },
	{ FRISE_LANG_EN, "@activist Families watch the match together in a cafe of Tripoli tonight http://t.co/xyz", STORY, NULL },
	/* newsletters, subscriptions, shops */
	{ FRISE_LANG_FR, "Web + tablette + mobile à partir de 1€", FRISE_BOILER_PROMO, NULL },
	{ FRISE_LANG_FR, "Découvrez toutes nos offres d’abonnement à partir de 1€", FRISE_BOILER_PROMO, NULL },
	{ FRISE_LANG_FR, "Offre limitée - 2 mois pour 1€, sans engagement", FRISE_BOILER_PROMO, NULL },
	{ FRISE_LANG_EN, "Subscribe for just $1 a week", FRISE_BOILER_PROMO, NULL },
	{ FRISE_LANG_FR, "Les billets sont vendus à partir de 10 € sur place.", STORY, NULL },
	{ FRISE_LANG_FR, "Renault fait une offre sur Nissan", STORY, NULL },
	{ FRISE_LANG_FR, "Les abonnés paieront 2 € de plus par mois dès janvier.", STORY, NULL },
	{ FRISE_LANG_EN, "\"You can't just go there and build,\" he said.", STORY, NULL },
	/* dates and bylines */
	{ FRISE_LANG_FR, "Par Jean Dupont", FRISE_BOILER_BYLINE, NULL },
	{ FRISE_LANG_FR, "Publié le 28 février 2011 à 19h25 - Mis à jour le 28 février 2011 à 20h31", FRISE_BOILER_BYLINE, NULL },
	{ FRISE_LANG_FR, "— 10 novembre 2020 —", FRISE_BOILER_BYLINE, NULL },
	{ FRISE_LANG_EN, "By John Smith", FRISE_BOILER_BYLINE, NULL },
	{ FRISE_LANG_EN, "Last modified on Tuesday 12 January 2010 10.02 GMT", FRISE_BOILER_BYLINE, NULL },
	{ FRISE_LANG_FR, "Misrata, 21 février", STORY, NULL },
	{ FRISE_LANG_FR, "Kadhafi à Rome le 3 mars", STORY, NULL },
	{ FRISE_LANG_FR, "- 3 mars : frappe aérienne de l’armée à Brega.", STORY, NULL },
	{ FRISE_LANG_FR, "13h40 : Début du sommet de Paris sur la Libye.", STORY, NULL },
	{ FRISE_LANG_EN, "It was December 2001.", STORY, NULL },
	{ FRISE_LANG_EN, "And I will.", STORY, NULL },
	{ FRISE_LANG_EN, "Staff Sergeant Simon Cullingworth, 36, from Essex.", STORY, NULL },
	/* photo credits and captions */
	{ FRISE_LANG_FR, "Crédits photo : AFP", FRISE_BOILER_CREDIT, NULL },
	{ FRISE_LANG_FR, "Kadhafi arborant une photo de résistants libyens. Crédits photo : RICCARDO DE LUCA/AP", FRISE_BOILER_CREDIT, NULL },
	{ FRISE_LANG_FR, "(Raid aérien d’un avion belge, le 27 mars, Reuters)", FRISE_BOILER_CREDIT, NULL },
	{ FRISE_LANG_EN, "Photograph: Reuters", FRISE_BOILER_CREDIT, NULL },
	{ FRISE_LANG_FR, "Il y a pris de nombreuses photos :", STORY, NULL },
	{ FRISE_LANG_EN, "Photograph: Owen Humphreys/PA A guardsman was killed and another injured by the blast of a roadside bomb in southern Iraq yesterday, the ministry said.", STORY, NULL },
	/* comment markers */
	{ FRISE_LANG_FR, "Répondre", FRISE_BOILER_COMMENTS, NULL },
	{ FRISE_LANG_FR, "Signaler un abus", FRISE_BOILER_COMMENTS, NULL },
	{ FRISE_LANG_EN, "Posted by David T on April 2, 2005 11:01 PM.", FRISE_BOILER_COMMENTS, NULL },
	{ FRISE_LANG_EN, "Reply", FRISE_BOILER_COMMENTS, NULL },
	{ FRISE_LANG_EN, "Like many others, he left the city before the siege began.", STORY, NULL },
	/* the [boilerplate] patterns, as before */
	{ FRISE_LANG_FR, "À LIRE AUSSI  Les studios et l’IA", FRISE_BOILER_PATTERN, NULL },
	{ FRISE_LANG_EN, "Source link", FRISE_BOILER_PATTERN, NULL },
	/* story lines that are short */
	{ FRISE_LANG_FR, "«Le peuple libyen ne se rendra jamais»", STORY, NULL },
	{ FRISE_LANG_FR, "Armés, disciplinés, déterminés", STORY, NULL },
	{ FRISE_LANG_EN, "Many more remain uncollected in the streets.", STORY, NULL },
};

static void
test_lines(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(line_cases); i++) {
		const char *head = line_cases[i].lang == FRISE_LANG_EN ? "The title of the piece\n" : "Le titre de l’article\n";
		const char *tail = line_cases[i].lang == FRISE_LANG_EN ? "\nThe story goes on with a sentence of its own.\n"
								       : "\nLa suite du texte est une phrase à part entière.\n";
		char *input = g_strconcat(head, line_cases[i].line, tail, NULL);
		g_test_message("case %zu: %s", i, line_cases[i].line);
		FriseArticle *a = read_str("b.txt", input, line_cases[i].lang);
		size_t at = strlen(head), end = at + strlen(line_cases[i].line);
		const FriseBoiler *b = article_boilerplate_at(a, at);
		if (line_cases[i].kind == STORY) {
			g_assert_null(b);
			g_assert_false(article_is_boilerplate(a, end - 1));
		} else {
			g_assert_nonnull(b);
			g_assert_cmpstr(boiler_kind_name(b->kind), ==, boiler_kind_name((FriseBoilerKind)line_cases[i].kind));
			size_t marked = line_cases[i].marked != NULL ? strlen(line_cases[i].marked) : end - at;
			g_assert_cmpuint(b->span.end, ==, at + marked);
			char *why = boiler_explain(b);
			g_assert_cmpuint(strlen(why), >, 4);
			g_free(why);
		}
		/* the title and the last paragraph are the story's */
		g_assert_false(article_is_boilerplate(a, 0));
		g_assert_false(article_is_boilerplate(a, a->text_len - 2));
		article_free(a);
		g_free(input);
	}
}

/* ------------------------------------------------------------------ */
/* Neighbours: comment threads and teaser lists. */

static const struct {
	FriseLang lang;
	const char *input;
	const char *kept[4];    /* lines that stay; NULL ends */
	const char *dropped[5]; /* lines marked, with `kind`; NULL ends */
	FriseBoilerKind kind;
} block_cases[] = {
	{ FRISE_LANG_EN,
	  "Blair wins a third term\nLabour won the election on Thursday, the count showed.\n"
	  "What a result for the country.\nPosted by Ann on May 6, 2005 09:12 AM.\n"
	  "He will not last a year.\nPosted by Bob on May 6, 2005 10:40 AM.\n"
	  "Posted by Carl on May 6, 2005 11:02 AM.\n",
	  { "Labour won the election on Thursday, the count showed." },
	  { "Posted by Ann on May 6, 2005 09:12 AM.", "He will not last a year.", "Posted by Carl on May 6, 2005 11:02 AM." },
	  FRISE_BOILER_COMMENTS },
	{ FRISE_LANG_EN,
	  "Blair wins a third term\nLabour won the election on Thursday, the count showed.\n"
	  "Posted by Ann on May 6, 2005 09:12 AM.\nThe party met on Friday to choose its whip.\n",
	  { "The party met on Friday to choose its whip." },
	  { "Posted by Ann on May 6, 2005 09:12 AM." },
	  FRISE_BOILER_COMMENTS },
	{ FRISE_LANG_FR,
	  "La France suspend ses activités diplomatiques\nL’ambassade a fermé ses portes samedi, a annoncé le ministère.\n"
	  "Sur le même sujet\nL’Union européenne organise le retour de ses citoyens\nLe mystère de la fortune du dirigeant\n"
	  "Les combats ont repris dimanche à l’est de la capitale, selon des témoins.\n",
	  { "L’ambassade a fermé ses portes samedi, a annoncé le ministère.",
	    "Les combats ont repris dimanche à l’est de la capitale, selon des témoins." },
	  { "L’Union européenne organise le retour de ses citoyens", "Le mystère de la fortune du dirigeant" },
	  FRISE_BOILER_TEASER_LIST },
};

/* ------------------------------------------------------------------ */
/* Chrome glued to the story, cut out of the text (boilerplate_cut.c):
 * the input's lines after the title, the text they leave, and the kind
 * of the first cut (STORY: nothing is cut). Every kept byte still maps
 * to its raw offset. */

static const struct {
	FriseLang lang;
	const char *lines;
	const char *left;
	int kind;
} cut_cases[] = {
	/* a page's time stamp before the sentence */
	{ FRISE_LANG_EN, "18.57 BST Former Iraqi president Saddam Hussein goes on trial.", "Former Iraqi president Saddam Hussein goes on trial.", FRISE_BOILER_TIMESTAMP },
	{ FRISE_LANG_EN, "Monday 14 February 2005 13.32 GMT The minister resigned today.", "The minister resigned today.", FRISE_BOILER_TIMESTAMP },
	{ FRISE_LANG_EN, "Page last updated at 07:39 GMT, Wednesday, 27 January 2010 Aid arrived at the port.", "Aid arrived at the port.", FRISE_BOILER_TIMESTAMP },
	/* ... between a standfirst and the sentence: a line break */
	{ FRISE_LANG_EN, "The war goes on Troops stay Thursday 25 August 2005 00.03 BST If you want peace, wait.", "The war goes on Troops stay\nIf you want peace, wait.", FRISE_BOILER_TIMESTAMP },
	{ FRISE_LANG_EN, "Call the switchboard: 00.50 BST on Sunday 12 June 2005 Find books to review", "Call the switchboard:\nFind books to review", FRISE_BOILER_TIMESTAMP },
	/* a time inside a sentence stays */
	{ FRISE_LANG_EN, "The radio speaks between 12.00 and 13.00 GMT on shortwave.", "The radio speaks between 12.00 and 13.00 GMT on shortwave.", STORY },
	{ FRISE_LANG_EN, "The raid began on Friday 8 May 2009 16.29 BST in the north.", "The raid began on Friday 8 May 2009 16.29 BST in the north.", STORY },
	{ FRISE_LANG_EN, "12.00 GMT.", "12.00 GMT.", STORY },
	/* a live blog's clocks: three lines or more */
	{ FRISE_LANG_EN, "1758 Ministers will meet on Monday.\n1742 Aid lands.\n1730 \"We are safe,\" she says.", "Ministers will meet on Monday.\nAid lands.\n\"We are safe,\" she says.", FRISE_BOILER_TIMESTAMP },
	{ FRISE_LANG_EN, "1758 Ministers will meet on Monday.\n1742 Aid lands.", "1758 Ministers will meet on Monday.\n1742 Aid lands.", STORY },
	{ FRISE_LANG_EN, "1990 Iraq invades Kuwait.\n1991 The Gulf war.\n2003 US troops invade.", "1990 Iraq invades Kuwait.\n1991 The Gulf war.\n2003 US troops invade.", STORY },
	{ FRISE_LANG_FR, "17h58 Les ministres se réunissent.\n17h42 L'aide arrive.\n17h30 Un convoi part.", "Les ministres se réunissent.\nL'aide arrive.\nUn convoi part.", FRISE_BOILER_TIMESTAMP },
	/* a photo credit, and the caption above it */
	{ FRISE_LANG_EN, "The senator in Washington.\nPhotograph: Dennis Cook\\/AP George Galloway accused senators.", "\nGeorge Galloway accused senators.", FRISE_BOILER_CREDIT },
	{ FRISE_LANG_EN, "Photograph: Carl de Souza/AFP/Getty Images Two new cases were confirmed.", "Two new cases were confirmed.", FRISE_BOILER_CREDIT },
	{ FRISE_LANG_EN, "Photograph: Defence Handout/PA Images of soldiers were shown.", "Images of soldiers were shown.", FRISE_BOILER_CREDIT },
	{ FRISE_LANG_EN, "Photograph: PA An outbreak hit a school.", "An outbreak hit a school.", FRISE_BOILER_CREDIT },
	{ FRISE_LANG_EN, "Photograph: Reuters/Eliana Aponte Mexico City lowered its alert.", "Mexico City lowered its alert.", FRISE_BOILER_CREDIT },
	{ FRISE_LANG_FR, "Photo : Jean Dupont/AFP Le convoi est arrivé à Benghazi.", "Le convoi est arrivé à Benghazi.", FRISE_BOILER_CREDIT },
	{ FRISE_LANG_EN, "Photographs of the crash were shown on television.", "Photographs of the crash were shown on television.", STORY },
	/* a print footer after a title */
	{ FRISE_LANG_EN, "A panic stoked to posture This article appeared on p29 of the Main section.", "A panic stoked to posture", FRISE_BOILER_FOOTER },
	{ FRISE_LANG_EN, "This article appeared on p17 of the Main section", "", FRISE_BOILER_FOOTER },
};

static void
test_cuts(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(cut_cases); i++) {
		const char *head = cut_cases[i].lang == FRISE_LANG_EN ? "The title of the piece\n" : "Le titre de l’article\n";
		char *input = g_strconcat(head, cut_cases[i].lines, "\n", NULL);
		g_test_message("cut case %zu: %s", i, cut_cases[i].lines);
		FriseArticle *a = read_str("c.txt", input, cut_cases[i].lang);
		size_t at = strlen(head);
		char *left = g_strndup(a->text + at, a->text_len - at - 1);
		g_assert_cmpstr(left, ==, cut_cases[i].left);
		if (cut_cases[i].kind == STORY) {
			g_assert_cmpuint(a->cuts->len, ==, 0);
			g_assert_cmpstr(a->text, ==, input);
		} else {
			g_assert_cmpuint(a->cuts->len, >, 0);
			const FriseBoiler *c = &g_array_index(a->cuts, FriseBoiler, 0);
			g_assert_cmpstr(boiler_kind_name(c->kind), ==, boiler_kind_name((FriseBoilerKind)cut_cases[i].kind));
		}
		/* every byte kept maps to the same byte of the input */
		for (size_t o = 0; o < a->text_len; o++)
			if (a->text[o] != '\n')
				g_assert_cmpint(a->text[o], ==, input[article_raw_offset(a, o)]);
		g_assert_cmpuint(article_raw_offset(a, a->text_len), ==, strlen(input));
		g_assert_cmpuint(a->body.end, ==, a->text_len);
		g_free(left);
		article_free(a);
		g_free(input);
	}
}

static void
test_blocks(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(block_cases); i++) {
		g_test_message("case %zu", i);
		FriseArticle *a = read_str("t.txt", block_cases[i].input, block_cases[i].lang);
		for (size_t k = 0; k < G_N_ELEMENTS(block_cases[i].kept) && block_cases[i].kept[k] != NULL; k++) {
			const char *at = strstr(a->text, block_cases[i].kept[k]);
			g_assert_nonnull(at);
			g_assert_false(article_is_boilerplate(a, (size_t)(at - a->text)));
		}
		for (size_t k = 0; k < G_N_ELEMENTS(block_cases[i].dropped) && block_cases[i].dropped[k] != NULL; k++) {
			const char *at = strstr(a->text, block_cases[i].dropped[k]);
			g_assert_nonnull(at);
			const FriseBoiler *b = article_boilerplate_at(a, (size_t)(at - a->text));
			g_assert_nonnull(b);
			g_assert_cmpint(b->kind, ==, block_cases[i].kind);
		}
		article_free(a);
	}
}

/* ------------------------------------------------------------------ */
/* Titles: never a navigation or ad line. */

static const struct {
	const char *input, *title;
} title_cases[] = {
	{ "Envoyer par email\nKadhafi a vendu 20 % de l’or libyen\nLe texte de l’article suit ici, avec ses phrases.\n",
	  "Kadhafi a vendu 20 % de l’or libyen" },
	{ "Web + tablette + mobile à partir de 1€\n38 blessés lors de manifestations en Libye\nLes forces de l’ordre sont intervenues à Benghazi.\n",
	  "38 blessés lors de manifestations en Libye" },
	{ "Par Jean Dupont\nLe vrai titre de l’article\nLe texte suit.\n", "Le vrai titre de l’article" },
	{ "Temps de lecture : 2 min\n\nLe titre après la durée\n", "Le titre après la durée" },
	/* a headline of two sentences before the first paragraph */
	{ "OpenAI présente Sora. Les créatifs ripostent.\nLa société donne accès à son générateur vidéo aux réalisateurs et acteurs de renom, mais ne dira toujours pas sur quoi il est formé.\n",
	  "OpenAI présente Sora. Les créatifs ripostent." },
	/* no headline: the first paragraph's first sentence, not a subtitle after it */
	{ "Depuis le mois de février, les dirigeants de la société participent à des événements à Hollywood avec l’ambition d’attirer la filière du cinéma. Ils y reviennent en mars pour rencontrer des studios de la ville.\nUne technologie controversée\n",
	  "Depuis le mois de février, les dirigeants de la société participent à des événements à Hollywood avec l’ambition d’attirer la filière du cinéma." },
	{ "Tech\n\nLes artistes fuient Sora\n\nLe texte.", "Les artistes fuient Sora" },
};

static void
test_titles(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(title_cases); i++) {
		g_test_message("case %zu: %s", i, title_cases[i].input);
		FriseArticle *a = read_str("t.txt", title_cases[i].input, FRISE_LANG_FR);
		g_assert_cmpstr(a->title, ==, title_cases[i].title);
		g_assert_cmpuint(a->title_line, !=, SIZE_MAX);
		article_free(a);
	}
	/* a title given as metadata stays, and says so */
	FriseArticle *a = read_str("t.txt", "---\ntitle: Le titre donné\n---\nEnvoyer par email\nUn autre titre\n", FRISE_LANG_FR);
	g_assert_cmpstr(a->title, ==, "Le titre donné");
	g_assert_cmpuint(a->title_line, ==, SIZE_MAX);
	article_free(a);
}

/* ------------------------------------------------------------------ */
/* Corpus evidence. */

/* Article i of a small corpus: the site's header, its own title and
 * paragraph, and, for `wire`, a wire story copied word for word. */
/* (lines that differ only by their digits are one line: each article
 * has its own town) */
static const char *const towns[] = { "Brega", "Syrte", "Zaouïa", "Misrata", "Benghazi", "Tobrouk" };

static char *
corpus_article(guint i, bool wire)
{
	return g_strdup_printf("Les sites du groupe\nNos journaux et magazines\n"
			       "Titre propre sur la ville de %s\n"
			       "Le paragraphe de %s raconte une histoire qui n’appartient qu’à lui, avec des mots à lui.\n"
			       "Les artistes ont écrit que « nous ne sommes pas votre main-d’œuvre gratuite ».\n"
			       "%s"
			       "Vous ne pouvez lire ce journal que sur un seul appareil à la fois.\n",
			       towns[i], towns[i],
			       wire ? "Les rebelles entrent dans la capitale\n"
				      "Les rebelles sont entrés dimanche dans la capitale, a annoncé leur porte-parole.\n"
				      "Les combats se poursuivaient lundi près du palais, selon des témoins.\n" : "");
}

static GPtrArray *
corpus(guint n, guint wires)
{
	GPtrArray *arts = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	for (guint i = 0; i < n; i++) {
		char *text = corpus_article(i, i < wires);
		char *name = g_strdup_printf("c%u.txt", i);
		g_ptr_array_add(arts, read_str(name, text, FRISE_LANG_FR));
		g_free(name);
		g_free(text);
	}
	return arts;
}

static const FriseBoiler *
boiler_of(const FriseArticle *a, const char *line)
{
	const char *at = strstr(a->text, line);
	g_assert_nonnull(at);
	return article_boilerplate_at(a, (size_t)(at - a->text));
}

static void
test_corpus(void)
{
	g_assert_cmpuint(boiler_corpus_threshold(5), ==, 3);
	g_assert_cmpuint(boiler_corpus_threshold(5000), ==, 10);

	/* five articles of one site, three of them with one wire story */
	GPtrArray *arts = corpus(5, 3);
	FriseArticle *a0 = arts->pdata[0];
	g_assert_cmpstr(a0->title, ==, "Les sites du groupe"); /* alone, it cannot tell */
	boiler_corpus(arts, NULL);
	for (guint i = 0; i < arts->len; i++) {
		const FriseArticle *a = arts->pdata[i];
		const FriseBoiler *b = boiler_of(a, "Les sites du groupe");
		g_assert_nonnull(b);
		g_assert_cmpint(b->kind, ==, FRISE_BOILER_REPEATED);
		g_assert_cmpuint(b->count, ==, 5);
		g_assert_cmpuint(b->total, ==, 5);
		char *why = boiler_explain(b);
		g_assert_cmpstr(why, ==, "repeated in 5 of 5 articles");
		g_free(why);
		g_assert_nonnull(boiler_of(a, "Nos journaux et magazines"));
		/* a sentence the site says to its reader, everywhere */
		g_assert_nonnull(boiler_of(a, "Vous ne pouvez lire ce journal"));
		/* its own lines, a quotation everyone copied (its "votre" is not the
		 * site's), and the wire story copied in three: the story's */
		g_assert_null(boiler_of(a, "Le paragraphe"));
		g_assert_null(boiler_of(a, "Les artistes ont écrit"));
		char *title = g_strdup_printf("Titre propre sur la ville de %s", towns[i]);
		g_assert_cmpstr(a->title, ==, title);
		g_free(title);
		if (i < 3) {
			g_assert_null(boiler_of(a, "Les rebelles entrent dans la capitale"));
			g_assert_null(boiler_of(a, "Les rebelles sont entrés dimanche"));
		}
	}
	g_ptr_array_unref(arts);

	/* two articles are no evidence */
	arts = corpus(2, 0);
	boiler_corpus(arts, NULL);
	g_assert_null(boiler_of(arts->pdata[0], "Les sites du groupe"));
	g_ptr_array_unref(arts);

	/* the same bytes twice count once */
	arts = corpus(2, 0);
	g_ptr_array_add(arts, read_str("copy.txt", ((FriseArticle *)arts->pdata[0])->raw, FRISE_LANG_FR));
	boiler_corpus(arts, NULL);
	g_assert_null(boiler_of(arts->pdata[0], "Les sites du groupe"));
	g_ptr_array_unref(arts);

	/* one article, with the counts of articles read before */
	arts = corpus(1, 0);
	GArray *h = boiler_line_hashes(arts->pdata[0]);
	g_assert_cmpuint(h->len, ==, 6);
	GHashTable *counts = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (guint k = 0; k < h->len; k++)
		g_hash_table_insert(counts, &g_array_index(h, guint64, k), GUINT_TO_POINTER(k == 0 ? 0 : 6));
	FriseLineCounts prior = { counts, 9 };
	boiler_corpus(arts, &prior);
	g_assert_nonnull(boiler_of(arts->pdata[0], "Nos journaux et magazines"));
	g_assert_cmpuint(boiler_of(arts->pdata[0], "Nos journaux et magazines")->count, ==, 7);
	g_assert_cmpuint(boiler_of(arts->pdata[0], "Nos journaux et magazines")->total, ==, 10);
	g_hash_table_unref(counts);
	g_array_unref(h);
	g_ptr_array_unref(arts);

	/* in two steps, as a store does: the counts of the whole corpus (7 of
	 * the 9 lines of a wire article are repeated, 4 of the 6 of another),
	 * then the marks, those of boiler_corpus() */
	arts = corpus(5, 3);
	FriseLineCounts all;
	boiler_count(arts, NULL, NULL, &all);
	g_assert_cmpuint(all.articles, ==, 5);
	const guint repeated[] = { 7, 7, 7, 4, 4 }, lines[] = { 9, 9, 9, 6, 6 };
	for (guint i = 0; i < arts->len; i++) {
		h = boiler_line_hashes(arts->pdata[i]);
		guint n = 0;
		for (guint k = 0; k < h->len; k++)
			n += boiler_is_repeated(&all, g_array_index(h, guint64, k));
		g_assert_cmpuint(h->len, ==, lines[i]);
		g_assert_cmpuint(n, ==, repeated[i]);
		g_array_unref(h);
	}
	boiler_mark(arts, &all);
	g_assert_cmpuint(boiler_of(arts->pdata[1], "Les sites du groupe")->count, ==, 5);
	g_assert_null(boiler_of(arts->pdata[1], "Les rebelles entrent dans la capitale"));
	g_assert_cmpstr(((FriseArticle *)arts->pdata[1])->title, ==, "Titre propre sur la ville de Syrte");
	/* a corpus of two has no repeated line */
	FriseLineCounts two = { all.counts, 2 };
	h = boiler_line_hashes(arts->pdata[4]);
	for (guint k = 0; k < h->len; k++)
		g_assert_false(boiler_is_repeated(&two, g_array_index(h, guint64, k)));
	g_array_unref(h);
	g_hash_table_unref(all.counts);
	g_ptr_array_unref(arts);
}

/* ------------------------------------------------------------------ */
/* The timeline's title. */

static const struct {
	const char *titles[5]; /* NULL ends */
	const char *expected;
} story_cases[] = {
	{ { "Libye : les rebelles entrent dans Tripoli", "Kadhafi en fuite, Tripoli aux mains des rebelles",
	    "Le prix du pétrole recule", "Les rebelles libyens à Tripoli" },
	  "Les rebelles libyens à Tripoli" },
	{ { "Un seul article" }, "Un seul article" },
	/* a title that is the file's name, or a cut paragraph, only when nothing else is left */
	{ { "x.txt", "Les rebelles à Tripoli" }, "Les rebelles à Tripoli" },
	{ { "Les rebelles libyens sont entrés dans Tripoli dimanche soir après six mois de combats dans les montagnes et sur la côte…",
	    "La chute de Tripoli" },
	  "La chute de Tripoli" },
	{ { "x.txt" }, "x.txt" },
};

static void
test_story_title(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(story_cases); i++) {
		FriseDoc docs[5] = { 0 };
		size_t n = 0;
		for (; n < G_N_ELEMENTS(story_cases[i].titles) && story_cases[i].titles[n] != NULL; n++) {
			docs[n].id = "x.txt";
			docs[n].title = story_cases[i].titles[n];
			docs[n].lang = FRISE_LANG_FR;
		}
		char *t = story_title(docs, n);
		g_assert_cmpstr(t, ==, story_cases[i].expected);
		g_free(t);
	}
	g_assert_null(story_title(NULL, 0));
}

/* ------------------------------------------------------------------ */
/* Through a store: the counts of earlier ingests, the timeline's title. */

static GPtrArray *
batch(guint from, guint to)
{
	GPtrArray *arts = g_ptr_array_new_with_free_func((GDestroyNotify)article_free);
	for (guint i = from; i < to; i++) {
		char *text = g_strdup_printf("Les sites du groupe\nLes rebelles avancent vers %s\n"
					     "Les rebelles ont pris %s le %u mars 2011, selon des témoins.\n",
					     towns[i], towns[i], i + 1);
		char *name = g_strdup_printf("s%u.txt", i);
		FriseReadOptions opts = { .lang = FRISE_LANG_FR, .published = "2011-03-20" };
		GError *e = NULL;
		g_ptr_array_add(arts, article_read_bytes(name, text, strlen(text), &opts, &e));
		g_assert_no_error(e);
		g_free(name);
		g_free(text);
	}
	return arts;
}

static void
test_store(void)
{
	GError *e = NULL;
	FriseStore *s = store_open(":memory:", &e);
	g_assert_no_error(e);
	FrisePipeline *p = pipeline_new(s, &e);
	g_assert_no_error(e);
	/* two articles: the header is no evidence yet, and titles itself */
	GPtrArray *b1 = batch(0, 2);
	g_assert_true(pipeline_ingest(p, b1, &e));
	g_assert_no_error(e);
	g_assert_cmpstr(((FriseArticle *)b1->pdata[0])->title, ==, "Les sites du groupe");
	/* a third, later: with the two stored, the header is in three */
	GPtrArray *b2 = batch(2, 3);
	g_assert_true(pipeline_ingest(p, b2, &e));
	g_assert_no_error(e);
	const FriseArticle *a = b2->pdata[0];
	g_assert_cmpstr(a->title, ==, "Les rebelles avancent vers Zaouïa");
	const FriseBoiler *b = article_boilerplate_at(a, 0);
	g_assert_nonnull(b);
	g_assert_cmpuint(b->count, ==, 3);
	g_assert_cmpuint(b->total, ==, 3);
	/* reading it again counts it once, and changes nothing */
	GPtrArray *again = batch(2, 3);
	g_assert_true(pipeline_ingest(p, again, &e));
	g_assert_cmpuint(article_boilerplate_at(again->pdata[0], 0)->count, ==, 3);
	g_assert_cmpstr(((FriseArticle *)again->pdata[0])->title, ==, a->title);
	/* its header sentence is boilerplate in the store, its story is not */
	GArray *docs = store_load_docs(s, &e);
	g_assert_no_error(e);
	g_assert_cmpuint(docs->len, ==, 3);
	const StoreDoc *d = &g_array_index(docs, StoreDoc, 2);
	g_assert_cmpstr(d->title, ==, a->title);
	g_assert_true(g_array_index(d->sentences, FriseSentence, 0).boilerplate);
	g_assert_false(g_array_index(d->sentences, FriseSentence, d->sentences->len - 1).boilerplate);
	/* and the two stored first were judged again in the corpus of three,
	 * as one ingest of the three would have judged them */
	for (guint i = 0; i < 2; i++) {
		d = &g_array_index(docs, StoreDoc, i);
		char *title = g_strdup_printf("Les rebelles avancent vers %s", towns[i]);
		g_assert_cmpstr(d->title, ==, title);
		g_free(title);
		g_assert_true(g_array_index(d->sentences, FriseSentence, 0).boilerplate);
	}
	g_array_unref(docs);
	g_ptr_array_unref(again);
	g_ptr_array_unref(b2);
	g_ptr_array_unref(b1);
	pipeline_free(p);
	store_close(s);

	/* four at once: the timeline is titled by its story, not by its first
	 * article, nor by the header */
	s = store_open(":memory:", &e);
	g_assert_no_error(e);
	p = pipeline_new(s, &e);
	g_assert_no_error(e);
	GPtrArray *all = batch(0, 4);
	g_assert_true(pipeline_ingest(p, all, &e));
	g_assert_no_error(e);
	FriseTimeline *tl = pipeline_timeline(p, NULL, &e);
	g_assert_no_error(e);
	g_assert_true(g_str_has_prefix(tl->title, "Les rebelles avancent vers "));
	event_timeline_free(tl);
	g_ptr_array_unref(all);
	pipeline_free(p);
	store_close(s);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/boilerplate/lines", test_lines);
	g_test_add_func("/boilerplate/cuts", test_cuts);
	g_test_add_func("/boilerplate/blocks", test_blocks);
	g_test_add_func("/boilerplate/titles", test_titles);
	g_test_add_func("/boilerplate/corpus", test_corpus);
	g_test_add_func("/boilerplate/story-title", test_story_title);
	g_test_add_func("/boilerplate/store", test_store);
	return g_test_run();
}
