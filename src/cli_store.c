/* cli_store.c — placeholder. */
#include "cli.h"
#include <stdio.h>

int
cli_ingest(int argc, char **argv)
{
	fprintf(stderr, "frise ingest: not written yet\n");
	return FRISE_ERROR_INTERNAL;
}

int
cli_events(int argc, char **argv)
{
	fprintf(stderr, "frise events: not written yet\n");
	return FRISE_ERROR_INTERNAL;
}

int
cli_build(int argc, char **argv)
{
	fprintf(stderr, "frise build: not written yet\n");
	return FRISE_ERROR_INTERNAL;
}
