/* test_store.c — placeholder until its module lands. */
#include <glib.h>

static void
test_nothing(void)
{
	g_test_skip("not written yet");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/store/nothing", test_nothing);
	return g_test_run();
}
