package dev.cairn.app.security;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a signed-in user was sent back to the login page, carried there in a short-lived cookie: the
 * session it would travel in has just been invalidated, and Vaadin's client reloads into the login
 * page on its own (a query parameter would not survive that). The value is one of the reasons
 * below, never shown as given: the login page prints its own text for it.
 */
public enum SignedOutNotice {

    DISABLED("disabled", "Your account was disabled",
            "An administrator disabled your account (or your organisation's), so you were signed out. "
                    + "Ask your tenant admin if you think this is a mistake."),
    ENDED("ended", "Your session has ended",
            "An administrator ended your session, for example after changing your roles. Sign in again to continue.");

    public static final String COOKIE = "cairn-signed-out";

    private final String value;
    private final String title;
    private final String explanation;

    SignedOutNotice(String value, String title, String explanation) {
        this.value = value;
        this.title = title;
        this.explanation = explanation;
    }

    public String value() {
        return value;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    /** The notice a request's cookies carry, if any; an unknown value is ignored. */
    public static Optional<SignedOutNotice> from(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> COOKIE.equals(cookie.getName())).findFirst()
                .flatMap(cookie -> Arrays.stream(values()).filter(notice -> notice.value.equals(cookie.getValue())).findFirst());
    }
}
