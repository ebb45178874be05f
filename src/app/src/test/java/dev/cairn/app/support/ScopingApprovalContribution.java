package dev.cairn.app.support;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import org.springframework.stereotype.Component;

/**
 * The scoping plugin's part of the app tests' demo world: each demo project's scoping document
 * approved by the tenant's admin (once; the demo seeds the document, not its review). It lives here,
 * not in the kit, because the kit depends on no plugin.
 */
@Component
class ScopingApprovalContribution implements DemoWorldContribution {

    private final ScopingReviewService reviews;

    ScopingApprovalContribution(ScopingReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void contribute(DemoWorld world, String slug, ProjectRef project) {
        var admin = slug + "-admin";
        if (world.actors().as(admin, () -> reviews.history(project.id()).isEmpty())) {
            world.actors().run(admin, () -> reviews.approve(project.id(), reviews.revision(project.id()), "Approved by the demo world"));
        }
    }
}
