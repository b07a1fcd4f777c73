package dev.eshop.auth.login;

import dev.eshop.auth.AuthSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The browser side of auth: the sign-in, sign-up and change-password pages, with a session (in
 * the database, shared by replicas), CSRF tokens and the security headers of spec/ui.md §0.2.
 * This chain comes last and takes every request the authorization server's and the API's chains
 * did not.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    /** The address typed into a failed sign-in, shown again in the form. */
    static final String LAST_EMAIL = PageSecurity.class.getName() + ".email";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** Requests worth returning to after signing in: a pending authorization, and the account pages. */
    @Bean
    RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        cache.setRequestMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/oauth2/authorize"),
                paths.matcher(HttpMethod.GET, "/account/**")));
        return cache;
    }

    /** Sessions as the authorization server sees them (ID tokens' {@code sid}, logout), from the shared store. */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return registry(sessions);
    }

    private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** After signing in or signing up: back to the request that needed it, else to the storefront. */
    @Bean
    SavedRequestAwareAuthenticationSuccessHandler signedIn(RequestCache requestCache, AuthSettings settings) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setRequestCache(requestCache);
        handler.setDefaultTargetUrl(settings.clients().storefront().baseUrl() + "/");
        return handler;
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, PasswordLogin passwordLogin, SecurityContextRepository contexts,
                              RequestCache requestCache, SavedRequestAwareAuthenticationSuccessHandler signedIn) throws Exception {
        return http
                // Only this manager: a parent would try the same password a second time after a failure.
                .authenticationManager(new ProviderManager(passwordLogin))
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/", "/login", "/register", "/error", "/css/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(signedIn)
                        .failureHandler(loginFailed()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Every failure looks the same (see PasswordLogin); the address stays in the form. */
    private static AuthenticationFailureHandler loginFailed() {
        return (request, response, exception) -> {
            request.getSession().setAttribute(LAST_EMAIL, request.getParameter("email"));
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }
}
