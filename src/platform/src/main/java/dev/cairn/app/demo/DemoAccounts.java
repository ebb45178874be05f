package dev.cairn.app.demo;

import dev.cairn.api.security.Role;
import java.util.List;

/** The documented demo logins (README). They exist only in the demo profile. */
public final class DemoAccounts {

    /** The one documented demo password. Production refuses to start while any account uses it. */
    public static final String PASSWORD = "cairn-demo-2026";

    public static final List<Account> ALL = List.of(
            new Account(null, "platform", "Pat Platform", Role.PLATFORM_ADMIN),
            new Account("acme", "acme-admin", "Ada Admin (Acme)", Role.TENANT_ADMIN),
            new Account("acme", "acme-pm", "Paula Manager (Acme)", Role.PROJECT_MANAGER),
            new Account("acme", "acme-member", "Max Member (Acme)", Role.MEMBER),
            new Account("acme", "acme-viewer", "Vera Viewer (Acme)", Role.VIEWER),
            new Account("globex", "globex-admin", "Gil Admin (Globex)", Role.TENANT_ADMIN),
            new Account("globex", "globex-pm", "Gwen Manager (Globex)", Role.PROJECT_MANAGER),
            new Account("globex", "globex-member", "Gus Member (Globex)", Role.MEMBER),
            new Account("globex", "globex-viewer", "Gia Viewer (Globex)", Role.VIEWER));

    private DemoAccounts() {
    }

    public record Account(String tenantSlug, String username, String displayName, Role role) {
    }
}
