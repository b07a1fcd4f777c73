package dev.eshop.platform.web.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code eshop.problems.*}.
 *
 * @param baseUri prefix of every problem {@code type}; the slug is appended ({@code https://eshop.example/problems/not-found})
 */
@ConfigurationProperties("eshop.problems")
public record ProblemProperties(URI baseUri) {

    public ProblemProperties {
        if (baseUri == null) {
            baseUri = URI.create("https://eshop.example/problems/");
        }
    }

    public URI type(String slug) {
        String base = baseUri.toString();
        return URI.create(base.endsWith("/") ? base + slug : base + "/" + slug);
    }
}
