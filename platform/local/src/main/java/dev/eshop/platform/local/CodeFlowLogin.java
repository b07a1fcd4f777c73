package dev.eshop.platform.local;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a user in the way a browser and a web app do: the authorization-code flow with PKCE against
 * the auth service, over HTTP — authorize, the login (or registration) page and its form with the
 * CSRF token, the redirect carrying the code, and the code exchange at the token endpoint. There is
 * no password grant, so scripts and tests that need a user's token use this.
 *
 * <pre>
 * OidcTokens alice = CodeFlowLogin.at("http://127.0.0.1:9000")
 *         .client("storefront", storefrontSecret, "http://127.0.0.1:8080/login/oauth2/code/eshop")
 *         .login("alice@example.com", "correct horse battery");
 * </pre>
 *
 * Each sign-in uses a fresh cookie jar, as a new browser would.
 */
public final class CodeFlowLogin {

    /** Tokens from the token endpoint; {@code refreshToken} and {@code idToken} may be null. */
    public record OidcTokens(String accessToken, String refreshToken, String idToken) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private String clientId;
    private String clientSecret;
    private String redirectUri;
    private String scope = "openid profile email";

    private CodeFlowLogin(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    public static CodeFlowLogin at(String issuerBaseUrl) {
        return new CodeFlowLogin(issuerBaseUrl);
    }

    public CodeFlowLogin client(String clientId, String clientSecret, String redirectUri) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        return this;
    }

    public CodeFlowLogin scope(String scope) {
        this.scope = scope;
        return this;
    }

    /** Signs in through the login page; fails if the auth service does not let the user in. */
    public OidcTokens login(String email, String password) {
        return tryLogin(email, password).orElseThrow(() -> new IllegalStateException("sign-in of " + email + " refused"));
    }

    /** Signs in through the login page; empty when the auth service answers with its login page again. */
    public Optional<OidcTokens> tryLogin(String email, String password) {
        return authorize(false, Map.of("email", email, "password", password));
    }

    /** Creates a customer account through the registration page ({@code prompt=create}) and signs it in. */
    public OidcTokens register(String name, String email, String password) {
        return authorize(true, Map.of("name", name, "email", email, "password", password, "confirm_password", password))
                .orElseThrow(() -> new IllegalStateException("registration of " + email + " refused"));
    }

    /** The token endpoint's raw answer to a refresh, for tests of refusals. */
    public HttpResponse<String> refresh(String refreshToken) {
        return tokenRequest(clientId, clientSecret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** New tokens for a refresh token; fails when the auth service refuses it. */
    public OidcTokens refreshed(String refreshToken) {
        return tokens(refresh(refreshToken));
    }

    /** A client-credentials access token of a service client. */
    public static String clientCredentials(String issuerBaseUrl, String clientId, String secret, String... scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        return at(issuerBaseUrl).tokens(at(issuerBaseUrl).tokenRequest(clientId, secret, form)).accessToken();
    }

    private Optional<OidcTokens> authorize(boolean register, Map<String, String> fields) {
        if (clientId == null) {
            throw new IllegalStateException("call client(..) first");
        }
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        String verifier = random(48);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", random(16));
        query.put("nonce", random(16));
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        if (register) {
            query.put("prompt", "create");
        }
        URI page = URI.create(issuer + "/oauth2/authorize?" + form(query));
        HttpResponse<String> response = follow(browser, get(page));
        if (code(response) != null) {
            return Optional.of(exchange(code(response), verifier));
        }
        page = response.uri();
        Map<String, String> posted = new LinkedHashMap<>(fields);
        posted.put("_csrf", csrfToken(response.body(), page));
        HttpRequest submit = HttpRequest.newBuilder(page.resolve(formAction(response.body(), page)))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(posted)))
                .build();
        response = follow(browser, submit);
        String code = code(response);
        return code == null ? Optional.empty() : Optional.of(exchange(code, verifier));
    }

    /** Follows redirects until a page is shown or the browser is sent back to the client. */
    private HttpResponse<String> follow(HttpClient browser, HttpRequest request) {
        HttpResponse<String> response = send(browser, request);
        for (int hops = 0; hops < 10; hops++) {
            if (response.statusCode() / 100 != 3 || code(response) != null) {
                return response;
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.toString().startsWith(redirectUri)) {
                throw new IllegalStateException("the auth service sent the browser back without a code: " + next);
            }
            response = send(browser, get(next));
        }
        throw new IllegalStateException("too many redirects from " + request.uri());
    }

    private String code(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            return null;
        }
        String location = response.headers().firstValue("Location").orElse("");
        if (!location.startsWith(redirectUri)) {
            return null;
        }
        return queryParameters(URI.create(location).getRawQuery()).get("code");
    }

    private OidcTokens exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        return tokens(tokenRequest(clientId, clientSecret, form));
    }

    private HttpResponse<String> tokenRequest(String client, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((encode(client) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        return send(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), request);
    }

    private OidcTokens tokens(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            return new OidcTokens((String) json.get("access_token"), (String) json.get("refresh_token"),
                    (String) json.get("id_token"));
        }
        catch (ParseException ex) {
            throw new IllegalStateException("token endpoint answered no JSON: " + response.body(), ex);
        }
    }

    private static String csrfToken(String html, URI page) {
        Matcher inputs = INPUT.matcher(html);
        while (inputs.find()) {
            Map<String, String> attributes = attributes(inputs.group(1));
            if ("_csrf".equals(attributes.get("name"))) {
                return attributes.get("value");
            }
        }
        throw new IllegalStateException("no _csrf field on " + page + ":\n" + html);
    }

    private static String formAction(String html, URI page) {
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            Map<String, String> attributes = attributes(forms.group(1));
            if ("post".equalsIgnoreCase(attributes.get("method"))) {
                String action = attributes.get("action");
                return action == null || action.isEmpty() ? page.toString() : action;
            }
        }
        throw new IllegalStateException("no form on " + page + ":\n" + html);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("([\\w:-]+)\\s*=\\s*\"([^\"]*)\"").matcher(tag);
        while (matcher.find()) {
            attributes.put(matcher.group(1).toLowerCase(), matcher.group(2).replace("&amp;", "&"));
        }
        return attributes;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("no answer from " + request.uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value)));
        return body.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
