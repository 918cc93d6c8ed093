package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One IXOPAY callback body (API v3, JSON), every documented top-level field typed. Amounts are exact
 * decimals. Fields IXOPAY left out, or sent in a shape we could not read, are null.
 *
 * @param result             {@code OK}, {@code PENDING} or {@code ERROR}: the outcome of this transaction
 * @param notificationSource {@code reconciliation} or {@code settlement} when this callback corrects an
 *                           earlier status, amount or currency
 * @param scheduleData       an array in the documentation; a single object is read as a one-element list
 * @param errorMessage       legacy spelling of {@code message} that the PHP SDK still reads
 */
public record Callback(
        String result, String uuid, String merchantTransactionId, String purchaseId,
        String transactionType, String transactionSubType, String paymentMethod,
        BigDecimal amount, String currency, BigDecimal surchargeAmount, BigDecimal totalAmount,
        DccData dccData, String referenceUuid,
        String message, String code, String adapterMessage, String adapterCode, List<CallbackError> errors,
        String errorMessage, String errorCode,
        ChargebackData chargebackData, ChargebackReversalData chargebackReversalData,
        Map<String, JsonNode> extraData, String merchantMetaData, ReturnData returnData,
        PayByLinkData payByLinkData, Customer customer, CustomerProfileData customerProfileData,
        List<Split> splits, TracingData tracingData, List<ScheduleData> scheduleData,
        String notificationSource, BigDecimal originalAmount, String originalCurrency) {

    /** An error as listed in {@code errors[]}. */
    public record CallbackError(String message, String code, String adapterMessage, String adapterCode) {
    }

    public record DccData(String remoteIdentifier, BigDecimal originalAmount, String originalCurrency,
                          BigDecimal convertedAmount, String convertedCurrency, BigDecimal conversionRate,
                          String selectedCurrency, BigDecimal markUp) {
    }

    public record ChargebackData(String originalUuid, String originalMerchantTransactionId, BigDecimal amount,
                                 String currency, String reason, String chargebackDateTime) {
    }

    public record ChargebackReversalData(String originalUuid, String originalMerchantTransactionId,
                                         String chargebackUuid, BigDecimal amount, String currency,
                                         String reason, String reversalDateTime) {
    }

    public record PayByLinkData(Boolean sendViaEmail, String cancelUrl, String expiresAt, String payByLink) {
    }

    public record CustomerProfileData(String profileGuid, String customerIdentification, String paymentToken,
                                      Boolean markAsPreferred) {
    }

    public record Split(String identification, BigDecimal amount, String currency, String sellerMerchantGuid,
                        String sellerMerchantExternalId, Amount commissionFee) {
    }

    public record Amount(BigDecimal amount, String currency) {
    }

    public record TracingData(List<TracedTransaction> transactions) {
    }

    public record TracedTransaction(String uuid, Integer sequence_number, String status, TracedConnector connector) {
    }

    public record TracedConnector(String guid) {
    }

    public record ScheduleData(String scheduleId, String scheduleStatus, String scheduledAt, String merchantMetaData) {
    }

    /** Personal data: the generated {@code toString} would print it, so this one does not. */
    public record Customer(
            String identification, String firstName, String lastName, String birthDate, String gender,
            String billingAddress1, String billingAddress2, String billingCity, String billingPostcode,
            String billingState, String billingCountry, String billingPhone,
            String shippingFirstName, String shippingLastName, String shippingCompany,
            String shippingAddress1, String shippingAddress2, String shippingCity, String shippingPostcode,
            String shippingState, String shippingCountry, String shippingPhone,
            String company, String email, Boolean emailVerified, String ipAddress, String nationalId,
            Map<String, JsonNode> extraData, Map<String, JsonNode> paymentData) {

        @Override
        public String toString() {
            return "Customer[redacted]";
        }
    }

    @Override
    public String toString() {
        // Bodies carry card and customer data; only the identifying, non-personal fields are printable.
        return "Callback[uuid=" + uuid + ", result=" + result + ", transactionType=" + transactionType + "]";
    }
}
