/* cli_articles.c — placeholder. */
#include "cli.h"
#include <stdio.h>

int
cli_articles(int argc, char **argv)
{
	fprintf(stderr, "frise articles: not written yet\n");
	return FRISE_ERROR_INTERNAL;
}
