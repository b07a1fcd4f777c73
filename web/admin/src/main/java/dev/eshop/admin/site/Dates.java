package dev.eshop.admin.site;

import dev.eshop.platform.webapp.page.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Date filters as typed ({@code 2025-01-31}, what a date input sends): read, or reported next to their field. */
public final class Dates {

    public static final String INVALID = "Enter a date like 2025-01-31.";
    public static final String REVERSED = "The start date must be on or before the end date.";

    private Dates() {
    }

    /** The date, or null when empty; a date that cannot be read is reported on {@code field} and left out. */
    public static LocalDate read(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            errors.field(field, INVALID);
            return null;
        }
    }

    /** Reports a range whose start is after its end, on the start's field; true when the range is usable. */
    public static boolean ordered(LocalDate from, LocalDate to, String fromField, FormErrors errors) {
        if (from != null && to != null && from.isAfter(to)) {
            errors.field(fromField, REVERSED);
            return false;
        }
        return true;
    }
}
