/**
 * {@code Idempotency-Key} for the endpoints the spec marks <b>IK</b> (services.md §0.5).
 * <p>
 * <b>In a service</b>: put {@link dev.eshop.platform.web.idempotency.Idempotent} on the handler
 * method ({@code @Idempotent(required = true)} for "IK required"); nothing else. The table
 * {@code idempotency_record} comes with this jar ({@code db/eshop/{vendor}/V0_2__idempotency_record.sql},
 * found through the default {@code spring.flyway.locations} that platform-events sets). It is all
 * auto-configured only when the service has a {@code DataSource}; without one the annotation does nothing.
 * <pre>
 * &#64;PostMapping("/v1/stock/transfers")
 * &#64;Idempotent
 * &#64;ResponseStatus(HttpStatus.CREATED)
 * Movement transfer(&#64;Valid &#64;RequestBody TransferRequest request) { ... }
 * </pre>
 * <b>What happens</b>:
 * <ul>
 * <li>The key must be 1–100 printable ASCII characters (0x20–0x7E), else 400 {@code malformed-request}
 * naming the header; without the header the request runs normally, or is a 400 when required.</li>
 * <li>Scope = the caller's {@code sub}, the method and the path template ({@code POST /v1/products/{id}/images}),
 * so two callers never share a key. Request hash = SHA-256 of the raw body; multipart: of each part's
 * name and bytes in order; a query string, if any, is hashed too.</li>
 * <li>{@link dev.eshop.platform.web.idempotency.IdempotencyInterceptor} (before the handler) inserts an
 * in-progress record in its own committed transaction, so a concurrent twin sees it: the twin gets 409
 * {@code idempotency-in-progress}; the same key with another hash 422 {@code idempotency-key-reused};
 * a finished record is replayed (status, body, {@code Content-Type}, {@code Location}) with
 * {@code Idempotent-Replayed: true} and the handler does not run. An in-progress record older than
 * {@code eshop.idempotency.in-progress-timeout} (1 min) and an expired record are taken over.</li>
 * <li>{@link dev.eshop.platform.web.idempotency.IdempotencyFilter} keeps a copy of the JSON body (to hash
 * it before the handler reads it) and buffers the response; after the handler it stores a 2xx answer
 * in the record, or deletes the record on 4xx, 5xx or an exception, so a corrected request may reuse the key.</li>
 * <li>Records expire after {@code eshop.idempotency.retention} (24 h); every replica deletes expired ones
 * every {@code eshop.idempotency.purge-interval} (1 h).</li>
 * </ul>
 * Only callers with a token are covered (the key is scoped to them); handlers must answer
 * synchronously, with a text (JSON) body.
 */
package dev.eshop.platform.web.idempotency;
