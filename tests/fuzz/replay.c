/*
 * replay.c — runs a libFuzzer target without libFuzzer: every file named
 * on the command line (folders: every file inside) goes through
 * LLVMFuzzerTestOneInput once. This is how the crashes the fuzzers found
 * stay regression tests in the ordinary suite.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay(const char *path)
{
	char *data;
	gsize len;
	GError *error = NULL;
	if (!g_file_get_contents(path, &data, &len, &error)) {
		fprintf(stderr, "%s\n", error->message);
		g_error_free(error);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	g_free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	int failed = 0, n = 0;
	for (int i = 1; i < argc; i++) {
		if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			failed |= replay(argv[i]);
			n++;
			continue;
		}
		GDir *dir = g_dir_open(argv[i], 0, NULL);
		const char *name;
		while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
			char *p = g_build_filename(argv[i], name, NULL);
			failed |= replay(p);
			n++;
			g_free(p);
		}
		if (dir != NULL)
			g_dir_close(dir);
	}
	printf("replayed %d inputs\n", n);
	return failed;
}
