package dev.cairn.plugin.scoping;

import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(5)
class ScopingDemoSeeder implements DemoSeeder {

    private final ProblemStatementService statements;

    ScopingDemoSeeder(ProblemStatementService statements) {
        this.statements = statements;
    }

    @Override
    public void seed(ProjectRef project) {
        statements.save(project.id(), new ProblemStatement(
                "About 3% of subscribers cancel each month; most leave without ever contacting us.",
                "Subscribers at risk, and the retention team who can call only 200 people a week.",
                "Each Monday, whom the retention team calls first.",
                "Retention calls everyone with no login in 30 days (the rule catches 41% of churners)."), null);
    }
}
