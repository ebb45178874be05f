package dev.cairn.plugin.scoping.document;

import dev.cairn.plugin.scoping.ScopingPermissions;
import dev.cairn.api.people.TenantPeople;
import dev.cairn.api.security.CurrentUser.UserInfo;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Separation of duties for scoping decisions: whoever wrote a part may not approve it, unless
 * every project manager and tenant admin of the tenant wrote part of it (then nobody independent
 * exists, and the decision is recorded as a self-approval).
 */
@Component
public class Approvers {

    private final TenantPeople people;

    Approvers(TenantPeople people) {
        this.people = people;
    }

    /**
     * True when the user decides on their own work because nobody else could; refuses when another
     * manager who wrote none of it could decide instead.
     */
    public boolean requireIndependent(UserInfo user, Collection<String> authors, String decision) {
        if (!authors.contains(user.username())) {
            return false;
        }
        boolean someoneIndependent = people.withPermission(ScopingPermissions.REVIEW).stream()
                .anyMatch(person -> !authors.contains(person.username()));
        if (someoneIndependent) {
            throw new SeparationOfDutiesException("You wrote this: another project manager or tenant admin must " + decision + ".");
        }
        return true;
    }
}
