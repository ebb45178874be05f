package dev.cairn.plugin.scoping.contract;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import static dev.cairn.plugin.scoping.db.Tables.METRIC_CONTRACT;
import static dev.cairn.plugin.scoping.db.Tables.METRIC_TARGET;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.scoping.Direction;
import dev.cairn.api.scoping.MetricContract;
import dev.cairn.api.scoping.MetricContracts;
import dev.cairn.api.scoping.MetricKind;
import dev.cairn.api.scoping.MetricTarget;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.MetricContractRecord;
import dev.cairn.plugin.scoping.db.tables.records.MetricTargetRecord;
import dev.cairn.plugin.scoping.document.ConcurrentEditException;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned metric contract. Managers edit the latest contract: a draft is changed in place;
 * an approved one is never changed, editing it starts draft number n+1. Approving the scoping
 * document approves the draft. Other stages read the approved contract through cairn-api's
 * {@link MetricContracts}.
 */
@Service
public class MetricContractService implements MetricContracts {

    public enum Status { DRAFT, APPROVED, SUPERSEDED }

    static final int MAX_TARGETS = 50;

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final ScopingDocuments documents;
    private final AuditLog audit;

    MetricContractService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, ScopingDocuments documents, AuditLog audit) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.documents = documents;
        this.audit = audit;
    }

    /** The latest contract (draft or approved), or an empty draft number 0 before any was saved. */
    public EditableContract latest(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return latestRecord(projectId).map(c -> new EditableContract(c.getNumber(), c.getVersion(), Status.valueOf(c.getStatus()),
                targetsOf(c.getId()), c.getUpdatedBy())).orElse(new EditableContract(0, 0, Status.DRAFT, List.of(), null));
    }

    /**
     * The stage contract other stages read (cairn-api): asked for on their own pages and jobs, under
     * their own permissions, so it needs a project of the caller's tenant and no scoping permission.
     */
    @Override
    public Optional<MetricContract> approvedContract(UUID projectId) {
        projects.require(projectId);
        return db.fetch(METRIC_CONTRACT, METRIC_CONTRACT.PROJECT_ID.eq(projectId).and(METRIC_CONTRACT.STATUS.eq(Status.APPROVED.name())),
                        METRIC_CONTRACT.NUMBER.desc()).stream().findFirst()
                .map(c -> new MetricContract(projectId, c.getNumber(), c.getApprovedBy(), c.getApprovedAt(), targetsOf(c.getId())));
    }

    /**
     * Replaces the targets of the latest contract. {@code basedOn} is the contract the user started
     * from (number and version); if someone saved or approved meanwhile, nothing changes and a
     * {@link ConcurrentEditException} names them. Returns the contract as saved.
     */
    @Transactional
    public EditableContract saveTargets(UUID projectId, List<MetricTarget> targets, EditableContract basedOn) {
        var user = permissions.require(ScopingPermissions.EDIT);
        var project = projects.require(projectId);
        validate(targets);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<MetricContractRecord> latest = latestRecord(projectId);
        int number = latest.map(MetricContractRecord::getNumber).orElse(0);
        int version = latest.map(MetricContractRecord::getVersion).orElse(0);
        if (number != basedOn.number() || version != basedOn.version()) {
            throw new ConcurrentEditException("metric contract", latest.map(MetricContractRecord::getUpdatedBy).orElse("someone"),
                    latest.map(MetricContractRecord::getUpdatedAt).orElse(now));
        }
        MetricContractRecord contract;
        if (latest.isPresent() && latest.get().getStatus().equals(Status.DRAFT.name())) {
            contract = latest.get();
            contract.setUpdatedBy(user.username());
            contract.setUpdatedAt(now);
            if (!db.updateVersioned(contract, METRIC_CONTRACT.VERSION, version)) {
                var other = latestRecord(projectId).orElseThrow();
                throw new ConcurrentEditException("metric contract", other.getUpdatedBy(), other.getUpdatedAt());
            }
            db.delete(METRIC_TARGET, METRIC_TARGET.CONTRACT_ID.eq(contract.getId()));
        } else {
            contract = db.newRecord(METRIC_CONTRACT);
            contract.setId(UUID.randomUUID());
            contract.setProjectId(projectId);
            contract.setNumber(number + 1);
            contract.setStatus(Status.DRAFT.name());
            contract.setCreatedBy(user.username());
            contract.setCreatedAt(now);
            contract.setUpdatedBy(user.username());
            contract.setUpdatedAt(now);
            contract.setVersion(1);
            db.insert(contract);
        }
        int position = 0;
        for (MetricTarget target : targets) {
            MetricTargetRecord row = db.newRecord(METRIC_TARGET);
            row.setId(UUID.randomUUID());
            row.setContractId(contract.getId());
            row.setPosition(position++);
            row.setKind(target.kind().name());
            row.setMetric(target.metric());
            row.setSlice(target.slice());
            row.setDirection(target.direction().name());
            row.setThreshold(target.threshold());
            row.setUnit(target.unit());
            db.insert(row);
        }
        documents.recordChange(projectId, user.username(), "saved metric contract v" + contract.getNumber() + " (draft, "
                + targets.size() + " target(s))");
        audit.record("scoping.contract.save", project.key(), AuditLog.Outcome.SUCCESS,
                "contract " + contract.getNumber() + " (draft), " + targets.size() + " target(s)");
        return latest(projectId);
    }

    /**
     * Approves the draft, in the approval's transaction: the draft becomes APPROVED and the contract
     * approved before it SUPERSEDED. Returns the number of the contract now approved (empty if none).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Integer> approveDraft(UUID projectId, String approver) {
        Optional<MetricContractRecord> latest = latestRecord(projectId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        MetricContractRecord draft = latest.get();
        if (draft.getStatus().equals(Status.DRAFT.name())) {
            db.update(METRIC_CONTRACT, Map.of(METRIC_CONTRACT.STATUS, Status.SUPERSEDED.name()),
                    METRIC_CONTRACT.PROJECT_ID.eq(projectId).and(METRIC_CONTRACT.STATUS.eq(Status.APPROVED.name())));
            db.update(METRIC_CONTRACT, Map.of(METRIC_CONTRACT.STATUS, Status.APPROVED.name(), METRIC_CONTRACT.APPROVED_BY, approver,
                    METRIC_CONTRACT.APPROVED_AT, OffsetDateTime.now(ZoneOffset.UTC)), METRIC_CONTRACT.ID.eq(draft.getId()));
        }
        return Optional.of(draft.getNumber());
    }

    static void validate(List<MetricTarget> targets) {
        if (targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("A contract has at most " + MAX_TARGETS + " targets.");
        }
        Set<String> seen = new HashSet<>();
        for (MetricTarget target : targets) {
            if (target.metric().length() > 120 || (target.slice() != null && target.slice().length() > 120)) {
                throw new IllegalArgumentException("Metric and slice names have at most 120 characters: " + target.describe());
            }
            if (target.unit() != null && target.unit().length() > 20) {
                throw new IllegalArgumentException("The unit of " + target.metric() + " has at most 20 characters.");
            }
            boolean plainRate = dev.cairn.api.ui.Rates.isRate(target.metric()) && (target.unit() == null || target.unit().isBlank());
            if (plainRate && (target.threshold() < 0 || target.threshold() > 1)) {
                throw new IllegalArgumentException("The threshold of " + target.metric() + " is a rate between 0 and 1 (for 45 % "
                        + "write 0.45, or give the unit %): " + target.describe() + ".");
            }
            String key = target.kind() + "|" + target.metric().toLowerCase() + "|" + (target.slice() == null ? "" : target.slice().toLowerCase());
            if (!seen.add(key)) {
                throw new IllegalArgumentException("Two targets for " + target.metric()
                        + (target.slice() == null ? " overall" : " on slice " + target.slice()) + ": keep one.");
            }
        }
    }

    private Optional<MetricContractRecord> latestRecord(UUID projectId) {
        return db.fetch(METRIC_CONTRACT, METRIC_CONTRACT.PROJECT_ID.eq(projectId), METRIC_CONTRACT.NUMBER.desc()).stream().findFirst();
    }

    private List<MetricTarget> targetsOf(UUID contractId) {
        return db.fetch(METRIC_TARGET, METRIC_TARGET.CONTRACT_ID.eq(contractId), METRIC_TARGET.POSITION.asc()).stream()
                .map(t -> new MetricTarget(MetricKind.valueOf(t.getKind()), t.getMetric(), t.getSlice(),
                        Direction.valueOf(t.getDirection()), t.getThreshold(), t.getUnit())).toList();
    }

    /** The latest contract as the editor shows it; its number and version are what a save is based on. */
    public record EditableContract(int number, int version, Status status, List<MetricTarget> targets, String updatedBy) {

        public EditableContract {
            targets = List.copyOf(targets);
        }
    }
}
