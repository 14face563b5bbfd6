package org.vigil.web.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import org.vigil.notify.delivery.email.ActionToken;

/**
 * The page of an email action link: what it does (object, state, output, contact, action) with a confirm button,
 * or why it is refused, or what was done. A page of its own, like the login form: it is shown without a login.
 */
public final class EmailActionView extends View {

    private final ActionToken token;
    private final EmailActionRules.Target target;
    private final String author;
    private final String rawToken;
    private final String csrf;
    private final long downtimeHours;
    private final String refusal;
    private final String done;

    EmailActionView(ActionToken token, EmailActionRules.Target target, String author, String rawToken, String csrf,
                    long downtimeHours, String refusal, String done) {
        super("email-action.ftlh", StandardCharsets.UTF_8);
        this.token = token;
        this.target = target;
        this.author = author;
        this.rawToken = rawToken == null ? "" : rawToken;
        this.csrf = csrf == null ? "" : csrf;
        this.downtimeHours = downtimeHours;
        this.refusal = refusal;
        this.done = done;
    }

    static EmailActionView refused(String why) {
        return new EmailActionView(null, null, "", "", "", 0, why, null);
    }

    EmailActionView withRefusal(String why) {
        return new EmailActionView(token, target, author, rawToken, csrf, downtimeHours, why, null);
    }

    EmailActionView withDone(String what) {
        return new EmailActionView(token, target, author, rawToken, csrf, downtimeHours, null, what);
    }

    /** The link's claims, or null when it could not be read. */
    public ActionToken getToken() {
        return token;
    }

    public boolean isAcknowledge() {
        return token != null && token.action() == ActionToken.Action.ACKNOWLEDGE;
    }

    /** Whether the object still exists (its state and output are shown). */
    public boolean isFound() {
        return target != null;
    }

    /** The object's state now, or "". */
    public String getState() {
        return target == null ? "" : target.state();
    }

    /** The object's plugin output now, or "". */
    public String getOutput() {
        return target == null ? "" : target.output();
    }

    public boolean isAcknowledged() {
        return target != null && target.acknowledged();
    }

    /** Who the command is made as: the contact's alias or name. */
    public String getAuthor() {
        return author;
    }

    /** The token, posted back by the confirm form. */
    public String getRawToken() {
        return rawToken;
    }

    public String getCsrf() {
        return csrf;
    }

    public long getDowntimeHours() {
        return downtimeHours;
    }

    /** Why nothing is done, or null. */
    public String getRefusal() {
        return refusal;
    }

    /** What was done, or null. */
    public String getDone() {
        return done;
    }

    /** The status page of the object, relative to the site. */
    public String getObjectPath() {
        if (token == null) {
            return "/";
        }
        String host = java.net.URLEncoder.encode(token.host(), StandardCharsets.UTF_8).replace("+", "%20");
        return token.isHost() ? "/host/" + host : "/service/" + host + "/" // a '/' stays literal, as Fmt.serviceUrl
                + java.net.URLEncoder.encode(token.service(), StandardCharsets.UTF_8).replace("+", "%20")
                        .replace("%2F", "/");
    }
}
