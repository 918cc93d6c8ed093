package net.paycallbacks.processor.callback;

import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.callback.Callback.ChargebackData;
import net.paycallbacks.processor.callback.Callback.ChargebackReversalData;
import net.paycallbacks.processor.callback.Callback.CallbackError;
import net.paycallbacks.processor.callback.Callback.ScheduleData;
import net.paycallbacks.processor.callback.ReturnData.CardData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackParserTest {

    private static final String UUID = "d94c0d72f3a36e21f16e";
    private static final String CARD_NUMBER = "4111111111111111";
    private static final String EMAIL = "zoe.unal@example.com";

    /** A realistic DEBIT success, shaped like docs/examples/debit-success.json. */
    private static final String DEBIT_SUCCESS = """
            {
              "result": "OK",
              "uuid": "d94c0d72f3a36e21f16e",
              "merchantTransactionId": "order-2026-0001",
              "purchaseId": "20261128-d94c0d72f3a36e21f16e",
              "transactionType": "DEBIT",
              "paymentMethod": "Creditcard",
              "amount": "10.90",
              "currency": "EUR",
              "returnData": {
                "_TYPE": "cardData",
                "type": "visa",
                "cardHolder": "Zoë Ünal",
                "expiryMonth": "12",
                "expiryYear": "2029",
                "binDigits": "41111111",
                "firstSixDigits": "411111",
                "lastFourDigits": "1111",
                "fingerprint": "46f7adfeb0a123bc7e9",
                "threeDSecure": "MANDATORY",
                "binBrand": "VISA",
                "binBank": "EXAMPLE BANK",
                "binCountry": "AT"
              },
              "customer": {
                "firstName": "Zoë",
                "lastName": "Ünal",
                "billingCountry": "AT",
                "email": "zoe.unal@example.com",
                "emailVerified": "false",
                "ipAddress": "203.0.113.7"
              },
              "extraData": {
                "shopSession": "b3f1"
              }
            }
            """;

    private static final String CARD_FIELDS = """
            "type": "visa",
            "cardHolder": "Zoë Ünal",
            "expiryMonth": "12",
            "expiryYear": "2029",
            "firstSixDigits": "411111",
            "lastFourDigits": "1111",
            "binBrand": "VISA"
            """;

    // ---------------------------------------------------------------- full callback

    @Test
    void fullDebitCallbackIsReadWithTypedFields() {
        Callback callback = readable(DEBIT_SUCCESS);

        assertThat(callback.uuid()).isEqualTo(UUID);
        assertThat(callback.merchantTransactionId()).isEqualTo("order-2026-0001");
        assertThat(callback.purchaseId()).isEqualTo("20261128-d94c0d72f3a36e21f16e");
        assertThat(callback.transactionType()).isEqualTo("DEBIT");
        assertThat(callback.paymentMethod()).isEqualTo("Creditcard");
        assertThat(callback.amount()).isEqualTo(new BigDecimal("10.90"));
        assertThat(callback.amount().scale()).isEqualTo(2);
        assertThat(callback.currency()).isEqualTo("EUR");
        assertThat(callback.extraData()).containsOnlyKeys("shopSession");
        assertThat(callback.extraData().get("shopSession").asText()).isEqualTo("b3f1");
    }

    @Test
    void fullDebitCallbackWithResultOkHasStatusSuccess() {
        ParsedCallback parsed = parse(DEBIT_SUCCESS);

        assertThat(parsed).isInstanceOf(ParsedCallback.Readable.class);
        assertThat(((ParsedCallback.Readable) parsed).status()).isEqualTo(TransactionStatus.SUCCESS);
    }

    @Test
    void fullDebitCallbackKeepsNonAsciiCustomerNames() {
        Callback.Customer customer = readable(DEBIT_SUCCESS).customer();

        assertThat(customer.firstName()).isEqualTo("Zoë");
        assertThat(customer.lastName()).isEqualTo("Ünal");
        assertThat(customer.email()).isEqualTo(EMAIL);
        assertThat(customer.billingCountry()).isEqualTo("AT");
        assertThat(customer.ipAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void fullDebitCallbackReadsCardReturnData() {
        ReturnData returnData = readable(DEBIT_SUCCESS).returnData();

        assertThat(returnData.type()).isEqualTo("cardData");
        assertThat(returnData.iban()).isNull();
        CardData card = returnData.card();
        assertThat(card.type()).isEqualTo("visa");
        assertThat(card.cardHolder()).isEqualTo("Zoë Ünal");
        assertThat(card.expiryMonth()).isEqualTo("12");
        assertThat(card.expiryYear()).isEqualTo("2029");
        assertThat(card.binDigits()).isEqualTo("41111111");
        assertThat(card.firstSixDigits()).isEqualTo("411111");
        assertThat(card.lastFourDigits()).isEqualTo("1111");
        assertThat(card.threeDSecure()).isEqualTo("MANDATORY");
        assertThat(card.binBrand()).isEqualTo("VISA");
        assertThat(card.binCountry()).isEqualTo("AT");
    }

    // ---------------------------------------------------------------- exact amounts

    @Test
    void amountAsJsonNumberKeepsItsScale() {
        Callback callback = readable(body("\"amount\": 10.90"));

        assertThat(callback.amount()).isEqualTo(new BigDecimal("10.90"));
        assertThat(callback.amount().scale()).isEqualTo(2);
        assertThat(callback.amount().toPlainString()).isEqualTo("10.90");
    }

    @Test
    void amountAsJsonNumberWithTrailingZerosIsNotNormalised() {
        Callback callback = readable(body("\"amount\": 100.00"));

        assertThat(callback.amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(callback.amount().toPlainString()).isEqualTo("100.00");
    }

    @Test
    void amountAsJsonNumberWithThreeDecimalsIsExact() {
        Callback callback = readable(body("\"amount\": 1234.567"));

        assertThat(callback.amount()).isEqualTo(new BigDecimal("1234.567"));
        assertThat(callback.amount().scale()).isEqualTo(3);
        assertThat(callback.amount().toPlainString()).isEqualTo("1234.567");
    }

    @Test
    void amountAsJsonNumberIsNotRoundedThroughDouble() {
        Callback small = readable(body("\"amount\": 0.1"));
        Callback large = readable(body("\"amount\": 12345678901234567.89"));

        assertThat(small.amount()).isEqualTo(new BigDecimal("0.1"));
        assertThat(small.amount().toPlainString()).isEqualTo("0.1");
        // as a double this would be 12345678901234568
        assertThat(large.amount()).isEqualTo(new BigDecimal("12345678901234567.89"));
    }

    @Test
    void amountAsStringAndAsNumberGiveTheSameValue() {
        Callback asString = readable(body("\"amount\": \"49.90\", \"surchargeAmount\": \"1.50\""));
        Callback asNumber = readable(body("\"amount\": 49.90, \"surchargeAmount\": 1.50"));

        assertThat(asNumber.amount()).isEqualTo(asString.amount()).isEqualTo(new BigDecimal("49.90"));
        assertThat(asNumber.surchargeAmount()).isEqualTo(asString.surchargeAmount()).isEqualTo(new BigDecimal("1.50"));
    }

    // ---------------------------------------------------------------- returnData shapes

    @Test
    void flatAndNestedCardReturnDataGiveTheSameCard() {
        Callback flat = readable(body("""
                "returnData": { "_TYPE": "cardData", %s }
                """.formatted(CARD_FIELDS)));
        Callback nested = readable(body("""
                "returnData": { "cardData": { %s } }
                """.formatted(CARD_FIELDS)));

        assertThat(flat.returnData().card()).isNotNull();
        assertThat(nested.returnData().card()).isEqualTo(flat.returnData().card());
        assertThat(nested.returnData().card().cardHolder()).isEqualTo("Zoë Ünal");
        assertThat(nested.returnData().card().lastFourDigits()).isEqualTo("1111");
    }

    @Test
    void typeAfterTheFieldsItDescribesStillReadsTheCard() {
        Callback typeLast = readable(body("""
                "returnData": { %s, "_TYPE": "cardData" }
                """.formatted(CARD_FIELDS)));
        Callback typeFirst = readable(body("""
                "returnData": { "_TYPE": "cardData", %s }
                """.formatted(CARD_FIELDS)));

        assertThat(typeLast.returnData().card()).isNotNull().isEqualTo(typeFirst.returnData().card());
    }

    @Test
    void nestedPartAmongOtherFieldsIsFound() {
        ReturnData returnData = readable(body("""
                "returnData": {
                  "phoneData": "not an object",
                  "someFutureField": { "walletOwner": "not this one" },
                  "walletData": { "walletOwner": "Zoë Ünal", "walletType": "paypal" },
                  "trailing": [1, 2]
                }
                """)).returnData();

        assertThat(returnData.type()).isEqualTo("walletData");
        assertThat(returnData.phone()).isNull();
        assertThat(returnData.wallet().walletOwner()).isEqualTo("Zoë Ünal");
        assertThat(returnData.wallet().walletType()).isEqualTo("paypal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"cardData\"", "[1, 2]", "42"})
    void returnDataThatIsNoObjectIsLeftOut(String value) {
        Callback callback = readable(body("""
                "returnData": %s
                """.formatted(value)));

        assertThat(callback.returnData()).isNull();
        assertThat(callback.uuid()).isNotBlank();
    }

    @Test
    void ibanTypeFillsIban() {
        ReturnData returnData = readable(body("""
                "returnData": {
                  "_TYPE": "ibanData",
                  "accountOwner": "Zoë Ünal",
                  "iban": "AT611904300234573201",
                  "bic": "BKAUATWW",
                  "mandateId": "m-1",
                  "country": "AT"
                }
                """)).returnData();

        assertThat(returnData.type()).isEqualTo("ibanData");
        assertThat(returnData.card()).isNull();
        assertThat(returnData.iban().iban()).isEqualTo("AT611904300234573201");
        assertThat(returnData.iban().bic()).isEqualTo("BKAUATWW");
        assertThat(returnData.iban().accountOwner()).isEqualTo("Zoë Ünal");
    }

    @Test
    void creditcardDataTypeIsReadAsCard() {
        ReturnData returnData = readable(body("""
                "returnData": { "_TYPE": "creditcardData", %s }
                """.formatted(CARD_FIELDS))).returnData();

        assertThat(returnData.card()).isNotNull();
        assertThat(returnData.card().binBrand()).isEqualTo("VISA");
        assertThat(returnData.card().lastFourDigits()).isEqualTo("1111");
    }

    // ---------------------------------------------------------------- lenient types

    @Test
    void emailVerifiedAsStringFalseIsBooleanFalse() {
        Callback callback = readable(body("""
                "customer": { "email": "zoe.unal@example.com", "emailVerified": "false" }
                """));

        assertThat(callback.customer().emailVerified()).isEqualTo(Boolean.FALSE);
    }

    @Test
    void expiryMonthAsNumberIsReadAsString() {
        Callback callback = readable(body("""
                "returnData": { "_TYPE": "cardData", "expiryMonth": 12, "expiryYear": 2029 }
                """));

        assertThat(callback.returnData().card().expiryMonth()).isEqualTo("12");
        assertThat(callback.returnData().card().expiryYear()).isEqualTo("2029");
    }

    @Test
    void objectWhereStringIsExpectedBecomesNullAndTheRestIsRead() {
        Callback callback = readable(body("""
                "merchantMetaData": { "a": 1 },
                "amount": "10.90",
                "customer": { "email": "zoe.unal@example.com" }
                """));

        assertThat(callback.merchantMetaData()).isNull();
        assertThat(callback.uuid()).isEqualTo(UUID);
        assertThat(callback.amount()).isEqualTo(new BigDecimal("10.90"));
        assertThat(callback.currency()).isEqualTo("EUR");
        assertThat(callback.customer().email()).isEqualTo(EMAIL);
    }

    /** Beyond the brief: the class javadoc promises that any unreadable field becomes null. */
    @Test
    void scalarWhereObjectIsExpectedBecomesNullAndTheRestIsRead() {
        ParsedCallback parsed = parse(body("""
                "customer": "zoe.unal@example.com",
                "amount": "10.90"
                """));

        assertThat(parsed).isInstanceOf(ParsedCallback.Readable.class);
        Callback callback = ((ParsedCallback.Readable) parsed).callback();
        assertThat(callback.customer()).isNull();
        assertThat(callback.amount()).isEqualTo(new BigDecimal("10.90"));
    }

    /** Until 2026-12-07 (Jackson's databind) this sent the whole callback to the dead-letter topic. */
    @Test
    void emptyOrBlankStringWhereObjectIsExpectedBecomesNullAndTheRestIsRead() {
        Callback callback = readable(body("""
                "customer": "",
                "extraData": "  ",
                "amount": "10.90"
                """));

        assertThat(callback.customer()).isNull();
        assertThat(callback.extraData()).isNull();
        assertThat(callback.amount()).isEqualTo(new BigDecimal("10.90"));
    }

    /** Until 2026-12-07 (Jackson's databind) this sent the whole callback to the dead-letter topic. */
    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "1e10", "123456789012345678901234567890"})
    void sequenceNumberBeyondAnIntBecomesNull(String number) {
        Callback callback = readable(body("""
                "tracingData": {"transactions": [{"uuid": "t1", "sequence_number": %s, "status": "success"}]}
                """.formatted(number)));

        assertThat(callback.tracingData().transactions()).singleElement().satisfies(traced -> {
            assertThat(traced.sequence_number()).isNull();
            assertThat(traced.uuid()).isEqualTo("t1");
        });
    }

    /** Jackson's databind quarantined text longer than its bound on a number's digits (1,000). */
    @Test
    void amountAsTextLongerThanAnyNumberBecomesNull() {
        Callback callback = readable(body("\"amount\": \"" + "9".repeat(1001) + "\""));

        assertThat(callback.amount()).isNull();
        assertThat(callback.currency()).isEqualTo("EUR");
    }

    @Test
    void nonNumericAmountBecomesNullAndCallbackStaysReadable() {
        ParsedCallback parsed = parse(body("\"amount\": \"n/a\""));

        assertThat(parsed).isInstanceOf(ParsedCallback.Readable.class);
        Callback callback = ((ParsedCallback.Readable) parsed).callback();
        assertThat(callback.amount()).isNull();
        assertThat(callback.currency()).isEqualTo("EUR");
        assertThat(((ParsedCallback.Readable) parsed).status()).isEqualTo(TransactionStatus.SUCCESS);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Callback callback = readable(body("""
                "someFutureField": { "nested": [1, 2, 3] },
                "anotherOne": "x",
                "customer": { "email": "zoe.unal@example.com", "favouriteColour": "blue" },
                "returnData": { "_TYPE": "cardData", "lastFourDigits": "1111", "newCardField": true }
                """));

        assertThat(callback.uuid()).isEqualTo(UUID);
        assertThat(callback.customer().email()).isEqualTo(EMAIL);
        assertThat(callback.returnData().card().lastFourDigits()).isEqualTo("1111");
    }

    @Test
    void scheduleDataAsSingleObjectIsAListOfOne() {
        Callback callback = readable(body("""
                "scheduleData": {
                  "scheduleId": "SC-1",
                  "scheduleStatus": "active",
                  "scheduledAt": "2026-12-01T10:00:00+00:00"
                }
                """));

        assertThat(callback.scheduleData())
                .containsExactly(new ScheduleData("SC-1", "active", "2026-12-01T10:00:00+00:00", null));
    }

    @Test
    void scheduleDataAsArrayKeepsEveryEntry() {
        Callback callback = readable(body("""
                "scheduleData": [
                  { "scheduleId": "SC-1", "scheduleStatus": "active" },
                  { "scheduleId": "SC-2", "scheduleStatus": "paused" }
                ]
                """));

        assertThat(callback.scheduleData()).extracting(ScheduleData::scheduleId).containsExactly("SC-1", "SC-2");
        assertThat(callback.scheduleData()).extracting(ScheduleData::scheduleStatus).containsExactly("active", "paused");
    }

    @Test
    void errorsArrayIsRead() {
        Callback callback = readable(body("""
                "message": "Payment declined",
                "code": "2003",
                "adapterMessage": "Do not honor",
                "adapterCode": "05",
                "errors": [
                  { "message": "Payment declined", "code": "2003", "adapterMessage": "Do not honor", "adapterCode": "05" },
                  { "message": "Insufficient funds", "code": "2004" }
                ]
                """, "ERROR"));

        assertThat(callback.message()).isEqualTo("Payment declined");
        assertThat(callback.code()).isEqualTo("2003");
        assertThat(callback.adapterCode()).isEqualTo("05");
        assertThat(callback.errors()).containsExactly(
                new CallbackError("Payment declined", "2003", "Do not honor", "05"),
                new CallbackError("Insufficient funds", "2004", null, null));
    }

    @Test
    void chargebackDataIsRead() {
        Callback callback = readable(body("""
                "transactionType": "CHARGEBACK",
                "chargebackData": {
                  "originalUuid": "0a1b2c3d4e5f60718293",
                  "originalMerchantTransactionId": "order-2026-0001",
                  "amount": "10.90",
                  "currency": "EUR",
                  "reason": "fraud",
                  "chargebackDateTime": "2026-12-03T08:30:00Z"
                }
                """));

        assertThat(callback.transactionType()).isEqualTo("CHARGEBACK");
        assertThat(callback.chargebackData()).isEqualTo(new ChargebackData("0a1b2c3d4e5f60718293",
                "order-2026-0001", new BigDecimal("10.90"), "EUR", "fraud", "2026-12-03T08:30:00Z"));
    }

    @Test
    void chargebackReversalDataIsRead() {
        Callback callback = readable(body("""
                "transactionType": "CHARGEBACK-REVERSAL",
                "chargebackReversalData": {
                  "originalUuid": "0a1b2c3d4e5f60718293",
                  "originalMerchantTransactionId": "order-2026-0001",
                  "chargebackUuid": "ffeeddccbbaa99887766",
                  "amount": "10.90",
                  "currency": "EUR",
                  "reason": "merchant won",
                  "reversalDateTime": "2026-12-20T09:00:00Z"
                }
                """));

        assertThat(callback.transactionType()).isEqualTo("CHARGEBACK-REVERSAL");
        assertThat(callback.chargebackReversalData()).isEqualTo(new ChargebackReversalData("0a1b2c3d4e5f60718293",
                "order-2026-0001", "ffeeddccbbaa99887766", new BigDecimal("10.90"), "EUR", "merchant won",
                "2026-12-20T09:00:00Z"));
    }

    @Test
    void notificationSourceAndOriginalAmountAreRead() {
        Callback callback = readable(body("""
                "notificationSource": "reconciliation",
                "amount": "9.90",
                "originalAmount": "10.90",
                "originalCurrency": "EUR"
                """));

        assertThat(callback.notificationSource()).isEqualTo("reconciliation");
        assertThat(callback.amount()).isEqualTo(new BigDecimal("9.90"));
        assertThat(callback.originalAmount()).isEqualTo(new BigDecimal("10.90"));
        assertThat(callback.originalCurrency()).isEqualTo("EUR");
    }

    // ---------------------------------------------------------------- result mapping

    @ParameterizedTest(name = "result {0} -> {1}")
    @CsvSource({
            "OK, SUCCESS",
            "ok, SUCCESS",
            "PENDING, PENDING",
            "Pending, PENDING",
            "ERROR, ERROR",
            "error, ERROR",
    })
    void resultMapsToStatus(String result, TransactionStatus expected) {
        ParsedCallback parsed = parse(body("", result));

        assertThat(parsed).isInstanceOf(ParsedCallback.Readable.class);
        assertThat(((ParsedCallback.Readable) parsed).status()).isEqualTo(expected);
    }

    @Test
    void missingResultIsUnreadableWithNoResult() {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "uuid": "d94c0d72f3a36e21f16e", "transactionType": "DEBIT", "amount": "10.90" }
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NO_RESULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REDIRECT", "SUCCESS", "INVALID_REQUEST", ""})
    void unknownResultIsUnreadableWithNoResult(String result) {
        ParsedCallback.Unreadable unreadable = unreadable(body("", result));

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NO_RESULT);
    }

    // ---------------------------------------------------------------- not JSON, no uuid

    @Test
    void nonJsonBytesAreNotJson() {
        assertThat(unreadable(new byte[]{0x1f, (byte) 0x8b, 0x08, 0x00}).reason())
                .isEqualTo(QuarantineReason.NOT_JSON);
        assertThat(unreadable("result=OK&uuid=d94c0d72f3a36e21f16e").reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void emptyBodyIsNotJson() {
        assertThat(unreadable(new byte[0]).reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void jsonArrayIsNotJson() {
        assertThat(unreadable("""
                [ { "result": "OK", "uuid": "d94c0d72f3a36e21f16e" } ]
                """).reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void jsonStringIsNotJson() {
        assertThat(unreadable("\"OK\"").reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void duplicateTopLevelKeyIsNotJson() {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e", "uuid": "0a1b2c3d4e5f60718293" }
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void duplicateResultKeyIsNotJson() {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "ERROR", "uuid": "d94c0d72f3a36e21f16e", "result": "OK" }
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void missingUuidIsNoUuid() {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "OK", "merchantTransactionId": "order-2026-0001", "amount": "10.90" }
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NO_UUID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankUuidIsNoUuid(String uuid) {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "OK", "uuid": "%s", "amount": "10.90" }
                """.formatted(uuid));

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NO_UUID);
    }

    // ---------------------------------------------------------------- detail hygiene

    @Test
    void detailOfFormEncodedBodyDoesNotRepeatCardNumberOrEmail() {
        ParsedCallback.Unreadable unreadable = unreadable("pan=" + CARD_NUMBER + "&email=" + EMAIL);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NOT_JSON);
        assertDetailHidesBody(unreadable, CARD_NUMBER, EMAIL);
    }

    @Test
    void detailOfXmlBodyDoesNotRepeatCardNumberOrEmail() {
        ParsedCallback.Unreadable unreadable = unreadable("""
                <callback><pan>4111111111111111</pan><email>zoe.unal@example.com</email></callback>
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NOT_JSON);
        assertDetailHidesBody(unreadable, CARD_NUMBER, EMAIL);
    }

    @Test
    void detailOfBrokenJsonDoesNotRepeatAnUnquotedValue() {
        // Jackson's own message would be "Unrecognized token 'ZoeUnal4111111111111111': ..."
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e",
                  "returnData": { "_TYPE": "cardData", "cardHolder": ZoeUnal4111111111111111 } }
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NOT_JSON);
        assertDetailHidesBody(unreadable, "ZoeUnal", CARD_NUMBER);
    }

    @Test
    void detailOfDuplicateKeyNamesTheFieldButNotTheValues() {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e", "email": "zoe.unal@example.com", "email": "other@example.com" }
                """);

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.NOT_JSON);
        assertThat(unreadable.detail()).contains("\"email\"");
        assertDetailHidesBody(unreadable, EMAIL, "other@example.com");
    }

    @Test
    void aDuplicateKeyBelowTheTopLevelDoesNotQuarantineAnAuthenticCallback() {
        Callback callback = readable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e",
                  "customer": { "email": "zoe.unal@example.com", "email": "other@example.com" } }
                """);

        assertThat(callback.customer().email()).isEqualTo("other@example.com");
    }

    @Test
    void repeatedFieldInsideReturnDataLastOneWins() {
        Callback callback = readable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e",
                  "returnData": { "_TYPE": "cardData", "lastFourDigits": "0000", "lastFourDigits": "1111" } }
                """);

        assertThat(callback.returnData().card().lastFourDigits()).isEqualTo("1111");
    }

    @Test
    void repeatedFieldAfterAPartIsCompleteLastOneWins() {
        // A record is built once each of its fields was seen; the repeat comes after that (PhoneData has three).
        Callback callback = readable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e",
                  "returnData": { "_TYPE": "phoneData", "phoneNumber": "+43 1 234", "country": "AT",
                                  "operator": "A1", "operator": "Magenta" } }
                """);

        assertThat(callback.returnData().phone().operator()).isEqualTo("Magenta");
        assertThat(callback.returnData().phone().country()).isEqualTo("AT");
    }

    @Test
    void repeatedFieldInASmallNestedRecordLastOneWins() {
        Callback callback = readable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e",
                  "splits": [ { "identification": "s-1", "amount": "5.00", "currency": "EUR",
                                "commissionFee": { "amount": "0.50", "currency": "EUR", "currency": "USD" } } ] }
                """);

        assertThat(callback.splits().getFirst().commissionFee().currency()).isEqualTo("USD");
        assertThat(callback.splits().getFirst().commissionFee().amount()).isEqualTo(new BigDecimal("0.50"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "42", "true", "{}{}"})
    void anythingButOneObjectIsNotJson(String body) {
        assertThat(unreadable(body).reason()).isEqualTo(QuarantineReason.NOT_JSON);
    }

    @Test
    void contentAfterTheObjectIsNotJson() {
        assertThat(unreadable("{ \"result\": \"OK\", \"uuid\": \"d94c0d72f3a36e21f16e\" } trailing").reason())
                .isEqualTo(QuarantineReason.NOT_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "\"1e999999999\"", "0.0000000000000000000001", "123456789012345678901234567890123456789"})
    void anAmountNoCurrencyCouldHaveIsUnusable(String amount) {
        ParsedCallback.Unreadable unreadable = unreadable("""
                { "result": "OK", "uuid": "d94c0d72f3a36e21f16e", "amount": %s }
                """.formatted(amount));

        assertThat(unreadable.reason()).isEqualTo(QuarantineReason.UNUSABLE_AMOUNT);
    }

    @Test
    void detailIsAtMost120Characters() {
        String longGarbage = "<" + "x".repeat(5_000) + ">";

        assertThat(unreadable(longGarbage).detail()).isNotBlank().hasSizeLessThanOrEqualTo(120);
        assertThat(unreadable("{ \"uuid\": ").detail()).isNotBlank().hasSizeLessThanOrEqualTo(120);
    }

    // ---------------------------------------------------------------- redaction

    @Test
    void toStringRedactsPersonalAndCardData() {
        Callback callback = readable(DEBIT_SUCCESS);

        assertThat(callback.toString())
                .contains(UUID)
                .doesNotContain(EMAIL, "Zoë", "Ünal", "411111", "41111111", "46f7adfeb0a123bc7e9", "203.0.113.7");
        assertThat(callback.customer().toString()).doesNotContain(EMAIL, "Zoë", "Ünal", "203.0.113.7");
        assertThat(callback.returnData().card().toString()).doesNotContain("Zoë Ünal", "411111", "46f7adfeb0a123bc7e9");
        assertThat(callback.returnData().toString()).doesNotContain("Zoë Ünal", "411111");
    }

    // ---------------------------------------------------------------- helpers

    /** A callback with result OK, the test uuid, currency EUR and the given extra top-level fields. */
    private static String body(String extraFields) {
        return body(extraFields, "OK");
    }

    private static String body(String extraFields, String result) {
        String extra = extraFields.isBlank() ? "" : ",\n" + extraFields;
        return """
                {
                  "result": "%s",
                  "uuid": "%s",
                  "currency": "EUR"%s
                }
                """.formatted(result, UUID, extra);
    }

    private static ParsedCallback parse(String json) {
        return CallbackParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Callback readable(String json) {
        ParsedCallback parsed = parse(json);
        assertThat(parsed).as("parsed %s", json).isInstanceOf(ParsedCallback.Readable.class);
        return ((ParsedCallback.Readable) parsed).callback();
    }

    private static ParsedCallback.Unreadable unreadable(String body) {
        return unreadable(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ParsedCallback.Unreadable unreadable(byte[] body) {
        ParsedCallback parsed = CallbackParser.parse(body);
        assertThat(parsed).isInstanceOf(ParsedCallback.Unreadable.class);
        return (ParsedCallback.Unreadable) parsed;
    }

    private static void assertDetailHidesBody(ParsedCallback.Unreadable unreadable, String... secrets) {
        assertThat(unreadable.detail()).isNotBlank().hasSizeLessThanOrEqualTo(120).doesNotContain(secrets);
    }
}
