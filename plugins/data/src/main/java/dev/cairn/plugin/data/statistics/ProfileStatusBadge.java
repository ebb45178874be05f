package dev.cairn.plugin.data.statistics;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.WaitingPoll;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import java.util.Optional;

/**
 * A version's statistics in its dataset's history: a progress bar while the profiling job runs (it
 * polls, so the page stays responsive and the bar moves), then a link to the statistics page, or
 * the reason the run failed.
 */
public class ProfileStatusBadge extends Div {

    private final StoredProfiles profiles;
    private final ProjectRef project;
    private final DatasetVersionRecord version;
    private Registration polling;
    private boolean pending;

    public ProfileStatusBadge(StoredProfiles profiles, ProjectRef project, DatasetVersionRecord version) {
        this.profiles = profiles;
        this.project = project;
        this.version = version;
        addClassName("statistics-badge");
        refresh();
    }

    private void refresh() {
        removeAll();
        if (version.getDeletedAt() != null) {
            pending = false;
            return;
        }
        Optional<ProfileState> state = profiles.state(project.id(), version.getId());
        pending = state.map(s -> s.status().pending()).orElse(false);
        Anchor link = new Anchor(ProfileView.url(project.id(), version.getId()), "Statistics");
        if (state.isEmpty()) {
            add(new Anchor(ProfileView.url(project.id(), version.getId()), "Not profiled"));
        } else if (pending) {
            ProgressBar bar = new ProgressBar(0, 1, state.get().progress());
            bar.setIndeterminate(state.get().status() == ProfileState.Status.QUEUED);
            bar.getElement().setAttribute("aria-label", "Profiling v" + version.getVersion());
            bar.setWidth("8em");
            add(new Span(state.get().status() == ProfileState.Status.QUEUED ? "Queued" : "Profiling " + Math.round(100 * state.get().progress()) + "%"),
                    bar);
        } else if (state.get().status() == ProfileState.Status.FAILED) {
            Span failed = new Span("Profiling failed");
            failed.getElement().setAttribute("title", String.valueOf(state.get().error()));
            add(failed, new Span(" · "), state.get().hasProfile() ? link : new Anchor(ProfileView.url(project.id(), version.getId()), "Details"));
        } else {
            add(link);
        }
        if (!pending) {
            stopPolling();
        }
    }

    /** Whether it is waiting for the job (and polling). */
    public boolean pending() {
        return pending;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (pending && polling == null) {
            polling = WaitingPoll.start(attachEvent.getUI(), this::refresh);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
