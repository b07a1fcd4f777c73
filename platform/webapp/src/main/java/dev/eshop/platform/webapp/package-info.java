/**
 * What the storefront and the admin app share, by Boot auto-configuration alone (spec/ui.md §0):
 * <ul>
 * <li><b>Sign-in</b> ({@link dev.eshop.platform.webapp.security}): OpenID Connect against auth
 * (registration {@code eshop}, authorization code with PKCE), tokens in the session, sessions in
 * Redis, CSRF, the security headers, {@code /login}, {@code POST /logout}; an app adds its URL
 * rules with a {@link dev.eshop.platform.webapp.security.PageRules} bean.</li>
 * <li><b>Calls to the services</b> ({@link dev.eshop.platform.webapp.client}): a {@code RestClient}
 * per service from {@code eshop.web.services.<name>.base-url}, carrying the signed-in user's access
 * token (refreshed when it expires); problems come back as
 * {@link dev.eshop.platform.webapp.client.ServiceProblem}.</li>
 * <li><b>Errors</b> ({@link dev.eshop.platform.webapp.page}): problems the controllers do not show
 * in place become the 403, 404 and 503 pages (or an inline message for htmx), 401 signs the user in
 * again; {@link dev.eshop.platform.webapp.page.FormErrors} puts a problem's errors next to fields.</li>
 * <li><b>Formatting</b> ({@link dev.eshop.platform.webapp.format}): the {@code @fmt} bean for
 * templates (money, dates, countdowns, order numbers, status badges).</li>
 * <li><b>Static files</b> ({@link dev.eshop.platform.webapp.StaticResourcesAutoConfiguration}): with
 * {@code spring.web.resources.add-mappings=false}, served from {@code /css}, {@code /js}, {@code /img}
 * and {@code /webjars} only, so rendering a page does not look its links up as files.</li>
 * </ul>
 * An app provides the templates {@code error/403}, {@code error/404}, {@code error/4xx},
 * {@code error/500}, {@code error/503} (model: {@code status}, {@code message}, {@code traceId}) and
 * {@code error/inline} (the same model, as a fragment for htmx).
 */
package dev.eshop.platform.webapp;
