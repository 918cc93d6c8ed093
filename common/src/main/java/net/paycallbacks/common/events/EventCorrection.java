package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a reconciliation or settlement changed.
 *
 * @param source           IXOPAY's {@code notificationSource}: {@code reconciliation} or {@code settlement}
 * @param previousAmount   the amount before this correction
 * @param previousCurrency the currency before this correction
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventCorrection(String source, String previousAmount, String previousCurrency) {
}
