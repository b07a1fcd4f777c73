package dev.eshop.platform.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as JSON {@code {"items": [...], "page": 0, "size": 20, "total": 137}}.
 * {@code items} is never null (an empty page is {@code []}).
 *
 * @param total the number of items in the whole list, across pages
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public PageResult {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, query.page(), query.size(), total);
    }

    public static <T> PageResult<T> empty(PageQuery query) {
        return of(List.of(), query, 0);
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
