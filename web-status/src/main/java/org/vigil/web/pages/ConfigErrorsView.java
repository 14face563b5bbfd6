package org.vigil.web.pages;

/** The errors of the last rejected reload ({@code ctx.program.lastRejectedReloadErrors}), or that there are none. */
public final class ConfigErrorsView extends PageView {

    ConfigErrorsView(PageContext ctx) {
        super("config-errors.ftlh", ctx, "Configuration errors", "");
    }
}
