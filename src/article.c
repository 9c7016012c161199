/* article.c — placeholder until the article reader lands. */
#include "frise/article.h"

const char *article_origin_name(FriseDateOrigin o) { return "none"; }
FriseArticle *
article_read_bytes(const char *path, const char *data, size_t len, const FriseReadOptions *opts, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "article_read_bytes: not written yet");
	return NULL;
}
FriseArticle *article_read_file(const char *path, const FriseReadOptions *opts, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "article_read_file: not written yet");
	return NULL;
}
GPtrArray *article_read_paths(const char *const *paths, size_t npaths, bool jsonl, const FriseReadOptions *opts,
			      FriseReadErrorFunc on_error, void *user, size_t *nfailed, GError **error)
{
	g_set_error(error, FRISE_ERROR_DOMAIN, FRISE_ERROR_INTERNAL, "article_read_paths: not written yet");
	return NULL;
}
size_t article_raw_offset(const FriseArticle *a, size_t off) { return off; }
bool article_is_boilerplate(const FriseArticle *a, size_t off) { return false; }
FriseLang article_detect_lang(const char *text, size_t len) { return FRISE_LANG_UNKNOWN; }
void article_free(FriseArticle *a) { }
