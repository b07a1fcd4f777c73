package dev.eshop.platform.webapp;

import dev.eshop.platform.testing.WithRedis;
import dev.eshop.platform.webapp.testapp.TestWebApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Static files when an app turns Boot's {@code /**} handler off: served from the public prefixes,
 * webjars by version-less URLs, and only links to them looked up as resources.
 */
@SpringBootTest(classes = TestWebApp.class, properties = {
        "spring.web.resources.add-mappings=false",
        "spring.security.oauth2.client.provider.eshop.issuer-uri=http://127.0.0.1:9",
        "eshop.web.services.catalog.base-url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@WithRedis
class StaticResourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void onlyThePublicPrefixesAreResourceHandlers() {
        assertThat(resourceUrls.getHandlerMap().keySet())
                .as("a page link such as /private/things is never looked up on the classpath")
                .containsExactlyInAnyOrder("/css/**", "/js/**", "/img/**", "/favicon.ico", "/webjars/**");
    }

    @Test
    void pagesLinkStaticFilesAsTheyAreAndWebjarsWithTheirVersion() throws Exception {
        String page = mvc.perform(get("/links")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/css/test.css\"", "src=\"/webjars/htmx.org/2.0.8/dist/htmx.min.js\"",
                "href=\"/private/things?page=2\"");
    }

    @Test
    void servesStaticFilesAndWebjarsWhichBrowsersMayKeep() throws Exception {
        MvcResult css = mvc.perform(get("/css/test.css")).andReturn();
        assertThat(css.getResponse().getStatus()).isEqualTo(200);
        assertThat(css.getResponse().getContentAsString()).contains("body { margin: 0; }");

        MvcResult htmx = mvc.perform(get("/webjars/htmx.org/2.0.8/dist/htmx.min.js")).andReturn();
        assertThat(htmx.getResponse().getStatus()).isEqualTo(200);
        assertThat(htmx.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=31536000, public");
        assertThat(mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn().getResponse().getStatus())
                .as("without the version too").isEqualTo(200);
    }
}
