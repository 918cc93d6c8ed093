package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The paying customer as IXOPAY sent them; personal data, so never log it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventCustomer(String email, String firstName, String lastName) {

    @Override
    public String toString() {
        return "EventCustomer[redacted]";
    }
}
