/*
 * webpage_jsonld.c — a web page's JSON-LD (prefix webpage_): exports
 * webpage_read_jsonld() and webpage_ld_clear() (webpage_private.h), for
 * webpage_meta.c; every other symbol has file scope.
 *
 * Each <script type="application/ld+json"> the tokenizer kept is read
 * with cJSON (CDATA or comment markers around it dropped): objects at the
 * top, in arrays, in "@graph" and as a WebPage's "mainEntity", at most
 * 256 of each. The first of an article type (NewsArticle, BlogPosting, …)
 * is the article's and gives its fields; a WebSite or Organization gives
 * the site's name. Values are webpage_clean()ed; dates are kept as
 * written, for webpage_meta.c to check.
 */
#include "reader/webpage_private.h"

#include <cjson/cJSON.h>
#include <string.h>

/* The article types of schema.org whose properties describe the page. */
static const char *const ld_article_types[] = {
	"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "BlogPosting",
	"LiveBlogPosting", "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report",
	"SatiricalArticle", "DiscussionForumPosting", "AdvertiserContentArticle", "MedicalScholarlyArticle",
	"APIReference",
};

static bool
ld_type_is(const cJSON *o, const char *const *types, size_t n)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
	const cJSON *one = t;
	bool array = cJSON_IsArray(t);
	if (array)
		one = t->child;
	for (; one != NULL; one = array ? one->next : NULL) {
		if (cJSON_IsString(one))
			for (size_t k = 0; k < n; k++)
				if (strcmp(one->valuestring, types[k]) == 0)
					return true;
		if (!array)
			break;
	}
	return false;
}

static const char *
ld_string(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A person or organisation's name: a string, {"name": …}, or an array of
 * either (names joined with ", "). Returns a new string or NULL. */
static char *
ld_names(const cJSON *v)
{
	if (cJSON_IsString(v))
		return webpage_clean(v->valuestring);
	if (cJSON_IsObject(v))
		return webpage_clean(ld_string(v, "name"));
	if (!cJSON_IsArray(v))
		return NULL;
	GString *s = g_string_new(NULL);
	int n = 0;
	for (const cJSON *e = v->child; e != NULL && n < 32; e = e->next, n++) {
		char *one = cJSON_IsObject(e) ? webpage_clean(ld_string(e, "name")) : cJSON_IsString(e) ? webpage_clean(e->valuestring)
												: NULL;
		if (one != NULL) {
			if (s->len > 0)
				g_string_append(s, ", ");
			g_string_append(s, one);
		}
		g_free(one);
	}
	return s->len > 0 ? g_string_free(s, FALSE) : (g_string_free(s, TRUE), NULL);
}

static void
ld_take(WebpageLd *ld, const cJSON *o)
{
	if (!cJSON_IsObject(o))
		return;
	static const char *const site_types[] = { "WebSite", "Organization", "NewsMediaOrganization" };
	if (!ld->article && ld_type_is(o, ld_article_types, G_N_ELEMENTS(ld_article_types))) {
		ld->article = true;
		ld->headline = webpage_clean(ld_string(o, "headline"));
		ld->name = webpage_clean(ld_string(o, "name"));
		char *published = webpage_clean(ld_string(o, "datePublished"));
		if (published != NULL) { /* the article's own date wins over a WebPage's */
			g_free(ld->published);
			ld->published = published;
		}
		ld->modified = webpage_clean(ld_string(o, "dateModified"));
		ld->author = ld_names(cJSON_GetObjectItemCaseSensitive(o, "author"));
		if (ld->author == NULL)
			ld->author = ld_names(cJSON_GetObjectItemCaseSensitive(o, "creator"));
		ld->publisher = ld_names(cJSON_GetObjectItemCaseSensitive(o, "publisher"));
		const cJSON *main = cJSON_GetObjectItemCaseSensitive(o, "mainEntityOfPage");
		ld->url = g_strdup(ld_string(o, "url"));
		if (ld->url == NULL && cJSON_IsString(main))
			ld->url = g_strdup(main->valuestring);
		else if (ld->url == NULL && cJSON_IsObject(main))
			ld->url = g_strdup(ld_string(main, "@id"));
		const cJSON *lang = cJSON_GetObjectItemCaseSensitive(o, "inLanguage");
		ld->lang = cJSON_IsString(lang) ? g_strdup(lang->valuestring)
			   : cJSON_IsObject(lang) ? g_strdup(ld_string(lang, "alternateName")) : NULL;
	} else if (ld->site == NULL && ld_type_is(o, site_types, G_N_ELEMENTS(site_types))) {
		ld->site = webpage_clean(ld_string(o, "name"));
	} else if (!ld->article && ld->published == NULL && ld_string(o, "datePublished") != NULL) {
		/* a WebPage or other object that dates the page */
		ld->published = webpage_clean(ld_string(o, "datePublished"));
	}
}

/* Reads every JSON-LD script of the page into *ld. */
void
webpage_read_jsonld(const WebpageDoc *doc, WebpageLd *ld)
{
	for (guint i = 0; i < doc->jsonld->len; i++) {
		char *s = g_strstrip(g_strdup(doc->jsonld->pdata[i]));
		/* CDATA or comment markers around the JSON */
		char *body = s;
		size_t n = strlen(body);
		if (g_str_has_prefix(body, "<![CDATA["))
			body += 9, n -= 9;
		else if (g_str_has_prefix(body, "<!--"))
			body += 4, n -= 4;
		while (n > 0 && g_ascii_isspace(body[n - 1]))
			n--;
		if (n >= 3 && memcmp(body + n - 3, "]]>", 3) == 0)
			n -= 3;
		else if (n >= 3 && memcmp(body + n - 3, "-->", 3) == 0)
			n -= 3;
		cJSON *root = cJSON_ParseWithLength(body, n);
		g_free(s);
		if (root == NULL)
			continue;
		const cJSON *list = cJSON_IsArray(root) ? root : NULL;
		const cJSON *one = list != NULL ? root->child : root;
		for (int k = 0; one != NULL && k < 256; one = list != NULL ? one->next : NULL, k++) {
			ld_take(ld, one);
			/* a WebPage whose mainEntity is the article */
			const cJSON *main = cJSON_IsObject(one) ? cJSON_GetObjectItemCaseSensitive(one, "mainEntity") : NULL;
			if (cJSON_IsObject(main))
				ld_take(ld, main);
			const cJSON *graph = cJSON_IsObject(one) ? cJSON_GetObjectItemCaseSensitive(one, "@graph") : NULL;
			int g = 0;
			if (cJSON_IsArray(graph))
				for (const cJSON *e = graph->child; e != NULL && g < 256; e = e->next, g++)
					ld_take(ld, e);
			if (list == NULL)
				break;
		}
		cJSON_Delete(root);
	}
}

void
webpage_ld_clear(WebpageLd *ld)
{
	g_free(ld->headline);
	g_free(ld->name);
	g_free(ld->published);
	g_free(ld->modified);
	g_free(ld->author);
	g_free(ld->publisher);
	g_free(ld->url);
	g_free(ld->lang);
	g_free(ld->site);
}
