package dev.cairn.api.security;

/** Roles of Cairn users. The platform admin belongs to no tenant; every other role is per tenant. */
public enum Role {
    PLATFORM_ADMIN("Platform admin"),
    TENANT_ADMIN("Tenant admin"),
    PROJECT_MANAGER("Project manager"),
    MEMBER("Member"),
    VIEWER("Viewer");

    /** Names used in @RolesAllowed, kept as constants so annotations can use them. */
    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";
    public static final String TENANT_ADMIN_NAME = "TENANT_ADMIN";
    public static final String PROJECT_MANAGER_NAME = "PROJECT_MANAGER";
    public static final String MEMBER_NAME = "MEMBER";
    public static final String VIEWER_NAME = "VIEWER";

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean isTenantRole() {
        return this != PLATFORM_ADMIN;
    }
}
