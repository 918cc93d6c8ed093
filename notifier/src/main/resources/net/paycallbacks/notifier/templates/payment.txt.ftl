<#if firstName?has_content>Dear ${firstName}<#if lastName?has_content> ${lastName}</#if>,<#else>Hello,</#if>

thank you for your payment. We have received ${amount} for order ${merchantTransactionId}.

This email confirms the payment; please keep it for your records.
