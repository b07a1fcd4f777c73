package dev.eshop.platform.webapp.security;

import dev.eshop.platform.webapp.WebAppProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

import java.util.List;

/**
 * The web apps' security (spec/ui.md §0.2): sign-in with OpenID Connect at auth (registration
 * {@value #REGISTRATION}, authorization code with PKCE), the session holding the sign-in and the
 * tokens, CSRF tokens on every form, RP-initiated logout, and the headers: a Content-Security-Policy
 * without inline scripts or styles, {@code nosniff}, {@code Referrer-Policy: same-origin},
 * {@code frame-ancestors 'none'} (HSTS on HTTPS requests). The auto-configuration builds its filter
 * chain with it; an app changes only the URL rules, with {@link PageRules} beans.
 */
public class WebAppSecurity {

    /** The client registration id at auth; the redirect URI is {@code {baseUrl}/login/oauth2/code/eshop}. */
    public static final String REGISTRATION = "eshop";

    /** Open to everyone: static files, probes, and the pages that sign in or explain a refusal. */
    public static final List<String> PUBLIC_PATHS = List.of("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/login", "/login-failed", "/forbidden", "/error");

    private final WebAppProperties properties;
    private final ClientRegistrationRepository registrations;

    public WebAppSecurity(WebAppProperties properties, ClientRegistrationRepository registrations) {
        this.properties = properties;
        this.registrations = registrations;
    }

    /** {@code default-src 'self'; img-src 'self' blob: <image origin>; script-src 'self'; frame-ancestors 'none'}. */
    public String contentSecurityPolicy() {
        String images = properties.imageOrigin().isEmpty() ? "" : " " + properties.imageOrigin();
        return "default-src 'self'; img-src 'self' blob:" + images + "; script-src 'self'; frame-ancestors 'none'";
    }

    public HttpSecurity apply(HttpSecurity http, List<? extends PageRules> rules) throws Exception {
        SignIn signIn = new SignIn();
        OidcClientInitiatedLogoutSuccessHandler loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // Auth registered "<base>/" as the place to come back to after logging out there.
        loggedOut.setPostLogoutRedirectUri("{baseUrl}/");
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage("/forbidden");
        return http
                .authorizeHttpRequests(authorize -> {
                    // Forwards and error dispatches render pages for requests already judged.
                    authorize.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
                    rules.forEach(rule -> rule.configure(authorize));
                    authorize.anyRequest().authenticated();
                })
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new PromptAwareAuthorizationRequests(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RolesFromIdToken(properties.rolesClaim())))
                        .successHandler(signIn)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login-failed")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut))
                // Where to return after signing in is kept by SignIn, for GETs and form posts alike.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn).accessDeniedHandler(refused))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
    }
}
