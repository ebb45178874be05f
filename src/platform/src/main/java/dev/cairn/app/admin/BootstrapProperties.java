package dev.cairn.app.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform admin created on first start, under {@code cairn.bootstrap}.
 *
 * @param adminUsername the platform admin's username (default {@code platform})
 * @param adminPassword their initial password; blank (the default) creates nobody
 */
@ConfigurationProperties("cairn.bootstrap")
public record BootstrapProperties(String adminUsername, String adminPassword) {

    public BootstrapProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "platform" : adminUsername;
        adminPassword = adminPassword == null ? "" : adminPassword;
    }

    /** Never prints the password (the record's own toString would). */
    @Override
    public String toString() {
        return "BootstrapProperties[adminUsername=" + adminUsername + ", adminPassword=" + (adminPassword.isEmpty() ? "" : "***") + "]";
    }
}
