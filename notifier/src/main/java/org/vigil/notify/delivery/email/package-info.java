/**
 * The built-in email channel: Jakarta Mail over SMTP, text and HTML bodies from templates; PROBLEM mails may carry
 * signed one-click acknowledge and downtime links ({@link org.vigil.notify.delivery.email.EmailActions},
 * {@link org.vigil.notify.delivery.email.ActionTokens}), which the web side checks and carries out.
 */
package org.vigil.notify.delivery.email;
