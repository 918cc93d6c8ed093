package net.paycallbacks.ingress.support;

/** What the ingress answered. */
public record HttpAnswer(int status, String contentType, String body) {
}
