package dev.cairn.app.admin;

import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.security.SessionRevocations;
import java.util.UUID;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the live sessions of a user, so disabling a user takes effect on their next request: on this
 * node through the session registry, on every node through the revocation read per request.
 */
@Component
class SessionTerminator {

    private final SessionRegistry registry;
    private final SessionRevocations revocations;

    SessionTerminator(SessionRegistry registry, SessionRevocations revocations) {
        this.registry = registry;
        this.revocations = revocations;
    }

    int endSessionsOf(UUID userId) {
        revocations.revokeSessionsOf(userId);
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof CairnPrincipal cairn && cairn.id().equals(userId)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
