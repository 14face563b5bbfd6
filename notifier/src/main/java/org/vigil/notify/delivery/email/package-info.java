/** The built-in email channel: Jakarta Mail over SMTP, text and HTML bodies from templates. */
package org.vigil.notify.delivery.email;
