/**
 * Lists: {@code ?page=&size=&sort=} in, {@code {"items": [...], "page", "size", "total"}} out.
 * <pre>
 * &#64;GetMapping("/v1/products")
 * PageResult&lt;ProductView&gt; list(&#64;Sortable(value = {"name", "price"}, byDefault = "name,asc") PageQuery query) {
 *     List&lt;ProductView&gt; items = products.find(query.offset(), query.limit(), query.sort());
 *     return PageResult.of(items, query, products.count());
 * }
 * </pre>
 * A negative page or a size outside 1–100 is 400 {@code validation}; a page or size that is not a
 * number, or a sort not of the list's fields, is 400 {@code malformed-request}. The OpenAPI document
 * shows the three parameters, with the allowed sort orders.
 */
package dev.eshop.platform.web.paging;
