package dev.cairn.plugin.scoping;

import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import org.springframework.core.annotation.Order;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.template.ScopingStarter;
import dev.cairn.plugin.scoping.template.ScopingTemplates;
import dev.cairn.plugin.scoping.value.ValueAssessment;
import dev.cairn.plugin.scoping.value.ValueAssessment.Risk;
import dev.cairn.plugin.scoping.value.ValueService;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.plugin.scoping.canvas.Canvas;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.template.ScopingTemplate;
import java.util.EnumMap;
import java.util.Map;
import dev.cairn.plugin.scoping.discussion.CommentService;
import dev.cairn.plugin.scoping.milestone.Milestone;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.portfolio.CandidateSolution;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

@Component
@Order(5)
class ScopingDemoSeeder implements DemoSeeder {

    private final ProblemStatementService statements;
    private final ScopingStarter starter;
    private final FeasibilityService feasibility;
    private final ValueService value;

    private final MilestoneService milestones;
    private final CommentService comments;
    private final CurrentUser currentUser;
    private final CandidateService candidates;
    private final CanvasService canvas;

    ScopingDemoSeeder(ProblemStatementService statements, ScopingStarter starter, FeasibilityService feasibility, ValueService value,
                      MilestoneService milestones, CommentService comments, CurrentUser currentUser,
                      CandidateService candidates, CanvasService canvas) {
        this.canvas = canvas;
        this.candidates = candidates;
        this.milestones = milestones;
        this.comments = comments;
        this.currentUser = currentUser;
        this.statements = statements;
        this.starter = starter;
        this.feasibility = feasibility;
        this.value = value;
    }

    /**
     * A complete scoping document for each demo project, from the template that fits it, waiting for
     * another manager's approval: churn for Acme, demand forecasting for Globex.
     */
    @Override
    public void seed(ProjectRef project) {
        if (project.name().toLowerCase().contains("churn")) {
            seedChurn(project);
        } else {
            seedForecast(project);
        }
        String me = currentUser.require().username();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        milestones.save(project.id(), null, new Milestone("Scoping approved", me, today.minusDays(7), today.plusDays(7), 3.0,
                Milestone.Status.IN_PROGRESS, "Project manager and one analyst."), null);
        milestones.save(project.id(), null, new Milestone("Data ready for a first model", me, today.plusDays(7), today.plusDays(35), 15.0,
                Milestone.Status.PLANNED, "Data engineer, two weeks; access to the source systems."), null);
        milestones.save(project.id(), null, new Milestone("Baseline beaten offline", me, today.plusDays(35), today.plusDays(63), 20.0,
                Milestone.Status.PLANNED, "Two ML engineers."), null);
        boolean churn = project.name().toLowerCase().contains("churn");
        var chosen = candidates.save(project.id(), null, churn
                ? new CandidateSolution("Weekly churn score", "Gradient-boosted trees on usage and billing features.", 4, 4)
                : new CandidateSolution("Global forecasting model", "One gradient-boosted model over all products and stores.", 4, 5), null);
        candidates.save(project.id(), null, churn
                ? new CandidateSolution("Uplift model", "Predict who is persuadable by a call, not just who will leave.", 2, 5)
                : new CandidateSolution("Per-store time series", "Classical seasonal models, one per product and store.", 3, 3), null);
        candidates.choose(project.id(), chosen.getId());
        comments.add(project.id(), "The targets come from the template: let us check them with the business owner before approval.");
    }

