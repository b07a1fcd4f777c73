package dev.eshop.platform.web.security;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.util.List;

/**
 * The platform's resource-server setup of an {@link HttpSecurity}: bearer JWTs only (stateless,
 * no CSRF, no sessions, no login pages), problems for 401 and 403, public operational endpoints,
 * {@code /v1/ops/**} for ADMIN, then the service's {@link SecurityRules}, then "authenticated"
 * for everything else.
 * <p>
 * The platform builds its filter chain with it. A service that needs a chain of its own (the
 * platform's then backs off) can still start from the same setup:
 *
 * <pre>
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http, PlatformSecurity platform) throws Exception {
 *     return platform.apply(http, rules -&gt; rules.requestMatchers("/v1/public/**").permitAll())
 *             .headers(headers -&gt; headers.frameOptions(frame -&gt; frame.sameOrigin()))
 *             .build();
 * }
 * </pre>
 */
public class PlatformSecurity {

    /** Reachable without a token: probes, metrics (scraped inside the cluster), info, the API document. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/prometheus", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**");

    public static final String OPS_PATHS = "/v1/ops/**";

    private final JwtDecoder jwtDecoder;
    private final JwtAuthenticationConverter authenticationConverter;
    private final ProblemSecurityHandler problemHandler;

    public PlatformSecurity(JwtDecoder jwtDecoder, JwtAuthenticationConverter authenticationConverter,
            ProblemSecurityHandler problemHandler) {
        this.jwtDecoder = jwtDecoder;
        this.authenticationConverter = authenticationConverter;
        this.problemHandler = problemHandler;
    }

    public HttpSecurity apply(HttpSecurity http, SecurityRules... rules) throws Exception {
        return apply(http, List.of(rules));
    }

    public HttpSecurity apply(HttpSecurity http, List<? extends SecurityRules> rules) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problemHandler)
                        .accessDeniedHandler(problemHandler))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problemHandler)
                        .accessDeniedHandler(problemHandler)
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(authenticationConverter)))
                .authorizeHttpRequests(authorize -> {
                    // The container's error page renders problems for requests already judged.
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
                    authorize.requestMatchers(OPS_PATHS).hasRole(Roles.ADMIN);
                    rules.forEach(rule -> rule.configure(authorize));
                    authorize.anyRequest().authenticated();
                });
    }
}
