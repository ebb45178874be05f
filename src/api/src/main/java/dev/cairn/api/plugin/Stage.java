package dev.cairn.api.plugin;

/** The four stages of a production ML project, in the order a project moves through them. */
public enum Stage {
    SCOPING("Scoping"),
    DATA("Data"),
    MODELING("Modeling"),
    DEPLOYMENT("Deployment");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