    private void seedChurn(ProjectRef project) {
        starter.start(project.id(), ScopingTemplates.CHURN.id());
        adaptCanvas(project, ScopingTemplates.CHURN, Map.of(
                CanvasBox.VALUE_PROPOSITION, "Acme's retention team (four agents) sees every Monday the 200 subscribers most likely to "
                        + "cancel, and calls them before they leave.",
                CanvasBox.PREDICTION_TASK, "For each active subscriber, every Monday: will they cancel within 30 days? (yes/no, with a score)",
                CanvasBox.DECISIONS, "Agents call the 200 highest scores; they may offer one month free to subscribers on the yearly plan.",
                CanvasBox.MAKING_PREDICTIONS, "Batch scoring on Sunday night from the billing and usage snapshot; the list is ready by 07:00.",
                CanvasBox.DATA_SOURCES, "Billing database (plans, payments), app usage events, support tickets.",
                CanvasBox.LIVE_MONITORING, "Retention of called subscribers against a random control group of 20 a week; score drift; "
                        + "batch run time."));
        statements.save(project.id(), new ProblemStatement(
                "About 3% of subscribers cancel each month; most leave without ever contacting us.",
                "Subscribers at risk, and the retention team who can call only 200 people a week.",
                "Each Monday, whom the retention team calls first.",
                "Retention calls everyone with no login in 30 days (the rule catches 41% of churners)."), null);
        feasibility.save(project.id(), new FeasibilityAnswers(DataKind.STRUCTURED, false, null, null, null, null, Evidence.STRONG,
                "Days since last login and payment failures separate churners in last year's data.", PriorWork.ESTABLISHED,
                "Churn models are common in subscription businesses."), null);
        value.save(project.id(), new ValueAssessment("monthly churn rate", "recall of churners among the 200 called",
                "Each churner called is retained with probability 0.3; a retained subscriber is worth 240 EUR a year.",
                86000.0, "EUR per year", "200 calls a week, recall 0.6 vs. 0.41 today.", Risk.MEDIUM, Risk.LOW,
                "Offers could favour customers the model sees often; check recall per customer segment."), null);
    }

    private void seedForecast(ProjectRef project) {
        starter.start(project.id(), ScopingTemplates.DEMAND.id());
        adaptCanvas(project, ScopingTemplates.DEMAND, Map.of(
                CanvasBox.VALUE_PROPOSITION, "Globex store managers order fresh goods from a 14-day forecast instead of last week's sales "
                        + "plus a guess.",
                CanvasBox.PREDICTION_TASK, "For each of 1,800 products in each of 40 stores, nightly: units sold on each of the next 14 days.",
                CanvasBox.DECISIONS, "Replenishment orders are computed from the forecast; managers review changes above 30%.",
                CanvasBox.MAKING_PREDICTIONS, "Nightly batch at 23:00 after the tills close; forecasts ready before the 05:00 order cut-off.",
                CanvasBox.DATA_SOURCES, "Till transactions, price and promotion calendar, public holidays, store openings.",
                CanvasBox.LIVE_MONITORING, "MAPE by product group, bias, stock-outs and waste per store, weekly."));
        statements.save(project.id(), new ProblemStatement(
                "Stores run out of best sellers every weekend and throw away 4% of fresh goods.",
                "Store managers who order stock, customers who find empty shelves.",
                "Each night, how much of each product every store orders.",
                "Managers order last week's sales plus a margin they choose by feel."), null);
        feasibility.save(project.id(), new FeasibilityAnswers(DataKind.STRUCTURED, false, null, null, null, null, Evidence.SOME,
                "Sales history, promotions and holidays; weather not yet tested.", PriorWork.ESTABLISHED,
                "Demand forecasting is a standard retail problem."), null);
        value.save(project.id(), new ValueAssessment("stock-out rate and waste", "MAPE of 14-day forecasts",
                "Each point of MAPE is worth about 0.3 points of waste.", 250000.0, "EUR per year", null, Risk.LOW, Risk.LOW, null), null);
    }

    /** The template's draft with the required boxes rewritten for this project, as a manager would. */
    private void adaptCanvas(ProjectRef project, ScopingTemplate template, Map<CanvasBox, String> ownWords) {
        Map<CanvasBox, String> text = new EnumMap<>(CanvasBox.class);
        text.putAll(template.canvas());
        text.putAll(ownWords);
        canvas.save(project.id(), new Canvas(text), canvas.find(project.id()).map(CanvasService.Saved::version).orElse(null));
    }
}
