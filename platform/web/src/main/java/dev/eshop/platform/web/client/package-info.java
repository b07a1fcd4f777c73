/**
 * Calls to other Eshop services: {@link dev.eshop.platform.web.client.ServiceClients} makes a
 * {@code RestClient} per callee that carries this service's client-credentials token (obtained
 * from the issuer and cached until shortly before it expires), keeps to the callee's time-outs,
 * retries the calls that are safe to repeat, and turns what went wrong into the caller's own
 * problem answers (spec/services.md §0.6).
 */
package dev.eshop.platform.web.client;
