package dev.eshop.platform.webapp.client;

import dev.eshop.platform.webapp.WebAppProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;

/**
 * Makes the {@link RestClient} a web app calls a service with, from
 * {@code eshop.web.services.<name>.base-url} (and {@code connect-timeout} 2 s, {@code read-timeout} 5 s):
 * JSON in snake_case, the signed-in user's access token on every call, and every answer that is not a
 * success thrown as a {@link ServiceProblem} — so is no answer at all (status 503).
 *
 * <pre>
 * RestClient cart = serviceClients.create("cart");
 * Cart mine = cart.get().uri("/v1/carts/me").retrieve().body(Cart.class);
 * </pre>
 */
public class ServiceClients {

    private final RestClient.Builder builder;
    private final WebAppProperties properties;
    private final ClientHttpRequestInterceptor userTokens;
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Amounts keep their two decimals also where a problem's members are read as a tree (a new quote).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public ServiceClients(RestClient.Builder builder, WebAppProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
        this.builder = builder;
        this.properties = properties;
        this.userTokens = new UserTokens(authorizedClients);
    }

    /** A client of the named service; fails at once when its {@code base-url} is not set. */
    public RestClient create(String service) {
        WebAppProperties.Service settings = properties.services().get(service);
        if (settings == null || settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalStateException("eshop.web.services." + service + ".base-url is not set");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build());
        requests.setReadTimeout(settings.readTimeout());
        return builder.clone()
                .baseUrl(settings.baseUrl())
                .requestFactory(requests)
                .messageConverters(List.of(new JacksonJsonHttpMessageConverter(json), new FormHttpMessageConverter(),
                        new ByteArrayHttpMessageConverter(), new StringHttpMessageConverter(), new ResourceHttpMessageConverter()))
                .requestInterceptor((request, body, execution) -> {
                    try {
                        return execution.execute(request, body);
                    }
                    catch (IOException ex) {
                        throw ServiceProblem.notResponding(service, ex);
                    }
                })
                .requestInterceptor(userTokens)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    ServiceProblem problem = ServiceProblem.read(service, response.getStatusCode().value(),
                            response.getBody().readAllBytes(), json);
                    if (problem.status() == 401) {
                        throw new SignInRequiredException(service + " refused the user's token", problem);
                    }
                    throw problem;
                })
                .build();
    }

    /** The JSON settings of the services' APIs (snake_case), for reading what a client got as text. */
    public JsonMapper json() {
        return json;
    }
}
