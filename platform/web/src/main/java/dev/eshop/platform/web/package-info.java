/**
 * The web layer every Eshop service shares. A service depends on {@code platform-web} and gets, by
 * Boot auto-configuration alone:
 * <ul>
 * <li><b>Defaults</b>: {@link dev.eshop.platform.web.DefaultsEnvironmentPostProcessor} adds every
 * {@code META-INF/eshop/defaults.properties} on the class path (this module's, platform-events', …) as
 * the lowest-precedence property sources, so the service's {@code application.yml}, environment
 * variables and command line override any of them. This module's file switches on virtual threads,
 * snake_case JSON with ISO-8601 dates and strict types, probes, Prometheus, trace sampling (no
 * exporter), trace ids in log lines, multipart limits and the {@code eshop.security.*} /
 * {@code eshop.problems.*} defaults.</li>
 * <li><b>JSON</b> ({@link dev.eshop.platform.web.JsonAutoConfiguration}): plain {@code BigDecimal}s,
 * trimmed strings, no number-as-string coercion, JSON as the only body format.</li>
 * <li><b>Problems</b> ({@link dev.eshop.platform.web.problem}): every error as RFC 9457
 * {@code application/problem+json}; services throw {@link dev.eshop.platform.web.problem.ProblemException}
 * and its subclasses.</li>
 * <li><b>Security</b> ({@link dev.eshop.platform.web.security}): a resource server for the Eshop
 * issuer, roles and scopes as authorities, {@link dev.eshop.platform.web.security.CurrentUser}; a
 * service adds URL rules with a {@link dev.eshop.platform.web.security.SecurityRules} bean.</li>
 * <li><b>Lists</b> ({@link dev.eshop.platform.web.paging}): a {@link dev.eshop.platform.web.paging.PageQuery}
 * parameter in, a {@link dev.eshop.platform.web.paging.PageResult} out.</li>
 * <li><b>OpenAPI</b> ({@link dev.eshop.platform.web.openapi}): {@code /v3/api-docs} and
 * {@code /swagger-ui.html}, in snake_case, with the bearer scheme.</li>
 * <li><b>Traces</b>: incoming W3C {@code traceparent} honoured, trace id in logs and problems, and
 * passed on by every {@code RestClient} built from Boot's {@code RestClient.Builder} (inject the
 * builder; {@code RestClient.create()} is not instrumented).</li>
 * </ul>
 * And three small helpers: {@link dev.eshop.platform.web.Ids#newId()} (UUID v7),
 * {@link dev.eshop.platform.web.Money} (scale 2, half-up) and {@link dev.eshop.platform.web.Amount}
 * (at most 2 decimals in requests).
 */
package dev.eshop.platform.web;
