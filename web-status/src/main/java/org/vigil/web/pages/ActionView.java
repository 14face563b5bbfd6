package org.vigil.web.pages;

import java.util.List;

/**
 * The form of one action (cmd.cgi's "command" page): the targets, the action's fields, and after a failed
 * submission the message or the outcome per target.
 */
public final class ActionView extends PageView {

    private final PageAction action;
    private final List<ActionTarget> targets;
    private final ActionForm form;
    private final String returnTo;
    private final String error;
    private final List<ActionOutcome> outcomes;
    private List<org.vigil.model.DowntimeView> triggers = List.of();

    ActionView(PageContext ctx, PageAction action, List<ActionTarget> targets, ActionForm form, String returnTo,
               String error, List<ActionOutcome> outcomes) {
        super("actions.ftlh", ctx, action == null ? "Actions" : action.getLabel(), "actions");
        this.action = action;
        this.targets = targets;
        this.form = form;
        this.returnTo = returnTo;
        this.error = error;
        this.outcomes = outcomes;
    }

    /** The action, or null when none or an unknown one was asked for. */
    public PageAction getAction() {
        return action;
    }

    public List<PageAction> getActions() {
        return PageAction.all();
    }

    public List<ActionTarget> getTargets() {
        return targets;
    }

    public boolean isAnyHost() {
        return targets.stream().anyMatch(ActionTarget::isHost);
    }

    public boolean isAnyService() {
        return targets.stream().anyMatch(ActionTarget::isService);
    }

    public ActionForm getForm() {
        return form;
    }

    public String getReturnTo() {
        return returnTo;
    }

    public String getError() {
        return error;
    }

    /** The downtimes a new one may be triggered by (a downtime form only). */
    public List<org.vigil.model.DowntimeView> getTriggers() {
        return triggers;
    }

    void triggers(List<org.vigil.model.DowntimeView> downtimes) {
        this.triggers = List.copyOf(downtimes);
    }

    public List<ActionOutcome> getOutcomes() {
        return outcomes;
    }
}
