package dev.cairn.app.jobs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.security.Role;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;

/** The tenant's background jobs with live progress; the page polls, so the UI never waits on a job. */
@Route("jobs")
@PageTitle("Jobs · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class JobsView extends VerticalLayout {

    private final JobService jobs;
    private final Grid<JobRecord> grid = new Grid<>();
    private Registration polling;

    public JobsView(JobService jobs) {
        this.jobs = jobs;
        add(new H2("Jobs"));
        grid.addColumn(JobRecord::getTitle).setHeader("Job").setFlexGrow(2);
        grid.addColumn(JobRecord::getStatus).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(job -> {
            ProgressBar bar = new ProgressBar(0, 1, job.getProgress());
            bar.setWidth("10em");
            return bar;
        }).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(JobRecord::getMessage).setHeader("Message").setFlexGrow(2);
        grid.addColumn(JobRecord::getCreatedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(job -> job.getCreatedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))).setHeader("Created (UTC)").setAutoWidth(true);
        grid.addComponentColumn(job -> {
            Button cancel = new Button("Cancel", click -> cancel(job));
            cancel.setEnabled(!JobStatus.valueOf(job.getStatus()).finished() && !job.getCancelRequested());
            return cancel;
        }).setAutoWidth(true);
        grid.setEmptyStateComponent(new Paragraph("No jobs yet."));
        add(grid);
        setSizeFull();
        refresh();
    }

    private void cancel(JobRecord job) {
        jobs.cancel(job.getId());
        Notices.success("Cancellation requested");
        refresh();
    }

    void refresh() {
        grid.setItems(jobs.recent(JobService.DEFAULT_SHOWN));
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
