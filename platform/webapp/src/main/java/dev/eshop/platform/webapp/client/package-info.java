/**
 * Calls from a web app to the services (spec/services.md §0.6):
 * {@link dev.eshop.platform.webapp.client.ServiceClients} makes a {@code RestClient} per service that
 * carries the signed-in user's access token (none for a signed-out visitor, whose calls are public
 * reads), keeps to the service's time-outs, and turns every answer that is not a success into a
 * {@link dev.eshop.platform.webapp.client.ServiceProblem} (a 401, or a refused token refresh, into
 * {@link dev.eshop.platform.webapp.client.SignInRequiredException}).
 */
package dev.eshop.platform.webapp.client;
