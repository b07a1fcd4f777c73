package dev.eshop.admin.site;

import java.util.Map;

/**
 * The confirmation page of a destructive action (spec/ui.md §2.1), for browsers without JavaScript;
 * with it, the same question comes in a dialog. The page's form posts {@code fields} to {@code action}.
 *
 * @param title    the page's title and heading, e.g. "Delete product"
 * @param question "Delete Mazda CX-60? It disappears from the shop …"
 * @param button   the confirming button's words, e.g. "Delete"
 * @param back     where "Cancel" goes
 */
public record Confirmation(String title, String question, String action, String button, String back, Map<String, String> fields) {

    public Confirmation(String title, String question, String action, String button, String back) {
        this(title, question, action, button, back, Map.of());
    }

    /** The page as the controller returns it. */
    public static String show(org.springframework.ui.Model model, Confirmation confirmation) {
        model.addAttribute("confirm", confirmation);
        return "confirm";
    }
}
