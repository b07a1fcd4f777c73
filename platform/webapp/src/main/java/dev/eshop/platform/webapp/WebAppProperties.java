package dev.eshop.platform.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * {@code eshop.web.*}: the settings both web apps share (spec/ui.md §0.6).
 *
 * @param services    the backend services the app shows, by name ({@code product}, {@code cart}, …)
 * @param timeZone    the zone dates are shown in; default UTC
 * @param imageOrigin where product images are served from (product's image route, or a CDN); allowed by the CSP
 * @param pageSize    rows per page, by list ({@code catalogue}, {@code orders}, …)
 * @param rolesClaim  the ID token claim holding the user's roles; default {@code roles} ({@code cognito:groups} for Cognito)
 */
@ConfigurationProperties("eshop.web")
public record WebAppProperties(Map<String, Service> services, ZoneId timeZone, String imageOrigin, Map<String, Integer> pageSize,
                               String rolesClaim) {

    public WebAppProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        imageOrigin = imageOrigin == null ? "" : imageOrigin.strip().replaceAll("/+$", "");
        pageSize = pageSize == null ? Map.of() : Map.copyOf(pageSize);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    /** Rows per page of the named list, or the fallback when it is not set. */
    public int pageSize(String list, int fallback) {
        Integer size = pageSize.get(list);
        return size == null || size < 1 ? fallback : size;
    }

    /**
     * {@code eshop.web.services.<name>.*}: where a service answers and how long to wait for it.
     *
     * @param baseUrl        e.g. {@code http://localhost:8102}
     * @param connectTimeout default 2 s
     * @param readTimeout    default 5 s
     */
    public record Service(String baseUrl, Duration connectTimeout, Duration readTimeout) {

        public Service {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        }
    }
}
