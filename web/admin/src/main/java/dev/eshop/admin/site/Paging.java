package dev.eshop.admin.site;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Paging under a table: "1–20 of 137", then "Previous", the page numbers (the first, the last and two
 * either side of the current one, gaps between) and "Next".
 *
 * @param current  the page shown, from 1
 * @param pages    how many pages there are (at least 1)
 * @param range    "1–20 of 137" ("0 of 0" for nothing)
 * @param previous the previous page's link, or null on the first
 * @param next     the next page's link, or null on the last
 */
public record Paging(int current, int pages, String range, String previous, String next, List<Item> items) {

    /** A page number with its link, or a gap ({@code number} null). */
    public record Item(Integer number, String href, boolean current) {

        public boolean gap() {
            return number == null;
        }
    }

    public static Paging of(int current, int size, long total, int shown, IntFunction<String> href) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int number = 1; number <= pages; number++) {
            boolean listed = number == 1 || number == pages || Math.abs(number - current) <= 2;
            if (!listed) {
                continue;
            }
            if (number - last > 1) {
                items.add(new Item(null, null, false));
            }
            items.add(new Item(number, href.apply(number), number == current));
            last = number;
        }
        long first = (long) (current - 1) * size + 1;
        String range = shown == 0 ? "0 of " + total : first + "–" + (first + shown - 1) + " of " + total;
        return new Paging(current, pages, range, current > 1 ? href.apply(Math.min(current - 1, pages)) : null,
                current < pages ? href.apply(current + 1) : null, items);
    }

    /** Whether there is more than one page to move between. */
    public boolean links() {
        return pages > 1;
    }
}
