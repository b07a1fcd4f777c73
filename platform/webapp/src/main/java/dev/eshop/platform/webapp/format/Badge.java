package dev.eshop.platform.webapp.format;

/**
 * A status as the pages show it: its label, a colour ({@code tone}, a CSS class suffix) and an icon
 * (text, hidden from screen readers). Never colour alone: the label is always written out.
 */
public record Badge(String label, String tone, String icon) {
}
