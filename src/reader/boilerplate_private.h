/*
 * boilerplate_private.h — what the article reader (article.c) calls of
 * the boilerplate stage (boilerplate.c); frise/boilerplate.h has the rest.
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

#endif
