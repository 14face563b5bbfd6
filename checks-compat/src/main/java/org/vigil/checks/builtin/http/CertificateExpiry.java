package org.vigil.checks.builtin.http;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * check_http's {@code -C}: the server certificate's days left, counted as the plugin counts them (a float of the
 * seconds left divided by 86400, cut to an int), against the warning and critical days, with its texts; the date in
 * strftime's {@code %c %z} of the C locale in GMT, which is why {@link HttpCheck} takes {@code -C} only when the
 * plugin would run in that locale.
 */
public final class CertificateExpiry {

    private static final DateTimeFormatter C_LOCALE_TIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy '+0000'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateExpiry() {
    }

    /** A state and the plugin's text for it. */
    public record Verdict(int state, String text) {
    }

    static HttpVerdict.Outcome judge(X509Certificate certificate, HttpOptions.CertificateDays days, Instant now) {
        Verdict v = verdict(certificate, days.warning(), days.critical(), now);
        return new HttpVerdict.Outcome(v.state(), v.text());
    }

    /**
     * The verdict of the plugins' np_net_ssl_check_certificate (shared by check_http and check_curl) on
     * {@code certificate} at {@code now}, with {@code -C warning,critical} days.
     */
    public static Verdict verdict(X509Certificate certificate, int warningDays, int criticalDays, Instant now) {
        String cn = commonName(certificate);
        long notAfter = certificate.getNotAfter().toInstant().getEpochSecond();
        float timeLeft = (float) (notAfter - now.getEpochSecond());
        int daysLeft = (int) (timeLeft / 86400);
        String stamp = C_LOCALE_TIME.format(Instant.ofEpochSecond(notAfter));
        String level = daysLeft > criticalDays ? "WARNING" : "CRITICAL";
        int levelState = daysLeft > criticalDays ? HttpArguments.STATE_WARNING : HttpArguments.STATE_CRITICAL;
        if (daysLeft > 0 && daysLeft <= warningDays) {
            return new Verdict(levelState, level + " - Certificate '" + cn + "' expires in " + daysLeft
                    + " day(s) (" + stamp + ").\n");
        } else if (daysLeft == 0 && timeLeft > 0) {
            boolean hours = timeLeft >= 3600;
            int remaining = (int) timeLeft / (hours ? 3600 : 60);
            return new Verdict(levelState, level + " - Certificate '" + cn + "' expires in " + remaining
                    + " " + (hours ? "hours" : "minutes") + " (" + stamp + ")\n");
        } else if (timeLeft < 0) {
            return new Verdict(HttpArguments.STATE_CRITICAL,
                    "CRITICAL - Certificate '" + cn + "' expired on " + stamp + ".\n");
        } else if (daysLeft == 0) {
            return new Verdict(levelState, level + " - Certificate '" + cn + "' just expired (" + stamp
                    + ").\n");
        }
        return new Verdict(HttpArguments.STATE_OK,
                "OK - Certificate '" + cn + "' will expire on " + stamp + ".\n");
    }

    /** The subject's last CN, as OpenSSL's X509_NAME_get_text_by_NID finds it, or "Unknown CN". */
    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return "Unknown CN";
        } catch (InvalidNameException e) {
            return "Unknown CN";
        }
    }
}
