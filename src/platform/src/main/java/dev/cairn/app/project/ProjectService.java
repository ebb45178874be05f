package dev.cairn.app.project;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.PROJECT;
import static dev.cairn.app.db.Tables.PROJECT_MEMBER;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.AppUserRecord;
import dev.cairn.app.db.tables.records.ProjectMemberRecord;
import dev.cairn.app.db.tables.records.ProjectRecord;
import dev.cairn.app.lineage.LineageStore;
import dev.cairn.app.tracking.TrackingService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects of the current tenant. Creating one also creates, in the same transaction, its lineage
 * context and the outbox record that creates its MLflow experiment.
 */
@Service
public class ProjectService implements ProjectDirectory {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]{1,11}");

    private final TenantDb db;
    private final CurrentUser currentUser;
    private final LineageStore lineage;
    private final TrackingService tracking;
    private final AuditLog audit;
    private final PermissionCheck permissions;

    ProjectService(TenantDb db, CurrentUser currentUser, LineageStore lineage, TrackingService tracking, AuditLog audit,
                   PermissionCheck permissions) {
        this.permissions = permissions;
        this.db = db;
        this.currentUser = currentUser;
        this.lineage = lineage;
        this.tracking = tracking;
        this.audit = audit;
    }

    @Override
    public Optional<ProjectRef> find(UUID projectId) {
        return db.fetchOptional(PROJECT, PROJECT.ID.eq(projectId)).map(ProjectService::toRef);
    }

    public ProjectRecord details(UUID projectId) {
        return db.fetchOptional(PROJECT, PROJECT.ID.eq(projectId)).orElseThrow(() -> new NotFoundException("Project"));
    }

    @Override
    public List<ProjectRef> all() {
        return list().stream().map(ProjectService::toRef).toList();
    }

    public List<ProjectRecord> list() {
        currentUser.require();
        return db.fetch(PROJECT, DSL.noCondition(), PROJECT.NAME.asc());
    }

    @Transactional
    public ProjectRef create(String name, String key, String description) {
        UserInfo user = permissions.require(PlatformPermissions.CREATE_PROJECT);
        String cleanName = ProjectInput.name(name);
        String cleanKey = ProjectInput.key(key);
        if (db.count(PROJECT, PROJECT.PROJECT_KEY.eq(cleanKey)) > 0) {
            throw new IllegalArgumentException("Key " + cleanKey + " is already used by another project.");
        }
        ProjectRecord project = db.newRecord(PROJECT);
        project.setId(UUID.randomUUID());
        project.setProjectKey(cleanKey);
        project.setName(cleanName);
        project.setDescription(ProjectInput.description(description));
        project.setCreatedBy(user.username());
        project.setCreatedAt(now());
        project.setVersion(0);
        db.insert(project);
        addMemberRow(project.getId(), user.id());
        lineage.createProjectContext(project.getId(), cleanName);
        tracking.createExperimentFor(project.getId(), cleanKey);
        audit.record("project.create", cleanKey, Outcome.SUCCESS, cleanName);
        return toRef(project);
    }

    public List<Member> members(UUID projectId) {
        require(projectId);
        List<UUID> userIds = db.fetch(PROJECT_MEMBER, PROJECT_MEMBER.PROJECT_ID.eq(projectId))
                .map(ProjectMemberRecord::getUserId);
        return db.fetch(APP_USER, APP_USER.ID.in(userIds), APP_USER.DISPLAY_NAME.asc())
                .map(user -> new Member(user.getId(), user.getUsername(), user.getDisplayName()));
    }

    /** Users of the tenant who could be added to the project. */
    public List<Member> candidates(UUID projectId) {
        List<UUID> present = members(projectId).stream().map(Member::userId).toList();
        return db.fetch(APP_USER, APP_USER.ENABLED.isTrue().and(APP_USER.ID.notIn(present)), APP_USER.DISPLAY_NAME.asc())
                .map(user -> new Member(user.getId(), user.getUsername(), user.getDisplayName()));
    }

    @Transactional
    public void addMember(UUID projectId, UUID userId) {
        permissions.require(PlatformPermissions.MANAGE_MEMBERS);
        ProjectRef project = require(projectId);
        AppUserRecord user = db.fetchOptional(APP_USER, APP_USER.ID.eq(userId)).orElseThrow(() -> new NotFoundException("User"));
        if (db.count(PROJECT_MEMBER, PROJECT_MEMBER.PROJECT_ID.eq(projectId).and(PROJECT_MEMBER.USER_ID.eq(userId))) == 0) {
            addMemberRow(projectId, userId);
            audit.record("project.member.add", project.key() + ":" + user.getUsername(), Outcome.SUCCESS, null);
        }
    }

    @Transactional
    public void removeMember(UUID projectId, UUID userId) {
        permissions.require(PlatformPermissions.MANAGE_MEMBERS);
        ProjectRef project = require(projectId);
        int removed = db.delete(PROJECT_MEMBER, PROJECT_MEMBER.PROJECT_ID.eq(projectId).and(PROJECT_MEMBER.USER_ID.eq(userId)));
        if (removed > 0) {
            audit.record("project.member.remove", project.key() + ":" + usernameOf(userId), Outcome.SUCCESS, null);
        }
    }

    /** Audit targets name users as the add does; an id stands in only if the user is gone. */
    private String usernameOf(UUID userId) {
        return db.fetchOptional(APP_USER, APP_USER.ID.eq(userId)).map(AppUserRecord::getUsername).orElse(userId.toString());
    }

    private void addMemberRow(UUID projectId, UUID userId) {
        ProjectMemberRecord member = db.newRecord(PROJECT_MEMBER);
        member.setProjectId(projectId);
        member.setUserId(userId);
        member.setAddedAt(now());
        db.insert(member);
    }

    private static ProjectRef toRef(ProjectRecord record) {
        return new ProjectRef(record.getId(), record.getProjectKey(), record.getName());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public record Member(UUID userId, String username, String displayName) {
    }

    /** Validation of project fields, with messages that name the field. */
    static final class ProjectInput {
        private ProjectInput() {
        }

        static String name(String name) {
            String clean = name == null ? "" : name.strip();
            if (clean.isEmpty()) {
                throw new IllegalArgumentException("Name is required.");
            }
            if (clean.length() > 120) {
                throw new IllegalArgumentException("Name must have at most 120 characters.");
            }
            return clean;
        }

        static String key(String key) {
            String clean = key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT);
            if (!KEY.matcher(clean).matches()) {
                throw new IllegalArgumentException("Key must be 2-12 letters or digits, starting with a letter (e.g. CHURN).");
            }
            return clean;
        }

        static String description(String description) {
            String clean = description == null ? "" : description.strip();
            if (clean.length() > 4000) {
                throw new IllegalArgumentException("Description must have at most 4000 characters.");
            }
            return clean;
        }
    }
}
