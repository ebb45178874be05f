package dev.cairn.plugin.scoping.discussion;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import static dev.cairn.plugin.scoping.db.Tables.COMMENT;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.CommentRecord;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments on the scoping document: members, managers and admins write them; everyone in the project reads them. */
@Service
public class CommentService {

    static final int MAX_LENGTH = 4000;

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final ScopingDocuments documents;

    CommentService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, ScopingDocuments documents) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.documents = documents;
    }

    /** Oldest first, as a conversation reads. */
    public List<CommentRecord> list(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return db.fetch(COMMENT, COMMENT.PROJECT_ID.eq(projectId), COMMENT.CREATED_AT.asc());
    }

    @Transactional
    public CommentRecord add(UUID projectId, String body) {
        var user = permissions.require(ScopingPermissions.COMMENT);
        projects.require(projectId);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Write something before posting a comment.");
        }
        if (body.strip().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A comment has at most " + MAX_LENGTH + " characters (this one has "
                    + body.strip().length() + ").");
        }
        CommentRecord comment = db.newRecord(COMMENT);
        comment.setId(UUID.randomUUID());
        comment.setProjectId(projectId);
        comment.setAuthor(user.username());
        comment.setAuthorName(user.displayName());
        comment.setBody(body.strip());
        comment.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(comment);
        String preview = body.strip().length() > 80 ? body.strip().substring(0, 77) + "..." : body.strip();
        documents.recordActivity(projectId, user.username(), "commented: " + preview);
        return comment;
    }
}
