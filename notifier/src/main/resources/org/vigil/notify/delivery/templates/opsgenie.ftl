<#-- Opsgenie-style alert event: the alias groups create, acknowledge and close for one host or service. -->
{
  "action": "${(action == "trigger")?then("create", (action == "resolve")?then("close", "acknowledge"))}",
  "alias": "${dedupKey?json_string}",
  "message": "${(type + ": " + subject + " is " + state)?truncate(130, "...")?json_string}",
  "description": "${(output + longOutput?has_content?then("\n" + longOutput, ""))?truncate(15000, "...")?json_string}",
  "source": "Vigil",
  "entity": "${subject?json_string}",
  "priority": "${(severity == "critical")?then("P1", (severity == "warning")?then("P3", "P5"))}",
  "user": "${(ackAuthor?has_content)?then(ackAuthor, "Vigil")?json_string}",
  "note": "${ackComment?json_string}",
  "details": {
    "host": "${host?json_string}",
    "service": "${service?json_string}",
    "state": "${state?json_string}",
    "attempt": "${attempt}",
    "notification_number": "${notificationNumber}",
    "link": "${link?json_string}"
  }
}
