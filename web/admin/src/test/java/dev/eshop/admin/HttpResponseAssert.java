package dev.eshop.admin;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person sees on the app's error pages, over real HTTP. */
final class HttpResponseAssert {

    private HttpResponseAssert() {
    }

    static Document assertNotFound(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.title()).isEqualTo("Page not found — Eshop Admin");
        assertThat(page.text()).contains("We couldn't find that page.");
        return page;
    }
}
