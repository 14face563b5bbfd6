<#if isHost>** ${type} Host Alert: ${host} is ${state} **<#else>** ${type} Service Alert: ${host}/${service} is ${state} **</#if>
