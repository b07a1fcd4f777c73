package dev.eshop.admin.site;

import dev.eshop.platform.webapp.security.SignedInUser;

import java.util.ArrayList;
import java.util.List;

/**
 * What the frame around every page shows: who is signed in (null when nobody), the payments awaiting
 * review (null when unknown: not an admin, or payment did not answer), and where the page is.
 */
public record Frame(SignedInUser user, Long awaitingReview, String path) {

    /** A step of the breadcrumb; the last one, the page itself, has no link. */
    public record Crumb(String label, String href) {
    }

    /** Only an admin sees the navigation; a customer on the 403 page sees just the way out. */
    public boolean admin() {
        return user != null && user.admin();
    }

    public boolean signedIn() {
        return user != null;
    }

    /** {@code aria-current="page"} for the navigation entry of the page shown. */
    public String current(Navigation.Item item) {
        return item.equals(Navigation.of(path)) ? "page" : null;
    }

    /** "Dashboard › Products › Edit Mazda CX-60": home, the page's place in the navigation, and the page. */
    public List<Crumb> breadcrumb(String title) {
        List<Crumb> crumbs = new ArrayList<>();
        Navigation.Item section = Navigation.of(path);
        if (section == Navigation.DASHBOARD) {
            crumbs.add(new Crumb(Navigation.DASHBOARD.label(), null));
            return crumbs;
        }
        crumbs.add(new Crumb(Navigation.DASHBOARD.label(), Navigation.DASHBOARD.path()));
        if (section != null && !section.label().equals(title)) {
            crumbs.add(new Crumb(section.label(), section.path()));
        }
        crumbs.add(new Crumb(title, null));
        return crumbs;
    }
}
