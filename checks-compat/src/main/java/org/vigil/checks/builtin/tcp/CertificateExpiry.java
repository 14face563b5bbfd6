package org.vigil.checks.builtin.tcp;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * check_tcp's {@code -D}: the server certificate's days left against the warning and critical days, worded as the
 * plugin's sslutils words them (whole days counted down from the seconds left, the date as C's {@code %c %z} in
 * GMT).
 */
final class CertificateExpiry {

    private static final DateTimeFormatter C_LOCALE_DATE =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy '+0000'", Locale.US).withZone(ZoneOffset.UTC);
    private static final int DAY = 86400;
    private static final int HOUR = 3600;

    /** The state and its line. */
    record Verdict(int state, String line) {
    }

    private CertificateExpiry() {
    }

    static Verdict judge(X509Certificate certificate, int warnDays, int critDays, Instant now) {
        String cn = commonName(certificate);
        Instant notAfter = certificate.getNotAfter().toInstant();
        String date = C_LOCALE_DATE.format(notAfter);
        // the plugin keeps the seconds left in a float and truncates its days
        float timeLeft = (float) (notAfter.getEpochSecond() - now.getEpochSecond());
        int daysLeft = (int) (timeLeft / DAY);
        String word = daysLeft > critDays ? "WARNING" : "CRITICAL";
        int state = daysLeft > critDays ? 1 : 2;
        if (daysLeft > 0 && daysLeft <= warnDays) {
            return new Verdict(state, String.format(Locale.ROOT, "%s - Certificate '%s' expires in %d day(s) (%s).",
                    word, cn, daysLeft, date));
        }
        if (daysLeft == 0 && timeLeft > 0) {
            int remaining = timeLeft >= HOUR ? (int) timeLeft / HOUR : (int) timeLeft / 60;
            return new Verdict(state, String.format(Locale.ROOT, "%s - Certificate '%s' expires in %d %s (%s)",
                    word, cn, remaining, timeLeft >= HOUR ? "hours" : "minutes", date));
        }
        if (timeLeft < 0) {
            return new Verdict(2, "CRITICAL - Certificate '" + cn + "' expired on " + date + ".");
        }
        if (daysLeft == 0) {
            return new Verdict(state, word + " - Certificate '" + cn + "' just expired (" + date + ").");
        }
        return new Verdict(0, "OK - Certificate '" + cn + "' will expire on " + date + ".");
    }

    /** The subject's first CN, as OpenSSL's X509_NAME_get_text_by_NID gives it, or "Unknown CN". */
    private static String commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return "Unknown CN";
        }
        return "Unknown CN";
    }
}
