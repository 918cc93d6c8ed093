package net.paycallbacks.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's IXOPAY callbacks, as a shop would receive them: a debit going PENDING then OK with a
 * duplicate and a late delivery, a preauthorization and its capture, a refund of the debit and a
 * chargeback on it. Every run gets fresh transaction uuids, so the demo can be run again.
 */
record DemoScenario(String run, List<Step> steps) {

    /** One callback to send, and what it shows. */
    record Step(String label, String uuid, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static DemoScenario of(String run) {
        String debit = uuid(run, "d");
        String preauth = uuid(run, "p");
        String capture = uuid(run, "c");
        String refund = uuid(run, "r");
        String chargeback = uuid(run, "b");
        String order = "demo-" + run;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("debit PENDING", debit, bytes(body(debit, "PENDING", "DEBIT", order + "-1", "49.90", true))));
        steps.add(new Step("debit OK", debit, bytes(body(debit, "OK", "DEBIT", order + "-1", "49.90", true))));
        steps.add(new Step("debit OK again (duplicate)", debit, bytes(body(debit, "OK", "DEBIT", order + "-1", "49.90", true))));
        steps.add(new Step("debit PENDING again (late)", debit, bytes(body(debit, "PENDING", "DEBIT", order + "-1", "49.90", true))));
        steps.add(new Step("preauthorization OK", preauth, bytes(body(preauth, "OK", "PREAUTHORIZE", order + "-2", "120.00", true))));
        steps.add(new Step("capture OK", capture, with(body(capture, "OK", "CAPTURE", order + "-2", "120.00", false),
                "referenceUuid", preauth)));
        steps.add(new Step("refund of the debit OK", refund, with(body(refund, "OK", "REFUND", order + "-1-refund", "10.00", false),
                "referenceUuid", debit)));
        ObjectNode chargebackBody = body(chargeback, "OK", "CHARGEBACK", "auto-" + chargeback, "39.90", false);
        chargebackBody.putObject("chargebackData").put("originalUuid", debit).put("originalMerchantTransactionId", order + "-1")
                .put("amount", "39.90").put("currency", "EUR").put("reason", "fraud").put("chargebackDateTime", "2026-11-29T10:00:00Z");
        steps.add(new Step("chargeback on the debit OK", chargeback, bytes(chargebackBody)));
        return new DemoScenario(run, List.copyOf(steps));
    }

    List<String> transactions() {
        return steps.stream().map(Step::uuid).distinct().toList();
    }

    /** One event per real change: debit PENDING and SUCCEEDED, then one SUCCEEDED per other transaction. */
    int expectedEvents() {
        return 2 + transactions().size() - 1;
    }

    /** Payment, authorization and refund confirmations; captures and chargebacks send none. */
    int expectedEmails() {
        return 3;
    }

    String orderPrefix() {
        return "demo-" + run;
    }

    private static String uuid(String run, String kind) {
        return ("demo" + run + kind + "00000000000000000000").substring(0, 20);
    }

    private static ObjectNode body(String uuid, String result, String type, String order, String amount, boolean customer) {
        ObjectNode body = JSON.createObjectNode()
                .put("result", result).put("uuid", uuid).put("merchantTransactionId", order)
                .put("purchaseId", "20261129-" + uuid).put("transactionType", type).put("paymentMethod", "Creditcard")
                .put("amount", amount).put("currency", "EUR");
        if (customer) {
            body.putObject("customer").put("firstName", "Zoë").put("lastName", "Ünal")
                    .put("email", "zoe.unal@example.com").put("billingCountry", "AT");
        }
        return body;
    }

    private static byte[] with(ObjectNode body, String field, String value) {
        return bytes(body.put(field, value));
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
