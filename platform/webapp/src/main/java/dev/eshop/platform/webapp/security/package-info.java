/**
 * Signing in to a web app (spec/ui.md §0.2): OpenID Connect against auth with the authorization
 * code and PKCE ({@code spring.security.oauth2.client.registration.eshop.*}, provider
 * {@code eshop} with its {@code issuer-uri}); the sign-in and the tokens stay in the server-side
 * session (Spring Session in Redis, cookie name per app, {@code server.servlet.session.cookie.name});
 * {@code /login?return=/path} and every page that needs a signed-in user go to auth and come back;
 * {@code POST /logout} ends the session here and at auth. Roles come from the ID token's
 * {@code eshop.web.roles-claim} ({@code roles}). An app adds its URL rules with
 * {@link dev.eshop.platform.webapp.security.PageRules} beans and reads the user with
 * {@link dev.eshop.platform.webapp.security.SignedInUser#current()}.
 */
package dev.eshop.platform.webapp.security;
