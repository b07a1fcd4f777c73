package dev.eshop.platform.web.paging;

import java.util.Locale;

/**
 * One sort order of a list request, {@code sort=price,desc}. The field is the JSON (snake_case)
 * name the client used, already checked against the list's allowed fields; map it to a column
 * yourself, never paste it into SQL unchecked.
 */
public record SortOrder(String field, Direction direction) {

    public enum Direction {
        ASC, DESC
    }

    public boolean ascending() {
        return direction == Direction.ASC;
    }

    /** {@code "price,desc"} or {@code "price,asc"}; {@code null} when it is not of that form. */
    static SortOrder parse(String value) {
        String[] parts = value.strip().split("\\s*,\\s*", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            return null;
        }
        return switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> new SortOrder(parts[0], Direction.ASC);
            case "desc" -> new SortOrder(parts[0], Direction.DESC);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return field + "," + direction.name().toLowerCase(Locale.ROOT);
    }
}
