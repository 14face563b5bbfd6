package org.vigil.web.pages;

/** What one target of an action came to: the command run, or why it was refused ({@code error}). */
public record ActionOutcome(ActionTarget target, String command, String error) {

    public boolean isOk() {
        return error == null;
    }
}
