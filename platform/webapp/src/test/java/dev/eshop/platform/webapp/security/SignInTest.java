package dev.eshop.platform.webapp.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a user comes back to after signing in: always a page of this app. */
class SignInTest {

    @Test
    void onlyPathsOnThisAppAreReturnedTo() {
        assertThat(SignIn.localPath("/products/7?image=2")).isEqualTo("/products/7?image=2");
        assertThat(SignIn.localPath("//evil.example/")).isEqualTo("/");
        assertThat(SignIn.localPath("/\\evil.example/")).isEqualTo("/");
        assertThat(SignIn.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(SignIn.localPath("/cart\r\nSet-Cookie: x=1")).isEqualTo("/");
        assertThat(SignIn.localPath(null)).isEqualTo("/");
    }

    @Test
    void aGetReturnsToItselfAFormPostToItsPageAndHtmxToThePageItIsOn() {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/cart");
        get.setQueryString("x=1");
        assertThat(SignIn.returnPath(get)).isEqualTo("/cart?x=1");

        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart/lines");
        post.addHeader("Referer", "http://127.0.0.1:8080/products/7?image=2");
        assertThat(SignIn.returnPath(post)).isEqualTo("/products/7?image=2");

        MockHttpServletRequest noReferer = new MockHttpServletRequest("POST", "/cart/lines");
        assertThat(SignIn.returnPath(noReferer)).isEqualTo("/");

        MockHttpServletRequest htmx = new MockHttpServletRequest("GET", "/orders/1/status");
        htmx.addHeader("HX-Request", "true");
        htmx.addHeader("HX-Current-URL", "http://127.0.0.1:8080/orders/1");
        assertThat(SignIn.returnPath(htmx)).isEqualTo("/orders/1");
    }
}
