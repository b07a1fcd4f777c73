package dev.eshop.platform.web.client;

import dev.eshop.platform.web.problem.DependencyUnavailableException;
import dev.eshop.platform.web.problem.ProblemException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Makes the {@link RestClient} this service uses to call another one, named by its settings
 * {@code eshop.clients.<callee>.base-url}, {@code connect-timeout} (2 s) and {@code read-timeout} (5 s).
 * <p>
 * Every call carries this service's client-credentials token ({@code eshop.clients.oauth.*}),
 * fetched once and reused until shortly before it expires. GETs, and calls marked with
 * {@link #SAFE_TO_RETRY}, are tried again twice when the callee does not answer or answers 5xx.
 * What still fails becomes 503 {@code dependency-unavailable}, and so does a 401 or 403 (the callee
 * refused this service's own credentials); any other 4xx problem from the callee is thrown as a
 * {@link CalleeProblemException}, which reaches this service's client unchanged.
 *
 * <pre>
 * &#64;Bean
 * RestClient warehouse(ServiceClients clients) {
 *     return clients.create("warehouse");
 * }
 *
 * Plan plan = warehouse.post().uri("/v1/stock/plan")
 *         .attribute(ServiceClients.SAFE_TO_RETRY, true)   // idempotent, so worth repeating
 *         .body(request)
 *         .retrieve()
 *         .body(Plan.class);
 * </pre>
 */
public class ServiceClients {

    /** Request attribute: {@code true} when repeating the call cannot do anything twice. */
    public static final String SAFE_TO_RETRY = ServiceClients.class.getName() + ".SAFE_TO_RETRY";

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);
    private static final String REGISTRATION = "eshop";
    private static final Duration TOKEN_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TOKEN_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "trace_id");

    private final RestClient.Builder builder;
    private final Environment environment;
    private final JsonMapper jsonMapper;
    private final ClientHttpRequestInterceptor tokens;

    public ServiceClients(RestClient.Builder builder, Environment environment, JsonMapper jsonMapper,
            ServiceCredentials credentials, String issuerUri) {
        this.builder = builder;
        this.environment = environment;
        this.jsonMapper = jsonMapper;
        this.tokens = credentials.configured() ? tokenInterceptor(credentials, issuerUri) : null;
    }

    /** A client of the named service; fails at once when its {@code base-url} is not set. */
    public RestClient create(String callee) {
        Callee settings = Binder.get(environment).bind("eshop.clients." + callee, Callee.class)
                .map(bound -> bound.baseUrl() == null || bound.baseUrl().isBlank() ? null : bound)
                .orElseThrow(() -> new IllegalStateException("eshop.clients." + callee + ".base-url is not set"));
        RestClient.Builder client = builder.clone()
                .baseUrl(settings.baseUrl())
                .requestFactory(requestFactory(settings.connectTimeout(), settings.readTimeout()))
                .requestInterceptor(new CalleeInterceptor(callee))
                .defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw problem(callee, response);
                });
        if (tokens != null) {
            client.requestInterceptor(tokens);
        }
        else {
            log.warn("eshop.clients.oauth.client-id is not set: calls to {} go without a token", callee);
        }
        return client.build();
    }

    private ProblemException problem(String callee, ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.value() == 401 || status.value() == 403) {
            // This service's credentials were refused: nothing the client did, and nothing it can fix.
            log.warn("{} refused this service's token ({}): check eshop.clients.oauth and the client's scopes", callee, status);
            return new DependencyUnavailableException(callee, null);
        }
        JsonNode problem;
        try {
            problem = jsonMapper.readTree(response.getBody());
        }
        catch (JacksonException ex) {
            problem = jsonMapper.createObjectNode();
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "Error " + status.value() : known.getReasonPhrase();
        String type = problem.path("type").asString("");
        String slug = type.isEmpty() || type.equals("about:blank")
                ? reason.toLowerCase().replace(' ', '-')
                : type.substring(type.lastIndexOf('/') + 1);
        CalleeProblemException exception = new CalleeProblemException(callee, status, slug,
                problem.path("title").asString(reason), problem.path("detail").asString("The " + callee + " service refused the request."));
        for (var member : problem.properties()) {
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                exception.with(member.getKey(), member.getValue());
            }
        }
        return exception;
    }

    private static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .build());
        factory.setReadTimeout(readTimeout);
        return factory;
    }

    private static ClientHttpRequestInterceptor tokenInterceptor(ServiceCredentials credentials, String issuerUri) {
        String tokenUri = credentials.tokenUri() == null || credentials.tokenUri().isBlank()
                ? issuerUri.replaceAll("/+$", "") + "/oauth2/token"
                : credentials.tokenUri();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(credentials.clientId())
                .clientSecret(credentials.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .scope(credentials.scopes())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        InMemoryOAuth2AuthorizedClientService authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);

        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requestFactory(TOKEN_CONNECT_TIMEOUT, TOKEN_READ_TIMEOUT))
                .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(clientCredentials -> clientCredentials.accessTokenResponseClient(tokenClient))
                .build());

        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        // One token for the service itself, whichever user the current request is for.
        AnonymousAuthenticationToken service = new AnonymousAuthenticationToken(REGISTRATION, credentials.clientId(),
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        interceptor.setPrincipalResolver(request -> service);
        // A token the callee calls invalid is dropped, so the next call fetches a new one.
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }
}
