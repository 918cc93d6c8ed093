<#if firstName?has_content>Dear ${firstName}<#if lastName?has_content> ${lastName}</#if>,<#else>Hello,</#if>

we have refunded ${amount} for order ${merchantTransactionId}. Depending on your bank, it may take a few
days until you see it on your statement.
