package dev.cairn.app.security;

import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.security.CurrentUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SpringCurrentUser implements CurrentUser {

    @Override
    public Optional<UserInfo> get() {
        return principal().map(p -> new UserInfo(p.id(), p.getUsername(), p.displayName(), p.tenantId(), p.roles()));
    }

    @Override
    public UserInfo require() {
        return get().orElseThrow(() -> new AccessDeniedException("Please sign in."));
    }

    static Optional<CairnPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof CairnPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }
}
