package net.paycallbacks.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * For benchmarks: writes a wrk Lua script that cycles through validly signed, distinct, IXOPAY-shaped
 * callbacks of about 1 KB. wrk cannot compute HMACs itself, so they are signed here in advance.
 * Args: COUNT CONNECTOR SECRET OUT_FILE.
 */
public final class BenchRequests {

    private BenchRequests() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        String path = "/callbacks/" + args[1];
        byte[] secret = args[2].getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        StringBuilder lua = new StringBuilder("local signed = {\n");
        for (int i = 0; i < count; i++) {
            SignedCallback callback = SignedCallback.of(UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                    i, "OK", path, secret, now);
            lua.append("  {[==[").append(callback.signature()).append("]==], [==[")
                    .append(new String(callback.body(), StandardCharsets.UTF_8)).append("]==]},\n");
        }
        lua.append("}\n")
                .append("local path, date, requests, next = [==[").append(path).append("]==], [==[")
                .append(SignedCallback.ixopayDate(now)).append("]==], {}, 0\n")
                .append("""
                        init = function(args)
                          for i, s in ipairs(signed) do
                            requests[i] = wrk.format("POST", path,
                              {["Content-Type"] = "application/json; charset=utf-8", ["Date"] = date, ["X-Signature"] = s[1]}, s[2])
                          end
                        end
                        request = function()
                          next = next % #requests + 1
                          return requests[next]
                        end
                        """);
        Files.writeString(Path.of(args[3]), lua);
    }

    /** A card payment callback with customer and card data, padded to about 1 KB like real ones. */
    static String body(String uuid, int n) {
        return """
                {"result":"OK","uuid":"%s","merchantTransactionId":"order-%08d","purchaseId":"20261128-%s",\
                "transactionType":"DEBIT","paymentMethod":"Creditcard","amount":"%d.90","currency":"EUR",\
                "returnData":{"_TYPE":"cardData","type":"visa","cardHolder":"Zoe Unal","expiryMonth":"12",\
                "expiryYear":"2029","binDigits":"41111111","firstSixDigits":"411111","lastFourDigits":"1111",\
                "fingerprint":"46f7adfeb0a123bc7e9ab3c0d2e1f4a5","threeDSecure":"MANDATORY","binBrand":"VISA",\
                "binBank":"EXAMPLE BANK AG","binType":"CREDIT","binLevel":"CLASSIC","binCountry":"AT","eci":"05"},\
                "customer":{"identification":"cust-%08d","firstName":"Zoë","lastName":"Ünal","billingAddress1":\
                "Mariahilfer Straße 1","billingCity":"Wien","billingPostcode":"1060","billingCountry":"AT",\
                "email":"zoe.unal+%d@example.com","emailVerified":"false","ipAddress":"203.0.113.7"},\
                "extraData":{"shopSession":"b3f1c0de","channel":"web","basketSize":"3","campaign":"winter-sale"},\
                "merchantMetaData":"tenant=eu-1;store=vienna-flagship;terminal=web-checkout-02"}"""
                .formatted(uuid, n, uuid, 10 + n % 90, n, n);
    }
}
