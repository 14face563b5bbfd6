/** The built-in pager/webhook channel: a JSON event POSTed over HTTP, PagerDuty- or Opsgenie-shaped. */
package org.vigil.notify.delivery.webhook;
