package dev.cairn.api.ui;

import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;

/**
 * Which exceptions are a service's refusal (shown to the user as they are) rather than a failure
 * (logged with a reference by the platform): bad input, a state that does not allow the action,
 * a missing permission, an object that is not there.
 */
public final class Refusals {

    private Refusals() {
    }

    public static boolean isRefusal(Throwable failure) {
        return failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof AccessDeniedException || failure instanceof NotFoundException;
    }
}
