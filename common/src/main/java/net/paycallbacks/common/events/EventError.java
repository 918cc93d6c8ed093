package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Why a transaction failed, as IXOPAY reported it; base decisions on {@code code}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventError(String code, String message, String adapterCode, String adapterMessage) {
}
