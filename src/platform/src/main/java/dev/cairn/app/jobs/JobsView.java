package dev.cairn.app.jobs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.Role;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's background jobs with live progress and the tenant's queue; the page polls, so the
 * UI never waits on a job. Tenant admins also set here how many jobs may run at once.
 */
@Route("jobs")
@PageTitle("Jobs · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class JobsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobService jobs;
    private final Grid<JobRecord> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private Map<UUID, Integer> positions = Map.of();
    private Registration polling;

    public JobsView(JobService jobs, CurrentUser currentUser) {
        this.jobs = jobs;
        add(new H2("Jobs"));
        if (currentUser.require().hasAnyRole(Role.TENANT_ADMIN)) {
            add(new JobLimitForm(jobs, this::refresh));
        }
        summary.addClassName("cairn-jobs-summary");
        add(summary);
        // Title and message take the room that is left; every other column is as wide as its
        // content and no wider, and long text wraps instead of being cut off.
        grid.addColumn(JobRecord::getTitle).setHeader("Job").setFlexGrow(2).setTooltipGenerator(JobRecord::getTitle);
        grid.addColumn(job -> status(job)).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(JobsView::progress).setHeader("Progress").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(JobRecord::getMessage).setHeader("Message").setFlexGrow(3).setTooltipGenerator(JobRecord::getMessage);
        grid.addColumn(JobRecord::getCreatedBy).setHeader("Started by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(job -> job.getCreatedAt().format(CREATED)).setHeader("Created (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(job -> {
            Button cancel = new Button("Cancel", click -> cancel(job));
            cancel.setEnabled(!JobStatus.valueOf(job.getStatus()).finished() && !job.getCancelRequested());
            return cancel;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateComponent(new Paragraph("No jobs yet. Jobs appear here when you start long work on a project's "
                + "stage pages (such as a sync with MLflow or a training run)."));
        add(grid);
        setSizeFull();
        refresh();
    }

    private String status(JobRecord job) {
        Integer position = positions.get(job.getId());
        if (position != null) {
            return "Queued, " + ordinal(position) + " in line";
        }
        if (job.getCancelRequested() && !JobStatus.valueOf(job.getStatus()).finished()) {
            return "Cancelling";
        }
        String status = job.getStatus();
        return status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static HorizontalLayout progress(JobRecord job) {
        ProgressBar bar = new ProgressBar(0, 1, job.getProgress());
        bar.setWidth("8em");
        HorizontalLayout cell = new HorizontalLayout(bar, new Span(Math.round(job.getProgress() * 100) + " %"));
        cell.setAlignItems(Alignment.CENTER);
        return cell;
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private void cancel(JobRecord job) {
        jobs.cancel(job.getId());
        Notices.success("Cancellation requested");
        refresh();
    }

    void refresh() {
        positions = jobs.queuePositions();
        int running = jobs.runningCount();
        int limit = jobs.tenantLimit();
        String waiting = positions.isEmpty() ? "none waiting" : positions.size() + " waiting"
                + (running >= limit ? " until one of the running jobs ends" : " for a free worker");
        summary.setText(running + " of " + limit + " jobs at once running; " + waiting + ".");
        grid.setItems(jobs.recent(JobService.DEFAULT_SHOWN));
    }

    Grid<JobRecord> grid() {
        return grid;
    }

    String summaryText() {
        return summary.getText();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().setPollInterval(1000);
        if (polling == null) { // one listener per shown page, however often it is attached
            polling = attachEvent.getUI().addPollListener(poll -> refresh());
        }
        if (!attachEvent.isInitialAttach()) {
            refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
