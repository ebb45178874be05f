package dev.cairn.plugin.scoping.document;

import static dev.cairn.plugin.scoping.db.Tables.ACTIVITY;
import dev.cairn.plugin.scoping.ScopingPermissions;
import dev.cairn.api.security.PermissionCheck;
import static dev.cairn.plugin.scoping.db.Tables.SCOPING_DOCUMENT;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.ActivityRecord;
import dev.cairn.plugin.scoping.db.tables.records.ScopingDocumentRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document header of each project's scoping: the template it started from and its revision,
 * which every saved change to any part moves on by one. Approvals name a revision.
 */
@Service
public class ScopingDocuments {

    public static final String BLANK_TEMPLATE = "blank";

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;

    ScopingDocuments(TenantDb db, ProjectDirectory projects, PermissionCheck permissions) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
    }

    public Optional<ScopingDocumentRecord> find(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return db.fetchOptional(SCOPING_DOCUMENT, SCOPING_DOCUMENT.PROJECT_ID.eq(projectId));
    }

    /** The current revision; 0 before anything was written. */
    public int revision(UUID projectId) {
        return find(projectId).map(ScopingDocumentRecord::getRevision).orElse(0);
    }

    /** Creates the document from a template; refused when the project already has one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ScopingDocumentRecord create(UUID projectId, String templateId, String username) {
        if (find(projectId).isPresent()) {
            throw new IllegalStateException("This project already has a scoping document; templates apply only to a new one.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ScopingDocumentRecord document = db.newRecord(SCOPING_DOCUMENT);
        document.setId(UUID.randomUUID());
        document.setProjectId(projectId);
        document.setTemplate(templateId);
        document.setRevision(0);
        document.setCreatedBy(username);
        document.setCreatedAt(now);
        document.setUpdatedBy(username);
        document.setUpdatedAt(now);
        try {
            db.insert(document);
        } catch (DuplicateKeyException startedAtTheSameMoment) {
            throw new ConcurrentEditException("scoping document", "Someone else", now);
        }
        return document;
    }

    /**
     * Records that a part changed, in the caller's transaction: the revision moves on (creating a
     * blank document first if the project had none) and the activity history says who did what.
     * Returns the new revision.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int recordChange(UUID projectId, String username, String what) {
        ScopingDocumentRecord document = find(projectId).orElseGet(() -> create(projectId, BLANK_TEMPLATE, username));
        // Incremented in SQL, so that two parts saved at once still give two revisions.
        db.update(SCOPING_DOCUMENT, Map.of(SCOPING_DOCUMENT.REVISION, SCOPING_DOCUMENT.REVISION.plus(1), SCOPING_DOCUMENT.UPDATED_BY, username,
                SCOPING_DOCUMENT.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC)), SCOPING_DOCUMENT.ID.eq(document.getId()));
        int revision = revision(projectId);
        recordActivity(projectId, username, what + " (revision " + revision + ")");
        return revision;
    }

    /**
     * Locks the document's row for the rest of the transaction, provided it is still at the
     * revision the user saw; otherwise refuses with who changed it last.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockRevision(UUID projectId, int revisionSeen) {
        int locked = db.update(SCOPING_DOCUMENT, Map.of(SCOPING_DOCUMENT.REVISION, SCOPING_DOCUMENT.REVISION),
                SCOPING_DOCUMENT.PROJECT_ID.eq(projectId).and(SCOPING_DOCUMENT.REVISION.eq(revisionSeen)));
        if (locked == 0) {
            ScopingDocumentRecord now = find(projectId).orElseThrow(() -> new IllegalStateException("Nothing to review yet: start the scoping document first."));
            throw new ConcurrentEditException("scoping document (now revision " + now.getRevision() + ", you looked at "
                    + revisionSeen + ")", now.getUpdatedBy(), now.getUpdatedAt());
        }
    }

    /** Adds a line to the activity history, in the caller's transaction; the revision stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordActivity(UUID projectId, String username, String what) {
        ActivityRecord line = db.newRecord(ACTIVITY);
        line.setId(UUID.randomUUID());
        line.setProjectId(projectId);
        line.setActor(username);
        line.setWhat(what.length() > 500 ? what.substring(0, 497) + "..." : what);
        line.setAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(line);
    }

    /** The activity history, newest first. */
    public List<ActivityRecord> activity(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return db.fetch(ACTIVITY, ACTIVITY.PROJECT_ID.eq(projectId), ACTIVITY.AT.desc()).stream().limit(500).toList();
    }
}
