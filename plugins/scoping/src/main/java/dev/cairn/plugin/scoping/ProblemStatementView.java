package dev.cairn.plugin.scoping;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** The problem statement: project managers write it, everyone else in the tenant reads it. */
@Route("scoping/problem")
@PageTitle("Problem statement · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class ProblemStatementView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProblemStatementService statements;
    private final ProjectDirectory projects;
    private final boolean canEdit;
    private final TextArea businessProblem = area("Business problem", "In the business's words: what goes wrong, and what it costs.", 4000);
    private final TextArea affected = area("Who is affected", "Customers, teams or processes that feel the problem.", 2000);
    private final TextArea decision = area("Decision supported", "The decision the prediction will inform, and who makes it.", 2000);
    private final TextArea currentApproach = area("How it is done today", "The heuristic or process the model must beat.", 2000);
    private Integer version;

    public ProblemStatementView(ProblemStatementService statements, ProjectDirectory projects, CurrentUser currentUser) {
        this.statements = statements;
        this.projects = projects;
        this.canEdit = currentUser.require().hasAnyRole(Role.TENANT_ADMIN, Role.PROJECT_MANAGER);
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        ProjectRef project = projects.require(projectId);
        removeAll();
        add(new H2(project.key() + " · Problem statement"));
        statements.find(project.id()).ifPresentOrElse(saved -> {
            businessProblem.setValue(saved.getBusinessProblem());
            affected.setValue(saved.getAffected());
            decision.setValue(saved.getDecision());
            currentApproach.setValue(saved.getCurrentApproach());
            version = saved.getVersion();
            add(new Paragraph("Last changed by " + saved.getUpdatedBy() + " (version " + saved.getVersion() + ")"));
        }, () -> version = null);
        FormLayout form = new FormLayout(businessProblem, affected, decision, currentApproach);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        add(form);
        for (TextArea area : new TextArea[] {businessProblem, affected, decision, currentApproach}) {
            area.setReadOnly(!canEdit);
        }
        if (canEdit) {
            Button save = new Button("Save", click -> save(project));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
    }

    private void save(ProjectRef project) {
        try {
            version = statements.save(project.id(), new ProblemStatement(businessProblem.getValue(), affected.getValue(),
                    decision.getValue(), currentApproach.getValue()), version);
            Notification.show("Saved (version " + version + ")", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException | IllegalStateException problem) {
            Notification.show(problem.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static TextArea area(String label, String helper, int max) {
        TextArea area = new TextArea(label);
        area.setHelperText(helper);
        area.setMaxLength(max);
        area.setMinHeight("6em");
        return area;
    }
}
