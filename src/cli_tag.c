/* cli_tag.c — placeholder. */
#include "cli.h"
#include <stdio.h>

int
cli_tag(int argc, char **argv)
{
	fprintf(stderr, "frise tag: not written yet\n");
	return FRISE_ERROR_INTERNAL;
}
