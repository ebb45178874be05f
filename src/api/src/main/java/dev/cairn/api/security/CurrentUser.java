package dev.cairn.api.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The signed-in user, as plugins see it. */
public interface CurrentUser {

    /** The user, or empty when nobody is signed in. */
    Optional<UserInfo> get();

    /** The user; throws {@link AccessDeniedException} when nobody is signed in. */
    UserInfo require();

    record UserInfo(UUID id, String username, String displayName, UUID tenantId, Set<Role> roles) {
        public UserInfo {
            roles = Set.copyOf(roles);
        }

        public boolean hasRole(Role role) {
            return roles.contains(role);
        }

        public boolean hasAnyRole(Role... wanted) {
            for (Role role : wanted) {
                if (roles.contains(role)) {
                    return true;
                }
            }
            return false;
        }
    }
}
