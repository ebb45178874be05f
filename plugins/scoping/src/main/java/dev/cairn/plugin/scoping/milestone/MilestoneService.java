package dev.cairn.plugin.scoping.milestone;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import static dev.cairn.plugin.scoping.db.Tables.MILESTONE;

import dev.cairn.api.people.TenantPeople;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.MilestoneRecord;
import dev.cairn.plugin.scoping.document.ConcurrentEditException;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The project's milestones and resources. Managers plan them; owners are users of the tenant. */
@Service
public class MilestoneService {

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final TenantPeople people;
    private final ScopingDocuments documents;

    MilestoneService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, TenantPeople people, ScopingDocuments documents) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.people = people;
        this.documents = documents;
    }

    /** By start date, then due date. */
    public List<MilestoneRecord> list(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return db.fetch(MILESTONE, MILESTONE.PROJECT_ID.eq(projectId), MILESTONE.STARTS_ON.asc(), MILESTONE.DUE_ON.asc(), MILESTONE.TITLE.asc());
    }

    /** Who can own a milestone: the tenant's enabled users with any role. */
    public List<TenantPeople.Person> possibleOwners() {
        permissions.require(ScopingPermissions.READ);
        return people.everyone();
    }

    /** Adds a milestone (milestoneId null) or changes one, based on the version the user saw. */
    @Transactional
    public MilestoneRecord save(UUID projectId, UUID milestoneId, Milestone milestone, Integer basedOnVersion) {
        var user = permissions.require(ScopingPermissions.EDIT);
        projects.require(projectId);
        milestone.validate();
        if (possibleOwners().stream().noneMatch(p -> p.username().equals(milestone.owner()))) {
            throw new IllegalArgumentException("The owner '" + milestone.owner() + "' is not an active user of this organisation.");
        }
        MilestoneRecord record;
        if (milestoneId == null) {
            record = db.newRecord(MILESTONE);
            record.setId(UUID.randomUUID());
            record.setProjectId(projectId);
            record.setVersion(1);
        } else {
            record = db.fetchOptional(MILESTONE, MILESTONE.ID.eq(milestoneId).and(MILESTONE.PROJECT_ID.eq(projectId)))
                    .orElseThrow(() -> new NotFoundException("Milestone"));
            if (basedOnVersion == null || record.getVersion() != basedOnVersion.intValue()) {
                throw new ConcurrentEditException("milestone '" + record.getTitle() + "'", record.getUpdatedBy(), record.getUpdatedAt());
            }
        }
        record.setTitle(milestone.title().strip());
        record.setOwner(milestone.owner());
        record.setStartsOn(milestone.startsOn());
        record.setDueOn(milestone.dueOn());
        record.setEffortDays(milestone.effortDays());
        record.setStatus(milestone.status().name());
        record.setNotes(milestone.notes() == null || milestone.notes().isBlank() ? null : milestone.notes().strip());
        record.setUpdatedBy(user.username());
        record.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        if (milestoneId == null) {
            db.insert(record);
            documents.recordActivity(projectId, user.username(), "planned the milestone " + record.getTitle() + " (due " + record.getDueOn() + ")");
        } else {
            int seen = basedOnVersion;
            if (!db.updateVersioned(record, MILESTONE.VERSION, seen)) {
                var latest = db.fetchOptional(MILESTONE, MILESTONE.ID.eq(milestoneId)).orElseThrow(() -> new NotFoundException("Milestone"));
                throw new ConcurrentEditException("milestone '" + latest.getTitle() + "'", latest.getUpdatedBy(), latest.getUpdatedAt());
            }
            documents.recordActivity(projectId, user.username(), "changed the milestone " + record.getTitle() + " ("
                    + record.getStatus().toLowerCase().replace('_', ' ') + ", due " + record.getDueOn() + ")");
        }
        return record;
    }

    /** Removes a milestone, provided nobody changed it since the user saw it ({@code versionSeen}). */
    @Transactional
    public void delete(UUID projectId, UUID milestoneId, int versionSeen) {
        var user = permissions.require(ScopingPermissions.EDIT);
        projects.require(projectId);
        var record = db.fetchOptional(MILESTONE, MILESTONE.ID.eq(milestoneId).and(MILESTONE.PROJECT_ID.eq(projectId)))
                .orElseThrow(() -> new NotFoundException("Milestone"));
        if (db.delete(MILESTONE, MILESTONE.ID.eq(milestoneId).and(MILESTONE.VERSION.eq(versionSeen))) == 0) {
            throw new ConcurrentEditException("milestone '" + record.getTitle() + "'", record.getUpdatedBy(), record.getUpdatedAt());
        }
        documents.recordActivity(projectId, user.username(), "removed the milestone " + record.getTitle());
    }
}
