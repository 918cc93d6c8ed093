<#if firstName?has_content>Dear ${firstName}<#if lastName?has_content> ${lastName}</#if>,<#else>Hello,</#if>

your payment of ${amount} for order ${merchantTransactionId} has been authorized. The amount is reserved
and will be charged when your order is completed.
