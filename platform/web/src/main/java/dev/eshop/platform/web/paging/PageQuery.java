package dev.eshop.platform.web.paging;

import java.util.Optional;

/**
 * A list request's {@code ?page=&size=&sort=}, resolved and checked before the controller runs:
 * {@code page} 0-based (default 0), {@code size} 1–100 (default 20), {@code sort} one of the fields
 * named by {@link Sortable}, {@code ,asc} or {@code ,desc}. Anything else is a 400 problem; nothing
 * is silently clamped.
 *
 * <pre>
 * &#64;GetMapping("/v1/orders")
 * PageResult&lt;OrderView&gt; list(&#64;Sortable({"created_at", "total"}) PageQuery query) {
 *     return PageResult.of(orders.find(query.offset(), query.limit(), query.sort()), query, orders.count());
 * }
 * </pre>
 *
 * @param sort the requested order, or the list's default, or {@code null} when it has neither
 */
public record PageQuery(int page, int size, SortOrder sort) {

    public static final int DEFAULT_SIZE = 20;

    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageQuery of(int page, int size) {
        return new PageQuery(page, size, null);
    }

    /** Rows to skip: {@code page * size}. */
    public long offset() {
        return (long) page * size;
    }

    /** Rows to read: {@code size}. */
    public int limit() {
        return size;
    }

    public Optional<SortOrder> sortOrder() {
        return Optional.ofNullable(sort);
    }
}
