/**
 * The pagers' way back (issue 23): PagerDuty v3 and Opsgenie webhooks received on {@code POST /hooks/pagerduty} and
 * {@code /hooks/opsgenie}, authenticated by their signature or token (not by the pages' users), turned into the
 * external commands the pages' actions run (acknowledge, remove the acknowledgement, a comment for a resolve).
 * Everything refused is answered with a short JSON error and counted for {@code /metrics}.
 */
package org.vigil.web.hooks;
