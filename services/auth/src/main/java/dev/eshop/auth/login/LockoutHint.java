package dev.eshop.auth.login;

import dev.eshop.auth.AuthSettings;

import java.time.Duration;

/** "After 5 failed attempts an account is locked for 15 minutes.", with the numbers from the settings. */
final class LockoutHint {

    private LockoutHint() {
    }

    static String of(AuthSettings.Login login) {
        return "After " + login.maxFailures() + " failed " + (login.maxFailures() == 1 ? "attempt" : "attempts")
                + " an account is locked for " + duration(login.lockDuration()) + ".";
    }

    private static String duration(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
