package net.paycallbacks.ingress.http;

/** The request-target that IXOPAY signs: path plus {@code ?query} exactly as sent, without scheme or host. */
final class RequestTarget {

    private RequestTarget() {
    }

    static String of(String uriFromRequestLine) {
        int schemeEnd = uriFromRequestLine.indexOf("://");
        if (schemeEnd < 0 || uriFromRequestLine.startsWith("/")) {
            return uriFromRequestLine;
        }
        // Absolute-form ("http://host/path?q"), as some proxies forward it: keep path and query only.
        int pathStart = uriFromRequestLine.indexOf('/', schemeEnd + 3);
        return pathStart < 0 ? "/" : uriFromRequestLine.substring(pathStart);
    }
}
