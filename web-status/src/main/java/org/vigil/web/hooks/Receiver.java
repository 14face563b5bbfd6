package org.vigil.web.hooks;

import java.util.function.Function;

/** One pager's webhook format: how its requests are authenticated and how its body reads as a {@link PagerEvent}. */
interface Receiver {

    /** The path segment and metric label: {@code pagerduty}, {@code opsgenie}. */
    String name();

    /** The pager's name in comments: {@code PagerDuty}, {@code Opsgenie}. */
    String title();

    /** The reasons this receiver refuses credentials with ({@code bad_signature} or {@code bad_token}). */
    Refusal.Reason badCredentials();

    /** Checks the request came from the pager: {@code header} gives a request header's value or null. */
    void authenticate(Function<String, String> header, byte[] body) throws Refusal;

    /** The event in an authenticated body; a body that is not the pager's JSON is {@code MALFORMED}. */
    PagerEvent read(byte[] body) throws Refusal;
}
