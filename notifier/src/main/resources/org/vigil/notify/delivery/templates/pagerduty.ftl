<#-- PagerDuty Events API v2 shape. routingKey comes from the webhook's settings. -->
{
  "routing_key": "${routingKey?json_string}",
  "event_action": "${action}",
  "dedup_key": "${dedupKey?json_string}"<#if action == "trigger">,
  "payload": {
    "summary": "${(type + ": " + subject + " is " + state + " - " + output)?truncate(1024, "...")?json_string}",
    "source": "${host?json_string}",
    "severity": "${severity}",
    "timestamp": "${timeIso}",
    "component": "${(isHost?then(host, service))?json_string}",
    "group": "${host?json_string}",
    "class": "${type}",
    "custom_details": {
      "state": "${state?json_string}",
      "state_type": "${stateType?json_string}",
      "attempt": ${attempt},
      "duration": "${duration}",
      "notification_number": ${notificationNumber},
      "output": "${output?json_string}",
      "long_output": "${longOutput?json_string}",
      "contact": "${contact.name?json_string}"
    }
  }<#if link?has_content>,
  "links": [{"href": "${link?json_string}", "text": "Vigil"}]</#if></#if>
}
