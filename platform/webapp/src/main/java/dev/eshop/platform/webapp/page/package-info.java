/**
 * Pages when something goes wrong (spec/ui.md §0.4): {@link dev.eshop.platform.webapp.page.ErrorPages}
 * turns the problems controllers do not handle into the 403, 404 and 503 pages (or, for htmx, a
 * message in {@code #messages}) and signs the user in again on a 401;
 * {@link dev.eshop.platform.webapp.page.FormErrors} puts a problem's errors next to the form's fields;
 * every error page carries the request's trace id as its reference
 * ({@link dev.eshop.platform.webapp.page.TraceIds}).
 */
package dev.eshop.platform.webapp.page;
