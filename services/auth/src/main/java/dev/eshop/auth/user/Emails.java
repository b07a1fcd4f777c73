package dev.eshop.auth.user;

import java.util.Locale;

/** E-mail addresses are kept trimmed and in lower case, so one address is one account however it is typed. */
public final class Emails {

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
