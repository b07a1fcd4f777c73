/**
 * Every service is an OAuth2 resource server of the Eshop issuer.
 * <p>
 * <b>What the platform sets up</b> ({@link dev.eshop.platform.web.security.ResourceServerAutoConfiguration}):
 * bearer JWTs verified with the keys the issuer publishes ({@code eshop.security.issuer-uri}, found
 * through its OpenID discovery document on the first request, so the issuer may start after the
 * service; while it is unreachable, requests with a token get 503 {@code dependency-unavailable}),
 * checked for issuer, expiry and audience ({@code eshop.security.audience}; empty = not checked).
 * Roles come from {@code eshop.security.roles-claim} (a string or an array, any case) as
 * {@code ROLE_ADMIN} / {@code ROLE_CUSTOMER}, scopes as {@code SCOPE_x}. Stateless, no CSRF, no
 * sessions; 401 and 403 as problems with {@code WWW-Authenticate: Bearer}. Public: the probes,
 * {@code /actuator/prometheus}, {@code /actuator/info}, {@code /v3/api-docs/**},
 * {@code /swagger-ui.html}, {@code /swagger-ui/**}. {@code /v1/ops/**}: ADMIN. Everything else: any
 * valid token. Method security is on ({@code @PreAuthorize}).
 * <p>
 * <b>Adding a service's URL rules</b>: declare a {@link dev.eshop.platform.web.security.SecurityRules}
 * bean (several are applied in {@code @Order}). They go after the platform's fixed rules and before
 * "authenticated", so the first matching rule wins:
 * <pre>
 * &#64;Bean
 * SecurityRules productRules() {
 *     return rules -&gt; rules
 *             .requestMatchers(HttpMethod.GET, "/v1/products/**", "/v1/categories/**").permitAll()
 *             .requestMatchers("/v1/warehouses/**").hasRole(Roles.ADMIN);
 * }
 * </pre>
 * Finer checks belong on the methods: {@code @PreAuthorize("hasRole('CUSTOMER')")},
 * {@code @PreAuthorize("hasAuthority('SCOPE_stock.reserve')")}, and ownership in code with
 * {@link dev.eshop.platform.web.security.CurrentUser#checkOwner(java.util.UUID)} once the resource is loaded.
 * <p>
 * <b>Replacing the chain</b>: a service that declares its own {@code SecurityFilterChain} bean turns
 * the platform's off (as do its own {@code JwtDecoder}, {@code JwtAuthenticationConverter} or
 * {@code PlatformSecurity} beans for those parts). To keep the platform's behaviour in it, start
 * from {@link dev.eshop.platform.web.security.PlatformSecurity}:
 * <pre>
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http, PlatformSecurity platform) throws Exception {
 *     return platform.apply(http, rules -&gt; rules.requestMatchers("/v1/public/**").permitAll())
 *             .headers(headers -&gt; headers.frameOptions(frame -&gt; frame.sameOrigin()))
 *             .build();
 * }
 * </pre>
 */
package dev.eshop.platform.web.security;
