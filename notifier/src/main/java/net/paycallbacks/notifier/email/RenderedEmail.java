package net.paycallbacks.notifier.email;

/** One email, ready for SMTP: a subject and the two parts of a multipart/alternative body. */
public record RenderedEmail(String subject, String text, String html) {

    @Override
    public String toString() {
        // The parts carry the customer's name; only the subject's length is printable.
        return "RenderedEmail[subject of " + subject.length() + " characters]";
    }
}
