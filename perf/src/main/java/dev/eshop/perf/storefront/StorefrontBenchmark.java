package dev.eshop.perf.storefront;

import dev.eshop.perf.Wrk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storefront's pages as anonymous visitors load them, against a running launched shop
 * ({@code bin/eshop}, demo data): home, catalogue (lists, searches, filters, category pages) and
 * product pages, each measured with wrk, and set against the app's cheapest answer (its liveness
 * probe) on the same JVM. The ratio shows what rendering a page with the product service behind it
 * costs next to answering at all; the target is at least 0.5.
 *
 * Run: {@code ./mvnw -q -pl perf -am install -DskipTests && ./mvnw -q -pl perf exec:java -Dexec.mainClass=dev.eshop.perf.storefront.StorefrontBenchmark}
 * (needs the Debian package wrk and a running shop; optional {@code -Dstorefront=http://127.0.0.1:8080 -Dconnections=8 -Dseconds=20}).
 */
public class StorefrontBenchmark {

    private static final Pattern PRODUCT_LINK = Pattern.compile("href=\"(/products/[0-9a-f-]{36})\"");
    private static final Pattern CATEGORY_LINK = Pattern.compile("href=\"(/category/[a-z0-9-]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String storefront = System.getProperty("storefront", "http://127.0.0.1:8080").replaceAll("/+$", "");
        int connections = Integer.getInteger("connections", 8);
        int seconds = Integer.getInteger("seconds", 20);

        // What a visitor can reach from the pages themselves: every product of the catalogue's two pages, every category.
        Set<String> products = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        for (String page : List.of("/products", "/products?page=2", "/")) {
            String html = get(storefront + page);
            collect(PRODUCT_LINK, html, products);
            collect(CATEGORY_LINK, html, categories);
        }
        collect(CATEGORY_LINK, get(storefront + "/products"), categories);
        if (products.isEmpty()) {
            throw new IllegalStateException("no products on " + storefront + "/products: is the shop running with its demo data?");
        }
        List<String> home = List.of("/");
        List<String> catalogue = new ArrayList<>(List.of("/products", "/products?page=2", "/products?sort=price-asc",
                "/products?q=hybrid", "/products?q=tanaka&sort=price-desc", "/products?min_price=10000&max_price=40000",
                "/products?brand=Volta&brand=Strada", "/products?in_stock=true&year_min=2025"));
        catalogue.addAll(categories);
        List<String> product = List.copyOf(products);
        List<String> liveness = List.of("/actuator/health/liveness");

        System.out.printf("Storefront %s: %d product pages, %d catalogue pages, %d connections, %d s per scenario%n",
                storefront, product.size(), catalogue.size(), connections, seconds);
        // The launcher runs the web apps with the C1 compiler only; let it see every page first.
        List<String> everything = new ArrayList<>(home);
        everything.addAll(catalogue);
        everything.addAll(product);
        everything.addAll(liveness);
        Wrk.run("paths.lua", storefront, 2, connections, 15, Map.of("PATHS", Wrk.lines(everything).toString()));

        Result baseline = measure("liveness probe", storefront, liveness, connections, seconds);
        for (var scenario : List.of(Map.entry("home", home), Map.entry("catalogue", catalogue), Map.entry("product", product))) {
            Result result = measure(scenario.getKey(), storefront, scenario.getValue(), connections, seconds);
            System.out.printf("  %s: %.2f of the liveness probe's requests per second%n", scenario.getKey(), result.rps() / baseline.rps());
        }
        System.exit(0);
    }

    /** One scenario's wrk summary line and its requests per second. */
    record Result(String summary, double rps) {
    }

    private static Result measure(String scenario, String storefront, List<String> paths, int connections, int seconds)
            throws IOException, InterruptedException {
        String summary = Wrk.run("paths.lua", storefront, 2, connections, seconds, Map.of("PATHS", Wrk.lines(paths).toString()));
        System.out.printf("%s: %s%n", scenario, summary);
        if (!summary.contains(" errors=0 ") || !summary.contains(" non2xx=0 ")) {
            throw new IllegalStateException(scenario + " had failed requests: " + summary);
        }
        Matcher rps = Pattern.compile("rps=(\\d+)").matcher(summary);
        return new Result(summary, rps.find() ? Double.parseDouble(rps.group(1)) : 0);
    }

    private static void collect(Pattern link, String html, Set<String> into) {
        Matcher matcher = link.matcher(html);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
