package org.vigil.web.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** The login form; a page of its own, as nothing of the monitor is shown before logging in. */
public final class LoginView extends View {

    private final String returnTo;
    private final String error;
    private final String username;
    private final String csrf;

    LoginView(String returnTo, String error, String username, String csrf) {
        super("login.ftlh", StandardCharsets.UTF_8);
        this.returnTo = returnTo;
        this.error = error;
        this.username = username;
        this.csrf = csrf;
    }

    public String getReturnTo() {
        return returnTo;
    }

    public String getError() {
        return error;
    }

    public String getUsername() {
        return username;
    }

    /** The form's own token ({@code org.vigil.web.auth.LoginTokens}), also in the login cookie. */
    public String getCsrf() {
        return csrf;
    }
}
