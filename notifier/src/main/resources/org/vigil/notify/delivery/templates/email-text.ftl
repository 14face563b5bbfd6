***** Vigil *****

Notification Type: ${type}
<#if !isHost>
Service: ${service}
</#if>
Host: ${host}
State: ${state} (${stateType}, attempt ${attempt})
Duration: ${duration}
Notification: #${notificationNumber}
Date/Time: ${time}
<#if type == "ACKNOWLEDGEMENT" || ackAuthor?has_content>

Acknowledged by ${ackAuthor}: ${ackComment}
</#if>

Info:

${output}
<#if longOutput?has_content>
${longOutput}
</#if>
<#if link?has_content>

${link}
</#if>
<#if (ackLink!"")?has_content>

Acknowledge (as ${contact.name}):
${ackLink}

Schedule ${downtimeHours} h downtime:
${downtimeLink}
</#if>
