package dev.eshop.admin.site;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A list page's place in its list, as its GET parameters hold it: {@code page} (from 1) and
 * {@code sort} ({@code field,asc} or {@code field,desc}, one of the fields the service sorts by),
 * with the page's other parameters (its filters) kept in every link it makes. Sort headers are
 * links that sort by their column, the second click the other way round (spec/ui.md §2.1). A change
 * made from a list comes back to it as it was ({@link #here}, {@link #back}).
 */
public final class ListQuery {

    /** A query as {@link Links} writes it (and a browser's form sends it): nothing that could leave the list. */
    private static final Pattern QUERY = Pattern.compile("(\\?[A-Za-z0-9._~*%&=+,-]*)?");

    /** The fields a list sorts by, each with the direction a first click sorts in, and the default sort. */
    public record Sorts(Map<String, Boolean> ascendingFirst, String field, boolean ascending) {

        /** {@code Sorts.by("created_at", false).and("total", false).and("name", true)}: the first is the default. */
        public static Sorts by(String field, boolean ascending) {
            Map<String, Boolean> fields = new LinkedHashMap<>();
            fields.put(field, ascending);
            return new Sorts(fields, field, ascending);
        }

        public Sorts and(String field, boolean ascendingFirst) {
            Map<String, Boolean> fields = new LinkedHashMap<>(this.ascendingFirst);
            fields.put(field, ascendingFirst);
            return new Sorts(fields, this.field, ascending);
        }
    }

    private final String path;
    private final MultiValueMap<String, String> params;
    private final int page;
    private final int size;
    private final String sortField;
    private final boolean ascending;
    private final Sorts sorts;

    private ListQuery(String path, MultiValueMap<String, String> params, int page, int size, String sortField, boolean ascending, Sorts sorts) {
        this.path = path;
        this.params = params;
        this.page = page;
        this.size = size;
        this.sortField = sortField;
        this.ascending = ascending;
        this.sorts = sorts;
    }

    /** The request's list position; a page or sort that cannot be read is the first page and the default sort. */
    public static ListQuery of(HttpServletRequest request, int size, Sorts sorts) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf")) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        params.add(name, value);
                    }
                }
            }
        });
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(params.getOrDefault("page", List.of("1")).getFirst().strip()));
        }
        catch (NumberFormatException ex) {
            // An unreadable page number shows the first page.
        }
        String field = sorts.field();
        boolean ascending = sorts.ascending();
        String sort = params.getFirst("sort");
        if (sort != null) {
            String[] parts = sort.split(",", 2);
            if (sorts.ascendingFirst().containsKey(parts[0]) && (parts.length == 1 || parts[1].equals("asc") || parts[1].equals("desc"))) {
                field = parts[0];
                ascending = parts.length == 1 ? sorts.ascendingFirst().get(field) : parts[1].equals("asc");
            }
        }
        return new ListQuery(request.getRequestURI(), params, page, size, field, ascending, sorts);
    }

    /** The page shown, from 1. */
    public int page() {
        return page;
    }

    /** The page as the services count it, from 0. */
    public int apiPage() {
        return page - 1;
    }

    public int size() {
        return size;
    }

    /** {@code field,asc} or {@code field,desc}, as the services take it. */
    public String apiSort() {
        return sortField + (ascending ? ",asc" : ",desc");
    }

    public String sortField() {
        return sortField;
    }

    /** A parameter of the page (a filter), or null when it is not set. */
    public String filter(String name) {
        return params.getFirst(name);
    }

    public List<String> filters(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** This list with one parameter set (empty: removed), back on the first page. */
    public String with(String name, String value) {
        MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(params);
        changed.remove("page");
        changed.remove(name);
        if (value != null && !value.isBlank()) {
            changed.add(name, value);
        }
        return href(changed);
    }

    /** The link to a page of the same list. */
    public String pageHref(int number) {
        MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(params);
        changed.remove("page");
        if (number > 1) {
            changed.add("page", Integer.toString(number));
        }
        return href(changed);
    }

    /** The link of a sortable column's header: by this column, the other way round when it is the current sort. */
    public String sortHref(String field) {
        boolean up = field.equals(sortField) ? !ascending : sorts.ascendingFirst().getOrDefault(field, true);
        MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(params);
        changed.remove("page");
        changed.remove("sort");
        changed.add("sort", field + (up ? ",asc" : ",desc"));
        return href(changed);
    }

    /** {@code aria-sort} of a sortable column: ascending, descending or none. */
    public String ariaSort(String field) {
        if (!field.equals(sortField)) {
            return "none";
        }
        return ascending ? "ascending" : "descending";
    }

    /** The arrow after a sorted column's name (hidden from screen readers, which read aria-sort). */
    public String arrow(String field) {
        if (!field.equals(sortField)) {
            return "";
        }
        return ascending ? "▲" : "▼";
    }

    /** "1–20 of 137" and the page links. */
    public Paging paging(ResultPage<?> result) {
        return Paging.of(page, size, result.total(), result.items().size(), this::pageHref);
    }

    /** The list as shown (filters, sort and page): the {@code back} of the changes made from it. */
    public String here() {
        return href(params);
    }

    /**
     * Where a change made from the list at {@code path} goes back to: {@code back} when it is that
     * list with its query, else the list itself. A link to anywhere else is never followed.
     */
    public static String back(String path, String back) {
        if (back != null && back.startsWith(path) && QUERY.matcher(back.substring(path.length())).matches()) {
            return back;
        }
        return path;
    }

    private String href(MultiValueMap<String, String> query) {
        return Links.to(path, query);
    }
}
