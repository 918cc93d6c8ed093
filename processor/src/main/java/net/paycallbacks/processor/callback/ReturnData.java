package net.paycallbacks.processor.callback;

/**
 * What the payment instrument returned. IXOPAY documents a flat object with a {@code _TYPE}
 * discriminator ({@code cardData}, {@code phoneData}, ...); one of its own guides nests the fields as
 * {@code returnData.cardData{...}} instead. Both read into the same record; exactly one part is set.
 */
public record ReturnData(String type, CardData card, PhoneData phone, IbanData iban, WalletData wallet, AchData ach) {

    /** Card details as IXOPAY reports them: never the full number, and still never to be logged. */
    public record CardData(String type, String firstName, String lastName, String country, String cardHolder,
                           String expiryMonth, String expiryYear, String binDigits, String firstSixDigits,
                           String lastFourDigits, String fingerprint, String binBrand, String binBank,
                           String binType, String binLevel, String binCountry, String binSegment,
                           String binRawData, String threeDSecure, String eci, String merchantAdviceCode,
                           String parsedMerchantAdviceCode, String schemeTransactionIdentifier,
                           String cardUpdateStatus, String cardUpdatedAt, String cardUpdatePausedUntil) {

        @Override
        public String toString() {
            return "CardData[redacted]";
        }
    }

    public record PhoneData(String phoneNumber, String country, String operator) {
    }

    public record IbanData(String accountOwner, String iban, String bic, String mandateId, String mandateDate,
                           String bankName, String bankBranchName, String country) {
    }

    public record WalletData(String walletReferenceId, String walletOwner, String walletType,
                             String walletOwnerFirstName, String walletOwnerLastName,
                             String walletOwnerCountryCode, String walletRegistrationId) {
    }

    public record AchData(String accountHolder, String accountHolderType, String accountType, String accountNumber,
                          String routingNumber) {
    }

    @Override
    public String toString() {
        return "ReturnData[type=" + type + "]";
    }
}
