package dev.cairn.plugin.data;

import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.statistics.ProfileState;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import java.time.Duration;
import java.util.UUID;

/** Waits, in the data tests, until a version's newest profiling run has ended (DONE or FAILED), read as a viewer would. */
public final class ProfileAwait {

    private ProfileAwait() {
    }

    public static ProfileState ended(Actors actors, StoredProfiles profiles, UUID projectId, UUID versionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ProfileState state = null;
        while (System.nanoTime() < deadline) {
            state = actors.as("acme-viewer", () -> profiles.state(projectId, versionId)).orElse(null);
            if (state != null && !state.status().pending()) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("version " + versionId + " was not profiled in time; last state: " + state);
    }
}
