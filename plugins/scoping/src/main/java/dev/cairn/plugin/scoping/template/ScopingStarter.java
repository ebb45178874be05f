package dev.cairn.plugin.scoping.template;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.plugin.scoping.canvas.Canvas;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts a project's scoping document from a template, in one transaction. */
@Service
public class ScopingStarter {

    private final ScopingDocuments documents;
    private final CanvasService canvas;
    private final MetricContractService contracts;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final AuditLog audit;

    ScopingStarter(ScopingDocuments documents, CanvasService canvas, MetricContractService contracts, ProjectDirectory projects,
                   PermissionCheck permissions, AuditLog audit) {
        this.documents = documents;
        this.canvas = canvas;
        this.contracts = contracts;
        this.projects = projects;
        this.permissions = permissions;
        this.audit = audit;
    }

    @Transactional
    public void start(UUID projectId, String templateId) {
        var user = permissions.require(ScopingPermissions.EDIT);
        var project = projects.require(projectId);
        ScopingTemplate template = ScopingTemplates.byId(templateId)
                .orElseThrow(() -> new IllegalArgumentException("There is no template '" + templateId + "'."));
        documents.create(projectId, template.id(), user.username());
        documents.recordActivity(projectId, user.username(), "started the document from the template " + template.title());
        if (!template.canvas().isEmpty() && canvas.find(projectId).isEmpty()) {
            canvas.save(projectId, new Canvas(template.canvas()), null);
        }
        if (!template.targets().isEmpty()) {
            var latest = contracts.latest(projectId);
            if (latest.targets().isEmpty()) {
                contracts.saveTargets(projectId, template.targets(), latest);
            }
        }
        audit.record("scoping.start", project.key(), AuditLog.Outcome.SUCCESS, "template " + template.id());
    }
}
