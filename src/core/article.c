/*
 * article.c (core) — what every layer knows of an article without reading
 * one: the names of where its publication date and its language came
 * from. The reader
 * itself is src/reader/ (article.h, prefix article_ too).
 */
#include "frise/article.h"

/* ORDER ORIGIN */
static const char *const origin_names[] = {
	"none", "header", "front matter", "path", "jsonl", "html", "option", "estimated",
};

const char *
article_origin_name(FriseDateOrigin origin)
{
	if ((unsigned)origin < G_N_ELEMENTS(origin_names))
		return origin_names[origin];
	return "none";
}


/* ORDER LANG-FROM */
static const char *const lang_origin_names[] = {
	"option", "metadata", "words", "few words", "corpus", "default",
};

const char *
article_lang_origin_name(FriseLangOrigin origin)
{
	if ((unsigned)origin < G_N_ELEMENTS(lang_origin_names))
		return lang_origin_names[origin];
	return "default";
}
